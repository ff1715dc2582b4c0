package rules

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/citelint/citelint/catalog"
	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/quote"
	"github.com/citelint/citelint/lint/verify"
	"github.com/citelint/citelint/statutes"
	"github.com/citelint/citelint/statutes/cite"
)

// citationRules are the rules of the citation and quote table of RULES.md.
func citationRules() []*lint.Rule {
	return []*lint.Rule{
		unknownStatuteRule,
		articleNotFoundRule,
		citationFormatRule,
		quoteMismatchRule,
		quoteTruncatedRule,
		quoteMergedRule,
		quoteMisattributedRule,
		quoteSupersededRule,
		quoteUnverifiableRule,
		statuteRepealedRule,
		statuteOutdatedRule,
		issuerMismatchRule,
		basisInconsistentRule,
		basisIrrelevantRule,
		restatementTypoRule,
	}
}

// basisKeys are the columns whose citations are checked: the power's basis
// and the duty basis. Other columns (责任事项) mention statutes in passing.
var basisKeys = [...]catalog.Key{catalog.KeyBasis, catalog.KeyDutyBasis}

// basisFields returns the entry's basis fields that are present.
func basisFields(e *catalog.Entry) []*catalog.Field {
	var out []*catalog.Field
	for _, k := range basisKeys {
		for i := range e.Fields {
			if e.Fields[i].Key == k {
				out = append(out, &e.Fields[i])
			}
		}
	}
	return out
}

// eachVerification calls fn for every verified citation of the pass's
// entry's basis fields.
func eachVerification(p *lint.Pass, fn func(f *catalog.Field, v *verify.Verification)) {
	if p.Entry == nil || p.Corpus == nil {
		return
	}
	for _, f := range basisFields(p.Entry) {
		for _, v := range p.Verifications(f) {
			if v != nil {
				fn(f, v)
			}
		}
	}
}

// sevOf returns a pointer for lint.Finding.Severity.
func sevOf(s lint.Severity) *lint.Severity { return &s }

// statuteName is a statute as messages name it: 《社会保险法》.
func statuteName(s *statutes.Statute) string {
	t := s.Title
	if s.Short != "" {
		t = s.Short
	}
	// A title inside a title takes the inner marks: 《实施〈社会保险法〉若干规定》.
	t = strings.NewReplacer("《", "〈", "》", "〉").Replace(t)
	return "《" + t + "》"
}

// articleLabel writes a cited article as a reader does: 第八十七条,
// 第十条之一第二款, 第三十八条第（一）项.
func articleLabel(a cite.Article) string {
	var b strings.Builder
	b.WriteString(statutes.ArticleLabel(a.Num, a.Suffix))
	if a.Paragraph > 0 {
		b.WriteString("第" + statutes.FormatNumber(a.Paragraph) + "款")
	}
	if a.Item > 0 {
		b.WriteString("第（" + statutes.FormatNumber(a.Item) + "）项")
	}
	return b.String()
}

// articleLabels joins several labels with '、', as a reader writes them:
// the article (and 款) named once for parts of one article in a row
// (第三十条第一款第（一）项、第（二）项).
func articleLabels(as []cite.Article) string {
	parts := make([]string, 0, len(as))
	for i, a := range as {
		if i == 0 || a.Num != as[i-1].Num || a.Suffix != as[i-1].Suffix || a.Paragraph == 0 && a.Item == 0 {
			parts = append(parts, articleLabel(a))
			continue
		}
		var b strings.Builder
		if a.Paragraph > 0 && (a.Paragraph != as[i-1].Paragraph || a.Item == 0) {
			b.WriteString("第" + statutes.FormatNumber(a.Paragraph) + "款")
		}
		if a.Item > 0 {
			b.WriteString("第（" + statutes.FormatNumber(a.Item) + "）项")
		}
		parts = append(parts, b.String())
	}
	return strings.Join(parts, "、")
}

// articleRef is a cited article as the JSON report writes it: "87",
// "10-1" for 第十条之一, "30.2" for 第三十条第二款, "38(1)" for its 第（一）项.
func articleRef(a cite.Article) string { return typedRef(a).Key() }

