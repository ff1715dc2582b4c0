package rules

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/citelint/citelint/catalog"
	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/rules/internal/text"
	"github.com/citelint/citelint/statutes"
)

var punctuationRule = &lint.Rule{
	ID:    "punctuation",
	Title: "标点符号",
	Doc: `检查中文文本中的标点：夹在中文里的半角“,”“;”“:”和半角括号列项“(一)”（数字、日期、外文和` +
		`习惯用半角书写的文号除外）；不配对的《》（）“”【】〔〕；重复的标点（“，，”“。；”）；` +
		`以“；”分隔的列项中，未到最后一项就以“。”结束的项。通篇使用半角标点的清单只报告一次；` +
		`某一栏统一使用半角逗号等（多为照录原文）只作提示（info）。`,
	Wrong:    "可按医保协议约定相应采取以下处理方式：(一)约谈法定代表人;(二)暂停结算。",
	Right:    "可按医保协议约定相应采取以下处理方式：（一）约谈法定代表人；（二）暂停结算。",
	Severity: lint.Warning,
	Scope:    lint.CatalogScope,
	Run:      runPunctuation,
}

// asciiMarks are the ASCII marks that have a full-width form in Chinese
// text, with that form and the class name used in messages.
var asciiMarks = map[byte]struct {
	full rune
	name string
}{
	',': {'，', "逗号"},
	';': {'；', "分号"},
	':': {'：', "冒号"},
}

type asciiUse struct {
	c          cell
	start, end int
	mark       byte
}

func runPunctuation(p *lint.Pass) error {
	artifacts, err := artifactPattern()
	if err != nil {
		return err
	}
	// Only the cells with ASCII marks or parentheses to report wait for
	// the whole catalog's count; the other checks are reported at once,
	// so a catalog of 100,000 entries is not held cell by cell.
	type cellScan struct {
		c      cell
		ascii  []asciiUse
		full   markCounts
		parens []parenUse
	}
	var scans []cellScan
	totalASCII, totalFull := 0, 0
	for _, c := range cells(p.Catalog) {
		if c.field.Key == catalog.KeySeq {
			continue
		}
		var skip []text.Stray
		for _, st := range text.FindStray(c.field.Text, text.StrayOptions{Artifacts: artifacts}) {
			if st.Kind != text.OddSpace {
				skip = append(skip, st)
			}
		}
		s := cellScan{c: c}
		s.ascii, s.full = scanASCII(c, skip)
		s.parens = scanParens(c.field.Text, skip)
		for _, n := range s.full {
			totalFull += n
		}
		totalASCII += len(s.ascii)
		if len(s.ascii) > 0 || len(s.parens) > 0 {
			scans = append(scans, s)
		}
		report := notStatuteOwn(p, c)
		reportUnbalanced(report, c, skip)
		reportDoubled(report, c, skip)
		reportListStops(report, c)
	}

	// A catalog written with ASCII marks throughout has one habit to fix,
	// reported once.
	if totalASCII >= 10 && totalASCII*5 >= (totalASCII+totalFull)*4 {
		var first *asciiUse
		for i := range scans {
			if len(scans[i].ascii) > 0 {
				first = &scans[i].ascii[0]
				break
			}
		}
		p.Report(lint.Finding{
			Entry:   first.c.entry,
			Field:   first.c.field,
			Start:   first.start,
			End:     first.end,
			Message: fmt.Sprintf("本清单通篇使用半角标点（共%d处，如“%c”），应统一改为全角中文标点", totalASCII, first.mark),
			// A house style (or what a web page or converter made of the
			// text), not a slip: worth knowing, not worth blocking on.
			Severity: severity(lint.Info),
		})
	} else {
		// Where half-width marks are the catalog's prevailing convention,
		// one more is that convention, not a slip: info.
		halfWidthHouse := totalASCII > totalFull
		for _, s := range scans {
			report := notStatuteOwn(p, s.c)
			if halfWidthHouse {
				report = atMost(report, lint.Info)
			}
			reportASCII(report, s.c, s.ascii, s.full)
			reportParens(report, s.c, s.parens)
		}
	}
	return nil
}

// atMost lowers the findings passed to report to at most sev.
func atMost(report func(lint.Finding), sev lint.Severity) func(lint.Finding) {
	return func(f lint.Finding) {
		if f.Severity == nil || *f.Severity > sev {
			f.Severity = severity(sev)
		}
		report(f)
	}
}

