package index

import (
	"container/heap"
	"sort"
)

// MinRun is the shortest run of characters, after normalisation, that counts
// as shared between a quote and an article. Shorter runs (一个字, a common
// two-character word such as 应当 or 罚款) occur in almost every article and
// would make unrelated articles look similar. A quote shorter than MinRun
// must match whole.
const MinRun = 4

// Span is a half-open range [Start, End) of Unicode code points.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Match says how much of a quote a text contains.
//
// Coverage is defined on the normalised quote q and text t (see
// NormalizeQuery: width folding, ASCII lower case, whitespace removed) by
// greedy string tiling: repeatedly take the longest run of consecutive
// characters that occurs both in the unused part of q and in the unused part
// of t, at least min(MinRun, len(q)) characters long, and mark both
// occurrences used; stop when no such run is left. Coverage is the number of
// characters of q inside the chosen tiles divided by len(q). Hence:
//
//   - Coverage is 1 when t contains q verbatim (the first tile is q itself,
//     and Exact is true), and also when every part of q, each at least
//     MinRun characters, occurs in t in some order, each passage of t used
//     once (a quote that skips a clause, or merges two passages of one
//     article); Exact tells the two apart.
//   - Coverage is 0 when q and t share no run of MinRun characters.
//   - A clause that q repeats but t holds once counts once.
type Match struct {
	Coverage float64 `json:"coverage"`
	Exact    bool    `json:"exact"`   // t contains the whole of q as one run
	Covered  int     `json:"covered"` // characters of q inside tiles
	Length   int     `json:"length"`  // len(q) after normalisation
	// Spans are the tiles' places in the untouched text, in code points,
	// sorted and with touching spans merged, for highlighting.
	Spans []Span `json:"spans"`
}

// Compare measures how much of quote the text contains (see Match).
func Compare(quote, text string) Match {
	return newMatcher(quote).compare(text)
}

// matcher holds a normalised quote and an index of its starting pairs, so
// one quote can be compared with many texts cheaply.
type matcher struct {
	q      []rune
	minLen int
	seeds  map[uint64][]int // key of q[i], q[i+1] (or q[i] alone when minLen is 1) → i
}

func newMatcher(quote string) *matcher {
	q, _ := normalize(trimQuery(quote))
	m := &matcher{q: q, minLen: min(MinRun, len(q)), seeds: map[uint64][]int{}}
	if m.minLen == 0 {
		return m
	}
	for i := 0; i+m.minLen <= len(q); i++ {
		k := m.key(q, i)
		m.seeds[k] = append(m.seeds[k], i)
	}
	return m
}

func (m *matcher) key(s []rune, i int) uint64 {
	if m.minLen < 2 {
		return uint64(uint32(s[i]))
	}
	return uint64(uint32(s[i]))<<32 | uint64(uint32(s[i+1]))
}

// run is a common run: q[Q:Q+N] == t[T:T+N].
type run struct{ Q, T, N int }

type runHeap []run

func (h runHeap) Len() int { return len(h) }
func (h runHeap) Less(i, j int) bool {
	a, b := h[i], h[j]
	if a.N != b.N {
		return a.N > b.N
	}
	if a.Q != b.Q {
		return a.Q < b.Q
	}
	return a.T < b.T
}
func (h runHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *runHeap) Push(x any)   { *h = append(*h, x.(run)) }
func (h *runHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

func (m *matcher) compare(text string) Match {
	res := Match{Length: len(m.q)}
	if len(m.q) == 0 {
		return res
	}
	t, orig := normalize(text)
	q := m.q

	// Every maximal common run (one that cannot be extended left or right)
	// of at least minLen characters, found from the quote's seed pairs.
	var h runHeap
	for j := 0; j+m.minLen <= len(t); j++ {
		for _, i := range m.seeds[m.key(t, j)] {
			if i > 0 && j > 0 && q[i-1] == t[j-1] {
				continue // not maximal on the left
			}
			n := 0
			for i+n < len(q) && j+n < len(t) && q[i+n] == t[j+n] {
				n++
			}
			if n >= m.minLen {
				h = append(h, run{i, j, n})
			}
		}
	}
	heap.Init(&h)

	// Greedy tiling: the longest run whose characters are all unused on
	// both sides is taken; a run that overlaps a taken tile is cut into its
	// unused pieces, which go back into the heap if still long enough.
	usedQ := make([]bool, len(q))
	usedT := make([]bool, len(t))
	var tiles []run
	for h.Len() > 0 {
		r := heap.Pop(&h).(run)
		free := true
		for k := 0; k < r.N; k++ {
			if usedQ[r.Q+k] || usedT[r.T+k] {
				free = false
				break
			}
		}
		if free {
			for k := 0; k < r.N; k++ {
				usedQ[r.Q+k], usedT[r.T+k] = true, true
			}
			tiles = append(tiles, r)
			res.Covered += r.N
			continue
		}
		start := -1
		for k := 0; k <= r.N; k++ {
			ok := k < r.N && !usedQ[r.Q+k] && !usedT[r.T+k]
			if ok && start < 0 {
				start = k
			}
			if !ok && start >= 0 {
				if k-start >= m.minLen {
					heap.Push(&h, run{r.Q + start, r.T + start, k - start})
				}
				start = -1
			}
		}
	}

	res.Coverage = float64(res.Covered) / float64(len(q))
	for _, r := range tiles {
		if r.N == len(q) {
			res.Exact = true
		}
	}
	res.Spans = textSpans(tiles, orig)
	return res
}

// textSpans maps tiles onto code-point spans of the untouched text, sorted
// and merged where they touch or overlap.
func textSpans(tiles []run, orig []int) []Span {
	if len(tiles) == 0 {
		return nil
	}
	spans := make([]Span, 0, len(tiles))
	for _, r := range tiles {
		spans = append(spans, Span{orig[r.T], orig[r.T+r.N-1] + 1})
	}
	sort.Slice(spans, func(i, j int) bool {
		if spans[i].Start != spans[j].Start {
			return spans[i].Start < spans[j].Start
		}
		return spans[i].End < spans[j].End
	})
	out := spans[:1]
	for _, s := range spans[1:] {
		last := &out[len(out)-1]
		if s.Start <= last.End {
			last.End = max(last.End, s.End)
			continue
		}
		out = append(out, s)
	}
	return out
}
