package quote

import (
	"slices"
)

// change is a stretch between two matching blocks: a (statute) and b
// (quote, in stripped-key positions), either possibly empty.
type change struct {
	a, b   Range
	marked bool // a left-out part where the quote marks an ellipsis
}

// sepPunct closes a list item or lead-in; a quote of one 项 may close it
// with its own punctuation.
func sepPunct(r rune) bool {
	return r == ';' || r == ',' || r == ':' || r == '、' || r == '；' || r == '，' || r == '：'
}

func sentenceEnd(r rune) bool { return r == '。' || r == '!' || r == '?' || r == '！' || r == '？' }

// minClause is the fewest non-punctuation runes a left-out part needs to
// count as a clause cut; fewer are a slip in the wording.
const minClause = 4

func contentRunes(rs []rune) int {
	n := 0
	for _, r := range rs {
		if !IsPunct(r) {
			n++
		}
	}
	return n
}

func allPunct(rs []rune) bool {
	for _, r := range rs {
		if !IsPunct(r) {
			return false
		}
	}
	return true
}

func classify(res *Result, c *Prepared, key []rune, pos []int, marks []int, bs []block) {
	a := c.Text.Key
	// A quote that stops early and closes with its own '。' has that mark
	// matched to some later '。' of the statute; let it go, so the
	// quote's end is where its content ends.
	if n := len(bs); n >= 2 {
		l, p := bs[n-1], bs[n-2]
		if l.n <= 2 && allPunct(a[l.i:l.i+l.n]) && l.j == p.j+p.n && l.i > p.i+p.n && l.j+l.n == len(key) {
			bs = bs[:n-1]
		}
	}
	// The changes between blocks, with sentinels at both ends.
	var chs []change
	isMark := func(j int) bool { return slices.Contains(marks, j) }
	// Items left out right after their lead-in (经营者不得有下列行为：（四）…)
	// are left out as an ellipsis would: the quote cites those items with
	// the chapeau that gives them sense.
	skipped := func(ch change) bool { return ch.b.Len() == 0 && (isMark(ch.b.Start) || c.wholeItems(ch.a)) }
	pi, pj, pn := 0, 0, 0
	for _, b := range append(slices.Clone(bs), block{len(a), len(key), 0}) {
		if b.i > pi || b.j > pj {
			ch := change{a: Range{pi, b.i}, b: Range{pj, b.j}}
			if ch.b.Len() == 0 && !isMark(ch.b.Start) {
				ch = clauseAligned(a, ch, pn, b.n)
			}
			chs = append(chs, ch)
		}
		pi, pj, pn = b.i+b.n, b.j+b.n, b.n
	}
	var rest []change
	for _, ch := range chs {
		if skipped(ch) {
			continue // elided where the quote says so, or items after their lead-in
		}
		rest = append(rest, ch)
	}
	matched, long := 0, 0
	for _, b := range bs {
		matched += b.n
		if b.n >= 3 {
			long += b.n
		}
	}
	res.Coverage = float64(long) / float64(len(key))

	// The region of the candidate the quote covers.
	s, e := 0, len(a)
	if len(bs) > 0 {
		s, e = bs[0].i, bs[len(bs)-1].i+bs[len(bs)-1].n
	}
	if len(chs) > 0 {
		if f := chs[0]; f.a.Start == 0 && f.b.Start == 0 && f.b.Len() > 0 && f.a.Len() <= 2*f.b.Len() {
			s = 0 // a substitution at the start, not a quote starting mid-text
		}
		if l := chs[len(chs)-1]; l.a.End == len(a) && l.b.End == len(key) && l.b.Len() > 0 && l.a.Len() <= 2*l.b.Len() {
			e = len(a)
		}
	}
	if len(bs) == 0 {
		s, e = 0, len(a)
	}
	res.Region = Range{s, e}

	// Blocks of real content (not lone punctuation) bound "start" and
	// "end" for naming where a gap is.
	firstContent, lastContent := len(a), 0
	for _, b := range bs {
		if !allPunct(a[b.i : b.i+b.n]) {
			firstContent = min(firstContent, b.i)
			lastContent = max(lastContent, b.i+b.n)
		}
	}
	where := func(r Range) Where {
		switch {
		case r.End <= firstContent:
			return Start
		case r.Start >= lastContent:
			return End
		}
		return Middle
	}

	kt := keyText(res.Quote, key, pos)
	finish := func() {
		// Diff piece by piece between the marked elisions, which are no
		// difference.
		res.Diff = nil
		ai, bi := s, 0
		for _, ch := range chs {
			if !skipped(ch) || ch.a.Start < s || ch.a.End > e {
				continue
			}
			res.Diff = append(res.Diff, diff(c.Text, kt, ai, ch.a.Start, bi, ch.b.Start, true)...)
			ai, bi = ch.a.End, ch.b.Start
		}
		res.Diff = append(res.Diff, diff(c.Text, kt, ai, e, bi, len(key), true)...)
		for i := range res.Diff {
			res.Diff[i].Actual = toQuote(pos, res.Diff[i].Actual, len(res.Quote.Key))
		}
		lev := levenshtein(res.Diff)
		den := max(len(key), e-s)
		res.Similarity = 1 - float64(lev)/float64(max(den, 1))
		if res.Similarity < 0 {
			res.Similarity = 0
		}
	}

	if len(rest) == 0 {
		if len(marks) > 0 {
			res.Kind = Elided
		} else {
			res.Kind = Exact
		}
		res.Similarity = 1
		return
	}

	// closing is the quote's own closing punctuation where it stops
	// early: a trailing change whose quote side is one or two marks and
	// whose statute side has content.
	closing := -1
	if l := rest[len(rest)-1]; l.a.End == len(a) && l.b.End == len(key) && l.b.Len() > 0 && l.b.Len() <= 2 &&
		allPunct(key[l.b.Start:l.b.End]) && !allPunct(a[l.a.Start:l.a.End]) {
		closing = len(rest) - 1
	}
	subsequence := true
	for i, ch := range rest {
		if ch.b.Len() > 0 && i != closing {
			subsequence = false
			break
		}
	}

	if subsequence {
		// Whole lines (a 款, a 项 ...), possibly closing an item with
		// the quote's own end instead of the statute's separator.
		internal := false
		for _, ch := range rest {
			if ch.a.Start > s && ch.a.End < e {
				internal = true
			}
		}
		if !internal && c.isLineStart(s) {
			if (c.isLineEnd(e) && closing < 0) || (e < len(a) && IsPunct(a[e]) && !sentenceEnd(a[e]) && c.isLineEnd(e+1)) {
				res.Kind = Part
				res.Similarity = 1
				return
			}
			// Whole lines whose closing '。' is left off: as for a whole
			// article, a punctuation slip, not a truncation.
			if e < len(a) && sentenceEnd(a[e]) && c.isLineEnd(e+1) {
				res.Kind = Mismatch
				res.EndPunct = true
				res.Region = Range{s, e + 1}
				e++
				finish()
				return
			}
		}
		var content []change
		slips := false
		for _, ch := range rest {
			if !allPunct(a[ch.a.Start:ch.a.End]) {
				content = append(content, ch)
				if contentRunes(a[ch.a.Start:ch.a.End]) < minClause {
					slips = true
				}
			}
		}
		if slips {
			// A word or two left out (的, 可以) is a slip in the wording,
			// not a clause cut: a mismatch, with the diff to show it.
			res.Kind = Mismatch
			for _, ch := range content {
				res.Missing = append(res.Missing, Gap{Where: where(ch.a), Range: ch.a, Text: c.Text.Display(ch.a.Start, ch.a.End)})
			}
			finish()
			return
		}
		if len(content) == 0 {
			res.Kind = Mismatch
			if len(rest) == 1 && rest[0].a.End == len(a) && rest[0].a.Start >= lastContent {
				res.EndPunct = true
			}
			finish()
			return
		}
		res.Kind = Truncated
		res.Sentences = true
		for _, ch := range content {
			g := Gap{Where: where(ch.a), Range: ch.a, Text: c.Text.Display(ch.a.Start, ch.a.End)}
			res.Missing = append(res.Missing, g)
			startOK := ch.a.Start == 0 || c.isLineStart(ch.a.Start) || sentenceEnd(a[ch.a.Start-1])
			endOK := ch.a.End == len(a) || c.isLineEnd(ch.a.End) || sentenceEnd(a[ch.a.End-1])
			if !startOK || !endOK {
				res.Sentences = false
			}
		}
		// The diff a reader sees covers the whole span the quote
		// stretches over, gaps included.
		s = min(s, rest[0].a.Start)
		e = max(e, rest[len(rest)-1].a.End)
		if g := res.Missing[0]; g.Where == Start {
			s = min(s, g.Range.Start)
		}
		res.Region = Range{s, e}
		finish()
		return
	}

	// Substitutions or insertions. Merged articles first: every change
	// is punctuation on both sides at the end of an article.
	if len(c.ArtStart) >= 2 {
		var joins []Join
		ok := true
		for _, ch := range rest {
			if !allPunct(a[ch.a.Start:ch.a.End]) || !allPunct(key[ch.b.Start:ch.b.End]) {
				ok = false
				break
			}
			k := -1
			for i, ae := range c.ArtEnd {
				if ch.a.End == ae && ch.a.Start >= ae-2 {
					k = i
				}
			}
			if k < 0 {
				ok = false
				break
			}
			joins = append(joins, Join{
				Article:  k,
				Expected: c.Text.Display(ch.a.Start, ch.a.End),
				Actual:   kt.Display(ch.b.Start, ch.b.End),
				At:       toQuote(pos, ch.b, len(res.Quote.Key)),
			})
		}
		if ok && len(joins) > 0 {
			res.Kind = Merged
			res.Joins = joins
			finish()
			return
		}
	}

	res.Kind = Mismatch
	if len(rest) == 1 {
		ch := rest[0]
		if ch.a.End == len(a) && ch.b.End == len(key) && allPunct(a[ch.a.Start:ch.a.End]) && allPunct(key[ch.b.Start:ch.b.End]) {
			res.EndPunct = true
		}
	}
	for _, ch := range rest {
		if ch.b.Len() > 0 && !allPunct(key[ch.b.Start:ch.b.End]) {
			res.Extra = append(res.Extra, toQuote(pos, ch.b, len(res.Quote.Key)))
		}
		if ch.b.Len() == 0 && !allPunct(a[ch.a.Start:ch.a.End]) {
			res.Missing = append(res.Missing, Gap{Where: where(ch.a), Range: ch.a, Text: c.Text.Display(ch.a.Start, ch.a.End)})
		}
	}
	slices.SortStableFunc(res.Extra, func(x, y Range) int { return y.Len() - x.Len() })
	finish()
}

