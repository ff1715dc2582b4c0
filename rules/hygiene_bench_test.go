package rules

import (
	"path/filepath"
	"testing"

	"github.com/citelint/citelint/catalog"
	"github.com/citelint/citelint/internal/gen"
	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/statutes"
)

// BenchmarkHygieneSeed: the hygiene rules on the 20-entry seed catalog.
func BenchmarkHygieneSeed(b *testing.B) {
	cat, err := catalog.Read(filepath.Join("..", "testdata", "seeds", "000_cc42e2149e1dc4a3.txt"))
	if err != nil {
		b.Fatal(err)
	}
	benchHygiene(b, cat)
}

// BenchmarkHygiene2000: the hygiene rules on a synthetic 2000-entry catalog.
func BenchmarkHygiene2000(b *testing.B) {
	corpus, err := statutes.Default()
	if err != nil {
		b.Fatal(err)
	}
	res, err := gen.Generate(gen.FromCorpus(corpus, gen.AsOf(2025)), gen.Options{N: 2000, Seed: 1, Year: 2025})
	if err != nil {
		b.Fatal(err)
	}
	benchHygiene(b, res.Catalog)
}

func benchHygiene(b *testing.B, cat *catalog.Catalog) {
	opts := lint.Options{Rules: hygieneRules(), Now: goldenNow}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := lint.Run(cat, opts); err != nil {
			b.Fatal(err)
		}
	}
}
