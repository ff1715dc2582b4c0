package rules

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/citelint/citelint/catalog"
	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/verify"
	"github.com/citelint/citelint/statutes"
)

var unknownStatuteRule = &lint.Rule{
	ID:    "unknown-statute",
	Title: "法规名称无法识别",
	Doc: "引用的法规标题在法规库中找不到（连仅有元数据的法规也没有），多半是标题写错或简称不规范；" +
		"给出法规库中相近的标题。法规库只收录部分省市的地方性法规和规章，不收录通知、意见等规范性文件：" +
		"这类文件未收录的，只作提示。",
	Wrong:    "《中华人民共和国社会保障法》第八十七条",
	Right:    "《中华人民共和国社会保险法》第八十七条",
	Severity: lint.Warning,
	Run:      runUnknownStatute,
}

func runUnknownStatute(p *lint.Pass) error {
	eachVerification(p, func(f *catalog.Field, v *verify.Verification) {
		if v.Statute != nil || v.Err == nil {
			return
		}
		title := compactTitle(v.Citation.Title)
		if title == "" {
			return
		}
		fd := lint.Finding{Field: f, Start: v.Citation.TitleSpan.Start, End: v.Citation.TitleSpan.End,
			Citation: citationOf(v, v.Citation.Articles)}
		if errors.Is(v.Err, statutes.ErrAmbiguousStatute) {
			fd.Message = fmt.Sprintf("《%s》可以指法规库中的多部法规，无法确定引用的是哪一部，请写出完整标题。", title)
			fd.Severity = sevOf(lint.Info)
			p.Report(fd)
			return
		}
		var sugg []string
		var ue *statutes.UnknownStatuteError
		if errors.As(v.Err, &ue) {
			// Another place's regulation is another law, however alike
			// its title (河南省安全生产条例 for 河北省安全生产条例).
			sugg = slices.DeleteFunc(slices.Clone(ue.Suggestions), func(sg string) bool { return otherPlace(p, title, sg) })
		}
		close := ""
		if len(sugg) > 0 {
			close = "相近的有《" + strings.Join(sugg, "》《") + "》"
		}
		var near []string
		for _, sg := range sugg {
			if nearTitle(title, sg) {
				near = append(near, sg)
			}
		}
		switch {
		case localOrNormative(title):
			fd.Severity = sevOf(lint.Info)
			fd.Message = fmt.Sprintf("法规库未收录地方性法规、规章或规范性文件《%s》，未能核对%s。", title, withComma(close))
		case len(near) > 0:
			// A title one or two characters from a held one is most
			// likely that one, miswritten.
			fd.Message = fmt.Sprintf("法规库中没有《%s》，请核对标题；相近的有《%s》。", title, strings.Join(near, "》《"))
		default:
			// Most such titles are rules the corpus does not hold: that
			// the text could not be checked is worth saying, not a defect.
			fd.Severity = sevOf(lint.Info)
			fd.Message = fmt.Sprintf("法规库未收录《%s》，未能核对%s。", title, withComma(close))
		}
		p.Report(fd)
	})
	return nil
}

// nearTitle reports a suggestion within a few characters of the title
// written (a typo or a dropped word), the 中华人民共和国 prefix aside.
func nearTitle(title, sugg string) bool {
	a := []rune(strings.TrimPrefix(title, "中华人民共和国"))
	b := []rune(strings.TrimPrefix(sugg, "中华人民共和国"))
	limit := max(1, min(len(a), len(b))/6)
	return editDistance(a, b) <= limit
}

// editDistance is the Levenshtein distance of two rune strings.
func editDistance(a, b []rune) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c++
			}
			cur[j] = min(c, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func withComma(s string) string {
	if s == "" {
		return ""
	}
	return "；" + s
}

// provinces are the province-level divisions whose names open the titles
// of local documents.
var provinces = []string{"北京", "天津", "上海", "重庆", "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江",
	"安徽", "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西", "甘肃",
	"青海", "台湾", "内蒙古", "广西", "西藏", "宁夏", "新疆", "香港", "澳门"}

// localOrNormative says whether a title names a local document (湖南省…)
// or a normative document (…的通知, …意见, …实施细则), which a national
// corpus does not hold.
// placeRe is the place a local statute's title starts with.
var placeRe = regexp.MustCompile(`^.+?(?:经济特区|特别行政区|自治区|自治州|省|市|州|县|盟|旗)`)

// otherPlace reports whether suggestion sg is a local statute of a place
// other than the one title starts with.
func otherPlace(p *lint.Pass, title, sg string) bool {
	s, err := p.Resolve(sg)
	if err != nil || s.Kind != "地方性法规" && s.Kind != "地方政府规章" {
		return false
	}
	place := placeRe.FindString(s.Title)
	return place != "" && !strings.HasPrefix(title, place)
}

func localOrNormative(title string) bool {
	for _, p := range provinces {
		if strings.HasPrefix(title, p) {
			return true
		}
	}
	for _, w := range []string{"通知", "意见", "批复", "复函", "细则", "方案", "公告", "指南"} {
		if strings.Contains(title, w) {
			return true
		}
	}
	for _, suf := range []string{"市", "州", "县", "区"} {
		if i := strings.Index(title, suf); i > 0 && i <= 4*3 && !strings.Contains(title[:i], "中华人民共和国") {
			return true
		}
	}
	return false
}
