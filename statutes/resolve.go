package statutes

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// normTitle reduces a title as written to a lookup key: no whitespace (a
// title may be broken across lines), no title marks (《》〈〉<> and quotes),
// half-width parentheses folded to full width.
func normTitle(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case unicode.IsSpace(r), r == '\u200b', r == '\u200c', r == '\u200d', r == '\ufeff':
			continue
		case strings.ContainsRune("《》〈〉<>＜＞«»‹›「」『』“”\"'‘’", r):
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
	type cand struct {
		title string
		score float64
	}
	var cands []cand
	for _, s := range c.statutes {
		best := 0.0
		for _, k := range titleKeys(s) {
			if sc := similarity(qr, []rune(looseTitle(k))); sc > best {
				best = sc
			}
		}
		if best >= 0.5 {
			cands = append(cands, cand{s.Title, best})
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

// similarity is 1 - edit distance / longer length, raised for a title
// that contains the query or is contained in it.
func similarity(a, b []rune) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	longer := len(a)
	if len(b) > longer {
		longer = len(b)
	}
	d := editDistance(a, b, longer)
	s := 1 - float64(d)/float64(longer)
	if len(a) >= 2 && len(b) >= 2 && (strings.Contains(string(b), string(a)) || strings.Contains(string(a), string(b))) {
		shorter := len(a) + len(b) - longer
		if c := 0.5 + 0.5*float64(shorter)/float64(longer); c > s {
			s = c
		}
	}
	return s
}

// editDistance is the Levenshtein distance over runes, giving up (returning
// max) beyond max.
func editDistance(a, b []rune, max int) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	if prev[len(b)] > max {
		return max
	}
	return prev[len(b)]
}
