//go:build unix

package test

// In-process benchmarks of the lint pipeline (whole-process timings and
// peak memory are measured by bench/run.sh):
//
//	go test ./test -run '^$' -bench . -count 5 -benchtime 3x
//
// BenchmarkEntries reports entries/s at N = 1,000, 10,000 and 100,000 so
// the cost's growth can be read off; BenchmarkStage splits a 10,000-entry
// lint into reading (catalog parsing), citation parsing, and the rules
// (verification, including search).

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/citelint/citelint/catalog"
	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/verify"
	"github.com/citelint/citelint/rules"
	"github.com/citelint/citelint/statutes"
	"github.com/citelint/citelint/statutes/cite"
	"github.com/citelint/citelint/statutes/index"
)

var seeds = []string{"../testdata/seeds/000_cc42e2149e1dc4a3.txt", "../testdata/seeds/003_63d24b8c8a735c5c.txt"}

// now fixes "today" so runs are comparable.
var now = time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)

func lintOnce(b *testing.B, c *statutes.Corpus, path string) int {
	cat, err := catalog.Read(path)
	if err != nil {
		b.Fatal(err)
	}
	res, err := lint.Run(cat, lint.Options{Rules: rules.All(), Corpus: c, Now: now})
	if err != nil {
		b.Fatal(err)
	}
	return len(res.Diagnostics)
}

func mustCorpus(b *testing.B) *statutes.Corpus {
	c, err := corpus()
	if err != nil {
		b.Fatal(err)
	}
	return c
}

// BenchmarkCorpusLoad: the embedded corpus's metadata (texts load lazily).
func BenchmarkCorpusLoad(b *testing.B) {
	for b.Loop() {
		if _, err := statutes.Default(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCorpusLoadText: the corpus with every article's text loaded.
func BenchmarkCorpusLoadText(b *testing.B) {
	for b.Loop() {
		c, err := statutes.Default()
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		c.ForEachArticle(func(*statutes.Statute, *statutes.Version, *statutes.Article) bool { n++; return true })
	}
}

// BenchmarkLintSeed: read and lint a seed catalog. Warm: the corpus is
// loaded and its texts cached by earlier iterations. Cold: a new corpus per
// iteration (the process start and the search cache are in bench/run.sh).
func BenchmarkLintSeed(b *testing.B) {
	for _, s := range seeds {
		name := filepath.Base(s)[:3]
		b.Run(name+"/warm", func(b *testing.B) {
			c := mustCorpus(b)
			lintOnce(b, c, s)
			for b.Loop() {
				lintOnce(b, c, s)
			}
		})
		b.Run(name+"/cold", func(b *testing.B) {
			for b.Loop() {
				c, err := statutes.Default()
				if err != nil {
					b.Fatal(err)
				}
				lintOnce(b, c, s)
			}
		})
	}
}

// BenchmarkEntries: read and lint generated catalogs (.txt, about 1 KB an
// entry) of growing size, warm corpus.
func BenchmarkEntries(b *testing.B) {
	for _, n := range []int{1_000, 10_000, 100_000} {
		b.Run(fmt.Sprintf("N=%d", n), func(b *testing.B) {
			dir, _ := generated(b, n, "txt")
			c := mustCorpus(b)
			p := filepath.Join(dir, "catalog.txt")
			for b.Loop() {
				lintOnce(b, c, p)
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "entries/s")
		})
	}
}

// BenchmarkStage splits the lint of 10,000 generated entries into its
// stages.
func BenchmarkStage(b *testing.B) {
	const n = 10_000
	dir, _ := generated(b, n, "txt")
	p := filepath.Join(dir, "catalog.txt")
	c := mustCorpus(b)
	cat, err := catalog.Read(p)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("read", func(b *testing.B) {
		for b.Loop() {
			if _, err := catalog.Read(p); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("cite-parse", func(b *testing.B) {
		for b.Loop() {
			for i := range cat.Entries {
				for j := range cat.Entries[i].Fields {
					f := &cat.Entries[i].Fields[j]
					if f.Key == catalog.KeyBasis || f.Key == catalog.KeyDutyBasis {
						cite.Parse(f.Text)
					}
				}
			}
		}
	})
	all := rules.All()
	run := func(b *testing.B, rs []*lint.Rule) {
		for b.Loop() {
			if _, err := lint.Run(cat, lint.Options{Rules: rs, Corpus: c, Now: now}); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.Run("rules", func(b *testing.B) { run(b, all) })
	// each rule alone, to see which one costs
	for _, r := range all {
		b.Run("rule="+r.ID, func(b *testing.B) { run(b, []*lint.Rule{r}) })
	}
	b.Run("workers=1", func(b *testing.B) {
		for b.Loop() {
			if _, err := lint.Run(cat, lint.Options{Rules: all, Corpus: c, Now: now, Workers: 1}); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// sixFiles are the catalogs of BenchmarkLintFiles: a run of several files
// citing many of the same statutes.
var sixFiles = []string{
	"../testdata/seeds/000_cc42e2149e1dc4a3.txt",
	"../testdata/seeds/003_63d24b8c8a735c5c.txt",
	"../testdata/realworld/realworld-01-weichang.txt",
	"../testdata/realworld/realworld-02-xiamen.txt",
	"../testdata/realworld/realworld-03-qinzhou.txt",
	"../testdata/realworld/realworld-04-wuchang.txt",
}

// BenchmarkLintFiles: six catalogs linted in one run, as citelint lint
// does, with one verifier shared by the files (shared) and with one per
// file (apart), warm corpus.
func BenchmarkLintFiles(b *testing.B) {
	c := mustCorpus(b)
	var cats []*catalog.Catalog
	for _, p := range sixFiles {
		cat, err := catalog.Read(p)
		if err != nil {
			b.Fatal(err)
		}
		cats = append(cats, cat)
	}
	all := rules.All()
	lintAll := func(b *testing.B, shared bool) {
		var vr *verify.Verifier
		if shared {
			vr = lint.NewVerifier(c, nil)
		}
		for _, cat := range cats {
			if _, err := lint.Run(cat, lint.Options{Rules: all, Corpus: c, Now: now, Verifier: vr}); err != nil {
				b.Fatal(err)
			}
		}
	}
	lintAll(b, false)
	for _, shared := range []bool{true, false} {
		name := "apart"
		if shared {
			name = "shared"
		}
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				lintAll(b, shared)
			}
		})
	}
}

// BenchmarkSearch: the latency of one search of the whole corpus, index
// open (cached on disk by the first iteration).
func BenchmarkSearch(b *testing.B) {
	c := mustCorpus(b)
	ix, err := index.Open(c.ID(), func() (index.Source, error) { return c, nil }, index.Options{CacheDir: filepath.Join(workDir, "bench-cache")})
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	for _, q := range []string{
		"以欺诈、伪造证明材料或者其他手段骗取社会保险待遇",
		art84,
	} {
		b.Run(fmt.Sprintf("len=%d", len([]rune(q))), func(b *testing.B) {
			for b.Loop() {
				if _, err := ix.Search(q, index.SearchOptions{Limit: 5}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