// markCounts counts a cell's full-width uses of each class of asciiMarks.
type markCounts [3]int

func markIndex(m byte) int {
	switch m {
	case ',':
		return 0
	case ';':
		return 1
	}
	return 2 // ':'
}

func (mc *markCounts) get(m byte) int { return mc[markIndex(m)] }

func inStray(skip []text.Stray, i int) bool {
	for _, s := range skip {
		if i >= s.Start && i < s.End {
			return true
		}
	}
	return false
}

// neighbours returns the nearest non-space runes before and after byte i
// (the mark at i is one byte long).
func neighbours(s string, i, width int) (prev, next rune) {
	j := i
	for j > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:j])
		if !text.IsSpace(r) {
			prev = r
			break
		}
		j -= n
	}
	j = i + width
	for j < len(s) {
		r, n := utf8.DecodeRuneInString(s[j:])
		if !text.IsSpace(r) {
			next = r
			break
		}
		j += n
	}
	return prev, next
}

func isASCIIAlnum(r rune) bool {
	return r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// chineseContext: a mark between Chinese characters (or next to one), not
// inside a number (1,000), a time (8:30) or a Latin phrase.
func chineseContext(prev, next rune) bool {
	if isASCIIAlnum(prev) && (isASCIIAlnum(next) || next == 0) {
		return false
	}
	if isASCIIAlnum(next) && prev == 0 {
		return false
	}
	return text.IsCJK(prev) || text.IsHan(next) || (text.IsCJKPunct(next) && next != '“')
}

func scanASCII(c cell, skip []text.Stray) ([]asciiUse, markCounts) {
	s := c.field.Text
	var out []asciiUse
	var full markCounts
	for i, r := range s {
		switch r {
		case '，':
			full[markIndex(',')]++
		case '；':
			full[markIndex(';')]++
		case '：':
			full[markIndex(':')]++
		case ',', ';', ':':
			if inStray(skip, i) {
				continue
			}
			prev, next := neighbours(s, i, 1)
			if chineseContext(prev, next) {
				out = append(out, asciiUse{c, i, i + 1, byte(r)})
			}
		}
	}
	return out, full
}

// reportASCII reports ASCII marks in Chinese text: each one as a warning
// when the cell otherwise uses full-width marks (a slip), or once as info
// when the cell writes that mark in ASCII throughout (the style of a text
// copied as it was published).
func reportASCII(report func(lint.Finding), c cell, uses []asciiUse, full markCounts) {
	byMark := map[byte][]asciiUse{}
	var order []byte
	for _, u := range uses {
		if _, ok := byMark[u.mark]; !ok {
			order = append(order, u.mark)
		}
		byMark[u.mark] = append(byMark[u.mark], u)
	}
	for _, m := range order {
		us := byMark[m]
		a, f := len(us), full.get(m)
		info := asciiMarks[m]
		if a >= 3 && a*4 >= (a+f)*3 {
			report(lint.Finding{
				Entry: c.entry, Field: c.field, Start: us[0].start, End: us[0].end,
				Message:  fmt.Sprintf("本栏%s多用半角“%c”（共%d处），应改为全角“%c”", info.name, m, a, info.full),
				Severity: severity(lint.Info),
			})
			continue
		}
		msg := fmt.Sprintf("中文文本中使用了半角%s“%c”，应为全角“%c”", info.name, m, info.full)
		if a > 1 {
			msg = fmt.Sprintf("中文文本中有%d处使用了半角%s“%c”，应为全角“%c”", a, info.name, m, info.full)
		}
		var related []lint.Related
		rc := runeCursor{s: c.field.Text}
		for _, u := range us[1:] {
			related = append(related, lint.Related{Entry: entryRef(c.entry), Field: string(c.field.Key), Span: rc.span(u.start, u.end), Message: fmt.Sprintf("另一处半角%s", info.name)})
		}
		report(lint.Finding{
			Entry: c.entry, Field: c.field, Start: us[0].start, End: us[0].end,
			Message: msg, Related: related,
		})
	}
}

// A parenUse is a pair of parentheses at least one of which is ASCII.
type parenUse struct {
	open, close int // byte offsets of the marks; close is -1 when unclosed
	openW       int // byte widths
	closeW      int
	kind        parenKind
}

type parenKind int

const (
	parenExempt    parenKind = iota // numbers, dates, document numbers, Latin
	parenEnumCN                     // (一): a list item number in Chinese numerals
	parenEnumDigit                  // (1)
	parenMixed                      // （…) or (…）
	parenChinese                    // (试行): a Chinese parenthetical
)

var (
	cnNumeralRE = regexp.MustCompile(`^[一二三四五六七八九十]{1,3}$`)
	digitsRE    = regexp.MustCompile(`^[0-9]{1,3}$`)
	yearRE      = regexp.MustCompile(`^[0-9]{4}年(?:[0-9]{1,2}月(?:[0-9]{1,2}日)?)?(?:修订|修正|版|本)?$`)
	docNumberRE = regexp.MustCompile(`[〔\[【(（][0-9]{4}[〕\]】)）]\s*[0-9]+\s*号|令第\s*[0-9]+\s*号|第\s*[0-9]+\s*号`)
)

// scanParens pairs parentheses (ASCII and full-width together, so a mixed
// pair is seen) and keeps the pairs with an ASCII mark.
func scanParens(s string, skip []text.Stray) []parenUse {
	type open struct{ at, w int }
	var stack []open
	var out []parenUse
	for i, r := range s {
		if inStray(skip, i) {
			continue
		}
		switch r {
		case '(', '（':
			stack = append(stack, open{i, utf8.RuneLen(r)})
		case ')', '）':
			if len(stack) == 0 {
				continue // unbalanced: reported by reportUnbalanced
			}
			o := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if s[o.at] != '(' && r != ')' {
				continue // both full-width
			}
			u := parenUse{open: o.at, close: i, openW: o.w, closeW: utf8.RuneLen(r)}
			u.kind = classifyParen(s, u, r)
			out = append(out, u)
		}
	}
	return out
}

func classifyParen(s string, u parenUse, closeRune rune) parenKind {
	inner := text.Compact(s[u.open+u.openW : u.close])
	openASCII := s[u.open] == '('
	closeASCII := closeRune == ')'
	if openASCII != closeASCII {
		return parenMixed
	}
	hasHan := strings.IndexFunc(inner, text.IsHan) >= 0
	prev, _ := neighbours(s, u.open, 1)
	_, next := neighbours(s, u.close, 1)
	if !hasHan && !text.IsCJK(prev) && !text.IsCJK(next) {
		return parenExempt // Latin text
	}
	switch {
	case cnNumeralRE.MatchString(inner) && itemStart(s, u.open):
		return parenEnumCN
	case digitsRE.MatchString(inner) && itemStart(s, u.open):
		return parenEnumDigit
	case !hasHan, yearRE.MatchString(inner), docNumberRE.MatchString(inner):
		return parenExempt
	}
	return parenChinese
}

// itemStart reports whether byte i begins a list item: the start of the
// text, a line, or the text after a sentence or clause mark.
func itemStart(s string, i int) bool {
	prev, _ := neighbours(s, i, 0)
	switch prev {
	case 0, '。', '；', '：', ';', ':', '\n':
		return true
	}
	// neighbours skips line breaks; look for one directly.
	j := i
	for j > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:j])
		if r == '\n' {
			return true
		}
		if !text.IsSpace(r) {
			return false
		}
		j -= n
	}
	return true
}

