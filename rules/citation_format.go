package rules

import (
	"fmt"
	"strings"

	"github.com/citelint/citelint/catalog"
	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/rules/internal/text"
	"github.com/citelint/citelint/statutes/cite"
)

var citationFormatRule = &lint.Rule{
	ID:    "citation-format",
	Title: "引用格式不规范",
	Doc: "引用写法有误：书名号不成对或缺少《，条文序号缺“条”字（第6、22、27），》与“第”之间多了空格或句号，" +
		"文号被换行断开或括号用错（湘（医保发〔2019〕23 号）、【2013】），以及栏目要求具体到条款却只写了法规名称。" +
		"》与“第”之间的空格只作提示。",
	Wrong:    "《医疗保障基金使用监督管理条例》第6、22、27",
	Right:    "《医疗保障基金使用监督管理条例》第6、22、27条",
	Severity: lint.Warning,
	Run:      runCitationFormat,
}

func runCitationFormat(p *lint.Pass) error {
	if p.Entry == nil {
		return nil
	}
	for _, f := range basisFields(p.Entry) {
		wantsArticles := asksForArticles(p.Catalog, f)
		for _, c := range p.Citations(f) {
			for _, pr := range c.Problems {
				fd := lint.Finding{Field: f, Start: pr.Span.Start, End: pr.Span.End, Message: pr.Message,
					Citation: &lint.Citation{Statute: compactTitle(c.Title)}}
				switch pr.Code {
				case cite.CodeSpaceBeforeArticle:
					fd.Severity = sevOf(lint.Info)
				case cite.CodeNoArticle:
					if !wantsArticles {
						continue
					}
					fd.Message = fmt.Sprintf("“%s”栏要求具体到条款，但引用《%s》时未写明条款。", fieldTitle(f), compactTitle(c.Title))
				}
				if fd.Message == "" {
					fd.Message = "引用格式不规范。"
				}
				p.Report(fd)
			}
		}
	}
	return nil
}

// asksForArticles says whether a column's header asks for articles
// (职权依据（具体到条款内容）).
func asksForArticles(cat *catalog.Catalog, f *catalog.Field) bool {
	h := text.Compact(f.Column)
	if h == "" {
		for _, c := range cat.Header {
			if c.Key == f.Key {
				h = text.Compact(c.Name)
			}
		}
	}
	return strings.Contains(h, "条款") || strings.Contains(h, "具体到条")
}

// fieldTitle is a field's header without its parenthesised note.
func fieldTitle(f *catalog.Field) string {
	h := text.Compact(f.Column)
	if i := strings.IndexAny(h, "（("); i > 0 {
		return h[:i]
	}
	return h
}
