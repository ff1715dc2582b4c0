package rules

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/citelint/citelint/catalog"
	"github.com/citelint/citelint/lint"
)

// lintRows lints, with rule and the embedded corpus as of 2025-06-01, a
// catalog in the extracted-text format: the title, the header 序号 职权类型
// 职权名称 and then cols, and a row per entry (序号 its position, 职权类型
// typ, 职权名称 name, then the entry's cells; a cell may hold lines). It
// returns each entry's messages, joined, by 1-based index, and the
// diagnostics.
func lintRows(t *testing.T, rule *lint.Rule, title, typ, name string, cols []string, rows [][]string) (map[int]string, []lint.Diagnostic) {
	t.Helper()
	c, err := defaultCorpus()
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	b.WriteString("\t" + title + "\n\n")
	for _, h := range append([]string{"序号", "职权类型", "职权名称"}, cols...) {
		b.WriteString("\t" + h + "\n")
	}
	for i, r := range rows {
		b.WriteString("\n\t" + strconv.Itoa(i+1) + "\n\t" + typ + "\n\t" + name + "\n")
		for _, cell := range r {
			b.WriteString("\t" + cell + "\n")
		}
	}
	path := filepath.Join(t.TempDir(), "catalog.txt")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	cat, err := catalog.Read(path)
	if err != nil {
		t.Fatal(err)
	}
	res, err := lint.Run(cat, lint.Options{Rules: []*lint.Rule{rule}, Corpus: c, Now: time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	got := map[int]string{}
	for _, d := range res.Diagnostics {
		got[d.Entry.Index] += d.Message
	}
	return got, res.Diagnostics
}
