package report

import (
	"strings"
	"unicode"

	"golang.org/x/text/width"
)

// RuneWidth is the number of terminal columns r takes: wide and fullwidth
// runes (CJK) two, combining marks, controls and zero-width runes none, a
// tab four. Every aligned table citelint prints measures with it.
func RuneWidth(r rune) int {
	switch {
	case r == '\t':
		return 4
	case unicode.Is(unicode.Mn, r), unicode.IsControl(r), r == '\u200b', r == '\u200d', r == '\ufeff':
		return 0
	}
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 2
	}
	return 1
}

// DisplayWidth is the number of terminal columns s takes (see RuneWidth).
func DisplayWidth(s string) int {
	n := 0
	for _, r := range s {
		n += RuneWidth(r)
	}
	return n
}

// PadRight pads s with spaces to w terminal columns.
func PadRight(s string, w int) string {
	if d := w - DisplayWidth(s); d > 0 {
		return s + strings.Repeat(" ", d)
	}
	return s
}
