package lint

import (
	"hash/maphash"
	"slices"
	"sync"

	"github.com/citelint/citelint/lint/quote"
	"github.com/citelint/citelint/statutes"
)

// runState is shared by every pass of one run: lazily built data that is
// too costly to build per entry. Entries are checked in parallel, so every
// part of it is safe for concurrent use. What it holds depends only on the
// corpus and the configuration, never on an entry, so whichever entry fills
// a memo first, the others read the same value.
type runState struct {
	scanOnce sync.Once
	scan     *corpusScan

	// titles: a cited title, as written, resolved (Pass.Resolve): catalogs
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

// Session is what the checks of several catalogs against one corpus with
// one configuration share: resolved titles, looked-up articles, statute
// text prepared for alignment and the corpus scan index. Lint the files of
// a run with one Session (Options.Session) and each statute is prepared
// once, not once per file. Safe for concurrent use.
type Session struct{ rs *runState }

// NewSession returns an empty session.
func NewSession() *Session { return &Session{rs: newRunState()} }

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

func newRunState() *runState {
	rs := &runState{seed: maphash.MakeSeed()}
	rs.titles.max = maxTitles
	rs.lookups.max = maxLookups
	rs.cands.max = maxCands
	rs.arts.max = maxArts
	rs.folded.max = maxFolded
	return rs
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

// runState returns the run's state, or for a pass built without Run (a
// test) a state of its own.
func (p *Pass) runState() *runState {
	if p.run != nil {
		return p.run
	}
	return p.state().localRun()
}

type preparedLines struct {
	arts [][]string
	p    *quote.Prepared
}

// prepare prepares statute text for alignment, once per run for the same
// lines.
func (rs *runState) prepare(arts [][]string) *quote.Prepared {
	var h maphash.Hash
	h.SetSeed(rs.seed)
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
	rs.cands.mu.RLock()
	p := find(rs.cands.m[k])
	rs.cands.mu.RUnlock()
	if p != nil {
		return p
	}
	p = quote.Prepare(quote.Candidate{Articles: arts})
	rs.cands.mu.Lock()
	defer rs.cands.mu.Unlock()
	ps := rs.cands.m[k]
	if old := find(ps); old != nil {
		return old
	}
	if len(rs.cands.m) < rs.cands.max {
		if rs.cands.m == nil {
			rs.cands.m = map[uint64][]preparedLines{}
		}
		// The lines are kept: the caller's slices are not changed after.
		rs.cands.m[k] = append(ps, preparedLines{arts, p})
	}
	return p
}

// prepareArticle prepares an article's whole text for alignment.
func (rs *runState) prepareArticle(a *statutes.Article) *quote.Prepared {
	return rs.arts.get(a, func() *quote.Prepared {
		return quote.Prepare(quote.Candidate{Articles: [][]string{a.Lines()}})
	})
}

// foldArticle is an article's text in the comparison form (quote.Fold).
func (rs *runState) foldArticle(a *statutes.Article) string {
	return rs.folded.get(a, func() string { return quote.Fold(a.Text()) })
}

// localRun gives a pass built without Run (tests) a run state of its own.
func (st *entryState) localRun() *runState {
	if st.run == nil {
		st.run = newRunState()
	}
	return st.run
}