// typedRef is a cited article as diagnostics carry it.
func typedRef(a cite.Article) lint.ArticleRef {
	return lint.ArticleRef{Num: a.Num, Suffix: a.Suffix, Paragraph: a.Paragraph, Item: a.Item}
}

// citationOf is the evidence a diagnostic carries: the statute's full
// title, the version compared with and the articles.
func citationOf(v *verify.Verification, as []cite.Article) *lint.Citation {
	c := &lint.Citation{}
	if v.Statute != nil {
		c.Statute = v.Statute.Title
	} else {
		c.Statute = compactTitle(v.Citation.Title)
	}
	if v.Version != nil {
		c.Version = v.Version.Label
	}
	for _, a := range as {
		c.Articles = append(c.Articles, articleRef(a))
		c.Refs = append(c.Refs, typedRef(a))
	}
	return c
}

// compactTitle drops the white space a title was broken with.
func compactTitle(t string) string { return strings.Join(strings.Fields(t), "") }

// quoteSpan is the byte range of a quoted part in its field.
func quoteSpan(q *verify.QuoteCheck) (int, int) { return q.Part.Span.Start, q.Part.Span.End }

// expectedText is the statute text a quote is shown against: the region of
// the cited text the quote aligns with (so a quote of half an article is
// diffed against that half), whole lines when the region starts or ends
// inside one.
func expectedText(q *verify.QuoteCheck) string {
	r := q.Result
	if r == nil || r.Cand == nil || r.Region.Len() == 0 {
		return q.Expected
	}
	if r.Region.Start == 0 && r.Region.End == r.Cand.Text.Len() {
		return q.Expected
	}
	return r.Cand.Text.Original(r.Region.Start, r.Region.End)
}

// excerpt shortens a text for a message: the first n runes, then "……".
func excerpt(s string, n int) string {
	s = compactTitle(s)
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	rs := []rune(s)
	return string(rs[:n]) + "……"
}

// middleExcerpt keeps the start and end of a long text: "由社会保险……执业资格。".
func middleExcerpt(s string, head, tail int) string {
	s = compactTitle(s)
	rs := []rune(s)
	if len(rs) <= head+tail+2 {
		return s
	}
	return string(rs[:head]) + "……" + string(rs[len(rs)-tail:])
}

// describeDiff names a diff's changes for a message: “给予”误作“给于”,
// 漏了“…”, 多了“…”; at most max changes, then 等N处.
func describeDiff(ops []quote.Op, max int) string {
	type change struct{ del, ins string }
	var chs []change
	var cur change
	flush := func() {
		if cur.del != "" || cur.ins != "" {
			chs = append(chs, cur)
		}
		cur = change{}
	}
	for _, o := range ops {
		switch o.Kind {
		case quote.Delete:
			cur.del += o.Text
		case quote.Insert:
			cur.ins += o.Text
		default:
			flush()
		}
	}
	flush()
	var parts []string
	for i, c := range chs {
		if i == max {
			parts[len(parts)-1] += fmt.Sprintf("等%d处", len(chs))
			break
		}
		switch {
		case c.del != "" && c.ins != "":
			parts = append(parts, fmt.Sprintf("原文“%s”误作“%s”", middleExcerpt(c.del, 12, 6), middleExcerpt(c.ins, 12, 6)))
		case c.del != "":
			parts = append(parts, fmt.Sprintf("漏了“%s”", middleExcerpt(c.del, 12, 6)))
		default:
			parts = append(parts, fmt.Sprintf("多了“%s”", middleExcerpt(c.ins, 12, 6)))
		}
	}
	return strings.Join(parts, "，")
}

// versionName names a version in a message: 2018-12-29版本.
func versionName(v *statutes.Version) string {
	if v == nil || v.Label == "" {
		return "该版本"
	}
	return v.Label + "版本"
}

// unverifiedNote is appended to messages that rest on facts nobody checked.
const unverifiedNote = "（法规库中的该文本未经核实，仅供参考）"
