package cite

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// isNL reports whether r breaks a line. Word and spreadsheet exports use
// \v and U+2028 for manual line breaks, so they count too.
func isNL(r rune) bool {
	switch r {
	case '\n', '\r', '\v', '\f', '\u0085', '\u2028', '\u2029':
		return true
	}
	return false
}

// isHSpace reports whether r is white space that does not break a line
// (including the full-width U+3000 and no-break spaces).
func isHSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\u3000', '\u00a0', '\u200b', '\ufeff':
		return true
	}
	if r < 0x80 || r > 0x3000 || isNL(r) {
		return false
	}
	return unicode.IsSpace(r)
}

func isSpace(r rune) bool { return isNL(r) || isHSpace(r) }

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

// isNumeral reports whether r may be part of an article, paragraph or item
// number: ASCII or full-width digits, or Chinese numerals.
func isNumeral(r rune) bool {
	switch {
	case r >= '0' && r <= '9' || r >= '０' && r <= '９':
		return true
	case r < '○':
		return false
	}
	switch r {
	case '零', '〇', '○', '一', '二', '两', '三', '四', '五', '六', '七', '八', '九', '十', '百', '千':
		return true
	}
	return false
}

func isOpenParen(r rune) bool  { return r == '（' || r == '(' }
func isCloseParen(r rune) bool { return r == '）' || r == ')' }
func isColon(r rune) bool      { return r == '：' || r == ':' }

// at returns the rune at byte offset i, and its size; (utf8.RuneError, 0)
// at the end of s.
func at(s string, i int) (rune, int) {
	if i < 0 || i >= len(s) {
		return utf8.RuneError, 0
	}
	return utf8.DecodeRuneInString(s[i:])
}

// before returns the rune ending at byte offset i, and its size.
func before(s string, i int) (rune, int) {
	if i <= 0 || i > len(s) {
		return utf8.RuneError, 0
	}
	return utf8.DecodeLastRuneInString(s[:i])
}

// skipHSpace returns the first offset at or after i that is not horizontal
// white space.
func skipHSpace(s string, i int) int {
	for i < len(s) {
		r, n := at(s, i)
		if !isHSpace(r) {
			break
		}
		i += n
	}
	return i
}

// skipSpace skips any white space, line breaks included.
func skipSpace(s string, i int) int {
	for i < len(s) {
		r, n := at(s, i)
		if !isSpace(r) {
			break
		}
		i += n
	}
	return i
}

// backHSpace returns the start of the run of horizontal white space that
// ends at i.
func backHSpace(s string, i int) int {
	for i > 0 {
		r, n := before(s, i)
		if !isHSpace(r) {
			break
		}
		i -= n
	}
	return i
}

// trimSpan narrows [s, e) so that it neither starts nor ends with white
// space.
func trimSpan(text string, s, e int) (int, int) {
	for s < e {
		r, n := at(text, s)
		if !isSpace(r) {
			break
		}
		s += n
	}
	for e > s {
		r, n := before(text, e)
		if !isSpace(r) {
			break
		}
		e -= n
	}
	return s, e
}

// atLineEnd reports whether only horizontal white space separates i from a
// line break or the end of the text.
func atLineEnd(s string, i int) bool {
	i = skipHSpace(s, i)
	if i >= len(s) {
		return true
	}
	r, _ := at(s, i)
	return isNL(r)
}

// lineStart reports whether i is at the start of the text or of a line.
func lineStart(s string, i int) bool {
	if i == 0 {
		return true
	}
	r, _ := before(s, i)
	return isNL(r)
}

// unwrap removes line breaks, and the horizontal white space around them,
// from s: titles and document numbers broken across lines by a cell's
// wrapping read as one.
func unwrap(s string) string {
	if !strings.ContainsFunc(s, isNL) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	pending := -1 // start in b of horizontal space not yet known to precede a line break
	for _, r := range s {
		switch {
		case isNL(r):
			if pending >= 0 {
				str := b.String()[:pending]
				b.Reset()
				b.WriteString(str)
			}
			pending = -2 // drop the white space that follows
		case isHSpace(r):
			if pending == -2 {
				continue
			}
			if pending == -1 {
				pending = b.Len()
			}
			b.WriteRune(r)
		default:
			pending = -1
			b.WriteRune(r)
		}
	}
	if pending >= 0 {
		return b.String()[:pending]
	}
	return b.String()
}

// countBreaks counts line breaks in s, a \r\n pair as one.
func countBreaks(s string) int {
	n := 0
	prevCR := false
	for _, r := range s {
		if isNL(r) && !(r == '\n' && prevCR) {
			n++
		}
		prevCR = r == '\r'
	}
	return n
}

// visible replaces line breaks in s by '↵' for messages.
func visible(s string) string {
	return strings.Map(func(r rune) rune {
		if isNL(r) {
			return '↵'
		}
		return r
	}, strings.ReplaceAll(s, "\r\n", "\n"))
}
