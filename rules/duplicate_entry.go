package rules

import (
	"fmt"

	"github.com/citelint/citelint/catalog"
	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/rules/internal/text"
)

var duplicateEntryRule = &lint.Rule{
	ID:    "duplicate-entry",
	Title: "条目重复",
	Doc: `两个条目的职权名称相同且依据相同，是重复列入；名称相同而依据不同的只作提示（info），` +
		`请确认是否应合并或改名。职权名称栏实际填写的是职权类型时（见 column-mismatch）不比较。`,
	Wrong:    "第3项与第8项的职权名称均为“对个人骗取医疗保障基金支出行为的处罚”，依据也相同",
	Right:    "删除重复的第8项，或改为另一项职权",
	Severity: lint.Warning,
	Scope:    lint.CatalogScope,
	Run:      runDuplicateEntry,
}

func runDuplicateEntry(p *lint.Pass) error {
	v, err := newVocab(p)
	if err != nil {
		return err
	}
	if v.Analyze(p.Catalog).NameHoldsTypes {
		return nil // the names are power types: repeats are expected
	}
	firstByName := map[string]*catalog.Entry{}
	for i := range p.Catalog.Entries {
		e := &p.Catalog.Entries[i]
		f := e.Field(catalog.KeyName)
		if f == nil {
			continue
		}
		name := text.Compact(f.Text)
		if name == "" {
			continue
		}
		prev, seen := firstByName[name]
		if !seen {
			firstByName[name] = e
			continue
		}
		pf := prev.Field(catalog.KeyName)
		start, end := trimmedRange(f.Text)
		ps, pe := trimmedRange(pf.Text)
		related := []lint.Related{{
			Entry:   entryRef(prev),
			Field:   string(catalog.KeyName),
			Span:    relatedSpan(pf, ps, pe),
			Message: "先出现的同名条目",
		}}
		if text.Compact(e.Text(catalog.KeyBasis)) == text.Compact(prev.Text(catalog.KeyBasis)) {
			p.Report(lint.Finding{
				Entry: e, Field: f, Start: start, End: end,
				Message: fmt.Sprintf("%s“%s”与%s重复，依据也相同", columnName(p.Catalog, catalog.KeyName), text.Quote(name, 30), entryLabel(prev)),
				Related: related,
			})
			continue
		}
		p.Report(lint.Finding{
			Entry: e, Field: f, Start: start, End: end,
			Message:  fmt.Sprintf("%s“%s”与%s相同而依据不同，请确认是否应合并或改名", columnName(p.Catalog, catalog.KeyName), text.Quote(name, 30), entryLabel(prev)),
			Related:  related,
			Severity: severity(lint.Info),
		})
	}
	return nil
}
