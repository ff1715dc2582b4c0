package quote

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// Text is a normalised text. Key[i] is what is compared; Disp[i] is the
// source rune it came from (for display); Off[i] is that rune's byte offset
// in the source string.
type Text struct {
	Key  []rune
	Disp []rune
	Off  []int
	src  string
}

// Normalize folds width and drops whitespace and invisible characters,
// remembering where each kept rune came from.
func Normalize(s string) *Text {
	t := &Text{src: s}
	n := utf8.RuneCountInString(s)
	t.Key = make([]rune, 0, n)
	t.Disp = make([]rune, 0, n)
	t.Off = make([]int, 0, n)
	for i, r := range s {
		if dropped(r) {
			continue
		}
		t.Key = append(t.Key, fold(r))
		t.Disp = append(t.Disp, r)
		t.Off = append(t.Off, i)
	}
	return t
}

// Len is the number of normalised runes.
func (t *Text) Len() int { return len(t.Key) }

// Source is the string the text was normalised from.
func (t *Text) Source() string { return t.src }

// Bytes maps a normalised half-open range back to a byte range of the
// source: from the first kept rune's start to the last kept rune's end.
func (t *Text) Bytes(i, j int) (int, int) {
	if i < 0 {
		i = 0
	}
	if j > len(t.Key) {
		j = len(t.Key)
	}
	if i >= j {
		if i < len(t.Off) {
			return t.Off[i], t.Off[i]
		}
		return len(t.src), len(t.src)
	}
	return t.Off[i], t.Off[j-1] + utf8.RuneLen(t.Disp[j-1])
}

// Original returns the source text of a normalised range, whitespace and
// all.
func (t *Text) Original(i, j int) string {
	a, b := t.Bytes(i, j)
	return t.src[a:b]
}

// Display returns the source runes of a normalised range without the
// dropped characters.
func (t *Text) Display(i, j int) string {
	if i < 0 {
		i = 0
	}
	if j > len(t.Disp) {
		j = len(t.Disp)
	}
	if i >= j {
		return ""
	}
	return string(t.Disp[i:j])
}

// KeyLen is the number of runes Normalize(s) keeps, counted without
// building it.
func KeyLen(s string) int {
	n := 0
	for _, r := range s {
		if !dropped(r) {
			n++
		}
	}
	return n
}

// Fold is the comparison form of a string: what Normalize(s).Key holds.
func Fold(s string) string {
	out := make([]rune, 0, len(s)/2)
	for _, r := range s {
		if !dropped(r) {
			out = append(out, fold(r))
		}
	}
	return string(out)
}

func fold(r rune) rune {
	// Only the full-width forms block folds; everything else (ASCII, CJK)
	// stands as it is.
	if r < 0xFF01 || r > 0xFFEE {
		return r
	}
	p := width.LookupRune(r)
	if p.Kind() == width.EastAsianFullwidth {
		if f := p.Folded(); f != 0 {
			return f
		}
	}
	return r
}

// dropped says whether a rune carries no text: whitespace (line breaks,
// the ideographic space), control and format characters (zero-width
// space, BOM), private-use and surrogate code points, the replacement
// character and emoji. The stray-character rule reports the visible ones;
// here they must not hide the real differences.
func dropped(r rune) bool {
	if r >= 0x4E00 && r <= 0x9FFF { // CJK ideographs: the bulk of any text
		return false
	}
	switch {
	case unicode.IsSpace(r):
		return true
	case r == utf8.RuneError:
		return true
	case r >= 0x1F000 && r <= 0x1FAFF: // emoji and pictographs
		return true
	case r >= 0xFE00 && r <= 0xFE0F: // variation selectors
		return true
	}
	return unicode.In(r, unicode.Cc, unicode.Cf, unicode.Co, unicode.Cs)
}

// IsPunct says whether a normalised rune is punctuation (Chinese or ASCII).
func IsPunct(r rune) bool {
	return unicode.IsPunct(r) || unicode.IsSymbol(r)
}

// isEllipsis says whether r is an ellipsis mark.
func isEllipsis(r rune) bool { return r == '…' || r == '⋯' }
