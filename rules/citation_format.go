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
		"文号被换行断开或括号用错（湘（医保发〔2019〕23 号）、【2013】），以及只写了法规名称而未写条款：栏目要求具体到条款、行政处罚事项，或清单其他依据都写明了条款时（引用整章的除外）。" +
		"》与“第”之间的空格只作提示。",
	Wrong:    "《医疗保障基金使用监督管理条例》第6、22、27",
	Right:    "《医疗保障基金使用监督管理条例》第6、22、27条",
	Severity: lint.Warning,
	Scope:    lint.CatalogScope,
	Run:      runCitationFormat,
}

func runCitationFormat(p *lint.Pass) error {
	cat := p.Catalog
	// Whether this catalog names articles: when most of its citations do,
	// one that names only a statute is a slip, not the catalog's style.
	// Each field's citations, parsed once for both passes (a catalog-scope
	// pass keeps only the last few fields' parses).
	type fieldCites struct {
		f  *catalog.Field
		cs []cite.Citation
	}
	perEntry := make([][]fieldCites, len(cat.Entries))
	cited, withArticles := 0, 0
	for i := range cat.Entries {
		for _, f := range basisFields(&cat.Entries[i]) {
			cs := p.Citations(f)
			perEntry[i] = append(perEntry[i], fieldCites{f, cs})
			for _, c := range cs {
				if byChapter(f.Text, c) {
					continue
				}
				cited++
				if len(c.Articles) > 0 {
					withArticles++
				}
			}
		}
	}
	catalogCites := withArticles*2 > cited
	for i := range cat.Entries {
		e := &cat.Entries[i]
		penalty := strings.Contains(e.Text(catalog.KeyName), "处罚") || strings.Contains(e.Text(catalog.KeyType), "处罚")
		for _, fc := range perEntry[i] {
			f, cs := fc.f, fc.cs
			wantsArticles := asksForArticles(cat, f)
			// A statute named beside articles of another (《行政处罚法》
			// next to the article that sets the penalty) is context; a
			// power's basis naming no article at all is the slip.
			bare := f.Key == catalog.KeyBasis
			for _, c := range cs {
				if len(c.Articles) > 0 {
					bare = false
				}
			}
			for _, c := range cs {
				for _, pr := range c.Problems {
					fd := lint.Finding{Entry: e, Field: f, Start: pr.Span.Start, End: pr.Span.End, Message: pr.Message,
						Citation: &lint.Citation{Statute: compactTitle(c.Title)}}
					switch pr.Code {
					case cite.CodeSpaceBeforeArticle:
						fd.Severity = sevOf(lint.Info)
					case cite.CodeNoArticle:
						switch {
						case byChapter(f.Text, c):
							continue
						case wantsArticles:
							fd.Message = fmt.Sprintf("“%s”栏要求具体到条款，但引用《%s》时未写明条款。", fieldTitle(f), compactTitle(c.Title))
						case penalty && bare:
							// A penalty rests on the article that sets it.
							fd.Message = fmt.Sprintf("行政处罚事项的依据应写明具体条款，引用《%s》时只写了法规名称。", compactTitle(c.Title))
						case catalogCites && bare:
							fd.Message = fmt.Sprintf("引用《%s》时未写明条款（本清单其他依据都写明了条款）。", compactTitle(c.Title))
						default:
							continue
						}
					}
					if fd.Message == "" {
						fd.Message = "引用格式不规范。"
					}
					p.Report(fd)
				}
			}
		}
	}
	return nil
}

// byChapter reports a citation of whole chapters (《…》第三章, 第二、三章),
// which names no article by design.
func byChapter(text string, c cite.Citation) bool {
	rest := strings.TrimLeft(text[c.Span.End:], " \u3000\t")
	if !strings.HasPrefix(rest, "第") {
		return false
	}
	end := strings.IndexAny(rest, "章节条款")
	return end > 0 && strings.HasPrefix(rest[end:], "章") && !strings.ContainsAny(rest[:end], "。；;，,《")
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
