package importer

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/citelint/citelint/statutes"
)

func TestFullWidth(t *testing.T) {
	tests := []struct {
		name, in, want string
		n              widthCounts // ( ) : , ;
	}{
		// Chinese context: corrected.
		{"parenthetical", "《中华人民共和国森林法》(以下简称森林法)的规定", "《中华人民共和国森林法》（以下简称森林法）的规定", widthCounts{1, 1}},
		{"item number", "(一)未按照规定办理的；", "（一）未按照规定办理的；", widthCounts{1, 1}},
		{"item number with a space", "(一) 1993年1月1日前", "（一） 1993年1月1日前", widthCounts{1, 1}},
		{"digit item before Han", "(1)国际单位制的基本单位(见表1)；", "（1）国际单位制的基本单位（见表1）；", widthCounts{2, 2}},
		{"mixed pair", "（一)将学校分为重点学校", "（一）将学校分为重点学校", widthCounts{0, 1}},
		{"nested", "(以下简称“证监会”(甲))", "（以下简称“证监会”（甲））", widthCounts{2, 2}},
		{"Latin abbreviation after Han", "端羧基聚丁二烯(CTPB)", "端羧基聚丁二烯（CTPB）", widthCounts{1, 1}},
		{"number after Han", "按国办发(1985)49号文件", "按国办发（1985）49号文件", widthCounts{1, 1}},
		{"Han inside, digits outside", "0.1MPa(表压)，且", "0.1MPa（表压），且", widthCounts{1, 1}},
		{"formula", "组成计税价格＝(成本＋利润)÷(1－比例税率)", "组成计税价格＝（成本＋利润）÷（1－比例税率）", widthCounts{2, 2}},
		{"colon at line end", "下列医疗费用不纳入基本医疗保险基金支付范围:", "下列医疗费用不纳入基本医疗保险基金支付范围：", widthCounts{2: 1}},
		{"colon before quote", "修改为:“判处管制", "修改为：“判处管制", widthCounts{2: 1}},
		{"colon between Han", "分为两类:在预备役部队任职", "分为两类：在预备役部队任职", widthCounts{2: 1}},
		{"comma", "实行全国统筹,其他社会保险基金", "实行全国统筹，其他社会保险基金", widthCounts{3: 1}},
		{"semicolon at line end", "属于政治犯罪;", "属于政治犯罪；", widthCounts{4: 1}},
		{"mark after a digit before Han", "见附表1:甲", "见附表1：甲", widthCounts{2: 1}},
		{"colon before a URL", "网址:http://www.gov.cn", "网址：http://www.gov.cn", widthCounts{2: 1}},
		{"unpaired close after a number", "1)甲", "1）甲", widthCounts{1: 1}},

		// Numbers, Latin text and URLs: untouched.
		{"thousands", "行驶里程50,000公里", "行驶里程50,000公里", widthCounts{}},
		{"ratio", "比例为1:1", "比例为1:1", widthCounts{}},
		{"standard", "符合ISO 9001:2015标准", "符合ISO 9001:2015标准", widthCounts{}},
		{"decimal and time", "3.5小时，8:30起", "3.5小时，8:30起", widthCounts{}},
		{"URL", "http://www.gov.cn", "http://www.gov.cn", widthCounts{}},
		{"Latin phrase", "Co.,Ltd; see f(x) and (a)", "Co.,Ltd; see f(x) and (a)", widthCounts{}},
		{"Latin pair in Latin text", "CTPB (carboxyl) polymer", "CTPB (carboxyl) polymer", widthCounts{}},
		{"already full width", "（一）甲：乙，丙；", "（一）甲：乙，丙；", widthCounts{}},
		{"no marks", "第一条 为了示例，制定本法。", "第一条 为了示例，制定本法。", widthCounts{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, n := fullWidth(tt.in)
			if got != tt.want {
				t.Errorf("fullWidth(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if n != tt.n {
				t.Errorf("fullWidth(%q) counts %v, want %v", tt.in, n, tt.n)
			}
			if len([]rune(got)) != len([]rune(tt.in)) {
				t.Errorf("fullWidth(%q) changed the length", tt.in)
			}
		})
	}
}

// TestImportFullWidth checks the correction end to end: the text is
// written full-width, the statute carries a note with the count, the log
// lists it, and a statute without ASCII marks gets no note.
func TestImportFullWidth(t *testing.T) {
	src := t.TempDir()
	copyTree(t, srcDir, src)
	file := filepath.Join(src, "社会法", "半角示例法(2020-01-01).md")
	content := "# 中华人民共和国半角示例法\n\n2020年1月1日 第十三届全国人民代表大会常务委员会第十五次会议通过\n\n<!-- INFO END -->\n\n" +
		"第一条 为了示例(以下简称本法),制定本法。\n\n第二条 有下列情形之一的,责令改正:\n\n(一)甲;\n\n(二)乙。\n\n第三条 行驶里程50,000公里，比例1:1。\n"
	if err := os.WriteFile(file, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	var log bytes.Buffer
	if err := Run(src, "", out, &log); err != nil {
		t.Fatal(err)
	}
	c, err := statutes.Load(os.DirFS(out))
	if err != nil {
		t.Fatal(err)
	}
	s, err := c.Resolve("半角示例法")
	if err != nil {
		t.Fatal(err)
	}
	v := s.Current()
	want := map[int]string{
		1: "为了示例（以下简称本法），制定本法。",
		2: "有下列情形之一的，责令改正：\n（一）甲；\n（二）乙。",
		3: "行驶里程50,000公里，比例1:1。",
	}
	for num, w := range want {
		if a := v.Article(num, 0); a == nil || a.Text() != w {
			t.Errorf("第%d条 = %+v, want %q", num, a, w)
		}
	}
	if a := v.Article(2, 0); a != nil && len(a.Paragraphs[0].Items) != 2 {
		t.Errorf("第二条 has %d items, want 2", len(a.Paragraphs[0].Items))
	}
	if note := widthNote(10); !strings.Contains(strings.Join(s.Notes, "\n"), note) {
		t.Errorf("notes %q lack %q", s.Notes, note)
	}
	if !strings.Contains(log.String(), "full-width 半角示例法: 10 (( 3, ) 3, : 1, , 2, ; 1)") {
		t.Errorf("log does not count the corrections:\n%s", log.String())
	}
	plain, err := c.Resolve("示例法")
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range plain.Notes {
		if strings.Contains(n, "半角标点") {
			t.Errorf("示例法 has no ASCII marks but a note %q", n)
		}
	}
}
