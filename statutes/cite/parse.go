package cite

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// position classifies where a head stands, which decides whether it can
// open a new citation inside a quote.
type position int

const (
	posNone     position = iota // mid-sentence
	posLine                     // at the start of a line (after white space, an enumeration number, a trigger word)
	posEnum                     // after white space and an enumeration number mid-line: 1.《…》第三条 2.《…》
	posSentence                 // right after '。' or '；' on the same line
	posTrigger                  // right after 依据/根据/依照/按照/参照/违反 mid-line
	posTag                      // right after a level tag mid-line: …罚款。【法律】《…》
)

// region is the raw extent of a citation's quote before trimming.
type region struct {
	kind       quoteKind
	start, end int
	joint      bool // ends where another citation starts
}

// Parse finds the citations in a field's text, in order, with their
// articles, notes, problems and quotes. It never panics and never fails:
// malformed citations carry Problems. See the package documentation for
// what starts a new citation and what is only a mention inside a quote.
func Parse(text string) []Citation {
	var out []Citation
	var regions []region
	open := -1 // the citation whose quote runs until the next citation
	i := 0
	prev := '\n' // the rune before i; a title without 《》 follows only a few
	jumped := false
	for i < len(text) {
		if jumped {
			prev, _ = before(text, i)
			jumped = false
		}
		r, sz := at(text, i)
		var h head
		ok := false
		switch {
		case r == '《' || r == '〈':
			h, ok = bracketed(text, i)
		case r >= 0x2e80 && mayStartBare(prev) && isHan(r) && bareStart(text, i):
			h, ok = bare(text, i)
		}
		ref := false
		if !ok && mayStartRef(r) && len(out) > 0 {
			h, ok = backRef(text, i, out)
			ref = ok
		}
		if !ok {
			i += sz
			prev = r
			continue
		}
		jumped = true
		prefix, pos := citeStart(text, h.start)
		if pos == posTrigger && open >= 0 && runOn(h) {
			// …作为处罚的依据《乙法》第五条 …: the trigger word ends the
			// quote's text; the citation runs on after it.
			prefix, pos = h.start, posNone
		}
		var accept bool
		switch {
		case ref:
			accept = opensRef(text, h, pos, open >= 0)
		case open >= 0:
			accept = opensCitation(h, pos)
		default:
			accept = h.c.Bracketed || pos == posLine || pos == posEnum || pos == posTrigger
		}
		if !accept {
			// A mention: skip its title so nothing inside it is read again.
			i = max(h.skip, i+sz)
			continue
		}
		if open >= 0 {
			regions[open].end = prefix
			regions[open].joint = true
			open = -1
		}
		out = append(out, h.c)
		regions = append(regions, region{kind: h.kind})
		idx := len(out) - 1
		switch h.kind {
		case quoteColon, quoteLabels:
			regions[idx].start = h.quoteAt
			open = idx
			i = h.quoteAt
		case quoteMarks:
			qs := h.quoteAt + len("“")
			if e := closingMark(text, qs); e >= 0 {
				regions[idx].start, regions[idx].end = qs, e
				i = e + len("”")
			} else {
				regions[idx].start = qs
				open = idx
				i = qs
			}
		default:
			i = max(h.end, i+sz)
		}
	}
	if open >= 0 {
		regions[open].end = len(text)
	}
	for x := range out {
		finish(text, &out[x], regions[x])
	}
	return out
}

