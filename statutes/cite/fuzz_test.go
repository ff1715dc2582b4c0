package cite

import (
	"strings"
	"testing"
)

// checkInvariants holds what every Parse result must satisfy, whatever the
// input: offsets inside the text, on rune boundaries, ordered; texts equal
// to the text their spans cover.
func checkInvariants(t *testing.T, text string, cs []Citation) {
	t.Helper()
	// Rune boundaries as ranging over the string decodes it: an invalid
	// byte is a rune of its own.
	starts := make([]bool, len(text)+1)
	for i := range text {
		starts[i] = true
	}
	starts[len(text)] = true
	boundary := func(i int) bool { return starts[i] }
	span := func(what string, s Span) bool {
		t.Helper()
		if s.Start < 0 || s.End > len(text) || s.Start > s.End {
			t.Errorf("%s span %v outside the text (len %d) or reversed", what, s, len(text))
			return false
		}
		if !boundary(s.Start) || !boundary(s.End) {
			t.Errorf("%s span %v not on rune boundaries", what, s)
			return false
		}
		return true
	}
	prevEnd := 0
	for i, c := range cs {
		if !span("citation", c.Span) {
			continue
		}
		if c.Span.Start < prevEnd {
			t.Errorf("citation %d span %v overlaps or precedes the previous end %d", i, c.Span, prevEnd)
		}
		prevEnd = c.Span.End
		if c.Title == "" || !span("title", c.TitleSpan) {
			t.Errorf("citation %d: empty title", i)
		} else if c.Ref != "" {
			if text[c.TitleSpan.Start:c.TitleSpan.End] != c.Ref {
				t.Errorf("citation %d: reference %q is not its span %q", i, c.Ref, text[c.TitleSpan.Start:c.TitleSpan.End])
			}
		} else if unwrap(text[c.TitleSpan.Start:c.TitleSpan.End]) != c.Title {
			t.Errorf("citation %d: title %q is not its span %q unwrapped", i, c.Title, text[c.TitleSpan.Start:c.TitleSpan.End])
		}
		if c.TitleSpan.Start < c.Span.Start || c.TitleSpan.End > c.Span.End {
			t.Errorf("citation %d: title span %v outside citation span %v", i, c.TitleSpan, c.Span)
		}
		if c.Note != "" {
			span("note", c.NoteSpan)
		}
		span("article list", c.ArticleSpan)
		for _, a := range c.Articles {
			span("article", a.Span)
			if a.Num <= 0 || a.Suffix < 0 || a.Paragraph < 0 || a.Item < 0 {
				t.Errorf("citation %d: bad article %+v", i, a)
			}
		}
		for _, p := range c.Problems {
			span("problem "+p.Code, p.Span)
			if p.Message == "" {
				t.Errorf("citation %d: problem %s without message", i, p.Code)
			}
		}
		q := c.Quote
		if q == nil {
			continue
		}
		if !span("quote", q.Span) {
			continue
		}
		if q.Span.Start < c.Span.End {
			t.Errorf("citation %d: quote %v starts inside the citation %v", i, q.Span, c.Span)
		}
		if i+1 < len(cs) && q.Span.End > cs[i+1].Span.Start {
			t.Errorf("citation %d: quote %v runs into the next citation %v", i, q.Span, cs[i+1].Span)
		}
		prevEnd = max(prevEnd, q.Span.End)
		if q.Text != text[q.Span.Start:q.Span.End] {
			t.Errorf("citation %d: quote text %q is not text[span] %q", i, q.Text, text[q.Span.Start:q.Span.End])
		}
		if q.Text == "" || strings.TrimSpace(q.Text) != q.Text {
			t.Errorf("citation %d: quote %q empty or untrimmed", i, q.Text)
		}
		if len(q.Parts) == 0 {
			t.Errorf("citation %d: quote without parts", i)
		}
		pe := q.Span.Start
		for _, p := range q.Parts {
			if !span("part", p.Span) {
				continue
			}
			if p.Span.Start < pe || p.Span.End > q.Span.End {
				t.Errorf("citation %d: part %v out of order or outside quote %v", i, p.Span, q.Span)
			}
			pe = p.Span.End
			if p.Text != text[p.Span.Start:p.Span.End] {
				t.Errorf("citation %d: part text is not text[span]", i)
			}
			if p.Article != nil {
				span("label", p.Article.Span)
				if p.Article.Span.End > p.Span.Start || p.Article.Span.Start < q.Span.Start {
					t.Errorf("citation %d: label %v not before its part %v", i, p.Article.Span, p.Span)
				}
			}
			for _, e := range p.Elisions {
				if span("elision", e) && (e.Start < p.Span.Start || e.End > p.Span.End || e.Start == e.End) {
					t.Errorf("citation %d: elision %v outside part %v", i, e, p.Span)
				}
			}
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		s000e01Basis, s000e01DutyBasis, s000e02Basis, s000e16Basis, s000e17DutyBasis, s000e19Basis,
		s000e20Basis, s003e01Duties, s003e04Basis, s003e05DutyBasis, s003e10DutyBasis, s003e11DutyBasis, s003e12Basis,
		"《某法》第10至12条、第15-16条", "《某法》第十条之一、第三十条第二款、第三十八条第（一）项、第(二)项",
		"依据社会保险法第八十七条", "中华人民共和国社会保险法》第八十七条：原文", "《中华人民共和国社会保险法第八十七条：原文",
		"《某办法》（医保发【2013】5号）第3条", "《中华人民共和国社会保险法》。第八十七条", "《》", "《", "》", "第", "第1",
		"《a》“", "《a》：“x”", "《a》第1条：第二条　x 第三条 y……z...", "\xff《\xfe》第\x80条",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkInvariants(t, text, Parse(text))
	})
}
