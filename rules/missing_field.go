package rules

import (
	"fmt"
	"strings"

	"github.com/citelint/citelint/catalog"
	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/rules/internal/text"
)

var missingFieldRule = &lint.Rule{
	ID:    "missing-field",
	Title: "必填栏目缺失",
	Doc: `职权名称、职权类型、职权依据和责任科室是必填栏目：栏目为空、整份清单没有这一栏，` +
		`或某一行在中途截断（如节选时最后一行只剩前几栏），均予报告。`,
	Wrong:    "第20项在“责任事项依据”之后截断，没有责任科室",
	Right:    "第20项补全责任科室“基金监管股”和追责对象范围",
	Severity: lint.Error,
	Scope:    lint.CatalogScope,
	Run:      runMissingField,
}

// requiredKeys are the columns every entry must fill.
var requiredKeys = []catalog.Key{catalog.KeyName, catalog.KeyType, catalog.KeyBasis, catalog.KeyOffice}

func runMissingField(p *lint.Pass) error {
	cat := p.Catalog
	var present []catalog.Key
	for _, k := range requiredKeys {
		if cat.HasColumn(k) {
			present = append(present, k)
			continue
		}
		if len(cat.Entries) > 0 {
			p.Report(lint.Finding{
				FieldKey: k,
				Message:  fmt.Sprintf("本清单没有“%s”栏", columnName(cat, k)),
			})
		}
	}
	for i := range cat.Entries {
		e := &cat.Entries[i]
		for _, k := range present {
			f := e.Field(k)
			col := columnName(cat, k)
			switch {
			case f == nil && e.Short:
				p.Report(lint.Finding{
					Entry: e, FieldKey: k,
					Message: fmt.Sprintf("%s在“%s”之后截断，缺少%s", entryLabel(e), lastColumn(cat, e), col),
				})
			case f == nil:
				p.Report(lint.Finding{
					Entry: e, FieldKey: k,
					Message: fmt.Sprintf("%s缺少%s", entryLabel(e), col),
				})
			case strings.TrimFunc(f.Text, text.IsSpace) == "":
				p.Report(lint.Finding{
					Entry: e, Field: f,
					Message: fmt.Sprintf("%s的%s为空", entryLabel(e), col),
				})
			}
		}
	}
	return nil
}

// lastColumn names the last column an entry cut short still has.
func lastColumn(cat *catalog.Catalog, e *catalog.Entry) string {
	for j := len(e.Fields) - 1; j >= 0; j-- {
		f := &e.Fields[j]
		if strings.TrimFunc(f.Text, text.IsSpace) != "" {
			return fieldName(cat, f)
		}
	}
	return "序号"
}
