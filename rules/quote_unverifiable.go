package rules

import (
	"fmt"
	"time"

	"github.com/citelint/citelint/catalog"
	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/quote"
	"github.com/citelint/citelint/lint/verify"
	"github.com/citelint/citelint/statutes"
	"github.com/citelint/citelint/statutes/cite"
)

var quoteUnverifiableRule = &lint.Rule{
	ID:    "quote-unverifiable",
	Title: "引文无法核对",
	Doc: "所引法规在法规库中有记录，但没有收录其条文（或只收录了部分条文），引文既不能判对也不能判错。" +
		"目录日期早于法规库收录的最早版本、而该版本是修正或修订后的版本时，目录引用的是未收录的旧版本，也不逐字比对。报告提醒人工核对，而不是悄悄放过。引文远远长于所引条文（如整篇文件粘贴在一格里）时不逐字核对，也在此提示。",
	Wrong:    "《社会保险稽核办法》第五条：……（法规库未收录该办法的条文）",
	Right:    "人工核对后可在配置中忽略该提示。",
	Severity: lint.Info,
	Run:      runQuoteUnverifiable,
}

func runQuoteUnverifiable(p *lint.Pass) error {
	eachVerification(p, func(f *catalog.Field, v *verify.Verification) {
		var arts []cite.Article
		start, end := -1, -1
		for _, q := range v.Quotes {
			if q.Outcome == verify.QuoteTooLong {
				reportTooLong(p, f, v, &q)
				continue
			}
			if q.Outcome != verify.QuoteUnverifiable {
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
		msg := fmt.Sprintf("%s%s在法规库中有记录，但%s，无法核对%s的引文，请人工核对。", statuteName(v.Statute), doc, why, articleLabels(arts))
		if v.Predates {
			msg = fmt.Sprintf("目录日期（%s）施行的%s版本法规库未收录（最早收录的是%s施行的版本），无法核对%s的引文，请人工核对。",
				p.AsOf.Format("2006-01-02"), statuteName(v.Statute), versionStart(v.Version), articleLabels(arts))
		} else if rev := revisionNote(v.Statute, v.Version); rev != "" {
			msg = fmt.Sprintf("%s%s，法规库未收录修订后的条文，无法核对%s的引文，请人工核对。", statuteName(v.Statute), rev, articleLabels(arts))
		}
		p.Report(lint.Finding{Field: f, Start: start, End: end, Citation: citationOf(v, arts),
			Actual: f.Text[start:end], Message: msg})
	})
	return nil
}

// reportTooLong says that a quote far longer than what it cites was not
// compared (verify.MaxQuote). The quote itself is not repeated: it may be
// megabytes.
func reportTooLong(p *lint.Pass, f *catalog.Field, v *verify.Verification, q *verify.QuoteCheck) {
	start, end := quoteSpan(q)
	p.Report(lint.Finding{Field: f, Start: start, End: end, Citation: citationOf(v, q.Articles),
		Message: fmt.Sprintf("引用%s%s的引文过长（%d字），远超所引条文，未逐字核对，请人工核对。",
			statuteName(v.Statute), articleLabels(uniqueArticles(q.Articles)), quote.KeyLen(q.Actual))})
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

// revisionNote says when a statute was revised, for a version in force
// whose text is not bundled while an older one's is (a revision after the
// corpus's sources: 已于2025年4月30日修订（2025年9月1日起施行）); "" for
// any other version.
func revisionNote(s *statutes.Statute, v *statutes.Version) string {
	if v == nil || v.Text != statutes.TextNone || v.Derived {
		return ""
	}
	older := false
	for _, o := range s.Versions {
		if o.Text != statutes.TextNone && o.Effective.Before(v.Effective) {
			older = true
		}
	}
	adopted, err := time.Parse("2006-01-02", v.Label)
	if !older || err != nil {
		return ""
	}
	kind := "修改"
	for _, e := range s.Events {
		if e.Date.Equal(adopted) && (e.Kind == "修订" || e.Kind == "修正") {
			kind = e.Kind
		}
	}
	note := "已于" + cnDate(adopted) + kind
	if !v.Effective.IsZero() {
		note += "（" + cnDate(v.Effective) + "起施行）"
	}
	return note
}

// versionStart is the date a version took effect, or its label.
func versionStart(v *statutes.Version) string {
	if !v.Effective.IsZero() {
		return v.Effective.Format("2006-01-02")
	}
	return v.Label
}

func cnDate(t time.Time) string {
	return fmt.Sprintf("%d年%d月%d日", t.Year(), t.Month(), t.Day())
}
