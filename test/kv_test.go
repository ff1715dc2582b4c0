//go:build unix

package test

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/citelint/citelint/internal/gen"
)

// TestRecallKV: the generated catalog written as key/value item pages (a
// table, block or sheet of label/value pairs per entry) in every form, each
// form in another layout family's labels, at 2,000 entries: every entry is
// read as one entry, every injected defect is found under its rule, nothing
// else is reported at warning or error, and the findings (rule, entry,
// field) are those of the same catalog written as a table.
func TestRecallKV(t *testing.T) {
	if testing.Short() {
		t.Skip("generates and lints 2,000-entry catalogs as key/value pages")
	}
	c, err := corpus()
	if err != nil {
		t.Fatal(err)
	}
	type key struct {
		rule, field string
		entry       int
	}
	findings := func(rep *Report) map[key]bool {
		m := map[key]bool{}
		for _, d := range rep.Files[0].Diagnostics {
			m[key{d.Rule, d.Field, d.entry()}] = true
		}
		return m
	}
	for fi, form := range gen.KVForms {
		family := (fi * 3) % len(gen.Families)
		fam := gen.Families[family]
		t.Run(fam.Name+"-"+form, func(t *testing.T) {
			res, err := gen.Generate(gen.FromCorpus(c, gen.AsOf(2025)), gen.Options{N: 2000, Seed: uint64(10 + fi), Year: 2025, Family: family})
			if err != nil {
				t.Fatal(err)
			}
			dir := filepath.Join(workDir, "kv-"+fam.Name+"-"+form)
			paths, err := gen.WriteKVDir(dir, "catalog", res, form)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := gen.WriteDir(dir, "catalog", res, "txt"); err != nil {
				t.Fatal(err)
			}
			rep := lintJSON(t, 5*time.Minute, paths[0])
			if got := rep.Files[0].Entries; got != res.N {
				t.Fatalf("%d entries read, want %d (one per key/value page)", got, res.N)
			}
			score(res, rep.Files[0].Diagnostics).check(t, "recall-kv-2000-"+fam.Name+"-"+form)

			table := findings(lintJSON(t, 5*time.Minute, filepath.Join(dir, "catalog.txt")))
			kv := findings(rep)
			var diff []string
			for k := range table {
				if !kv[k] {
					diff = append(diff, fmt.Sprintf("only in the table: entry %d %s %s", k.entry, k.field, k.rule))
				}
			}
			for k := range kv {
				if !table[k] {
					diff = append(diff, fmt.Sprintf("only in the key/value pages: entry %d %s %s", k.entry, k.field, k.rule))
				}
			}
			sort.Strings(diff)
			if len(diff) > 0 {
				t.Errorf("key/value pages and table differ in %d findings:\n%s", len(diff), strings.Join(diff[:min(len(diff), 20)], "\n"))
			}
		})
	}
}
