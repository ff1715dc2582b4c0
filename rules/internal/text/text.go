package text

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/citelint/citelint/internal/editdist"
)

// IsHan reports whether r is a Chinese character.
func IsHan(r rune) bool { return unicode.Is(unicode.Han, r) }

// IsCJKPunct reports whether r is a full-width or CJK punctuation mark
// (。，、；：？！“”‘’《》（）【】〔〕…—).
func IsCJKPunct(r rune) bool {
	switch {
	case r >= 0x3001 && r <= 0x303F: // CJK symbols and punctuation (not U+3000, a space)
		return true
	case r >= 0xFF01 && r <= 0xFF0F, r >= 0xFF1A && r <= 0xFF20, r >= 0xFF3B && r <= 0xFF40, r >= 0xFF5B && r <= 0xFF65:
		return true
	case r >= 0x2018 && r <= 0x201F, r == 0x2026, r == 0x2014, r == 0x2015, r == 0x00B7:
		return true
	}
	return false
}

// IsCJK reports whether r is a Chinese character or CJK punctuation.
func IsCJK(r rune) bool { return IsHan(r) || IsCJKPunct(r) }

// IsSpace reports whether r is white space of any width (U+3000 and the
// typographic spaces U+2000–U+200A included).
func IsSpace(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return r == ' ' || r >= '\t' && r <= '\r'
	case r > 0x3000: // the last white space code point: all of Chinese text is past it
		return false
	}
	return unicode.IsSpace(r)
}

// Compact removes all white space from s: two texts that differ only in
// spacing and line breaks compare equal.
func Compact(s string) string {
	if strings.IndexFunc(s, IsSpace) < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if !IsSpace(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Folded is a text with its white space removed and a map back to the
// byte offsets of the original.
type Folded struct {
	Text string
	// The way back, kept per run of white space removed, not per byte:
	// cuts[k] is the offset in Text of the first byte kept after the k-th
	// run, shift[k] the bytes removed up to there.
	cuts, shift []int
	end         int // the original offset of the end of the last kept rune
}

// Fold removes white space from s, keeping the way back.
func Fold(s string) Folded {
	var f Folded
	var b strings.Builder
	removed := 0
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if IsSpace(r) {
			if removed == 0 {
				// The first space: from here on the text is copied.
				b.Grow(len(s))
				b.WriteString(s[:i])
			}
			removed += n
			i += n
			continue
		}
		if removed == 0 {
			i += n
			f.end = i
			continue
		}
		if k := len(f.shift); k == 0 && removed > 0 || k > 0 && f.shift[k-1] != removed {
			f.cuts = append(f.cuts, b.Len())
			f.shift = append(f.shift, removed)
		}
		b.WriteString(s[i : i+n])
		i += n
		f.end = i
	}
	if removed == 0 {
		f.Text = s
		return f
	}
	f.Text = b.String()
	return f
}

// at is the original offset of f.Text's byte i (0 <= i <= len(f.Text)),
// the end of the last kept rune for len(f.Text).
func (f Folded) at(i int) int {
	if i >= len(f.Text) {
		return f.end
	}
	k := sort.SearchInts(f.cuts, i+1) // cuts[k-1] <= i < cuts[k]
	if k == 0 {
		return i
	}
	return i + f.shift[k-1]
}

// Orig maps a byte offset of f.Text to the original text. An offset at the
// end of a kept rune maps to the end of that rune (not past the spaces that
// follow it), so spans stay tight.
func (f Folded) Orig(i int) int {
	if i <= 0 {
		return f.at(0)
	}
	if i >= len(f.Text) {
		return f.end
	}
	// End offsets: the byte after the previous kept byte.
	return f.at(i-1) + 1
}

// OrigStart maps a start offset of f.Text to the original text.
func (f Folded) OrigStart(i int) int {
	if i < 0 {
		i = 0
	}
	return f.at(i)
}

// Distance is the edit (Levenshtein) distance between a and b in runes.
func Distance(a, b string) int { return editdist.Distance(a, b) }

// Quote shortens s for a message: at most n runes, with "…" when cut.
func Quote(s string, n int) string {
	s = strings.TrimSpace(s)
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	rs := []rune(s)
	return string(rs[:n]) + "…"
}

// TrimValue trims white space and stray trailing or leading separators a
// cell value may carry (full-width spaces, line breaks).
func TrimValue(s string) string {
	return strings.TrimFunc(s, IsSpace)
}
