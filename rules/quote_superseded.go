package rules

import (
	"fmt"

	"github.com/citelint/citelint/catalog"
	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/verify"
)

var quoteSupersededRule = &lint.Rule{
	ID:    "quote-superseded",
	Title: "引文是已失效版本的文字",
	Doc: "引文与目录日期施行的版本不符，却与法规修订前的旧版本相符：法规修订后目录没有跟着更新。" +
		"报告指出旧版本和现行版本，并给出现行条文；条文序号在修订中变了的，指出现行版本中承载同一规定的条文（如2001年文本第七十三条 → 2019年文本第一百一十五条）。",
	Wrong:    "《中华人民共和国药品管理法》第86条：药品标识不符合本法第五十四条规定的，……（2015年修正本的文字）",
	Right:    "《中华人民共和国药品管理法》第八十六条：药品上市许可持有人、药品生产企业、药品经营企业和医疗机构应当……（2019年修订本的文字）",
	Severity: lint.Error,
	Run:      runQuoteSuperseded,
}

func runQuoteSuperseded(p *lint.Pass) error {
	eachQuote(p, verify.QuoteSuperseded, func(f *catalog.Field, v *verify.Verification, q *verify.QuoteCheck) {
		src := q.Source
		old, through := src.Version, src.Version
		if src.Through != nil {
			through = src.Through
		}
		until := "已失效"
		if !through.Until.IsZero() {
			until = "已于" + through.Until.Format("2006-01-02") + "失效"
		}
		span := "该版本" + until
		if through != old {
			// The text of 2001, unchanged by the 2013 amendment.
			span = versionName(through) + "沿用，该文字" + until
		}
		label := articleLabels(q.Articles)
		from := ""
		if src.Article.Label != label {
			from = "中" + src.Article.Label
		}
		msg := fmt.Sprintf("引用的%s%s是%s%s的文字（%s）；现行%s的%s为：“%s”。",
			statuteName(v.Statute), label, versionName(old), from, span, versionName(v.Version), label, excerpt(q.Expected, 60))
		// The provision under its number in force now (2001 第七十三条 →
		// 2019 第一百一十五条), when the current version carries it.
		if cp, _ := v.Version.Counterpart(src.Article); cp != nil && cp.Label != label && len(q.Articles) == 1 {
			msg = fmt.Sprintf("引用的%s%s是%s%s的文字（%s）；该规定在现行%s中是%s：“%s”，现行%s已是另一规定。",
				statuteName(v.Statute), label, versionName(old), from, span, versionName(v.Version), cp.Label, excerpt(cp.Text(), 60), label)
		}
		fd := quoteFinding(f, v, q, q.Expected, msg)
		reportQuote(p, q, fd)
	})
	return nil
}
