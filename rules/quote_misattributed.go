package rules

import (
	"fmt"

	"github.com/citelint/citelint/catalog"
	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/verify"
	"github.com/citelint/citelint/statutes"
)

var quoteMisattributedRule = &lint.Rule{
	ID:    "quote-misattributed",
	Title: "引文出处张冠李戴",
	Doc: "引文（或其中一段）其实是另一条、甚至另一部法规的文字，却标成了所引的条文。先在所引法规的其他条文中找，" +
		"再在法规库全库中找，并指出真正的出处。",
	Wrong:    "《中华人民共和国社会保险法》第88条：由社会保险行政部门责令退回骗取的社会保险金……依法吊销其执业资格。以欺诈、伪造证明材料……",
	Right:    "《中华人民共和国社会保险法》第88条：以欺诈、伪造证明材料或者其他手段骗取社会保险待遇的，由社会保险行政部门责令退回骗取的社会保险金，处骗取金额二倍以上五倍以下的罚款。",
	Severity: lint.Error,
	Run:      runQuoteMisattributed,
}

func runQuoteMisattributed(p *lint.Pass) error {
	eachQuote(p, verify.QuoteMisattributed, func(f *catalog.Field, v *verify.Verification, q *verify.QuoteCheck) {
		src := q.Source
		cited := statuteName(v.Statute) + articleLabels(q.Articles)
		real := sameOrOther(v, src.Statute) + src.Article.Label
		if src.Paragraph > 0 {
			real += "第" + statutes.FormatNumber(src.Paragraph) + "款"
		}
		var msg string
		if src.Whole {
			msg = fmt.Sprintf("标为%s的引文实际出自%s，与%s原文不符。", cited, real, articleLabels(q.Articles))
		} else {
			msg = fmt.Sprintf("标为%s的引文中，“%s”出自%s，并非%s的内容。", cited, middleExcerpt(src.Text, 14, 8), real, articleLabels(q.Articles))
		}
		fd := quoteFinding(f, v, q, q.Expected, msg)
		reportQuote(p, q, fd)
	})
	return nil
}
