package rules

import (
	"fmt"

	"github.com/citelint/citelint/catalog"
	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/statutes/cite"
)

var quoteUnverifiableRule = &lint.Rule{
	ID:    "quote-unverifiable",
	Title: "引文无法核对",
	Doc: "所引法规在法规库中有记录，但没有收录其条文（或只收录了部分条文），引文既不能判对也不能判错。" +
		"报告提醒人工核对，而不是悄悄放过。",
	Wrong:    "《社会保险稽核办法》第五条：……（法规库未收录该办法的条文）",
	Right:    "人工核对后可在配置中忽略该提示。",
	Severity: lint.Info,
	Run:      runQuoteUnverifiable,
}

func runQuoteUnverifiable(p *lint.Pass) error {
	eachVerification(p, func(f *catalog.Field, v *lint.Verification) {
		var arts []cite.Article
		start, end := -1, -1
		for _, q := range v.Quotes {
			if q.Outcome != lint.QuoteUnverifiable {
				continue
			}
			arts = append(arts, q.Articles...)
			if start < 0 || q.Part.Span.Start < start {
				start = q.Part.Span.Start
			}
			end = max(end, q.Part.Span.End)
		}
		if start < 0 {
			return
		}
		arts = uniqueArticles(arts)
		doc := ""
		if len(v.Statute.DocNumbers) > 0 {
			doc = "（" + v.Statute.DocNumbers[0] + "）"
		}
		why := "法规库未收录其条文"
		if v.TextBundled {
			why = "法规库只收录了该版本的部分条文"
		}
		p.Report(lint.Finding{Field: f, Start: start, End: end, Citation: citationOf(v, arts),
			Actual:  f.Text[start:end],
			Message: fmt.Sprintf("%s%s在法规库中有记录，但%s，无法核对%s的引文，请人工核对。", statuteName(v.Statute), doc, why, articleLabels(arts))})
	})
	return nil
}

func uniqueArticles(as []cite.Article) []cite.Article {
	seen := map[[2]int]bool{}
	var out []cite.Article
	for _, a := range as {
		k := [2]int{a.Num, a.Suffix}
		if !seen[k] {
			seen[k] = true
			out = append(out, a)
		}
	}
	return out
}
