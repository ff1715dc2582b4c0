package rules

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/citelint/citelint/catalog"
	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/quote"
	"github.com/citelint/citelint/lint/verify"
	"github.com/citelint/citelint/statutes"
)

var quoteMismatchRule = &lint.Rule{
	ID:    "quote-mismatch",
	Title: "引文与法条原文不一致",
	Doc: "引用的条文文字与目录日期施行的法条原文在字词、数字或句中标点上不一致（给于/给予、2年/1年、“的。由”/“的，由”），" +
		"报告给出逐字差异。全角与半角、空格和换行不算差异，“的地得”则算；数值相同而写法不同（1%/百分之一、3倍/三倍）只作提示。" +
		"只是缺了或改了句末标点时按警告报告。",
	Wrong:    "《中华人民共和国基本医疗卫生与健康促进法》第一百零四条：……依照有关社会保险的法律、行政法规规定给于行政处罚。",
	Right:    "《中华人民共和国基本医疗卫生与健康促进法》第一百零四条：……依照有关社会保险的法律、行政法规规定给予行政处罚。",
	Severity: lint.Error,
	Run:      runQuoteMismatch,
}

func runQuoteMismatch(p *lint.Pass) error {
	// A quote that cannot be checked against the version in force (not
	// bundled) but differs from the earlier version the corpus holds: the
	// difference is shown as a hint, the verdict left to a reviewer.
	eachQuote(p, verify.QuoteUnverifiable, func(f *catalog.Field, v *verify.Verification, q *verify.QuoteCheck) {
		pr := q.Prior
		if pr == nil {
			return
		}
		fd := quoteFinding(f, v, q, pr.Expected, "")
		fd.Severity = sevOf(lint.Info)
		fd.Citation.Version = pr.Version.Label
		fd.Message = fmt.Sprintf("引用的%s%s与法规库所存%s也不一致：%s；该版本已被修订，在目录日期施行的条文未收录，请人工核对。",
			statuteName(v.Statute), articleLabels(q.Articles), versionName(pr.Version), describeDiff(pr.Result.Diff, 3))
		p.Report(fd)
	})
	eachQuote(p, verify.QuoteMismatch, func(f *catalog.Field, v *verify.Verification, q *verify.QuoteCheck) {
		r := q.Result
		where := statuteName(v.Statute) + articleLabels(q.Articles)
		fd := quoteFinding(f, v, q, expectedText(q), "")
		var msg string
		if sameNumbers(expectedText(q), q.Actual) {
			// 百分之一 for 1%, 二十 for 20: the same figures written the
			// other way; worth making uniform, not a wrong quote.
			fd.Severity = sevOf(lint.Info)
			fd.Message = fmt.Sprintf("引用的%s与法条原文的数字写法不同（%s），数值相同。", where, describeDiff(r.Diff, 2))
			reportQuote(p, q, fd)
			return
		}
		if r.EndPunct {
			fd.Severity = sevOf(lint.Warning)
			msg = fmt.Sprintf("引用的%s与法条原文不一致：句末标点不同（%s）", where, describeDiff(r.Diff, 2))
		} else {
			msg = fmt.Sprintf("引用的%s与法条原文不一致：%s", where, describeDiff(r.Diff, 3))
		}
		if hasStart(r.Missing) {
			msg += "；引文从条文中间开始"
		}
		if q.Closest != nil {
			msg += fmt.Sprintf("；最接近的条文是%s%s", sameOrOther(v, q.Closest.Statute), q.Closest.Article.Label)
		}
		if len(q.Errata) > 0 {
			e := q.Errata[0]
			msg += fmt.Sprintf("（注意：法规库已将原文“%s”勘误为“%s”）", e.From, e.To)
		}
		fd.Message = msg + "。"
		reportQuote(p, q, fd)
	})
	return nil
}

// numberRun is a number as either side may write it: 百分之二十, 20%, 二十, 20.
var numberRun = regexp.MustCompile(`百分之[零〇一二两三四五六七八九十百千万]+|[0-9０-９]+(?:\.[0-9]+)?[%％]?|[零〇一二两三四五六七八九十百千万]+`)

// canonNumbers writes every number of s in Arabic digits (百分之二 → 2%),
// after folding width and dropped marks as quotes are compared.
func canonNumbers(s string) string {
	return numberRun.ReplaceAllStringFunc(quote.Fold(s), func(m string) string {
		pct := strings.HasPrefix(m, "百分之") || strings.HasSuffix(m, "%") || strings.HasSuffix(m, "％")
		core := strings.TrimSuffix(strings.TrimSuffix(strings.TrimPrefix(m, "百分之"), "%"), "％")
		n, err := statutes.ParseNumber(core)
		if err != nil {
			return m
		}
		out := strconv.Itoa(n)
		if pct {
			out += "%"
		}
		return out
	})
}

// sameNumbers reports texts that differ only in how they write numbers.
func sameNumbers(statute, quoted string) bool {
	return statute != quoted && canonNumbers(statute) == canonNumbers(quoted)
}

// quoteFinding is a finding on quote q of field f: the quote's span, the
// citation, and the statute (expected) and catalog (actual) texts.
func quoteFinding(f *catalog.Field, v *verify.Verification, q *verify.QuoteCheck, expected, msg string) lint.Finding {
	fd := lint.Finding{Field: f, Citation: citationOf(v, q.Articles), Expected: expected, Actual: q.Actual, Message: msg}
	fd.Start, fd.End = quoteSpan(q)
	return fd
}

// reportQuote reports a quote finding. A verdict resting on a fact of the
// corpus nobody verified never makes a catalog wrong: it is lowered to info
// and says so.
func reportQuote(p *lint.Pass, q *verify.QuoteCheck, fd lint.Finding) {
	if q.Unverified {
		fd.Severity = sevOf(lint.Info)
		fd.Unverified = true
		fd.Message += unverifiedNote
	}
	p.Report(fd)
}

// eachQuote calls fn for every quoted part with the given outcome.
func eachQuote(p *lint.Pass, o verify.Outcome, fn func(f *catalog.Field, v *verify.Verification, q *verify.QuoteCheck)) {
	eachVerification(p, func(f *catalog.Field, v *verify.Verification) {
		for i := range v.Quotes {
			if v.Quotes[i].Outcome == o {
				fn(f, v, &v.Quotes[i])
			}
		}
	})
}

func hasStart(gs []quote.Gap) bool {
	for _, g := range gs {
		if g.Where == quote.Start {
			return true
		}
	}
	return false
}

// sameOrOther names a statute in a message unless it is the cited one.
func sameOrOther(v *verify.Verification, s *statutes.Statute) string {
	if s == v.Statute {
		return ""
	}
	return statuteName(s)
}
