package quote

import (
	"slices"
	"unicode"
)

// Kind classifies a quote against its candidate text.
type Kind int

const (
	// Empty: nothing is quoted (only marks, colons or whitespace).
	Empty Kind = iota
	// Exact: the quote is the candidate, after normalisation.
	Exact
	// Part: one or more whole lines (a 款, a 项, a 款 with its 项) or whole
	// articles of the candidate, verbatim; a list item may close with its
	// own punctuation instead of the statute's '；'.
	Part
	// Elided: fragments separated by a marked ellipsis (…… or …), each
	// found verbatim and in order.
	Elided
	// Truncated: part of the candidate is left out without an ellipsis;
	// Missing names what and where.
	Truncated
	// Merged: several articles run together with their joining
	// punctuation changed (the '。' closing one turned into '；'); Joins
	// lists the changes.
	Merged
	// Mismatch: words, numbers or punctuation differ; Diff shows how.
	Mismatch
)

var kindNames = [...]string{"empty", "exact", "part", "elided", "truncated", "merged", "mismatch"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "kind?"
}

// Fine says whether a quote of this kind is a faithful quote.
func (k Kind) Fine() bool { return k == Exact || k == Part || k == Elided || k == Empty }

// Where says where a left-out part was.
type Where int

const (
	Start Where = iota
	Middle
	End
)

func (w Where) String() string { return [...]string{"start", "middle", "end"}[w] }

// Gap is a part of the candidate the quote leaves out.
type Gap struct {
	Where Where
	Range Range  // normalised range in the candidate
	Text  string // display text
}

// Join is a changed joining punctuation between two merged articles.
type Join struct {
	Article  int    // index of the article whose end it is (0-based)
	Expected string // the statute's punctuation ("" when the quote adds one)
	Actual   string // the quote's punctuation ("" when it drops it)
	At       Range  // normalised range in the quote
}

// Result is how a quote relates to a candidate.
type Result struct {
	Kind Kind
	// Similarity is 1 - edits / the longer of the quote and the region it
	// aligns with; Coverage is the share of the quote's runes found, in
	// order, in the candidate (in runs of three or more).
	Similarity float64
	Coverage   float64
	// Region is the part of the candidate the quote aligns with.
	Region Range
	// Diff is the statute text of Region against the quote (for Mismatch,
	// Merged and Truncated).
	Diff []Op
	// Missing lists the content left out (Truncated; a Mismatch may have
	// some too).
	Missing []Gap
	// Sentences is set for a Truncated quote whose left-out parts are all
	// whole sentences or lines.
	Sentences bool
	// Joins lists the changed joins of a Merged quote.
	Joins []Join
	// EndPunct marks a Mismatch whose only difference is the closing
	// punctuation, dropped or changed, at the very end of the candidate.
	EndPunct bool
	// Extra lists runs of the quote (normalised ranges) that the candidate
	// does not hold, longest first: text to look for elsewhere.
	Extra []Range
	// Quote is the normalised quote, Cand the candidate, for mapping
	// ranges back to text.
	Quote *Text
	Cand  *Prepared
	// QuoteRange is the quote's range once surrounding quotation marks and
	// colons are trimmed.
	QuoteRange Range
}

// Align aligns a quote against a candidate.
func Align(quote string, c *Prepared) *Result {
	return AlignText(Normalize(quote), c)
}

// AlignText aligns an already normalised quote.
func AlignText(q *Text, c *Prepared) *Result {
	lo, hi := trimMarks(q.Key)
	res := &Result{Quote: q, Cand: c, QuoteRange: Range{lo, hi}}
	// Strip ellipsis runs, remembering where they were.
	key := make([]rune, 0, hi-lo)
	pos := make([]int, 0, hi-lo) // pos[k]: position in q of key[k]
	var marks []int              // positions in key where an ellipsis stood
	for i := lo; i < hi; {
		if n := ellipsisRun(q.Key, i, hi); n > 0 {
			if len(marks) == 0 || marks[len(marks)-1] != len(key) {
				marks = append(marks, len(key))
			}
			i += n
			continue
		}
		key = append(key, q.Key[i])
		pos = append(pos, i)
		i++
	}
	if len(key) == 0 {
		res.Kind = Empty
		res.Similarity, res.Coverage = 1, 1
		return res
	}
	a := c.Text.Key
	if len(marks) == 0 && slices.Equal(a, key) {
		res.Kind = Exact
		res.Similarity, res.Coverage = 1, 1
		res.Region = Range{0, len(a)}
		return res
	}
	if len(marks) > 0 {
		if ok, region := fragmentsInOrder(a, key, marks); ok {
			res.Kind = Elided
			res.Similarity, res.Coverage = 1, 1
			res.Region = region
			return res
		}
	}
	bs := matchingBlocks(a, key)
	classify(res, c, key, pos, marks, bs)
	return res
}

