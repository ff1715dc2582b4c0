package rules

import (
	"fmt"

	"github.com/citelint/citelint/catalog"
	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/verify"
	"github.com/citelint/citelint/statutes"
)

var statuteRepealedRule = &lint.Rule{
	ID:    "statute-repealed",
	Title: "引用的法规已废止",
	Doc: "所引法规在目录日期已经废止，不能再作为职权或责任依据；报告指出废止日期和取代它的法规。" +
		"废止信息未经核实的只作提示。",
	Wrong:    "《欺诈骗取医疗保障基金行为举报奖励暂行办法》（2025年的目录中）",
	Right:    "《违法违规使用医疗保障基金举报奖励办法》",
	Severity: lint.Error,
	Run:      runStatuteRepealed,
}

func runStatuteRepealed(p *lint.Pass) error {
	eachVerification(p, func(f *catalog.Field, v *verify.Verification) {
		s := v.Statute
		if s == nil || v.Status != statutes.StatusRepealed {
			return
		}
		msg := fmt.Sprintf("%s已于%s废止", statuteName(s), s.RepealedOn.Format("2006-01-02"))
		if s.ReplacedBy != "" {
			msg += "，由《" + s.ReplacedBy + "》取代"
		}
		msg += fmt.Sprintf("，在目录日期（%s）已不能作为依据。", p.AsOf.Format("2006-01-02"))
		fd := lint.Finding{Field: f, Start: v.Citation.TitleSpan.Start, End: v.Citation.TitleSpan.End,
			Citation: citationOf(v, v.Citation.Articles), Message: msg}
		if !s.Verified {
			fd.Severity = sevOf(lint.Info)
			fd.Unverified = true
			fd.Message += "（废止信息未经核实，仅供参考）"
		}
		p.Report(fd)
	})
	return nil
}
