package statutes

import (
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// normTitle reduces a title as written to a lookup key: no whitespace (a
// title may be broken across lines), no title marks (《》〈〉<> and quotes),
// half-width parentheses folded to full width.
func normTitle(s string) string {
	// Most titles need no change: return them without copying.
	clean := true
	for _, r := range s {
		if r == '(' || r == ')' || r == utf8.RuneError || r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\ufeff' ||
			unicode.IsSpace(r) || isTitleMark(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case unicode.IsSpace(r), r == '\u200b', r == '\u200c', r == '\u200d', r == '\ufeff':
			continue
		case isTitleMark(r):
			continue
		case r == '(':
			r = '（'
		case r == ')':
			r = '）'
		case r == utf8.RuneError:
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// isTitleMark reports whether r is a title mark or quote (《》〈〉<> …).
func isTitleMark(r rune) bool {
	switch r {
	case '《', '》', '〈', '〉', '<', '>', '＜', '＞', '«', '»', '‹', '›', '「', '」', '『', '』', '“', '”', '"', '\'', '‘', '’':
		return true
	}
	return false
}

const prcPrefix = "中华人民共和国"

func looseKey(norm string) string { return strings.ReplaceAll(norm, prcPrefix, "") }

func looseTitle(title string) string { return looseKey(normTitle(title)) }

// shortTitle drops the leading 中华人民共和国 from a full title.
func shortTitle(title string) string {
	if s := strings.TrimPrefix(title, prcPrefix); s != "" {
		return s
	}
	return title
}

// cutTrailingNote splits "社会保险法（2018年修正）" into the title and the
// note inside the last balanced pair of （）.
func cutTrailingNote(t string) (base, note string, ok bool) {
	if !strings.HasSuffix(t, "）") {
		return t, "", false
	}
	depth := 0
	for i := len(t); i > 0; {
		r, size := utf8.DecodeLastRuneInString(t[:i])
		i -= size
		switch r {
		case '）':
			depth++
		case '（':
			depth--
			if depth == 0 {
				if i == 0 {
					return t, "", false
				}
				return t[:i], t[i+size : len(t)-len("）")], true
			}
		}
	}
	return t, "", false
}

// maxSuggestRunes bounds the work for a long query: no title is longer.
const maxSuggestRunes = 80

// suggestKey is one title of a statute, prepared for Suggest.
type suggestKey struct {
	s     *Statute
	runes []rune
}

// suggestIndex is every statute's titles (loose) as suggestKeys, with the
// keys each character occurs in (and how often): Suggest compares a query
// only with the keys that share enough characters with it to reach the
// similarity it asks for.
type suggestIndex struct {
	once  sync.Once
	keys  []suggestKey
	posts map[rune][]posting
}

type posting struct {
	key   int32
	count int32
}

func (x *suggestIndex) build(c *Corpus) {
	x.once.Do(func() {
		x.posts = map[rune][]posting{}
		for _, s := range c.statutes {
			seen := map[string]bool{}
			for _, k := range titleKeys(s) {
				if l := looseTitle(k); l != "" && !seen[l] {
					seen[l] = true
					x.keys = append(x.keys, suggestKey{s, []rune(l)})
				}
			}
		}
		counts := map[rune]int32{}
		for i, k := range x.keys {
			clear(counts)
			for _, r := range k.runes {
				counts[r]++
			}
			for r, n := range counts {
				x.posts[r] = append(x.posts[r], posting{int32(i), n})
			}
		}
	})
}

// minSuggestScore is the similarity a suggestion must reach.
const minSuggestScore = 0.6

// Suggest returns up to n titles close to title, closest first.
func (c *Corpus) Suggest(title string, n int) []string {
	q := looseTitle(title)
	for {
		base, _, ok := cutTrailingNote(q)
		if !ok {
			break
		}
		q = base
	}
	if q == "" || n <= 0 {
		return nil
	}
	qr := []rune(q)
	if len(qr) > maxSuggestRunes {
		qr = qr[:maxSuggestRunes]
	}
	type cand struct {
		title string
		score float64
	}
	var cands []cand
	best := map[*Statute]float64{}
	x := c.suggest
	x.build(c)
	// The characters a key shares with the query (with multiplicity)
	// bound their longest common subsequence: a key whose bound cannot
	// reach the score is not compared.
	qcount := map[rune]int32{}
	for _, r := range qr {
		qcount[r]++
	}
	shared := make([]int32, len(x.keys))
	for r, qn := range qcount {
		for _, p := range x.posts[r] {
			shared[p.key] += min(qn, p.count)
		}
	}
	for i, k := range x.keys {
		if 2*float64(shared[i])/float64(len(qr)+len(k.runes))+0.1 < minSuggestScore {
			continue
		}
		if sc := similarity(qr, k.runes); sc > best[k.s] {
			best[k.s] = sc
		}
	}
	for _, s := range c.statutes {
		if best[s] >= minSuggestScore {
			cands = append(cands, cand{s.Title, best[s]})
		}
	}
	sort.SliceStable(cands, func(i, j int) bool {
		if cands[i].score != cands[j].score {
			return cands[i].score > cands[j].score
		}
		return cands[i].title < cands[j].title
	})
	var out []string
	seen := map[string]bool{}
	for _, c := range cands {
		if len(out) == n {
			break
		}
		if !seen[c.title] {
			seen[c.title] = true
			out = append(out, c.title)
		}
	}
	return out
}

// similarity is the Dice coefficient over the longest common
// subsequence of runes (社保法 is close to 社会保险法), plus a little for a
// common start (药品管理条例 is closer to 药品管理法 than to 价格管理条例).
func similarity(a, b []rune) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	s := 2 * float64(lcs(a, b)) / float64(len(a)+len(b))
	p := 0
	for p < len(a) && p < len(b) && a[p] == b[p] {
		p++
	}
	return s + 0.1*float64(p)/float64(len(a))
}

// lcs is the length of the longest common subsequence of a and b.
func lcs(a, b []rune) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			switch {
			case a[i-1] == b[j-1]:
				cur[j] = prev[j-1] + 1
			case prev[j] >= cur[j-1]:
				cur[j] = prev[j]
			default:
				cur[j] = cur[j-1]
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
