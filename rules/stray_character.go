package rules

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/citelint/citelint/catalog"
	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/rules/internal/text"
)

var strayCharacterRule = &lint.Rule{
	ID:    "stray-character",
	Title: "多余字符",
	Doc: `发现混入正文的多余字符：表情符号、私用区字符、控制字符、零宽字符和乱码替换字符；` +
		`夹在正文中间的页码（如“原\n 9  则上”）；文档转换残留（如“[bookmark: _GoBack]”、域代码）；` +
		`句末“。”之后无配对的引号。这些字符是复制、转换时带入的，会原样出现在公开的清单中。` +
		`序号、科室等短栏中的特殊空格（U+2002、U+3000 等）只作提示（info）。`,
	Wrong:    "《基本医疗保险用药管理暂行办法》第2、29条：🍩:各级医疗保障部门……",
	Right:    "《基本医疗保险用药管理暂行办法》第2、29条：各级医疗保障部门……",
	Severity: lint.Error,
	Scope:    lint.CatalogScope,
	Run:      runStrayCharacter,
}

// shortKeys are the columns that hold a word or a number, not running
// text: any typographic space in them is odd.
var shortKeys = map[catalog.Key]bool{
	catalog.KeySeq: true, catalog.KeyDepartment: true, catalog.KeyCategory: true,
	catalog.KeyType: true, catalog.KeyName: true, catalog.KeyOffice: true, catalog.KeyTitle: true,
}

type oddSpace struct {
	c          cell
	start, end int
}

func runStrayCharacter(p *lint.Pass) error {
	artifacts, err := artifactPattern()
	if err != nil {
		return err
	}
	// Odd spaces are reported once per column: a catalog that pads every
	// 序号 with U+2002 has one habit, not twenty defects.
	var oddOrder []catalog.Key
	odd := map[catalog.Key][]oddSpace{}
	for _, c := range cells(p.Catalog) {
		f := c.field
		// An unpaired quotation mark the statute itself prints (as the
		// corpus holds it) is the statute's, not the catalog's; the
		// statute's spans are looked up at the first such mark.
		var quoteReport func(lint.Finding)
		for _, s := range text.FindStray(f.Text, text.StrayOptions{Artifacts: artifacts, Short: shortKeys[f.Key]}) {
			if s.Kind == text.OddSpace {
				if _, ok := odd[f.Key]; !ok {
					oddOrder = append(oddOrder, f.Key)
				}
				odd[f.Key] = append(odd[f.Key], oddSpace{c, s.Start, s.End})
				continue
			}
			report := p.Report
			if s.Kind == text.StrayQuote {
				if quoteReport == nil {
					quoteReport = notStatuteOwn(p, c)
				}
				report = quoteReport
			}
			report(lint.Finding{
				Entry:   c.entry,
				Field:   f,
				Start:   s.Start,
				End:     s.End,
				Message: strayMessage(s, f.Text, fieldName(p.Catalog, f)),
			})
		}
	}
	for _, k := range oddOrder {
		occ := odd[k]
		first := occ[0]
		f := first.c.field
		msg := fmt.Sprintf("%s“%s”含%s，建议删除", fieldName(p.Catalog, f), text.Quote(f.Text, 20), text.Describe(text.Stray{Kind: text.OddSpace, Start: first.start, End: first.end}, f.Text))
		if len(occ) > 1 {
			msg = fmt.Sprintf("%s“%s”含%s，该列共%d处，建议删除", fieldName(p.Catalog, f), text.Quote(f.Text, 20), text.Describe(text.Stray{Kind: text.OddSpace, Start: first.start, End: first.end}, f.Text), len(occ))
		}
		p.Report(lint.Finding{
			Entry:    first.c.entry,
			Field:    f,
			Start:    first.start,
			End:      first.end,
			Message:  msg,
			Severity: severity(lint.Info),
		})
	}
	return nil
}

func strayMessage(s text.Stray, in, where string) string {
	what := text.Describe(s, in)
	before := context(in[:s.Start], 8, true)
	switch s.Kind {
	case text.PageNumber:
		after := context(in[s.End:], 4, false)
		return fmt.Sprintf("正文“%s”与“%s”之间夹有%s，应删除页码并接续正文", before, after, what)
	case text.StrayQuote:
		return fmt.Sprintf("“%s”之后多出无配对的引号“%s”，应删除", before, s.Text(in))
	}
	if before == "" {
		if context(in[s.End:], 8, false) == "" {
			return fmt.Sprintf("%s只有%s，应删除", where, what)
		}
		return fmt.Sprintf("%s开头混入%s，应删除", where, what)
	}
	return fmt.Sprintf("“%s”之后混入%s，应删除", before, what)
}

// context returns up to n runes of s next to a stray piece (the end of s
// when tail is true, its start otherwise), white space removed, without
// the ASCII quote marks that would confuse the message.
func context(s string, n int, tail bool) string {
	s = text.Compact(s)
	s = strings.NewReplacer(`"`, "", "“", "", "”", "").Replace(s)
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	rs := []rune(s)
	if tail {
		return string(rs[len(rs)-n:])
	}
	return string(rs[:n])
}
