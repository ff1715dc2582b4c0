package rules

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/citelint/citelint/catalog"
	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/rules/data"
	"github.com/citelint/citelint/rules/internal/text"
)

var officeInconsistentRule = &lint.Rule{
	ID:    "office-inconsistent",
	Title: "科室名称不一致",
	Doc: `责任科室（处室、股室）的名称与本清单其他条目通用的写法只差一两个字（同一词干，如` +
		`“基金监管科”与“基金监管股”），或不在配置的科室名单中。列出多个科室的栏` +
		`（“医保事务中心医疗稽核科、职工医保科等相关科室”）先拆开再比较，各科室之间不算异写。`,
	Wrong:    "第1至10项责任科室为“基金监管股”，第11项为“基金监管科”",
	Right:    "各项责任科室统一为“基金监管股”",
	Severity: lint.Error,
	Scope:    lint.CatalogScope,
	Run:      runOfficeInconsistent,
}

// A namePart is one name inside a cell that may list several.
type namePart struct {
	c          cell
	name       string // compacted
	start, end int    // byte range in the field's text
}

// listSepRE splits a cell that lists several names. Line breaks are
// handled apart: they may only wrap a long name.
var listSepRE = regexp.MustCompile(`[、，,；;/／]+`)

// listTailRE is the "等相关科室" that closes a list of offices.
var listTailRE = regexp.MustCompile(`等(?:相关)?(?:业务)?(?:科室|股室|处室|单位|部门|科|股|处|室)?$`)

// splitNames splits a field into the names it lists. A line break
// separates two names only when each line is a whole name (ends like one:
// 科, 股, 室 ...); otherwise it wraps one name.
func splitNames(c cell, suffixes []string) []namePart {
	s := c.field.Text
	var out []namePart
	add := func(start, end int) {
		raw := s[start:end]
		name := text.Compact(raw)
		// Drop the list's closing "等相关科室".
		if loc := listTailRE.FindStringIndex(name); loc != nil && loc[0] > 0 {
			name = name[:loc[0]]
			if k := strings.LastIndex(raw, "等"); k >= 0 {
				end = start + k
			}
		}
		if name == "" {
			return
		}
		start, end = shrink(s, start, end)
		out = append(out, namePart{c, name, start, end})
	}
	addLines := func(start, end int) {
		lines := strings.Split(s[start:end], "\n")
		whole := len(lines) > 1
		for _, l := range lines {
			if n := text.Compact(l); n != "" && stem(n, suffixes) == n {
				whole = false // a line that does not end like a name: a wrap
			}
		}
		if !whole {
			add(start, end)
			return
		}
		from := start
		for _, l := range lines {
			add(from, from+len(l))
			from += len(l) + 1
		}
	}
	from := 0
	for _, m := range listSepRE.FindAllStringIndex(s, -1) {
		addLines(from, m[0])
		from = m[1]
	}
	addLines(from, len(s))
	return out
}

func runOfficeInconsistent(p *lint.Pass) error {
	var allowed []string
	if p.Config != nil {
		allowed = p.Config.Offices
	}
	return checkNames(p, catalog.KeyOffice, allowed, true)
}

