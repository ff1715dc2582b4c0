package index

import (
	"strings"
	"unicode"
)

// normalize folds s for matching: full-width ASCII variants (U+FF01–U+FF5E)
// become their ASCII forms, ASCII letters are lower-cased, and every
// whitespace character (including the ideographic space U+3000 and line
// breaks) is dropped. It returns the folded runes and, for each of them, its
// offset in s counted in runes, so a match found in the folded text maps back
// onto the untouched text.
func normalize(s string) (folded []rune, orig []int) {
	folded = make([]rune, 0, len(s)/2)
	orig = make([]int, 0, len(s)/2)
	i := 0
	for _, r := range s {
		if !unicode.IsSpace(r) {
			folded = append(folded, foldRune(r))
			orig = append(orig, i)
		}
		i++
	}
	return folded, orig
}

func foldRune(r rune) rune {
	if r >= 0xFF01 && r <= 0xFF5E {
		r -= 0xFF01 - 0x21
	}
	if r >= 'A' && r <= 'Z' {
		r += 'a' - 'A'
	}
	return r
}

// quoteMarks are the marks a user may leave around a pasted quote; they are
// not part of the statute's text.
const quoteMarks = "\"'“”‘’「」『』"

// NormalizeQuery returns the text a search looks for: q without surrounding
// whitespace and quote marks, width-folded, lower-cased and with all
// whitespace removed (see Coverage).
func NormalizeQuery(q string) string {
	f, _ := normalize(trimQuery(q))
	return string(f)
}

func trimQuery(q string) string {
	return strings.TrimFunc(q, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(quoteMarks, r)
	})
}
