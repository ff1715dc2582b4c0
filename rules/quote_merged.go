package rules

import (
	"fmt"
	"strings"

	"github.com/citelint/citelint/catalog"
	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/verify"
	"github.com/citelint/citelint/statutes"
)

var quoteMergedRule = &lint.Rule{
	ID:    "quote-merged",
	Title: "多条引文连成一段",
	Doc: "一段引文把几条条文连在一起，既没有标明每条从哪里开始，又改动了条与条之间的标点（把前一条末尾的“。”改成“；”），" +
		"读起来像是一条。按条文顺序照录、只是未分条标注的，不报告；应分条标注（第六条　…… 第二十二条　……）。",
	Wrong:    "《医疗保障基金使用监督管理条例》第6、22、27条：……共同做好医疗保障基金使用监督管理工作；医疗保障行政部门实施监督检查，……",
	Right:    "《医疗保障基金使用监督管理条例》第二十二条　……共同做好医疗保障基金使用监督管理工作。……第二十七条　医疗保障行政部门实施监督检查，……",
	Severity: lint.Warning,
	Run:      runQuoteMerged,
}

func runQuoteMerged(p *lint.Pass) error {
	eachQuote(p, verify.QuoteMerged, func(f *catalog.Field, v *verify.Verification, q *verify.QuoteCheck) {
		var joins []string
		for _, j := range q.Result.Joins {
			label := ""
			if j.Article < len(q.Groups) && q.Groups[j.Article] < len(q.Articles) {
				a := q.Articles[q.Groups[j.Article]]
				label = statutes.ArticleLabel(a.Num, a.Suffix)
			}
			switch {
			case j.Expected != "" && j.Actual != "":
				joins = append(joins, fmt.Sprintf("%s末尾的“%s”改成了“%s”", label, j.Expected, j.Actual))
			case j.Expected != "":
				joins = append(joins, fmt.Sprintf("%s末尾的“%s”被删去", label, j.Expected))
			default:
				joins = append(joins, fmt.Sprintf("%s末尾多了“%s”", label, j.Actual))
			}
		}
		fd := quoteFinding(f, v, q, q.Expected,
			fmt.Sprintf("引用的%s%s连成一段且未标明各条起止，%s。", statuteName(v.Statute), articleLabels(q.Articles), strings.Join(joins, "，")))
		reportQuote(p, q, fd)
	})
	return nil
}
