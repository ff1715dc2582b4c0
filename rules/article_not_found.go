package rules

import (
	"errors"
	"fmt"

	"github.com/citelint/citelint/catalog"
	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/verify"
	"github.com/citelint/citelint/statutes"
	"github.com/citelint/citelint/statutes/cite"
)

var articleNotFoundRule = &lint.Rule{
	ID:    "article-not-found",
	Title: "引用的条款不存在",
	Doc: "引用的条（或款、项）在目录日期施行的法规版本中不存在，常见于条文序号抄错或法规修订后条文重新编号。" +
		"法规库只收录部分条文或只有元数据时不作判断。",
	Wrong:    "《中华人民共和国社会保险法》第九十九条",
	Right:    "《中华人民共和国社会保险法》第九十八条",
	Severity: lint.Error,
	Run:      runArticleNotFound,
}

func runArticleNotFound(p *lint.Pass) error {
	eachVerification(p, func(f *catalog.Field, v *verify.Verification) {
		if v.Statute == nil || v.Version == nil || v.Predates || v.Version.Text != statutes.TextFull || !v.Version.Verified {
			return
		}
		seen := map[cite.Article]bool{}
		report := func(a cite.Article, err error) {
			if seen[a] {
				return
			}
			seen[a] = true
			var what string
			switch {
			case errors.Is(err, statutes.ErrArticleNotFound):
				what = fmt.Sprintf("没有%s（该版本共%d条）", statutes.ArticleLabel(a.Num, a.Suffix), countArticles(v.Version))
			case errors.Is(err, statutes.ErrParagraphNotFound):
				what = fmt.Sprintf("%s没有第%s款", statutes.ArticleLabel(a.Num, a.Suffix), statutes.FormatNumber(a.Paragraph))
			case errors.Is(err, statutes.ErrItemNotFound):
				what = fmt.Sprintf("%s没有第（%s）项", statutes.ArticleLabel(a.Num, a.Suffix), statutes.FormatNumber(a.Item))
			default:
				return
			}
			p.Report(lint.Finding{Field: f, Start: a.Span.Start, End: a.Span.End,
				Message:  fmt.Sprintf("%s（%s）%s，请核对引用的条文序号。", statuteName(v.Statute), versionName(v.Version), what),
				Citation: citationOf(v, []cite.Article{a})})
		}
		for _, ac := range v.Articles {
			if ac.Err != nil {
				report(ac.Cited, ac.Err)
			}
		}
		// Labels inside a quote (第五条　…) name articles too.
		if v.Citation.Quote != nil {
			for _, part := range v.Parts {
				if part.Article == nil {
					continue
				}
				r := statutes.Ref{Article: part.Article.Num, Suffix: part.Article.Suffix, Paragraph: part.Article.Paragraph, Item: part.Article.Item}
				if _, err := v.Version.Lookup(r); err != nil {
					report(*part.Article, err)
				}
			}
		}
	})
	return nil
}

func countArticles(v *statutes.Version) int {
	arts, _ := v.ArticleList()
	return len(arts)
}
