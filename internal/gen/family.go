package gen

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/citelint/citelint/catalog"
	"github.com/citelint/citelint/statutes"
)

// Family is a layout of published catalogs: the words its header uses for
// each column and how its bases introduce a quoted article. The entries
// and defects are the same whatever the family; only how they are written
// changes, so a family tests the reader and the quote parser, not the rules.
type Family struct {
	Name string
	// Headers are the column names, in the order of the generator's
	// columns (序号, department, type, name, basis, duties, duty basis,
	// office, accountable, note).
	Headers [10]string
	// Sep is written between the article and its quoted text (：, a
	// space, a full-width space, two spaces); Prefix before the basis
	// (1., 1、) as numbered lists do.
	Sep, Prefix string
	// Arabic writes the basis's first article number in digits (第48条).
	Arabic bool
	// Tag is the level tag written before a basis's citation, a format
	// for the statute's level (【%s】 → 【法律】); "" for none.
	Tag string
	// Forms are the ways the family's bases cite a second article (同法,
	// a bare 第Y条, a second tagged citation, a run-on, a compressed
	// list, a paraphrase): some clean rows, and some slips, are written
	// in them in turn.
	Forms []Form
}

// Families are the layouts Options.Family chooses from; 0 is the seeds'.
var Families = []Family{
	{"seeds", [10]string{"序号", "部门名称", "职权类型", "职权名称", "职权依据", "责任事项", "责任事项依据", "责任科室", "追责对象范围", "备注"}, "：", "", false, "", nil},
	{"item-list", [10]string{"序号", "实施主体", "事项类型", "事项名称", "设定依据", "责任事项", "追责依据", "承办机构", "追责情形", "备注"}, " ", "", false, "【%s】", []Form{FormTagged, FormRef, FormList}},
	{"power-list", [10]string{"编号", "实施机关", "权力类型", "权力事项", "法律依据", "责任内容", "责任依据", "责任股室", "追责对象", "说明"}, "\u3000", "", false, "", []Form{FormRef, FormBare, FormParaphrase}},
	{"penalty-list", [10]string{"序号", "执法主体", "执法类别", "违法行为", "处罚依据", "责任事项", "问责依据", "承办科室", "追责范围", "备注"}, "  ", "", false, "[%s]", []Form{FormRunOn, FormList, FormTaggedInline}},
	{"decision-list", [10]string{"序号", "行政决定部门", "行政职权类别", "项目名称", "实施依据", "责任事项内容", "责任事项依据", "实施机构", "责任对象", "事项备注"}, "：", "1.", false, "", []Form{FormRefLine, FormParaphrase, FormBareInline}},
	{"inspection-list", [10]string{"序号", "部门", "权力分类", "检查事项", "检查依据", "职责", "责任依据", "内设机构", "问责", "备注"}, " ", "1、", false, "%s：", []Form{FormBareInline, FormTaggedInline, FormRef}},
	{"inspection-items", [10]string{"序号", "实施单位", "类型", "行政检查事项名称", "法定依据", "责任事项", "追责依据", "业务机构", "追责情形", "说明"}, "\u3000", "", true, "", []Form{FormList, FormRefLine, FormRunOn}},
	{"enforcement-list", [10]string{"序号", "实施部门", "处罚类别", "行政处罚事项", "执法依据", "责任事项", "责任事项依据", "承办处室", "追责对象范围", "备注"}, "：", "1、", true, "【%s】", []Form{FormRunOn, FormParaphrase, FormBare, FormTagged}},
}

// headColon is the colon that follows a basis's first article list: the
// one a family writes otherwise.
var headColon = regexp.MustCompile(`^(《[^》]+》(?:（[^）]*）)?第[^：《]{1,40}?[条款项])：`)

// applyFamily writes the catalog in family f: its header names, and each
// basis's first quote introduced its way, after its level tag (levels:
// statute title → level).
func applyFamily(c *catalog.Catalog, f Family, levels map[string]string) {
	for i := range c.Header {
		if i < len(f.Headers) {
			c.Header[i].Name = f.Headers[i]
		}
	}
	for i := range c.Entries {
		for j := range c.Entries[i].Fields {
			fd := &c.Entries[i].Fields[j]
			if j < len(f.Headers) {
				fd.Column = f.Headers[j]
			}
			if fd.Key != catalog.KeyBasis || !strings.HasPrefix(fd.Text, "《") {
				continue
			}
			// An article that opens with another statute's citation
			// (《药品管理法》第五十九条第二款“…”) keeps its colon: after a
			// space anyone reads two citations.
			if m := headColon.FindStringSubmatchIndex(fd.Text); f.Sep != "：" && m != nil && !strings.HasPrefix(fd.Text[m[1]:], "《") {
				fd.Text = fd.Text[:m[3]] + f.Sep + fd.Text[m[1]:]
			}
			if f.Arabic {
				fd.Text = arabicHead(fd.Text)
			}
			if title, _, ok := strings.Cut(strings.TrimPrefix(fd.Text, "《"), "》"); ok {
				fd.Text = f.tag(levels[title]) + fd.Text
			}
			fd.Text = f.Prefix + fd.Text
		}
	}
}

// headArticle is the first article number after a basis's title.
var headArticle = regexp.MustCompile(`^(《[^》]+》(?:（[^）]*）)?第)([零〇一二两三四五六七八九十百千]+)条`)

// arabicHead writes the first article number of a basis in digits:
// 《…》第四十八条 → 《…》第48条.
func arabicHead(s string) string {
	m := headArticle.FindStringSubmatchIndex(s)
	if m == nil {
		return s
	}
	n, err := statutes.ParseNumber(s[m[4]:m[5]])
	if err != nil {
		return s
	}
	return s[:m[4]] + strconv.Itoa(n) + s[m[5]:]
}
