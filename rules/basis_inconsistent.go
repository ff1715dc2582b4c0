package rules

import (
	"fmt"
	"slices"
	"strings"

	"github.com/citelint/citelint/catalog"
	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/quote"
	"github.com/citelint/citelint/lint/verify"
	"github.com/citelint/citelint/statutes/cite"
)

var basisInconsistentRule = &lint.Rule{
	ID:    "basis-inconsistent",
	Title: "职权依据与责任事项依据不一致",
	Doc: "同一事项中，责任事项依据摘录了职权依据所引法规的条文，却多出职权依据没有引用的条文（只列条号不摘录的、只摘录其他条文的不算）；或者同一条文在不同事项中被引成了不同的文字" +
		"（只比较法规库未收录条文、无法直接核对的法规）。",
	Wrong:    "职权依据：《社会保险稽核办法》第二条、第三条、第十二条；责任事项依据：《社会保险稽核办法》第二条……第五条……",
	Right:    "职权依据：《社会保险稽核办法》第二条、第三条、第五条、第十二条；责任事项依据：《社会保险稽核办法》第二条……第五条……",
	Severity: lint.Warning,
	Scope:    lint.CatalogScope,
	Run:      runBasisInconsistent,
}

// citedArticle is one article a field cites, with where.
type citedArticle struct {
	art  cite.Article
	cite cite.Citation
}

// statuteKey groups citations of one statute: its ID, or the compacted
// title when the corpus does not know it.
func statuteKey(v *verify.Verification) string {
	if v.Statute != nil {
		return v.Statute.ID
	}
	return "?" + quote.Fold(v.Citation.Title)
}

func runBasisInconsistent(p *lint.Pass) error {
	if p.Corpus == nil {
		return nil
	}
	type seenQuote struct {
		entry *catalog.Entry
		field *catalog.Field
		start int
		end   int
		text  string
	}
	first := map[string]seenQuote{}
	// Resolutions, not Verifications: the rule reads the statutes and
	// articles cited and which quotes cannot be checked, never a
	// comparison, and it walks the whole catalog.
	for i := range p.Catalog.Entries {
		e := &p.Catalog.Entries[i]
		basis, duty := e.Field(catalog.KeyBasis), e.Field(catalog.KeyDutyBasis)
		// (1) The duty basis restates the basis's citation of a statute
		// but quotes articles the basis does not cite. An article the
		// duty basis only names, or quotes alone (the inspection powers,
		// the procedure), is its own business: catalogs list them there.
		if basis != nil && duty != nil {
			inBasis := map[string][]cite.Article{}
			for _, v := range p.Resolutions(basis) {
				k := statuteKey(v)
				inBasis[k] = append(inBasis[k], citedArticles(v.Citation)...)
			}
			for _, v := range p.Resolutions(duty) {
				have := inBasis[statuteKey(v)]
				if len(have) == 0 {
					continue
				}
				var extra []cite.Article
				shared := false
				for _, a := range quotedArticles(v.Citation) {
					switch {
					case containsArticle(have, a):
						shared = true
					case !containsArticle(extra, a):
						extra = append(extra, a)
					}
				}
				// Only a duty basis that restates the basis (quotes some of
				// its articles) and adds others disagrees with it; one that
				// quotes other articles only (立案, 听证) complements it.
				if len(extra) == 0 || !shared {
					continue
				}
				title := "《" + compactTitle(v.Citation.Title) + "》"
				if v.Statute != nil {
					title = statuteName(v.Statute)
				}
				p.Report(lint.Finding{Entry: e, Field: duty, Start: extra[0].Span.Start, End: extra[0].Span.End,
					Citation: citationOf(v, extra),
					Message: fmt.Sprintf("“%s”引用了%s%s，“%s”却没有引用（“%s”引用的是%s）。",
						fieldTitle(duty), title, articleLabels(extra), fieldTitle(basis), fieldTitle(basis), articleLabels(uniqueArticles(have)))})
			}
		}
		// (2) The same article quoted differently in two entries, for
		// texts the corpus cannot check.
		for _, f := range basisFields(e) {
			for _, v := range p.Resolutions(f) {
				for _, q := range v.Quotes {
					if q.Outcome != verify.QuoteUnverifiable || len(q.Articles) != 1 {
						continue
					}
					a := q.Articles[0]
					if a.Paragraph != 0 || a.Item != 0 {
						continue
					}
					text := quote.Fold(strings.Trim(q.Part.Text, "“”\"：: "))
					if text == "" || strings.ContainsAny(text, "…⋯") {
						continue
					}
					k := fmt.Sprintf("%s|%d|%d", statuteKey(v), a.Num, a.Suffix)
					prev, ok := first[k]
					if !ok {
						first[k] = seenQuote{e, f, q.Part.Span.Start, q.Part.Span.End, text}
						continue
					}
					if prev.text == text || prev.entry == e {
						continue
					}
					p.Report(lint.Finding{Entry: e, Field: f, Start: q.Part.Span.Start, End: q.Part.Span.End,
						Citation: citationOf(v, q.Articles), Actual: q.Actual,
						Expected: prev.field.Text[prev.start:prev.end],
						Message: fmt.Sprintf("%s%s在本事项中的引文与第%d项中的不同，法规库未收录该条文，请核对哪一处正确。",
							statuteName(v.Statute), articleLabel(a), prev.entry.Index),
						Related: []lint.Related{{Entry: &lint.EntryRef{Index: prev.entry.Index, Seq: prev.entry.Seq}, Field: string(prev.field.Key),
							Span:    relatedSpan(prev.field, prev.start, prev.end),
							Message: "同一条文的另一处引文"}}})
				}
			}
		}
	}
	return nil
}

// citedArticles lists a citation's articles, the labels inside its quote
// included.
func citedArticles(c cite.Citation) []cite.Article {
	out := slices.Clone(c.Articles)
	if c.Quote != nil {
		for _, part := range c.Quote.Parts {
			if part.Article != nil && !containsArticle(out, *part.Article) {
				out = append(out, *part.Article)
			}
		}
	}
	return out
}

// quotedArticles lists the articles a citation quotes: its labelled
// parts' articles, and the citation's own articles when an unlabelled part
// quotes them.
func quotedArticles(c cite.Citation) []cite.Article {
	if c.Quote == nil {
		return nil
	}
	var out []cite.Article
	for _, part := range c.Quote.Parts {
		switch {
		case part.Article != nil:
			if !containsArticle(out, *part.Article) {
				out = append(out, *part.Article)
			}
		case strings.TrimSpace(part.Text) != "":
			for _, a := range c.Articles {
				if !containsArticle(out, a) {
					out = append(out, a)
				}
			}
		}
	}
	return out
}

func containsArticle(as []cite.Article, a cite.Article) bool {
	for _, b := range as {
		if b.Num == a.Num && b.Suffix == a.Suffix {
			return true
		}
	}
	return false
}