func reportParens(report func(lint.Finding), c cell, uses []parenUse) {
	s := c.field.Text
	// ASCII list numbers are one habit per cell: one finding, the others
	// as related places.
	var enums []parenUse
	for _, u := range uses {
		if u.kind == parenEnumCN {
			enums = append(enums, u)
		}
	}
	if len(enums) > 0 {
		u := enums[0]
		full, inner := s[u.open:u.close+u.closeW], s[u.open+u.openW:u.close]
		msg := fmt.Sprintf("列项序号“%s”使用了半角括号，应为“（%s）”", full, inner)
		if len(enums) > 1 {
			msg = fmt.Sprintf("列项序号“%s”等%d处使用了半角括号，应为“（%s）”", full, len(enums), inner)
		}
		var related []lint.Related
		rc := runeCursor{s: c.field.Text}
		for _, o := range enums[1:] {
			related = append(related, lint.Related{Entry: entryRef(c.entry), Field: string(c.field.Key), Span: rc.span(o.open, o.close+o.closeW), Message: fmt.Sprintf("列项序号“%s”", s[o.open:o.close+o.closeW])})
		}
		report(lint.Finding{Entry: c.entry, Field: c.field, Start: u.open, End: u.close + u.closeW, Message: msg, Related: related})
	}
	for _, u := range uses {
		full := s[u.open : u.close+u.closeW]
		inner := s[u.open+u.openW : u.close]
		switch u.kind {
		case parenEnumDigit:
			report(lint.Finding{
				Entry: c.entry, Field: c.field, Start: u.open, End: u.close + u.closeW,
				Message:  fmt.Sprintf("列项序号“%s”使用了半角括号，建议改为“（%s）”", full, inner),
				Severity: severity(lint.Info),
			})
		case parenMixed:
			report(lint.Finding{
				Entry: c.entry, Field: c.field, Start: u.open, End: u.close + u.closeW,
				Message: fmt.Sprintf("括号“%s”半角与全角混用，应统一为全角“（%s）”", text.Quote(full, 20), text.Quote(inner, 16)),
			})
		case parenChinese:
			report(lint.Finding{
				Entry: c.entry, Field: c.field, Start: u.open, End: u.close + u.closeW,
				Message:  fmt.Sprintf("中文括注“%s”使用了半角括号，建议改为全角“（%s）”", text.Quote(full, 20), text.Quote(inner, 16)),
				Severity: severity(lint.Info),
			})
		}
	}
}

