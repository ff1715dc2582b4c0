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
	Doc: `清单中职权名称、职权类型、职权依据和责任科室栏的单元格必须填写：栏目为空，` +
		`或某一行在中途截断（如节选时最后一行只剩前几栏），均予报告。清单没有的栏目不报告` +
		`（各地清单栏目不同）；依据分列在法律、行政法规等几栏时，几栏都空才算缺依据。`,
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
	// A column the catalog does not have is its layout, not a gap: only
	// the columns it has are checked.
	var present []catalog.Key
	for _, k := range requiredKeys {
		if cat.HasColumn(k) {
			present = append(present, k)
		}
	}
	for i := range cat.Entries {
		e := &cat.Entries[i]
		for _, k := range present {
			f := filledField(e, k)
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

// filledField is the entry's first non-blank field of key k, else its
// first field of key k (nil when it has none): bases split by level into
// 法律, 行政法规 … columns leave most of them empty.
func filledField(e *catalog.Entry, k catalog.Key) *catalog.Field {
	var first *catalog.Field
	for i := range e.Fields {
		f := &e.Fields[i]
		if f.Key != k {
			continue
		}
		if strings.TrimFunc(f.Text, text.IsSpace) != "" {
			return f
		}
		if first == nil {
			first = f
		}
	}
	return first
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
