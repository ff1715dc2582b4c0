package rules

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"

	"github.com/citelint/citelint/catalog"
	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/rules/internal/text"
	"github.com/citelint/citelint/statutes"
	"github.com/citelint/citelint/statutes/cite"
)

var citationFormatRule = &lint.Rule{
	ID:    "citation-format",
	Title: "引用格式不规范",
	Doc: "引用写法有误：书名号不成对或缺少《，条文序号缺“条”字（第6、22、27），》与“第”之间多了空格或句号，" +
		"文号被换行断开或括号用错（湘（医保发〔2019〕23 号）、【2013】），以及只写了法规名称而未写条款：栏目要求具体到条款、行政处罚事项，或清单其他依据都写明了条款时（引用整章的除外）。" +
		"只写了条文序号、未写法规名称的依据（第七十九条未取得……），法规库中有这段文字时指出是哪部法规的条文。" +
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
		entryCites := 0
		for _, fc := range perEntry[i] {
			entryCites += len(fc.cs)
		}
		if entryCites == 0 && !namesATitle(e) {
			// No field of the entry names a statute: a basis that starts
			// with an article label quotes an article of no law.
			for _, fc := range perEntry[i] {
				if fd, ok := untitledArticle(p, e, fc.f); ok {
					p.Report(fd)
				}
			}
		}
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

// namesATitle reports whether any field of e (a column of statute names
// beside a column of article texts, say) holds a title in 《》.
func namesATitle(e *catalog.Entry) bool {
	for i := range e.Fields {
		if strings.Contains(e.Fields[i].Text, "《") {
			return true
		}
	}
	return false
}

// untitledRe is a basis that starts with an article label and goes on with
// the article's text: 第七十九条未取得…, 1.第五条 本办法…, 第十二条第一款：….
var untitledRe = regexp.MustCompile(`^\s*(?:[0-9０-９]{1,2}[.、．]\s*)?(第[一二三四五六七八九十百千零〇两0-9０-９]+条(?:之[一二三四五六七八九十]+)?(?:第[一二三四五六七八九十0-9]+款)?(?:第[一二三四五六七八九十0-9]+项)?)[：:\s　]*`)

// untitledArticle reports a basis that quotes an article without naming
// its statute, and where the corpus holds the quoted words, names it.
func untitledArticle(p *lint.Pass, e *catalog.Entry, f *catalog.Field) (lint.Finding, bool) {
	m := untitledRe.FindStringSubmatchIndex(f.Text)
	if m == nil {
		return lint.Finding{}, false
	}
	label, rest := f.Text[m[2]:m[3]], f.Text[m[1]:]
	// The article's own text follows: a sentence of Chinese, not a list
	// of numbers or another label.
	han := 0
	for _, r := range rest {
		if unicode.Is(unicode.Han, r) {
			han++
		}
	}
	if han < 15 || strings.HasPrefix(rest, "第") {
		return lint.Finding{}, false
	}
	msg := fmt.Sprintf("依据只写了条文序号“%s”，没有写明是哪部法规的条文", label)
	if src := p.Locate(rest); src != nil {
		at := statutes.ArticleLabel(src.Article.Num, src.Article.Suffix)
		if strings.HasPrefix(label, at) {
			msg += fmt.Sprintf("；所引文字是《%s》%s的原文", src.Statute.Title, at)
		} else {
			msg += fmt.Sprintf("；所引文字见于《%s》%s", src.Statute.Title, at)
		}
	}
	return lint.Finding{Entry: e, Field: f, Start: m[2], End: m[3], Message: msg + "。"}, true
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