// pairs are the bracket families checked for balance. ASCII parentheses
// count with full-width ones.
var pairs = [...]struct {
	open, close []rune
	name        string
}{
	{[]rune{'《'}, []rune{'》'}, "书名号"},
	{[]rune{'（', '('}, []rune{'）', ')'}, "括号"},
	{[]rune{'“'}, []rune{'”'}, "引号"},
	{[]rune{'【'}, []rune{'】'}, "方头括号"},
	{[]rune{'〔'}, []rune{'〕'}, "六角括号"},
	{[]rune{'〈'}, []rune{'〉'}, "书名号"},
}

// enumClose says whether the closing parenthesis at byte i ends a list
// number (1） 一) a)), not a parenthesis of its own: one to three digits or
// Chinese numerals, or one Latin letter, at the start of the text or after
// white space or a clause mark. It reads back from i only, so a text with
// many of them costs no more than its length.
func enumClose(s string, i int) bool {
	j := i
	n := 0
	for j > 0 && n <= 3 {
		r, w := utf8.DecodeLastRuneInString(s[:j])
		if !(r >= '0' && r <= '9' || strings.ContainsRune("一二三四五六七八九十", r)) {
			break
		}
		j -= w
		n++
	}
	if n > 3 {
		return false
	}
	if n == 0 {
		r, w := utf8.DecodeLastRuneInString(s[:j])
		if j == 0 || !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			return false
		}
		j -= w
	}
	if j == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s[:j])
	switch r {
	case '\t', '\n', '\f', '\r', ' ', '。', '；', '：', '，', ';', ':', ',':
		return true
	}
	return false
}

// pairOf says which of pairs r opens or closes (-1: none).
func pairOf(r rune) (k int, open bool) {
	switch r {
	case '《':
		return 0, true
	case '》':
		return 0, false
	case '（', '(':
		return 1, true
	case '）', ')':
		return 1, false
	case '“':
		return 2, true
	case '”':
		return 2, false
	case '【':
		return 3, true
	case '】':
		return 3, false
	case '〔':
		return 4, true
	case '〕':
		return 4, false
	case '〈':
		return 5, true
	case '〉':
		return 5, false
	}
	return -1, false
}

// reportUnbalanced reports, for each family of pairs, the closing marks
// without an opening one and the opening marks never closed, in one pass
// over the text.
func reportUnbalanced(report func(lint.Finding), c cell, skip []text.Stray) {
	s := c.field.Text
	type unmatched struct{ at, w int }
	var opens, closes [len(pairs)][]unmatched
	any := false
	for i, r := range s {
		k, open := pairOf(r)
		if k < 0 || inStray(skip, i) {
			continue
		}
		any = true
		switch {
		case open:
			opens[k] = append(opens[k], unmatched{i, utf8.RuneLen(r)})
		case len(opens[k]) > 0:
			opens[k] = opens[k][:len(opens[k])-1]
		case pairs[k].name == "括号" && enumClose(s, i):
		default:
			closes[k] = append(closes[k], unmatched{i, utf8.RuneLen(r)})
		}
	}
	if !any {
		return
	}
	for k, pr := range pairs {
		for _, u := range closes[k] {
			r, _ := utf8.DecodeRuneInString(s[u.at:])
			report(lint.Finding{
				Entry: c.entry, Field: c.field, Start: u.at, End: u.at + u.w,
				Message: fmt.Sprintf("%s“%c”前面没有与之配对的“%c”", pr.name, r, pr.open[0]),
			})
		}
		for _, u := range opens[k] {
			r, _ := utf8.DecodeRuneInString(s[u.at:])
			report(lint.Finding{
				Entry: c.entry, Field: c.field, Start: u.at, End: u.at + u.w,
				Message: fmt.Sprintf("%s“%c”缺少与之配对的“%c”", pr.name, r, pr.close[0]),
			})
		}
	}
}

