package rules

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/rules/internal/text"
	"github.com/citelint/citelint/rules/internal/vocab"
)

var powerTypeInvalidRule = &lint.Rule{
	ID:    "power-type-invalid",
	Title: "职权类型不规范",
	Doc: `职权类型应为标准类别之一：行政许可、行政处罚、行政强制、行政征收、行政给付、行政检查、` +
		`行政确认、行政奖励、行政裁决、其他行政权力（及配置中增加的类型）。若职权类型与职权名称两栏` +
		`错位（见 column-mismatch），检查实际填写职权类型的那一栏。`,
	Wrong:    "职权类型：行政处份",
	Right:    "职权类型：行政处罚",
	Severity: lint.Warning,
	Scope:    lint.CatalogScope,
	Run:      runPowerTypeInvalid,
}

// typeSepRE splits a cell that names several types (行政检查、行政强制).
var typeSepRE = regexp.MustCompile(`[、，,；;/／\n]+`)

func runPowerTypeInvalid(p *lint.Pass) error {
	v, err := newVocab(p)
	if err != nil {
		return err
	}
	k := v.Analyze(p.Catalog).TypesIn
	if k == "" {
		return nil
	}
	col := columnName(p.Catalog, k)
	for i := range p.Catalog.Entries {
		e := &p.Catalog.Entries[i]
		f := e.Field(k)
		if f == nil {
			continue
		}
		start, end := trimmedRange(f.Text)
		whole := vocab.Normalize(f.Text)
		if whole == "" {
			continue // missing-field's business
		}
		if _, ok := v.PowerType(whole); ok {
			continue
		}
		// A cell may name several types (行政检查、行政强制), one per line
		// or separated by 、: each must be standard.
		type part struct{ start, end int }
		var parts []part
		from := 0
		for _, m := range typeSepRE.FindAllStringIndex(f.Text, -1) {
			parts = append(parts, part{from, m[0]})
			from = m[1]
		}
		parts = append(parts, part{from, len(f.Text)})
		var bad []part
		for _, pt := range parts {
			a, b := shrink(f.Text, pt.start, pt.end)
			if val := vocab.Normalize(f.Text[a:b]); val != "" {
				if _, ok := v.PowerType(val); !ok {
					bad = append(bad, part{a, b})
				}
			}
		}
		if len(parts) == 1 || len(bad) == len(parts) {
			// One value, or a value broken by line wraps: judge it whole.
			bad = []part{{start, end}}
		}
		for _, pt := range bad {
			val := vocab.Normalize(f.Text[pt.start:pt.end])
			msg := fmt.Sprintf("%s“%s”不是标准类别（%s）", col, val, strings.Join(v.Standard, "、"))
			if best := nearestType(val, v.Standard); best != "" {
				msg = fmt.Sprintf("%s“%s”不是标准类别，是否应为“%s”", col, val, best)
			}
			p.Report(lint.Finding{Entry: e, Field: f, Start: pt.start, End: pt.end, Message: msg})
		}
	}
	return nil
}

// shrink narrows a byte range of s to exclude surrounding space.
func shrink(s string, start, end int) (int, int) {
	a, b := trimmedRange(s[start:end])
	return start + a, start + b
}

// nearestType suggests the standard type one character away from s (行政处份
// → 行政处罚), when exactly one is.
func nearestType(s string, std []string) string {
	best := ""
	for _, t := range std {
		if text.Distance(s, t) == 1 {
			if best != "" {
				return ""
			}
			best = t
		}
	}
	return best
}