// opensCitation decides, inside a quote, whether a head starts a new
// citation or is a mention in the quoted text. A new citation stands at the
// start of a line (or after an enumeration number) and is followed by its
// article list and '：', by a quote in “”, or by the end of its line; after
// '。' or '；' on the same line only the strongest form counts (articles and
// '：'). Anything else — 依照《中华人民共和国行政处罚法》第七十二条的规定 in
// the middle of an article — is a mention.
func opensCitation(h head, pos position) bool {
	switch pos {
	case posTag:
		return h.c.Bracketed || h.kind != quoteNone || h.lineEnd
	case posLine, posEnum:
		if h.joined && !h.c.Bracketed {
			return false // 本法第三十条第二款第一项情形的: running text
		}
		return h.kind != quoteNone || h.lineEnd || h.enumAfter
	case posSentence:
		// Run-on text (…处罚。依照《丙法》第三条处理) is a mention; a
		// statute's article list closing its line (…罚款。《乙法》第五条)
		// is a citation.
		if h.c.Bracketed && len(h.c.Articles) > 0 && h.lineEnd && endsWithAny(h.c.Title, titleSuffixes) {
			return true
		}
		return h.kind == quoteColon && len(h.c.Articles) > 0 && !h.joined || runOn(h)
	case posNone:
		return runOn(h)
	}
	return false
}

// bareStart reports whether a title without 《》 may start at i: at the
// start of a line (after white space or an enumeration number), or right
// after a trigger word (依据社会保险法第八十七条).
func bareStart(s string, i int) bool {
	j := backHSpace(s, i)
	for _, t := range triggers {
		if strings.HasSuffix(s[:j], t) {
			return true
		}
	}
	if e := enumBefore(s, j); e >= 0 {
		j = backHSpace(s, e)
	}
	return lineStart(s, j)
}

// mayStartBare is bareStart's cheap filter on the rune before: most Han
// runes follow another Han rune that ends no trigger word.
func mayStartBare(prev rune) bool {
	switch prev {
	case '.', '．', '、', ')', '）', '据', '照', '反':
		return true
	}
	return isSpace(prev)
}

// citeStart classifies the position of a head starting at i and returns
// where its prefix (enumeration number, trigger word) begins: the quote of
// the previous citation ends there.
func citeStart(s string, i int) (int, position) {
	j := backHSpace(s, i)
	trig := false
	for _, t := range triggers {
		if strings.HasSuffix(s[:j], t) {
			j = backHSpace(s, j-len(t))
			trig = true
			break
		}
	}
	tag := false
	if t := tagBefore(s, j); t >= 0 {
		j, tag = t, true
	}
	enum := false
	if e := enumBefore(s, j); e >= 0 {
		j, enum = e, true
	}
	k := backHSpace(s, j)
	r, _ := before(s, k)
	switch {
	case lineStart(s, k):
		return j, posLine
	case tag:
		return j, posTag
	case enum && k < j:
		return j, posEnum
	case r == '。' || r == '；' || r == ';':
		return j, posSentence
	case trig:
		return j, posTrigger
	}
	return i, posNone
}

// closingMark finds the ” closing a “ opened just before i, or -1.
func closingMark(s string, i int) int {
	depth := 1
	for j := i; j < len(s); {
		r, sz := at(s, j)
		switch r {
		case '“':
			depth++
		case '”':
			depth--
			if depth == 0 {
				return j
			}
		}
		j += sz
	}
	return -1
}

// finish builds the quote and its parts, and adds the problems that need
// the whole citation.
func finish(text string, c *Citation, rg region) {
	if rg.kind != quoteNone {
		c.Quote = buildQuote(text, rg)
	}
	if len(c.Articles) == 0 && c.Quote != nil {
		// The head names no article but the quote is labelled:
		// 《社会保险稽核办法》\n第二条：… 第三条：…
		for _, p := range c.Quote.Parts {
			if p.Article == nil {
				continue
			}
			dup := slices.ContainsFunc(c.Articles, func(a Article) bool {
				return a.Num == p.Article.Num && a.Suffix == p.Article.Suffix
			})
			if !dup {
				c.Articles = append(c.Articles, *p.Article)
			}
		}
	}
	if len(c.Articles) == 0 {
		c.Problems = append(c.Problems, Problem{
			Code:    CodeNoArticle,
			Span:    c.Span,
			Message: fmt.Sprintf("引用《%s》未写明具体条款。", c.Title),
		})
	}
	slices.SortStableFunc(c.Problems, func(a, b Problem) int {
		return cmp.Or(cmp.Compare(a.Span.Start, b.Span.Start), cmp.Compare(a.Span.End, b.Span.End), strings.Compare(a.Code, b.Code))
	})
}