// sentenceMark: ，。；：、！？
func sentenceMark(r rune) bool {
	switch r {
	case '，', '。', '；', '：', '、', '！', '？':
		return true
	}
	return false
}

func reportDoubled(report func(lint.Finding), c cell, skip []text.Stray) {
	s := c.field.Text
	var prev rune
	prevAt := -1
	for i, r := range s {
		if sentenceMark(r) && prevAt >= 0 && prevAt+utf8.RuneLen(prev) == i &&
			sentenceMark(prev) && !inStray(skip, i) && !inStray(skip, prevAt) &&
			!((r == '！' || r == '？') && (prev == '！' || prev == '？')) {
			report(lint.Finding{
				Entry: c.entry, Field: c.field, Start: prevAt, End: i + utf8.RuneLen(r),
				Message: fmt.Sprintf("标点“%c%c”重复，应只保留一个", prev, r),
			})
		}
		prev, prevAt = r, i
	}
}

// List items: （一） (一) 一、 1. 1、 （1） ①. Each is a style; a list is a
// run of items of one style numbered 1, 2, 3 ...
var itemRE = regexp.MustCompile(`[（(]([一二三四五六七八九十]{1,3})[）)]|[（(]([0-9]{1,2})[）)]|([一二三四五六七八九十]{1,3})、|([0-9]{1,2})[.．、]([^0-9]|$)|([①-⑳])`)

type listItem struct {
	style, num int
	start, end int // byte range of the item number
}

func listItems(s string) []listItem {
	var out []listItem
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !itemHead(r) || !itemStart(s, i) {
			i += n
			continue
		}
		// Match the item number at i only: anchored on a short window.
		w := s[i:min(len(s), i+16)]
		m := itemRE.FindStringSubmatchIndex(w)
		if m == nil || m[0] != 0 {
			i += n
			continue
		}
		for g := 1; g <= 6; g++ {
			if g == 5 || m[2*g] < 0 {
				continue
			}
			numText := w[m[2*g]:m[2*g+1]]
			var num int
			switch g {
			case 6:
				r, _ := utf8.DecodeRuneInString(numText)
				num = int(r-'①') + 1
			default:
				num = parseSmallNumber(numText)
			}
			if num > 0 {
				style, end := g, m[1]
				switch g {
				case 4:
					end = m[10] // the number and its dot, not the text after
				case 6:
					style = 5
				}
				out = append(out, listItem{style, num, i, i + end})
			}
			break
		}
		i += n
	}
	return out
}

// itemHead: the runes a list item number starts with.
func itemHead(r rune) bool {
	switch r {
	case '（', '(', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十':
		return true
	}
	return r >= '0' && r <= '9' || r >= '①' && r <= '⑳'
}

func parseSmallNumber(s string) int {
	if s[0] >= '0' && s[0] <= '9' {
		n := 0
		for _, r := range s {
			n = n*10 + int(r-'0')
		}
		return n
	}
	var rs [3]rune
	n := 0
	for _, r := range s {
		if n == len(rs) {
			return 0
		}
		rs[n] = r
		n++
	}
	switch {
	case n == 1 && rs[0] == '十':
		return 10
	case n == 1:
		return cnDigit(rs[0])
	case n == 2 && rs[0] == '十':
		return 10 + cnDigit(rs[1])
	case n == 2 && rs[1] == '十':
		return cnDigit(rs[0]) * 10
	case n == 3 && rs[1] == '十':
		return cnDigit(rs[0])*10 + cnDigit(rs[2])
	}
	return 0
}

// cnDigit is the value of 一 … 九, 0 for any other rune.
func cnDigit(r rune) int {
	switch r {
	case '一':
		return 1
	case '二':
		return 2
	case '三':
		return 3
	case '四':
		return 4
	case '五':
		return 5
	case '六':
		return 6
	case '七':
		return 7
	case '八':
		return 8
	case '九':
		return 9
	}
	return 0
}

