package rules

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/citelint/citelint/catalog"
	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/statutes"
)

var issuerMismatchRule = &lint.Rule{
	ID:    "issuer-mismatch",
	Title: "发文机关或文号与法规不符",
	Doc: "引用时注明的文号与法规库记载的不符：令的序号相同而发文机关不同（劳动部令第16号，实为劳动和社会保障部令第16号）。" +
		"只比较法规库中经过核实的文号。",
	Wrong:    "《社会保险稽核办法》（劳动部令第16号）",
	Right:    "《社会保险稽核办法》（劳动和社会保障部令第16号）",
	Severity: lint.Warning,
	Run:      runIssuerMismatch,
}

var orderNo = regexp.MustCompile(`([^\s，,、；;（）()《》:：]*?)令第\s*([0-9０-９一二三四五六七八九十百零〇]+)\s*号`)

// dateBefore matches the date an issuer is preceded by in a version history.
var dateBefore = regexp.MustCompile(`^.*[0-9０-９〇零一二三四五六七八九十]+日`)

type docNo struct {
	issuer string // 劳动和社会保障部, 国务院, 主席 (中华人民共和国 and 原 dropped)
	num    int
	raw    string
}

func parseOrderNos(s string) []docNo {
	var out []docNo
	for _, m := range orderNo.FindAllStringSubmatch(s, -1) {
		n, err := statutes.ParseNumber(m[2])
		if err != nil {
			continue
		}
		// A version history dates the order: 2004年4月30日中华人民共和国国务院令第406号公布.
		raw := m[0]
		if d := dateBefore.FindStringIndex(m[1]); d != nil {
			raw = raw[d[1]:]
		}
		iss := strings.TrimSuffix(raw, m[0][len(m[1]):])
		iss = strings.TrimPrefix(iss, "原")
		iss = strings.TrimPrefix(iss, "中华人民共和国")
		out = append(out, docNo{issuer: iss, num: n, raw: raw})
	}
	return out
}

func runIssuerMismatch(p *lint.Pass) error {
	eachVerification(p, func(f *catalog.Field, v *lint.Verification) {
		s := v.Statute
		if s == nil || !s.Verified || v.Citation.Note == "" || len(s.DocNumbers) == 0 {
			return
		}
		var known []docNo
		for _, d := range s.DocNumbers {
			known = append(known, parseOrderNos(d)...)
		}
		for _, got := range parseOrderNos(v.Citation.Note) {
			if got.issuer == "" {
				continue
			}
			match, sameNum := false, ""
			for _, k := range known {
				if k.num == got.num && k.issuer == got.issuer {
					match = true
				}
				if k.num == got.num && k.issuer != got.issuer {
					sameNum = k.raw
				}
			}
			if match || sameNum == "" {
				continue
			}
			p.Report(lint.Finding{Field: f, Start: v.Citation.NoteSpan.Start, End: v.Citation.NoteSpan.End,
				Citation: citationOf(v, v.Citation.Articles),
				Message:  fmt.Sprintf("%s的文号是“%s”，此处写作“%s”，发文机关不符。", statuteName(s), sameNum, compactTitle(got.raw))})
		}
	})
	return nil
}
