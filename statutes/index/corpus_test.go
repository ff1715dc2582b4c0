package index

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/citelint/citelint/statutes"
)

// The embedded corpus's index is built once per test binary, in a
// directory TestMain removes.
var real struct {
	once   sync.Once
	dir    string
	corpus *statutes.Corpus
	err    error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if real.dir != "" {
		os.RemoveAll(real.dir)
	}
	os.Exit(code)
}

// realCache returns the cache directory holding the embedded corpus's
// index, building it on first use.
func realCache(tb testing.TB) (string, *statutes.Corpus) {
	tb.Helper()
	if testing.Short() {
		tb.Skip("builds the index of the whole corpus")
	}
	real.once.Do(func() {
		real.corpus, real.err = statutes.Default()
		if real.err != nil {
			return
		}
		real.dir, real.err = os.MkdirTemp("", "citelint-index-test-")
		if real.err != nil {
			return
		}
		var ix *Index
		ix, real.err = Open(real.corpus.ID(), func() (Source, error) { return real.corpus, nil }, Options{CacheDir: real.dir})
		if real.err == nil {
			real.err = ix.Close()
		}
	})
	if real.err != nil {
		tb.Fatal(real.err)
	}
	return real.dir, real.corpus
}

func openReal(tb testing.TB) (*Index, *statutes.Corpus) {
	tb.Helper()
	dir, c := realCache(tb)
	ix, err := Open(c.ID(), func() (Source, error) {
		tb.Fatal("index rebuilt")
		return nil, nil
	}, Options{CacheDir: dir})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { ix.Close() })
	return ix, c
}

func TestCorpusAcceptance(t *testing.T) {
	ix, c := openReal(t)
	s, err := c.Resolve("社会保险法")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	c.ForEachArticle(func(*statutes.Statute, *statutes.Version, *statutes.Article) bool { n++; return true })
	if ix.Docs() != uint64(n) {
		t.Errorf("index holds %d articles, corpus %d", ix.Docs(), n)
	}

	const q = "以欺诈、伪造证明材料或者其他手段骗取社会保险待遇"
	for _, opt := range []SearchOptions{{}, {Statute: s.ID}, {InForceOnly: true}} {
		hits, err := ix.Search(q, opt)
		if err != nil {
			t.Fatal(err)
		}
		if len(hits) == 0 || hits[0].Statute != s.ID || hits[0].Article != "第八十八条" || !hits[0].Exact {
			t.Fatalf("%+v: first hits %q, want %s 第八十八条", opt, hitNames(hits[:min(3, len(hits))]), s.ID)
		}
		if opt.Statute != "" {
			for _, h := range hits {
				if h.Statute != s.ID {
					t.Errorf("hit from %s with --statute %s", h.Statute, s.ID)
				}
			}
		} else if len(hits) < 5 {
			t.Errorf("only %d hits over the whole corpus", len(hits))
		}
	}
}

// Quoting any article finds that article (or an identical one) with full
// coverage: a sample across the corpus, long and short articles alike.
func TestCorpusFindsQuotedArticles(t *testing.T) {
	ix, c := openReal(t)
	type art struct{ id, label, text string }
	var all []art
	c.ForEachArticle(func(s *statutes.Statute, v *statutes.Version, a *statutes.Article) bool {
		all = append(all, art{s.ID, a.Label, a.Text()})
		return true
	})
	step := len(all)/150 + 1
	for i := 0; i < len(all); i += step {
		a := all[i]
		quote := a.text
		if r := []rune(quote); len(r) > 60 {
			quote = string(r[len(r)/3 : len(r)/3+40]) // a passage from the middle
		}
		if len([]rune(NormalizeQuery(quote))) < 8 {
			continue
		}
		hits, err := ix.Search(quote, SearchOptions{Limit: 50})
		if err != nil {
			t.Fatal(err)
		}
		found, full := false, 0
		for _, h := range hits {
			if h.Coverage < 1 {
				break
			}
			full++
			if h.Statute == a.id && h.Article == a.label {
				found = true
			}
		}
		if !found && full == len(hits) && len(hits) == 50 {
			continue // boilerplate (本法自公布之日起施行) shared by more articles than shown
		}
		if !found {
			t.Errorf("quote of %s %s %q not found at full coverage; got %q", a.id, a.label, quote, hitNames(hits[:min(3, len(hits))]))
		}
	}
}

func BenchmarkBuild(b *testing.B) {
	c, err := statutes.Default()
	if err != nil {
		b.Fatal(err)
	}
	docs := collect(c)
	b.ReportMetric(float64(len(docs)), "articles")
	for b.Loop() {
		dir := b.TempDir()
		if err := build(filepath.Join(dir, "index"), docs, buildConfig{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkOpenSearch is a later search in-process: open the cached index,
// search the acceptance quote, close.
func BenchmarkOpenSearch(b *testing.B) {
	dir, c := realCache(b)
	for b.Loop() {
		ix, err := Open(c.ID(), nil, Options{CacheDir: dir})
		if err != nil {
			b.Fatal(err)
		}
		hits, err := ix.Search("以欺诈、伪造证明材料或者其他手段骗取社会保险待遇", SearchOptions{})
		if err != nil || len(hits) == 0 {
			b.Fatal(hits, err)
		}
		ix.Close()
	}
}

func BenchmarkSearchLongQuote(b *testing.B) {
	ix, _ := openReal(b)
	q := "用人单位未按时足额缴纳社会保险费的，由社会保险费征收机构责令限期缴纳或者补足，并自欠缴之日起，按日加收万分之五的滞纳金；逾期仍不缴纳的，由有关行政部门处欠缴数额一倍以上三倍以下的罚款。"
	for b.Loop() {
		if _, err := ix.Search(q, SearchOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCompare(b *testing.B) {
	m := newMatcher("以欺诈、伪造证明材料或者其他手段骗取社会保险待遇")
	text := strings.Repeat(art88, 4)
	for b.Loop() {
		m.compare(text)
	}
}
