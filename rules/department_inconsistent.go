package rules

import (
	"fmt"
	"strings"

	"github.com/citelint/citelint/catalog"
	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/rules/internal/text"
)

var departmentInconsistentRule = &lint.Rule{
	ID:    "department-inconsistent",
	Title: "部门名称不一致",
	Doc: `同一清单各条目的部门名称（实施部门）应当一致。与本清单多数条目写法不同的部门名称` +
		`（如“株洲市医保局”与“株洲市医疗保障局”），或不在配置的部门名单中的名称，均予报告。` +
		`各部门条目数相当的合并清单只比较近似写法。`,
	Wrong:    "第1至11项部门名称为“株洲市医疗保障局”，第12项为“株洲市医保局”",
	Right:    "各项部门名称统一为“株洲市医疗保障局”",
	Severity: lint.Warning,
	Scope:    lint.CatalogScope,
	Run:      runDepartmentInconsistent,
}

func runDepartmentInconsistent(p *lint.Pass) error {
	k := catalog.KeyDepartment
	var allowed []string
	if p.Config != nil {
		allowed = p.Config.Departments
	}
	if len(allowed) > 0 {
		return checkNames(p, k, allowed, false)
	}
	type use struct {
		c          cell
		start, end int
	}
	count := map[string]int{}
	var order []string
	uses := map[string][]use{}
	total := 0
	for i := range p.Catalog.Entries {
		e := &p.Catalog.Entries[i]
		f := e.Field(k)
		if f == nil {
			continue
		}
		name := text.Compact(f.Text)
		if name == "" {
			continue
		}
		if count[name] == 0 {
			order = append(order, name)
		}
		count[name]++
		total++
		start, end := trimmedRange(f.Text)
		uses[name] = append(uses[name], use{cell{e, f}, start, end})
	}
	if len(order) < 2 {
		return nil
	}
	norm := order[0]
	for _, n := range order[1:] {
		if count[n] > count[norm] {
			norm = n
		}
	}
	// A catalog of several departments: only near variants of the main
	// name are slips.
	mixed := count[norm]*2 <= total
	ref := uses[norm][0]
	for _, n := range order {
		if n == norm {
			continue
		}
		if mixed && text.Distance(n, norm) > 2 {
			continue
		}
		for _, u := range uses[n] {
			p.Report(lint.Finding{
				Entry:   u.c.entry,
				Field:   u.c.field,
				Start:   u.start,
				End:     u.end,
				Message: fmt.Sprintf("%s“%s”与本清单其余%d处的“%s”不一致", columnName(p.Catalog, k), n, count[norm], norm),
				Related: []lint.Related{{
					Entry:   entryRef(ref.c.entry),
					Field:   string(k),
					Span:    relatedSpan(ref.c.field, ref.start, ref.end),
					Message: fmt.Sprintf("本清单通用的写法“%s”", norm),
				}},
			})
		}
	}
	return nil
}

// trimmedRange is the byte range of s without leading and trailing space.
func trimmedRange(s string) (int, int) {
	t := strings.TrimLeftFunc(s, text.IsSpace)
	start := len(s) - len(t)
	return start, start + len(strings.TrimRightFunc(t, text.IsSpace))
}
