package main

import (
	"crypto/sha256"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/citelint/citelint/catalog"
)

const fixtures = "../../testdata/fixtures/"

func sha(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

func TestLintAnnotate(t *testing.T) {
	in := t.TempDir()
	var inputs []string
	for _, n := range []string{"zhuzhou.docx", "zhuzhou.xlsx", "zhuzhou.csv"} {
		inputs = append(inputs, copyFile(t, fixtures+n, in))
	}
	before := map[string][32]byte{}
	for _, p := range inputs {
		before[p] = sha(t, p)
	}
	plain, _, code := runCLI(t, "lint", "--format", "json", in)
	if code != 1 {
		t.Fatalf("lint: exit %d, want 1", code)
	}
	out := filepath.Join(t.TempDir(), "new", "dir") // created by --annotate
	stdout, stderr, code := runCLI(t, "lint", "--format", "json", "--annotate", out, in)
	if code != 1 {
		t.Fatalf("lint --annotate: exit %d, want 1 (findings); stderr:\n%s", code, stderr)
	}
	if stdout != plain {
		t.Error("--annotate changed the report")
	}
	for _, want := range []string{"zhuzhou.csv 是 .csv 格式，不能加批注", "已写出批注副本 " + filepath.Join(out, "zhuzhou.citelint.docx"), "已写出批注副本 " + filepath.Join(out, "zhuzhou.citelint.xlsx")} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	for _, p := range inputs {
		if sha(t, p) != before[p] {
			t.Errorf("%s changed", p)
		}
	}
	entries, err := os.ReadDir(out)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if strings.Join(names, " ") != "zhuzhou.citelint.docx zhuzhou.citelint.xlsx" {
		t.Errorf("%s holds %v, want the two copies only", out, names)
	}
	for _, n := range []string{"zhuzhou.docx", "zhuzhou.xlsx"} {
		orig, err := catalog.Read(filepath.Join(in, n))
		if err != nil {
			t.Fatal(err)
		}
		cp, err := catalog.Read(filepath.Join(out, strings.Replace(n, ".", ".citelint.", 1)))
		if err != nil {
			t.Fatalf("the copy of %s: %v", n, err)
		}
		if cp.Title != orig.Title || len(cp.Entries) != len(orig.Entries) {
			t.Errorf("the copy of %s: %q, %d entries; original %q, %d", n, cp.Title, len(cp.Entries), orig.Title, len(orig.Entries))
		}
	}
	// A second run replaces the copies with the same bytes.
	first := sha(t, filepath.Join(out, "zhuzhou.citelint.docx"))
	if _, stderr, code := runCLI(t, "lint", "--annotate", out, in); code != 1 {
		t.Fatalf("second run: exit %d\n%s", code, stderr)
	}
	if sha(t, filepath.Join(out, "zhuzhou.citelint.docx")) != first {
		t.Error("a second run wrote other bytes")
	}
}

func TestLintAnnotateOnlyUnsupported(t *testing.T) {
	in := copyFile(t, fixtures+"zhuzhou.csv", t.TempDir())
	out := filepath.Join(t.TempDir(), "out")
	_, stderr, code := runCLI(t, "lint", "--annotate", out, in)
	if code != 1 {
		t.Fatalf("exit %d, want 1 (findings, no error); stderr:\n%s", code, stderr)
	}
	if !strings.Contains(stderr, "不能加批注") {
		t.Errorf("stderr does not say the .csv cannot be annotated:\n%s", stderr)
	}
}

func TestLintAnnotateRefuses(t *testing.T) {
	t.Run("two inputs, one copy", func(t *testing.T) {
		dir := t.TempDir()
		a := copyFile(t, fixtures+"zhuzhou.docx", filepath.Join(dir, "a"))
		b := copyFile(t, fixtures+"zhuzhou.docx", filepath.Join(dir, "b"))
		out := filepath.Join(dir, "out")
		_, stderr, code := runCLI(t, "lint", "--annotate", out, a, b)
		if code != 2 || !strings.Contains(stderr, a) || !strings.Contains(stderr, b) {
			t.Errorf("exit %d, stderr %q; want 2 naming both inputs", code, stderr)
		}
		if _, err := os.Stat(out); err == nil {
			t.Error("something was written")
		}
	})
	t.Run("copy is the input", func(t *testing.T) {
		dir := t.TempDir()
		in := copyFile(t, fixtures+"zhuzhou.docx", dir)
		sum := sha(t, in)
		out := filepath.Join(dir, "out")
		if err := os.MkdirAll(out, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(in, filepath.Join(out, "zhuzhou.citelint.docx")); err != nil {
			t.Skip("no symbolic links here:", err)
		}
		_, stderr, code := runCLI(t, "lint", "--annotate", out, in)
		if code != 2 || !strings.Contains(stderr, "input file") {
			t.Errorf("exit %d, stderr %q; want 2, refusing to write over the input", code, stderr)
		}
		if sha(t, in) != sum {
			t.Error("the input changed")
		}
	})
}
