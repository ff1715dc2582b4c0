package rules

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/citelint/citelint/catalog"
	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/quote"
	"github.com/citelint/citelint/lint/verify"
)

var quoteTruncatedRule = &lint.Rule{
	ID:    "quote-truncated",
	Title: "引文删节未加省略号",
	Doc: "引文悄悄删去了条文的一部分（开头、中间或末尾的分句），又没有用省略号（……或…）标明，读者会以为这就是条文全文。" +
		"引用完整的一款或一项、或用省略号标明删节的，不报告；删去的只是整句时只作提示。",
	Wrong:    "《社会救助暂行办法》第六十八条：……可以处非法获取的救助款额或者物资价值1倍以上3倍以下的罚款。",
	Right:    "《社会救助暂行办法》第六十八条：……可以处非法获取的救助款额或者物资价值1倍以上3倍以下的罚款；构成违反治安管理行为的，依法给予治安管理处罚。",
	Severity: lint.Warning,
	Run:      runQuoteTruncated,
}

var whereName = map[quote.Where]string{quote.Start: "开头", quote.Middle: "中间", quote.End: "末尾"}

func runQuoteTruncated(p *lint.Pass) error {
	eachQuote(p, verify.QuoteTruncated, func(f *catalog.Field, v *verify.Verification, q *verify.QuoteCheck) {
		r := q.Result
		var parts []string
		for i, g := range r.Missing {
			if i == 2 {
				parts[len(parts)-1] += fmt.Sprintf("等%d处", len(r.Missing))
				break
			}
			parts = append(parts, fmt.Sprintf("%s的“%s”", whereName[g.Where], middleExcerpt(trimPunct(g.Text), 16, 8)))
		}
		fd := quoteFinding(f, v, q, expectedText(q),
			fmt.Sprintf("引用的%s%s删去了%s，且未用省略号标明。", statuteName(v.Statute), articleLabels(q.Articles), strings.Join(parts, "、")))
		if r.Sentences {
			fd.Severity = sevOf(lint.Info)
		}
		reportQuote(p, q, fd)
	})
	return nil
}

// trimPunct drops the punctuation a left-out clause starts or ends with,
// but not the brackets of an item label (（一）…) or a note it holds.
func trimPunct(s string) string {
	s = strings.TrimLeftFunc(compactTitle(s), func(r rune) bool { return quote.IsPunct(r) && !unicode.In(r, unicode.Ps, unicode.Pi) })
	return strings.TrimRightFunc(s, func(r rune) bool { return quote.IsPunct(r) && !unicode.In(r, unicode.Pe, unicode.Pf) })
}