// trimMarks drops leading colons, quotation marks around the whole quote,
// and quotation marks that open or close nothing.
func trimMarks(k []rune) (int, int) {
	lo, hi := 0, len(k)
	pairs := map[rune]rune{'“': '”', '‘': '’', '「': '」', '『': '』'}
	closers := map[rune]rune{}
	for o, c := range pairs {
		closers[c] = o
	}
	for lo < hi {
		first, last := k[lo], k[hi-1]
		switch {
		case first == ':' || first == '"' || first == '\'':
			lo++
		case last == '"' || last == '\'':
			hi--
		case pairs[first] != 0 && hi-lo >= 2 && last == pairs[first] && indexRune(k[lo+1:hi], last) == hi-lo-2:
			lo++
			hi--
		case pairs[first] != 0 && indexRune(k[lo+1:hi], pairs[first]) < 0:
			lo++
		case closers[last] != 0 && indexRune(k[lo:hi-1], closers[last]) < 0:
			hi--
		default:
			return lo, hi
		}
	}
	return lo, hi
}

func indexRune(rs []rune, r rune) int {
	for i, x := range rs {
		if x == r {
			return i
		}
	}
	return -1
}

// ellipsisRun returns the length of the ellipsis starting at i (…, ……, ⋯,
// or three or more dots: ..., ···, ・・・, 。。。 as typed when the
// ellipsis was not at hand), 0 when there is none.
func ellipsisRun(k []rune, i, hi int) int {
	n := 0
	for i+n < hi && isEllipsis(k[i+n]) {
		n++
	}
	if n > 0 || i >= hi || !isDot(k[i]) {
		return n
	}
	for i+n < hi && k[i+n] == k[i] {
		n++
	}
	if n >= 3 {
		return n
	}
	return 0
}

// isDot says whether r, three times or more in a row, stands for an
// ellipsis (full-width dots are folded to '.').
func isDot(r rune) bool { return r == '.' || r == '·' || r == '・' || r == '。' }

// fragmentsInOrder finds each fragment of key (split at marks) verbatim in
// a, in order.
func fragmentsInOrder(a, key []rune, marks []int) (bool, Range) {
	from := 0
	prev := 0
	region := Range{-1, 0}
	cuts := append(append([]int{}, marks...), len(key))
	for x, m := range cuts {
		frag := key[prev:m]
		afterMark := x > 0 || slices.Contains(marks, 0)
		beforeMark := x < len(marks)
		prev = m
		if len(frag) == 0 {
			continue
		}
		i := indexRunes(a[from:], frag)
		if i < 0 {
			// Punctuation next to an ellipsis belongs to the text left
			// out as much as to the fragment (……：（三）…, the colon
			// closing an elided lead-in): the fragment without it counts.
			lo, hi := 0, len(frag)
			for afterMark && lo < hi && IsPunct(frag[lo]) && !isOpening(frag[lo]) {
				lo++
			}
			for beforeMark && hi > lo && IsPunct(frag[hi-1]) {
				hi--
			}
			if hi-lo < len(frag) && hi > lo {
				if j := indexRunes(a[from:], frag[lo:hi]); j >= 0 {
					frag, i = frag[lo:hi], j
				}
			}
		}
		if i < 0 {
			return false, Range{}
		}
		if region.Start < 0 {
			region.Start = from + i
		}
		from += i + len(frag)
		region.End = from
	}
	if region.Start < 0 {
		region.Start = 0
	}
	return true, region
}

// isOpening says whether r opens a bracket or quotation ('（' of an item
// label): it belongs to the text after it.
func isOpening(r rune) bool { return unicode.Is(unicode.Ps, r) || unicode.Is(unicode.Pi, r) }

// indexRunes is strings.Index over runes.
func indexRunes(s, sub []rune) int {
	if len(sub) == 0 {
		return 0
	}
	first := sub[0]
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i] == first && slices.Equal(s[i:i+len(sub)], sub) {
			return i
		}
	}
	return -1
}
