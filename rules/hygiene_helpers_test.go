package rules

import (
	"strings"
	"testing"

	"github.com/citelint/citelint/catalog"
	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/rules/data"
)

func TestScanParens(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []parenKind
	}{
		{"清单(2025年)", []parenKind{parenExempt}},
		{"的通知》(医保办发〔2018〕\n22 号)", []parenKind{parenExempt}},
		{"(国务院令第735号)", []parenKind{parenExempt}},
		{"处理方式：(一)约谈;(二)暂停", []parenKind{parenEnumCN, parenEnumCN}},
		{"第二十条第(一)项", []parenKind{parenChinese}},
		{"实施细则(试行)》", []parenKind{parenChinese}},
		{"措施：\n(1)进入现场", []parenKind{parenEnumDigit}},
		{"（试行)", []parenKind{parenMixed}},
		{"（试行）", nil},
		{"see (RFC 1234) here", []parenKind{parenExempt}},
	} {
		got := scanParens(tc.in, nil)
		var kinds []parenKind
		for _, u := range got {
			kinds = append(kinds, u.kind)
		}
		if len(kinds) != len(tc.want) {
			t.Errorf("scanParens(%q) kinds = %v, want %v", tc.in, kinds, tc.want)
			continue
		}
		for i := range kinds {
			if kinds[i] != tc.want[i] {
				t.Errorf("scanParens(%q) kinds = %v, want %v", tc.in, kinds, tc.want)
			}
		}
	}
}

func TestChineseContext(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int // ASCII marks taken for Chinese punctuation
	}{
		{"控制人;   (二)暂停", 1},
		{"方式,对湖南省", 1},
		{"罚款1,000元，8:30前", 0},
		{"[bookmark: _GoBack]", 0},
		{"第84条:用人单位", 1},
		{"Tel: 12345", 0},
	} {
		uses, _ := scanASCII(cell{field: &catalog.Field{Text: tc.in}}, nil)
		if len(uses) != tc.want {
			t.Errorf("scanASCII(%q) = %d marks, want %d", tc.in, len(uses), tc.want)
		}
	}
}

func TestListItems(t *testing.T) {
	s := "可以采取下列措施：\n（一）进入现场检查；\n（二）询问有关人员。\n1.立案责任：决定。2.调查 ①甲；②乙 第1.5倍"
	var got []string
	for _, it := range listItems(s) {
		got = append(got, s[it.start:it.end])
	}
	want := "（一）|（二）|1.|2.|②" // ① follows running text, not an item boundary
	if strings.Join(got, "|") != want {
		t.Errorf("listItems = %q, want %q", strings.Join(got, "|"), want)
	}
	for in, n := range map[string]int{"一": 1, "十": 10, "十二": 12, "二十": 20, "二十三": 23, "7": 7, "12": 12} {
		if got := parseSmallNumber(in); got != n {
			t.Errorf("parseSmallNumber(%q) = %d, want %d", in, got, n)
		}
	}
}

func TestOfficeNames(t *testing.T) {
	suffixes, err := data.DefaultOfficeSuffixes()
	if err != nil {
		t.Fatal(err)
	}
	split := func(s string) string {
		var names []string
		for _, p := range splitNames(cell{field: &catalog.Field{Text: s}}, suffixes) {
			names = append(names, p.name)
			if got := strings.TrimSpace(s[p.start:p.end]); !strings.Contains(strings.Join(strings.Fields(got), ""), p.name) {
				t.Errorf("%q: span %q does not hold %q", s, got, p.name)
			}
		}
		return strings.Join(names, "|")
	}
	for in, want := range map[string]string{
		"医保事务中心医疗稽核科、职工医保科等相关科室": "医保事务中心医疗稽核科|职工医保科",
		" 基金监管股 ":    "基金监管股",
		"基金监管\n股":    "基金监管股",
		"法规股\n基金监管科": "法规股|基金监管科",
		"相关业务股室":     "相关业务股室",
	} {
		if got := split(in); got != want {
			t.Errorf("splitNames(%q) = %q, want %q", in, got, want)
		}
	}
	for _, tc := range []struct {
		v, d string
		want bool
	}{
		{"基金监管科", "基金监管股", true},
		{"基金监管股室", "基金监管股", true},
		{"基金监管一科", "基金监管股", false},
		{"基金监管一科", "基金监管二科", false},
		{"基金管理科", "基金监管科", false},
		{"相关业务股室", "基金监管股", false},
		{"医保事务中心医疗稽核科", "基金监管和法规科", false},
		{"待遇保障科", "待遇保障股", true},
	} {
		if got := nearVariant(tc.v, tc.d, suffixes, true); got != tc.want {
			t.Errorf("nearVariant(%q, %q) = %v, want %v", tc.v, tc.d, got, tc.want)
		}
	}
}

func TestNearestType(t *testing.T) {
	std := []string{"行政许可", "行政处罚", "行政检查"}
	for in, want := range map[string]string{"行政处份": "行政处罚", "行政监管": "", "审核转报": "", "行政检察": "行政检查"} {
		if got := nearestType(in, std); got != want {
			t.Errorf("nearestType(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestColumnName(t *testing.T) {
	cat := &catalog.Catalog{Header: []catalog.Column{
		{Key: catalog.KeyBasis, Name: "职权依据（具体到条款内容）"},
		{Key: catalog.KeyOffice, Name: "责 任 科 室"},
	}}
	for k, want := range map[catalog.Key]string{catalog.KeyBasis: "职权依据", catalog.KeyOffice: "责任科室", catalog.KeyType: "职权类型"} {
		if got := columnName(cat, k); got != want {
			t.Errorf("columnName(%s) = %q, want %q", k, got, want)
		}
	}
	if a, b := trimmedRange("  基金 \n"); a != 2 || b != 8 {
		t.Errorf("trimmedRange = %d, %d", a, b)
	}
	e := &catalog.Entry{Index: 3, Seq: "5"}
	if got := entryLabel(e); got != "第3项（序号5）" {
		t.Errorf("entryLabel = %q", got)
	}
}

// TestDocExamples: for the rules that judge a cell's text, the Wrong
// example of the doc is reported when it fills a cell and the Right one is
// not, so `citelint explain` never shows a false example.
func TestDocExamples(t *testing.T) {
	for _, r := range []*lint.Rule{strayCharacterRule, punctuationRule, duplicateClauseRule} {
		for _, tc := range []struct {
			text  string
			wrong bool
		}{{r.Wrong, true}, {r.Right, false}} {
			cat := &catalog.Catalog{Path: "doc.txt", Header: []catalog.Column{{Key: catalog.KeyBasis, Name: "职权依据"}}}
			cat.Entries = []catalog.Entry{{Index: 1, Fields: []catalog.Field{{Key: catalog.KeyBasis, Text: tc.text}}}}
			res, err := lint.Run(cat, lint.Options{Rules: []*lint.Rule{r}})
			if err != nil {
				t.Fatal(err)
			}
			serious := 0
			for _, d := range res.Diagnostics {
				if d.Severity >= lint.Warning {
					serious++
				}
			}
			if tc.wrong && serious == 0 {
				t.Errorf("%s: Wrong example %q not reported", r.ID, tc.text)
			}
			if !tc.wrong && len(res.Diagnostics) > 0 {
				t.Errorf("%s: Right example %q reported: %v", r.ID, tc.text, res.Diagnostics)
			}
		}
	}
	for _, r := range hygieneRules() {
		if r.Doc == "" || r.Wrong == "" || r.Right == "" || r.Title == "" {
			t.Errorf("%s: doc, title, wrong and right example are all required", r.ID)
		}
	}
}
