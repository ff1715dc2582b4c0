package quote

import "strings"

// Candidate is statute text a quote may reproduce: one or several articles
// in order, each as its lines (paragraphs and items, as
// statutes.Article.Lines returns them).
type Candidate struct {
	Articles [][]string
}

// Prepared is a normalised candidate with its line and article boundaries
// (positions in the normalised text). Prepare it once and align many
// quotes against it.
type Prepared struct {
	Text *Text
	// LineStart and LineEnd are the normalised bounds of every non-empty
	// line, in order.
	LineStart, LineEnd []int
	// ArtStart and ArtEnd are the normalised bounds of every article.
	ArtStart, ArtEnd []int
}

// Prepare normalises a candidate.
func Prepare(c Candidate) *Prepared {
	var b strings.Builder
	type span struct{ start, end int }
	var lines []span
	var arts []span
	for _, art := range c.Articles {
		as := b.Len()
		for _, l := range art {
			if b.Len() > 0 {
				b.WriteByte('\n')
			}
			s := b.Len()
			b.WriteString(l)
			lines = append(lines, span{s, b.Len()})
		}
		arts = append(arts, span{as, b.Len()})
	}
	t := Normalize(b.String())
	p := &Prepared{Text: t}
	// Map byte offsets to normalised positions: the number of kept runes
	// whose offset is below the byte offset.
	pos := func(off int) int {
		lo, hi := 0, len(t.Off)
		for lo < hi {
			m := (lo + hi) / 2
			if t.Off[m] < off {
				lo = m + 1
			} else {
				hi = m
			}
		}
		return lo
	}
	for _, l := range lines {
		s, e := pos(l.start), pos(l.end)
		if s < e {
			p.LineStart = append(p.LineStart, s)
			p.LineEnd = append(p.LineEnd, e)
		}
	}
	for _, a := range arts {
		p.ArtStart = append(p.ArtStart, pos(a.start))
		p.ArtEnd = append(p.ArtEnd, pos(a.end))
	}
	return p
}

// PrepareText prepares a single text whose lines are separated by "\n".
func PrepareText(s string) *Prepared {
	return Prepare(Candidate{Articles: [][]string{strings.Split(s, "\n")}})
}

func (p *Prepared) isLineStart(i int) bool {
	for _, s := range p.LineStart {
		if s == i {
			return true
		}
		if s > i {
			break
		}
	}
	return i == 0
}

func (p *Prepared) isLineEnd(i int) bool {
	for _, e := range p.LineEnd {
		if e == i {
			return true
		}
		if e > i {
			break
		}
	}
	return i == p.Text.Len()
}

// articleAt returns the index of the article holding normalised position
// i (the last one for the end position).
func (p *Prepared) articleAt(i int) int {
	for k := range p.ArtStart {
		if i < p.ArtEnd[k] {
			return k
		}
	}
	return len(p.ArtStart) - 1
}

// wholeItems reports whether r spans whole item lines of the statute
// (（一）…；（二）…；) that follow a lead-in ending in '：'. The aligner
// may shift such a gap by the '（' both ends share: 一）…；（.
func (p *Prepared) wholeItems(r Range) bool {
	a := p.Text.Key
	open := func(i int) bool { return i >= 0 && i < len(a) && (a[i] == '（' || a[i] == '(') }
	start, end := r.Start, r.End
	if !p.isLineStart(start) && open(start-1) && p.isLineStart(start-1) && open(end-1) && p.isLineStart(end-1) {
		start, end = start-1, end-1
	}
	if start <= 0 || !p.isLineStart(start) || !p.isLineEnd(end) || !open(start) {
		return false
	}
	for _, ls := range p.LineStart {
		if ls > start && ls < end && !open(ls) {
			return false // a line that is no item: another 款's lead-in
		}
	}
	return a[start-1] == '：' || a[start-1] == ':'
}