// clauseAligned places a left-out stretch of the statute where a reader
// sees it: a deletion between equal runes can slide (…的，对用人单位……罚款，
// 对其… loses either '对用人单位……罚款，' or '用人单位……罚款，对'), so among
// the places the blocks around it allow (before, after: their lengths),
// take the one starting a clause and, next, ending with its mark.
func clauseAligned(a []rune, ch change, before, after int) change {
	s, e := ch.a.Start, ch.a.End
	// An opening bracket (the '（' of an item label) starts what follows
	// it: a clause neither ends with one nor starts after one.
	closes := func(r rune) bool { return IsPunct(r) && !isOpening(r) }
	score := func(s, e int) int {
		n := 0
		if s == 0 || closes(a[s-1]) {
			n += 2
		}
		if closes(a[e-1]) {
			n++
		}
		return n
	}
	best, bestScore, shift := 0, score(s, e), 0
	for k := 1; k <= before && s-k >= 0 && a[s-k] == a[e-k]; k++ {
		if sc := score(s-k, e-k); sc > bestScore {
			best, bestScore = -k, sc
		}
	}
	for k := 1; k <= after && e+k-1 < len(a) && a[s+k-1] == a[e+k-1]; k++ {
		if sc := score(s+k, e+k); sc > bestScore {
			best, bestScore = k, sc
		}
	}
	shift = best
	ch.a = Range{s + shift, e + shift}
	ch.b = Range{ch.b.Start + shift, ch.b.End + shift}
	return ch
}

// keyText is the stripped quote as a Text (ellipses removed), for diffs.
func keyText(q *Text, key []rune, pos []int) *Text {
	t := &Text{Key: key, Disp: make([]rune, len(key)), Off: make([]int, len(key)), src: q.src}
	for k, p := range pos {
		t.Disp[k] = q.Disp[p]
		t.Off[k] = q.Off[p]
	}
	return t
}

// toQuote maps a stripped-key range to a range of the normalised quote.
func toQuote(pos []int, r Range, n int) Range {
	if r.Len() == 0 {
		if r.Start < len(pos) {
			return Range{pos[r.Start], pos[r.Start]}
		}
		if len(pos) > 0 {
			return Range{pos[len(pos)-1] + 1, pos[len(pos)-1] + 1}
		}
		return Range{n, n}
	}
	return Range{pos[r.Start], pos[r.End-1] + 1}
}
