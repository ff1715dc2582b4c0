//go:build unix

package test

import (
	"path/filepath"
	"reflect"
	"testing"

	"github.com/citelint/citelint/catalog"
	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/rules"
)

// TestParallelDeterministic lints a generated catalog (every rule, injected
// defects of every kind) with one worker and with eight, twice: the results
// must be identical. Run under -race (.ci/run does), it also checks that the
// rules and the shared corpus are safe to use from several goroutines.
func TestParallelDeterministic(t *testing.T) {
	dir, res := generated(t, 200, "txt")
	cat, err := catalog.Read(filepath.Join(dir, "catalog.txt"))
	if err != nil {
		t.Fatal(err)
	}
	c, err := corpus()
	if err != nil {
		t.Fatal(err)
	}
	var first lint.FileResult
	for i, workers := range []int{1, 8, 8, 2} {
		got, err := lint.Run(cat, lint.Options{Rules: rules.All(), Corpus: c, Now: now, Workers: workers})
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			first = got
			if len(got.Diagnostics) < len(res.Defects)/2 {
				t.Logf("only %d diagnostics for %d injected defects", len(got.Diagnostics), len(res.Defects))
			}
			continue
		}
		if !reflect.DeepEqual(got, first) {
			t.Fatalf("workers=%d: result differs from workers=1 (%d vs %d diagnostics)", workers, len(got.Diagnostics), len(first.Diagnostics))
		}
	}
}