// reportListStops finds, in a list whose items are separated by "；", an
// item before the last that ends with "。". A list whose items all end
// with "。" (duty lists: 1.立案责任：…。 2.调查责任：…。) is consistent.
func reportListStops(report func(lint.Finding), c cell) {
	s := c.field.Text
	items := listItems(s)
	// Runs per style.
	runs := map[int][][]listItem{}
	for _, it := range items {
		rs := runs[it.style]
		if n := len(rs); n > 0 {
			last := rs[n-1][len(rs[n-1])-1]
			if it.num == last.num+1 {
				rs[n-1] = append(rs[n-1], it)
				continue
			}
		}
		if it.num == 1 {
			runs[it.style] = append(rs, []listItem{it})
		}
	}
	for style := 1; style <= 5; style++ {
		for _, run := range runs[style] {
			if len(run) < 3 {
				continue
			}
			type stop struct {
				at, num int
				r       rune
			}
			var stops []stop
			semis, periods := 0, 0
			for k := 0; k+1 < len(run); k++ {
				r, at := lastMark(s[:run[k+1].start])
				switch r {
				case '；', ';':
					semis++
				case '。':
					periods++
					stops = append(stops, stop{at, run[k].num, r})
				}
			}
			if periods == 0 || semis <= periods {
				continue
			}
			for _, st := range stops {
				it := run[st.num-run[0].num]
				label := s[it.start:it.end]
				report(lint.Finding{
					Entry: c.entry, Field: c.field, Start: st.at, End: st.at + utf8.RuneLen(st.r),
					Message: fmt.Sprintf("列项“%s”以“。”结束，而同一列表的其他项以“；”分隔，列表未完应为“；”", label),
				})
			}
		}
	}
}

// lastMark returns the last non-space rune of s and its offset.
func lastMark(s string) (rune, int) {
	j := len(s)
	for j > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:j])
		if !text.IsSpace(r) {
			return r, j - n
		}
		j -= n
	}
	return 0, 0
}

// notStatuteOwn returns the reporter for one cell: it drops a finding inside
// a quote that is the cited articles' own text verbatim (white space aside),
// whose punctuation, right or wrong, is the statute's and not the catalog's
// to fix. The quotes are looked up only when the cell has a finding.
func notStatuteOwn(p *lint.Pass, c cell) func(lint.Finding) {
	var own []text.Stray
	looked := false
	return func(f lint.Finding) {
		if !looked {
			own, looked = statuteOwn(p, c.field), true
		}
		if f.Field == c.field && inStray(own, f.Start) {
			return
		}
		p.Report(f)
	}
}

// statuteOwn returns the byte ranges of f's quotes that are the cited
// articles' own text verbatim.
func statuteOwn(p *lint.Pass, f *catalog.Field) []text.Stray {
	if p.Corpus == nil || !strings.Contains(f.Text, "《") {
		return nil
	}
	var out []text.Stray
	for _, v := range p.Resolutions(f) {
		q := v.Citation.Quote
		if q == nil || v.Statute == nil || !v.TextBundled || len(v.Articles) == 0 {
			continue
		}
		var law strings.Builder
		ok := true
		for _, ac := range v.Articles {
			if ac.Err != nil {
				ok = false
				break
			}
			for _, l := range ac.Lines {
				law.WriteString(l)
			}
		}
		if quoted := text.Compact(q.Text); ok && quoted != "" && strings.Contains(text.Compact(law.String()), quoted) {
			end := q.Span.End
			// A closing mark the parser left out of the quote is the
			// statute's too when the statute prints it there.
			if strings.HasPrefix(f.Text[end:], "”") && strings.Contains(text.Compact(law.String()), quoted+"”") {
				end += len("”")
			}
			out = append(out, text.Stray{Start: q.Span.Start, End: end})
			continue
		}
		// A quote of several articles, each after its label (…第十一条：…
		// 第十二条 …): part by part, each against its own article.
		if len(q.Parts) < 2 || v.Version == nil {
			continue
		}
		for _, part := range q.Parts {
			own := law.String()
			if part.Article != nil {
				a := part.Article
				t, err := v.Version.Lookup(statutes.Ref{Article: a.Num, Suffix: a.Suffix, Paragraph: a.Paragraph, Item: a.Item})
				if err != nil {
					continue
				}
				own = t
			} else if !ok {
				continue
			}
			if quoted := text.Compact(part.Text); quoted != "" && strings.Contains(text.Compact(own), quoted) {
				out = append(out, text.Stray{Start: part.Span.Start, End: part.Span.End})
			}
		}
	}
	return out
}
