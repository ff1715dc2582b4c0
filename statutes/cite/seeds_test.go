package cite

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// seedCells splits a seed catalog (testdata/seeds at the repository root)
// into its cells: a line starting with a TAB (after optional spaces) opens
// a cell; lines without one continue it.
func seedCells(tb testing.TB, name string) []string {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "seeds", name))
	if err != nil {
		tb.Fatalf("read seed %s: %v", name, err)
	}
	var cells []string
	var cur []string
	flush := func() {
		if cur != nil {
			cells = append(cells, strings.Join(cur, "\n"))
		}
		cur = nil
	}
	for _, line := range strings.Split(string(b), "\n") {
		if t := strings.TrimLeft(line, " "); strings.HasPrefix(t, "\t") {
			flush()
			cur = []string{t[1:]}
			continue
		}
		if cur != nil {
			cur = append(cur, line)
		}
	}
	flush()
	return cells
}

var seedFiles = []string{"000_cc42e2149e1dc4a3.txt", "003_63d24b8c8a735c5c.txt"}
