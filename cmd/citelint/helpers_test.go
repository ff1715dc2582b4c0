package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// runCLI runs citelint in-process and returns its stdout, stderr and exit
// status.
func runCLI(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(append([]string{"citelint"}, args...), &stdout, &stderr)
	return stdout.String(), stderr.String(), code
}

// writeFile writes a file under dir and returns its path.
func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// copyFile copies src into dir and returns the new path.
func copyFile(t *testing.T, src, dir string) string {
	t.Helper()
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	return writeFile(t, dir, filepath.Base(src), string(b))
}

const (
	seed000 = "../../testdata/seeds/000_cc42e2149e1dc4a3.txt"
	seed003 = "../../testdata/seeds/003_63d24b8c8a735c5c.txt"
	small   = "../../testdata/report/catalogs/small.txt"
)
