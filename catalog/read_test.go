package catalog

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReadPaths covers what a path may name besides a catalog file: each
// ends in ErrInput naming the path, except a link to a catalog, which is
// read.
func TestReadPaths(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.txt")
	if err := os.WriteFile(good, []byte("\t序号\n\t权力名称\n\t权力依据\n\t1\n\t对甲的处罚\n\t《甲法》第一条\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Read(good); err != nil {
		t.Fatalf("the catalog itself: %v", err)
	}
	t.Run("directory", func(t *testing.T) {
		p := filepath.Join(dir, "dir.docx")
		if err := os.Mkdir(p, 0o755); err != nil {
			t.Fatal(err)
		}
		wantInputError(t, p, "is a directory")
	})
	t.Run("missing", func(t *testing.T) {
		wantInputError(t, filepath.Join(dir, "gone.txt"), "gone.txt")
	})
	t.Run("link", func(t *testing.T) {
		p := filepath.Join(dir, "link.txt")
		if err := os.Symlink(good, p); err != nil {
			t.Skip("symlink:", err)
		}
		c, err := Read(p)
		if err != nil {
			t.Fatalf("a link to a catalog: %v", err)
		}
		if len(c.Entries) != 1 {
			t.Errorf("%d entries through the link, want 1", len(c.Entries))
		}
	})
	t.Run("dangling-link", func(t *testing.T) {
		p := filepath.Join(dir, "dangling.txt")
		if err := os.Symlink(filepath.Join(dir, "nowhere.txt"), p); err != nil {
			t.Skip("symlink:", err)
		}
		wantInputError(t, p, "dangling.txt")
	})
	t.Run("link-to-directory", func(t *testing.T) {
		p := filepath.Join(dir, "linkdir.csv")
		if err := os.Symlink(dir, p); err != nil {
			t.Skip("symlink:", err)
		}
		wantInputError(t, p, "is a directory")
	})
}

// wantInputError reads path and wants an ErrInput naming the path and
// saying want.
func wantInputError(t *testing.T, path, want string) {
	t.Helper()
	_, err := Read(path)
	checkInputError(t, err, path, want)
}

// checkInputError wants err to be an ErrInput naming path and saying want.
func checkInputError(t *testing.T, err error, path, want string) {
	t.Helper()
	if err == nil {
		t.Fatalf("%s: no error", path)
	}
	if !errors.Is(err, ErrInput) {
		t.Errorf("%v: not an ErrInput", err)
	}
	if msg := err.Error(); !strings.Contains(msg, path) || !strings.Contains(msg, want) {
		t.Errorf("%q: want the path and %q", msg, want)
	}
}
