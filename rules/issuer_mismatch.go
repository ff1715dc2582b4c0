package rules

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/citelint/citelint/catalog"
	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/verify"
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

// orderNo is an order number and the run before it that may name its
// issuers: 劳动和社会保障部令第16号, 国务院、中央军事委员会令第288号,
// 2000年7月24日国务院令第288号公布.
var orderNo = regexp.MustCompile(`([^\s，,；;（）()《》:：]*?)令第\s*([0-9０-９一二三四五六七八九十百零〇]+)\s*号`)

// dateBefore matches the date an issuer is preceded by in a version history
// (…1999年1月22日), or the year a catalog writes before it (2022年国家…令).
var dateBefore = regexp.MustCompile(`^.*([0-9０-９〇零一二三四五六七八九十]+日|[0-9０-９]{4}年)`)

// authorityEnd: the last character of an issuing authority's name (国务院,
// 公安部, 中央军事委员会, 海关总署, 中国人民银行, 主席).
const authorityEnd = "院部会局署委办厅行府席"

type docNo struct {
	issuers []string // 国务院, 中央军事委员会 for a joint order (中华人民共和国 and 原 dropped)
	num     int
	raw     string
}

// parseOrderNos finds the orders s names. A joint order's issuers are
// joined by 、 (国务院、中央军事委员会令第288号); a 、 that joins two orders
// (…令第8号、国家体育运动委员会令第11号) or a step of a version history
// (…通过、1999年1月22日国务院令第258号发布) does not join issuers.
func parseOrderNos(s string) []docNo {
	var out []docNo
	for _, m := range orderNo.FindAllStringSubmatch(s, -1) {
		n, err := statutes.ParseNumber(m[2])
		if err != nil {
			continue
		}
		run := m[1]
		// A version history dates the order: 2004年4月30日中华人民共和国国务院令第406号公布.
		if d := dateBefore.FindStringIndex(run); d != nil {
			run = run[d[1]:]
		}
		parts := strings.Split(run, "、")
		from := len(parts) - 1 // the first part naming an issuer
		for from > 0 && isAuthority(issuerName(parts[from-1])) {
			from--
		}
		var issuers []string
		for _, p := range parts[from:] {
			if iss := issuerName(p); iss != "" {
				issuers = append(issuers, iss)
			}
		}
		raw := strings.Join(parts[from:], "、") + m[0][len(m[1]):]
		out = append(out, docNo{issuers: issuers, num: n, raw: raw})
	}
	return out
}

// issuerName drops what precedes an authority's name: 根据 (a version
// history's 根据国务院令…修订), 原 (a former authority) and 中华人民共和国.
func issuerName(s string) string {
	for _, w := range []string{"根据", "依据", "依照"} {
		s = strings.TrimPrefix(s, w)
	}
	return strings.TrimPrefix(strings.TrimPrefix(s, "原"), "中华人民共和国")
}

// isAuthority reports whether a 、-joined part before an order names an
// issuing authority: Han characters only, ending as authorities do.
func isAuthority(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(authorityEnd, r)
}

// shareIssuer reports whether two orders name a common issuer: a catalog
// may name one authority of a joint order (国务院令第288号).
func shareIssuer(a, b docNo) bool {
	for _, x := range a.issuers {
		if slices.Contains(b.issuers, x) {
			return true
		}
	}
	return false
}

func runIssuerMismatch(p *lint.Pass) error {
	eachVerification(p, func(f *catalog.Field, v *verify.Verification) {
		s := v.Statute
		if s == nil || !s.Verified || v.Citation.Note == "" || len(s.DocNumbers) == 0 {
			return
		}
		var known []docNo
		for _, d := range s.DocNumbers {
			known = append(known, parseOrderNos(d)...)
		}
		for _, got := range parseOrderNos(v.Citation.Note) {
			if len(got.issuers) == 0 {
				continue
			}
			match, sameNum := false, ""
			for _, k := range known {
				if k.num != got.num {
					continue
				}
				if shareIssuer(k, got) {
					match = true
				} else {
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
