package verify

import (
	"hash/maphash"
	"maps"
	"slices"
	"strings"
	"sync"

	"github.com/citelint/citelint/lint/quote"
	"github.com/citelint/citelint/statutes"
)

// Options are what, besides the corpus, decides a verification.
type Options struct {
	// Aliases maps extra statute names to full titles (citelint.yaml's
	// aliases); they are tried before the corpus's own titles.
	Aliases map[string]string
}

// Verifier verifies citations against one corpus with one set of options.
// Build one per corpus and options and share it across the files of a run:
// it keeps what is too costly to compute per citation (resolved titles,
// looked-up articles, statute text prepared for alignment, the corpus scan
// index), so each statute is prepared once, not once per file. What it
// keeps depends only on the corpus and the options, never on a catalog, so
// whichever caller fills a memo first, the others read the same value.
// Safe for concurrent use.
type Verifier struct {
	corpus  *statutes.Corpus
	aliases map[string]string

	scanOnce sync.Once
	scan     *corpusScan

	// titles: a cited title, as written, resolved (Resolve): catalogs
	// cite the same few statutes in every entry.
	titles memo[string, resolved]
	// lookups: an article, 款 or 项 looked up in a version.
	lookups memo[lookupKey, ArticleCheck]
	// cands: statute text prepared for alignment, by a hash of its lines
	// (candidates with that hash, compared line by line).
	cands memo[uint64, []preparedLines]
	seed  maphash.Seed
	// arts: an article's whole text prepared for alignment, and folded.
	arts   memo[*statutes.Article, *quote.Prepared]
	folded memo[*statutes.Article, string]
}

// The memos' bounds: past them, values are computed and not kept, so a
// catalog citing much of the corpus costs time, not unbounded memory. A
// prepared text takes some 20 bytes a rune (a few kilobytes an article),
// so those memos keep a few thousand, some 20 MB each: the texts a catalog
// cites most come early and again. A title or a lookup is small.
const (
	maxTitles  = 1 << 14
	maxLookups = 1 << 15
	maxCands   = 1 << 12
	maxArts    = 1 << 12
	maxFolded  = 1 << 14
)

// New returns a verifier of citations against c. Nothing is computed
// before it is asked for.
func New(c *statutes.Corpus, opts Options) *Verifier {
	vr := &Verifier{corpus: c, aliases: maps.Clone(opts.Aliases), seed: maphash.MakeSeed()}
	vr.titles.max = maxTitles
	vr.lookups.max = maxLookups
	vr.cands.max = maxCands
	vr.arts.max = maxArts
	vr.folded.max = maxFolded
	return vr
}

// Corpus is the corpus the verifier checks against.
func (vr *Verifier) Corpus() *statutes.Corpus { return vr.corpus }

// Serves reports whether the verifier checks against corpus c with options
// opts, so that its verdicts are those of New(c, opts).
func (vr *Verifier) Serves(c *statutes.Corpus, opts Options) bool {
	return vr.corpus == c && maps.Equal(vr.aliases, opts.Aliases)
}

// Resolve finds the statute a cited title names, trying the aliases first.
// A title is resolved once.
func (vr *Verifier) Resolve(title string) (*statutes.Statute, error) {
	r := vr.titles.get(title, func() resolved {
		s, err := vr.resolve(title)
		return resolved{s, err}
	})
	return r.s, r.err
}

func (vr *Verifier) resolve(title string) (*statutes.Statute, error) {
	if len(vr.aliases) > 0 {
		t := strings.Join(strings.Fields(title), "")
		for _, k := range []string{t, strings.TrimPrefix(t, "中华人民共和国")} {
			if full, ok := vr.aliases[k]; ok {
				if s, err := vr.corpus.Resolve(full); err == nil {
					return s, nil
				}
			}
		}
	}
	return vr.corpus.Resolve(title)
}

type resolved struct {
	s   *statutes.Statute
	err error
}

type lookupKey struct {
	ver *statutes.Version
	ref statutes.Ref
}

// memo is a concurrency-safe map filled on demand, holding at most max
// values (0: none).
type memo[K comparable, V any] struct {
	mu  sync.RWMutex
	m   map[K]V
	max int
}

// get returns the value for k, computing it with fn when absent. Two
// goroutines may both compute a missing value; the first one stored wins,
// so every caller sees the same value.
func (m *memo[K, V]) get(k K, fn func() V) V {
	m.mu.RLock()
	v, ok := m.m[k]
	m.mu.RUnlock()
	if ok {
		return v
	}
	v = fn()
	m.mu.Lock()
	defer m.mu.Unlock()
	if old, ok := m.m[k]; ok {
		return old
	}
	if len(m.m) < m.max {
		if m.m == nil {
			m.m = map[K]V{}
		}
		m.m[k] = v
	}
	return v
}

type preparedLines struct {
	arts [][]string
	p    *quote.Prepared
}

// prepare prepares statute text for alignment, once for the same lines.
func (vr *Verifier) prepare(arts [][]string) *quote.Prepared {
	var h maphash.Hash
	h.SetSeed(vr.seed)
	for _, a := range arts {
		for _, l := range a {
			h.WriteString(l)
			h.WriteByte(0)
		}
		h.WriteByte(1)
	}
	k := h.Sum64()
	find := func(ps []preparedLines) *quote.Prepared {
		for _, pl := range ps {
			if slices.EqualFunc(pl.arts, arts, slices.Equal) {
				return pl.p
			}
		}
		return nil
	}
	vr.cands.mu.RLock()
	p := find(vr.cands.m[k])
	vr.cands.mu.RUnlock()
	if p != nil {
		return p
	}
	p = quote.Prepare(quote.Candidate{Articles: arts})
	vr.cands.mu.Lock()
	defer vr.cands.mu.Unlock()
	ps := vr.cands.m[k]
	if old := find(ps); old != nil {
		return old
	}
	if len(vr.cands.m) < vr.cands.max {
		if vr.cands.m == nil {
			vr.cands.m = map[uint64][]preparedLines{}
		}
		// The lines are kept: the caller's slices are not changed after.
		vr.cands.m[k] = append(ps, preparedLines{arts, p})
	}
	return p
}

// prepareArticle prepares an article's whole text for alignment.
func (vr *Verifier) prepareArticle(a *statutes.Article) *quote.Prepared {
	return vr.arts.get(a, func() *quote.Prepared {
		return quote.Prepare(quote.Candidate{Articles: [][]string{a.Lines()}})
	})
}

// foldArticle is an article's text in the comparison form (quote.Fold).
func (vr *Verifier) foldArticle(a *statutes.Article) string {
	return vr.folded.get(a, func() string { return quote.Fold(a.Text()) })
}
