package rules

import (
	"fmt"
	"strings"

	"github.com/citelint/citelint/catalog"
	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/rules/internal/vocab"
)

var columnMismatchRule = &lint.Rule{
	ID:    "column-mismatch",
	Title: "栏目内容与表头不符",
	Doc: `一栏的内容属于另一栏：职权类型栏填的是职权类别（行政执法、公共服务），职权名称栏填的是` +
		`职权类型（行政检查、行政处罚），或职权类别栏填的是职权类型。整份清单只报告一次。`,
	Wrong:    "职权类型：行政执法；职权名称：行政检查",
	Right:    "职权类别：行政执法；职权类型：行政检查；职权名称：对用人单位和个人遵守医疗保险法律、法规情况进行监督检查",
	Severity: lint.Warning,
	Scope:    lint.CatalogScope,
	Run:      runColumnMismatch,
}

func runColumnMismatch(p *lint.Pass) error {
	v, err := newVocab(p)
	if err != nil {
		return err
	}
	l := v.Analyze(p.Catalog)
	cat := p.Catalog
	examples := func(k catalog.Key) string {
		vals := vocab.Values(cat, k, 3)
		return "“" + strings.Join(vals, "”“") + "”"
	}
	typ, name, category := columnName(cat, catalog.KeyType), columnName(cat, catalog.KeyName), columnName(cat, catalog.KeyCategory)
	switch {
	case l.TypeHoldsCategories && l.NameHoldsTypes:
		p.Report(lint.Finding{
			FieldKey: catalog.KeyType,
			Message: fmt.Sprintf("%s栏填写的是%s等职权类别，%s栏填写的是%s等职权类型，两栏内容与表头错位",
				typ, examples(catalog.KeyType), name, examples(catalog.KeyName)),
		})
		return nil
	case l.TypeHoldsCategories:
		p.Report(lint.Finding{
			FieldKey: catalog.KeyType,
			Message:  fmt.Sprintf("%s栏填写的是%s等职权类别，而不是职权类型", typ, examples(catalog.KeyType)),
		})
	case l.NameHoldsTypes:
		p.Report(lint.Finding{
			FieldKey: catalog.KeyName,
			Message:  fmt.Sprintf("%s栏填写的是%s等职权类型，而不是职权名称", name, examples(catalog.KeyName)),
		})
	}
	if l.CategoryHoldsTypes {
		p.Report(lint.Finding{
			FieldKey: catalog.KeyCategory,
			Message:  fmt.Sprintf("%s栏填写的是%s等职权类型，而不是职权类别", category, examples(catalog.KeyCategory)),
		})
	}
	return nil
}