// checkNames reports the names of column k that are near variants of the
// name the catalog uses most (or, with a configured list, not in it).
// Offices compare by stem (the name without 科/股/室 ...); departments by
// whole name.
func checkNames(p *lint.Pass, k catalog.Key, allowed []string, byStem bool) error {
	suffixes, err := data.DefaultOfficeSuffixes()
	if err != nil {
		return err
	}
	var parts []namePart
	for i := range p.Catalog.Entries {
		e := &p.Catalog.Entries[i]
		if f := e.Field(k); f != nil {
			parts = append(parts, splitNames(cell{e, f}, suffixes)...)
		}
	}
	col := columnName(p.Catalog, k)
	if len(allowed) > 0 {
		ok := map[string]bool{}
		for _, a := range allowed {
			ok[text.Compact(a)] = true
		}
		for _, pt := range parts {
			if ok[pt.name] {
				continue
			}
			msg := fmt.Sprintf("%s“%s”不在配置的名单中", col, pt.name)
			if best := closest(pt.name, allowed); best != "" {
				msg = fmt.Sprintf("%s“%s”不在配置的名单中，是否应为“%s”", col, pt.name, best)
			}
			p.Report(lint.Finding{Entry: pt.c.entry, Field: pt.c.field, Start: pt.start, End: pt.end, Message: msg})
		}
		return nil
	}
	count := map[string]int{}
	first := map[string]namePart{}
	var names []string
	for _, pt := range parts {
		if count[pt.name] == 0 {
			names = append(names, pt.name)
			first[pt.name] = pt
		}
		count[pt.name]++
	}
	// The norm for a variant is the most used name it is close to.
	norm := map[string]string{}
	for _, v := range names {
		best := ""
		for _, d := range names {
			if d == v || count[d] <= count[v] || count[d] < 2 {
				continue
			}
			if !nearVariant(v, d, suffixes, byStem) {
				continue
			}
			if best == "" || count[d] > count[best] {
				best = d
			}
		}
		if best != "" {
			norm[v] = best
		}
	}
	for _, pt := range parts {
		d, ok := norm[pt.name]
		if !ok {
			continue
		}
		ref := first[d]
		p.Report(lint.Finding{
			Entry:   pt.c.entry,
			Field:   pt.c.field,
			Start:   pt.start,
			End:     pt.end,
			Message: fmt.Sprintf("%s“%s”与本清单其余%d处的“%s”不一致", col, pt.name, count[d], d),
			Related: []lint.Related{{
				Entry:   entryRef(ref.c.entry),
				Field:   string(k),
				Span:    relatedSpan(ref.c.field, ref.start, ref.end),
				Message: fmt.Sprintf("本清单通用的写法“%s”", d),
			}},
		})
	}
	return nil
}

// nearVariant: v and d name the same office written two ways. With stems,
// they differ only in the ending (基金监管科 / 基金监管股) or by one
// character in a long stem; never in a number (一科 / 二科 are two
// offices).
func nearVariant(v, d string, suffixes []string, byStem bool) bool {
	if differsInNumber(v, d) {
		return false
	}
	if byStem {
		sv, sd := stem(v, suffixes), stem(d, suffixes)
		if sv == sd && sv != "" && len([]rune(sv)) >= 2 {
			return true
		}
		n := min(len([]rune(sv)), len([]rune(sd)))
		return n >= 4 && text.Distance(sv, sd) == 1 || n >= 8 && text.Distance(sv, sd) == 2
	}
	n := min(len([]rune(v)), len([]rune(d)))
	return n >= 4 && text.Distance(v, d) == 1 || n >= 8 && text.Distance(v, d) == 2
}

func stem(s string, suffixes []string) string {
	best := ""
	for _, suf := range suffixes {
		if strings.HasSuffix(s, suf) && len(suf) > len(best) && len(suf) < len(s) {
			best = suf
		}
	}
	return strings.TrimSuffix(s, best)
}

const numerals = "0123456789０１２３４５６７８９一二三四五六七八九十"

// differsInNumber: the two names carry different numerals (基金监管一科 /
// 基金监管股, 一科 / 二科): numbered offices are distinct offices.
func differsInNumber(a, b string) bool {
	digits := func(s string) string {
		var out []rune
		for _, r := range s {
			if strings.ContainsRune(numerals, r) {
				out = append(out, r)
			}
		}
		return string(out)
	}
	return digits(a) != digits(b)
}

// closest returns the allowed name nearest to s when it is near enough to
// suggest.
func closest(s string, allowed []string) string {
	type cand struct {
		name string
		d    int
	}
	var cs []cand
	for _, a := range allowed {
		a = text.Compact(a)
		if d := text.Distance(s, a); d <= 2 {
			cs = append(cs, cand{a, d})
		}
	}
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].d < cs[j].d })
	if len(cs) == 0 {
		return ""
	}
	return cs[0].name
}
