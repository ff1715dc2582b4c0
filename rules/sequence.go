package rules

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/citelint/citelint/catalog"
	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/rules/internal/text"
	"github.com/citelint/citelint/statutes"
)

var sequenceRule = &lint.Rule{
	ID:    "sequence",
	Title: "序号不连续",
	Doc: `序号应为从某个数开始逐一递增的数字。报告空缺、重复、非数字和顺序颠倒的序号。` +
		`节选自更大清单的序号可以从较大的数开始，只要连续即可；每张表格（或每个分类）` +
		`可以从1重新编号（每项一表的键值页除外）；“1-1”“2.3”这类分级序号不检查。`,
	Wrong:    "序号：1、2、4、4、5",
	Right:    "序号：1、2、3、4、5",
	Severity: lint.Warning,
	Scope:    lint.CatalogScope,
	Run:      runSequence,
}

var subNumberRE = regexp.MustCompile(`^[0-9]+(?:[.．\-－—][0-9]+)+$`)

func runSequence(p *lint.Pass) error {
	cat := p.Catalog
	if !cat.HasColumn(catalog.KeySeq) {
		return nil
	}
	col := columnName(cat, catalog.KeySeq)
	prev := 0 // the last number seen; 0 before the first
	seen := map[int]*catalog.Entry{}
	sheet := ""
	for i := range cat.Entries {
		e := &cat.Entries[i]
		// Each table of a document, each sheet of a workbook, numbers its
		// own entries; key/value pages (a table per entry) number them all.
		if cat.Layout != catalog.LayoutKV && len(e.Fields) > 0 && e.Fields[0].Loc.Sheet != sheet {
			sheet = e.Fields[0].Loc.Sheet
			prev, seen = 0, map[int]*catalog.Entry{}
		}
		f := e.Field(catalog.KeySeq)
		raw := ""
		if f != nil {
			raw = f.Text
		}
		val := strings.Trim(strings.TrimRight(text.Compact(raw), ".．、"), "（）()")
		report := func(msg string) {
			fd := lint.Finding{Entry: e, Field: f, Message: msg}
			if f == nil {
				fd.FieldKey = catalog.KeySeq
			} else {
				fd.Start, fd.End = trimmedRange(f.Text)
			}
			p.Report(fd)
		}
		if val == "" {
			report(fmt.Sprintf("%s缺少%s", entryLabel(e), col))
			if prev > 0 {
				prev++ // assume the missing number was the next one
			}
			continue
		}
		if subNumberRE.MatchString(val) {
			continue
		}
		n, err := statutes.ParseNumber(val)
		if err != nil {
			report(fmt.Sprintf("%s“%s”不是数字", col, val))
			if prev > 0 {
				prev++
			}
			continue
		}
		if n == 1 && prev > 1 {
			// Numbering starts again: a new section (一、行政处罚 1..n,
			// 二、行政检查 1..m) whose heading row is not an entry.
			prev, seen = 0, map[int]*catalog.Entry{}
		}
		switch {
		case seen[n] != nil:
			report(fmt.Sprintf("%s“%s”与%s重复", col, val, entryLabel(seen[n])))
		case prev > 0 && n == prev+2:
			report(fmt.Sprintf("%s从%d跳到%d，缺少%d", col, prev, n, prev+1))
		case prev > 0 && n > prev+2:
			report(fmt.Sprintf("%s从%d跳到%d，缺少%d至%d", col, prev, n, prev+1, n-1))
		case prev > 0 && n < prev:
			report(fmt.Sprintf("%s“%s”排在%d之后，顺序颠倒", col, val, prev))
		}
		if seen[n] == nil {
			seen[n] = e
		}
		prev = n
	}
	return nil
}
