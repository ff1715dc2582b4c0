package importer

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Punctuation width: a systematic transcription correction.
//
// The statute sources were transcribed by a mirror that wrote ASCII
// punctuation inside Chinese text where the official texts print the
// full-width marks: （以下简称森林法） as (以下简称森林法), （一） as (一),
// and ':' ',' ';' between Chinese characters. Users copy the corpus text
// (citelint statutes show) into their catalogs, and the punctuation rule
// would then flag the copy; so the importer writes the marks as the
// official texts print them. The quote verifier folds width, so matching
// is the same either way.
//
// The correction is applied per source line, before parsing:
//   - ',' ':' ';' become '，' '：' '；' when the nearest non-space
//     character on either side is Chinese (a Han character or CJK
//     punctuation), unless both sides are ASCII letters or digits
//     (50,000, 8:30, ISO 9001:2015 and http:// stay as they are);
//   - parentheses are taken in pairs (ASCII and full-width together):
//     a pair with an ASCII mark becomes （…） when its other mark is
//     already full-width, when the enclosed text holds a Han character
//     (以下简称森林法, 一, 见表1), or when the nearest character outside it
//     is Chinese (烯(CTPB), 发(1985)49号); a pair in Latin or numeric
//     text (f(x), (a) in an English phrase) stays. An unpaired ASCII mark
//     follows the rule for ',' ':' ';'.
//
// Every change is counted; the import log lists the counts per statute
// and each changed statute carries a note saying how many marks were
// changed (widthNote).

// widthMarks are the ASCII marks corrected, in the order the counts are
// reported, with their full-width forms.
var widthMarks = []struct{ ascii, full rune }{
	{'(', '（'}, {')', '）'}, {':', '：'}, {',', '，'}, {';', '；'},
}

// widthCounts counts the corrected marks, indexed like widthMarks.
type widthCounts [5]int

func (c *widthCounts) add(o widthCounts) {
	for i := range c {
		c[i] += o[i]
	}
}

func (c widthCounts) total() int {
	n := 0
	for _, x := range c {
		n += x
	}
	return n
}

// String lists the non-zero counts: "( 3, ) 3, : 1".
func (c widthCounts) String() string {
	var parts []string
	for i, m := range widthMarks {
		if c[i] > 0 {
			parts = append(parts, fmt.Sprintf("%c %d", m.ascii, c[i]))
		}
	}
	return strings.Join(parts, ", ")
}

// widthNote is the note a changed statute carries.
func widthNote(n int) string {
	return fmt.Sprintf("原文半角标点已按公布文本改为全角，共%d处", n)
}

func markIndex(r rune) int {
	for i, m := range widthMarks {
		if m.ascii == r {
			return i
		}
	}
	return -1
}

// isCJKPunct reports whether r is Chinese punctuation: the CJK symbols
// block (、。〈〉《》「」【】〔〕…), the full-width forms of ASCII
// punctuation (（）：；，！？), Chinese quotes and the ellipsis and dash.
// Full-width digits and letters are not punctuation.
func isCJKPunct(r rune) bool {
	switch {
	case r >= 0x3001 && r <= 0x303F:
		return true
	case r >= 0xFF01 && r <= 0xFF0F, r >= 0xFF1A && r <= 0xFF20, r >= 0xFF3B && r <= 0xFF40, r >= 0xFF5B && r <= 0xFF65:
		return true
	}
	switch r {
	case '“', '”', '‘', '’', '…', '—', '·':
		return true
	}
	return false
}

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

// chinese reports whether r makes its neighbourhood Chinese text.
func chinese(r rune) bool { return isHan(r) || isCJKPunct(r) }

func isASCIIAlnum(r rune) bool {
	return r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

func isBlank(r rune) bool { return r == ' ' || r == '\t' || r == '\u3000' }

// around returns the nearest non-blank runes before index i and after
// index j of rs (0 at the line's ends).
func around(rs []rune, i, j int) (prev, next rune) {
	for k := i - 1; k >= 0; k-- {
		if !isBlank(rs[k]) {
			prev = rs[k]
			break
		}
	}
	for k := j + 1; k < len(rs); k++ {
		if !isBlank(rs[k]) {
			next = rs[k]
			break
		}
	}
	return prev, next
}

// markInChinese reports whether the single mark at i stands in Chinese
// text: a Chinese neighbour, and not between two ASCII letters or digits.
func markInChinese(rs []rune, i int) bool {
	prev, next := around(rs, i, i)
	if isASCIIAlnum(prev) && isASCIIAlnum(next) {
		return false
	}
	return chinese(prev) || chinese(next)
}

// fullWidth corrects the ASCII punctuation of one line of Chinese text
// (see the comment at the top of this file) and counts the changes.
func fullWidth(line string) (string, widthCounts) {
	var n widthCounts
	if !strings.ContainsAny(line, "():,;") {
		return line, n
	}
	rs := []rune(line)
	change := make([]bool, len(rs))
	var opens []int
	paired := make([]bool, len(rs))
	for i, r := range rs {
		switch r {
		case '(', '（':
			opens = append(opens, i)
		case ')', '）':
			if len(opens) == 0 {
				continue
			}
			o := opens[len(opens)-1]
			opens = opens[:len(opens)-1]
			paired[o], paired[i] = true, true
			if rs[o] == '（' && r == '）' {
				continue
			}
			conv := rs[o] == '（' || r == '）' // a mixed pair: one mark is full-width already
			if !conv {
				for _, x := range rs[o+1 : i] {
					if isHan(x) {
						conv = true
						break
					}
				}
			}
			if !conv {
				prev, _ := around(rs, o, o)
				_, next := around(rs, i, i)
				conv = chinese(prev) || chinese(next)
			}
			if conv {
				change[o] = rs[o] == '('
				change[i] = r == ')'
			}
		}
	}
	for i, r := range rs {
		switch r {
		case ',', ':', ';':
			change[i] = markInChinese(rs, i)
		case '(', ')':
			if !paired[i] {
				change[i] = markInChinese(rs, i)
			}
		}
	}
	for i, c := range change {
		if c {
			k := markIndex(rs[i])
			rs[i] = widthMarks[k].full
			n[k]++
		}
	}
	if n.total() == 0 {
		return line, n
	}
	return string(rs), n
}
