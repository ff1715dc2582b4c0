package text

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// StrayKind says what a stray piece of text is.
type StrayKind int

const (
	Pictograph  StrayKind = iota // emoji and pictographs
	PrivateUse                   // private-use code points (font-specific glyphs)
	Control                      // control characters other than tab and line breaks
	Invisible                    // zero-width and other format characters
	Replacement                  // U+FFFD, U+FFFC: what a failed conversion leaves
	PageNumber                   // a page number between two halves of running text
	Artifact                     // converter debris: [bookmark: _GoBack], field codes
	StrayQuote                   // a quote mark after a closing 。 with nothing to close
	OddSpace                     // typographic spaces (U+2002, U+3000 ...) where plain text has none
)

// Stray is one stray piece of a text: a byte range and what it is.
type Stray struct {
	Kind       StrayKind
	Start, End int
}

// Text returns the stray piece itself.
func (s Stray) Text(in string) string { return in[s.Start:s.End] }

// StrayOptions tune FindStray.
type StrayOptions struct {
	// Artifacts matches converter debris (see JoinPatterns). Debris is
	// ASCII: the pattern is matched against the text's ASCII runs.
	Artifacts *regexp.Regexp
	// Short marks a short field (序号, 职权类型, 责任科室 ...) where any
	// typographic space is odd; in running text only the rarer ones are.
	Short bool
}

// FindStray returns the stray pieces of s, ordered by position and not
// overlapping.
func FindStray(s string, opt StrayOptions) []Stray {
	var out []Stray
	if opt.Artifacts != nil {
		// Converter debris is ASCII: scan the ASCII runs only, not the
		// Chinese text around them.
		for i := 0; i < len(s); {
			if s[i] >= utf8.RuneSelf {
				i++
				continue
			}
			j := i
			for j < len(s) && s[j] < utf8.RuneSelf {
				j++
			}
			if j-i >= 4 {
				for _, m := range opt.Artifacts.FindAllStringIndex(s[i:j], -1) {
					out = append(out, Stray{Artifact, i + m[0], i + m[1]})
				}
			}
			i = j
		}
	}
	out = append(out, pageNumbers(s)...)
	out = append(out, strayQuotes(s)...)
	for i := 0; i < len(s); {
		if c := s[i]; c >= 0x20 && c < 0x7F { // printable ASCII: none of these
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		start := i
		i += n
		if plain(r) {
			continue
		}
		switch {
		case r == utf8.RuneError && n == 1, r == 0xFFFD, r == 0xFFFC:
			out = append(out, Stray{Replacement, start, i})
		case isPictograph(r):
			end := i
			// Keep an emoji sequence together: variation selectors, joiners,
			// skin tones, keycaps, tags.
			for end < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[end:])
				if r2 == 0xFE0F || r2 == 0xFE0E || r2 == 0x200D || r2 == 0x20E3 || (r2 >= 0xE0020 && r2 <= 0xE007F) || isPictograph(r2) {
					end += n2
					continue
				}
				break
			}
			end = swallowEcho(s, start, end)
			out = append(out, Stray{Pictograph, start, end})
			i = end
		case unicode.Is(unicode.Co, r):
			out = append(out, Stray{PrivateUse, start, i})
		case r == '\t' || r == '\n' || r == '\r':
		case unicode.Is(unicode.Cc, r):
			out = append(out, Stray{Control, start, i})
		case unicode.Is(unicode.Cf, r):
			if r == 0xFEFF && start == 0 {
				// A byte-order mark at the very start is an encoding
				// signature, not text; readers normally drop it.
				continue
			}
			out = append(out, Stray{Invisible, start, i})
		case isOddSpace(r, opt.Short):
			end := i
			for end < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[end:])
				if !isOddSpace(r2, true) && r2 != ' ' {
					break
				}
				end += n2
			}
			// In running text one U+3000 after an article label
			// (第五条　本办法…) is how statutes are printed.
			if !opt.Short && s[start:end] == "\u3000" {
				i = end
				continue
			}
			out = append(out, Stray{OddSpace, start, end})
			i = end
		}
	}
	return normalize(out)
}

// JoinPatterns joins patterns into one alternation, so a text is scanned
// once whatever the number of patterns.
func JoinPatterns(res []*regexp.Regexp) *regexp.Regexp {
	if len(res) == 0 {
		return nil
	}
	parts := make([]string, len(res))
	for i, re := range res {
		parts[i] = "(?:" + re.String() + ")"
	}
	return regexp.MustCompile(strings.Join(parts, "|"))
}

// normalize sorts strays and drops those inside an earlier one.
func normalize(in []Stray) []Stray {
	if len(in) < 2 {
		return in
	}
	sortStrays(in)
	out := in[:1]
	for _, s := range in[1:] {
		last := &out[len(out)-1]
		if s.Start < last.End {
			if s.End > last.End {
				last.End = s.End
			}
			continue
		}
		out = append(out, s)
	}
	return out
}

func sortStrays(s []Stray) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && (s[j].Start < s[j-1].Start || (s[j].Start == s[j-1].Start && s[j].End > s[j-1].End)); j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

// plain says whether r is one of the runes running Chinese text is made
// of (ideographs, CJK and full-width punctuation), none of them stray: the
// loop in FindStray skips them without the Unicode table lookups.
func plain(r rune) bool {
	return r >= 0x4E00 && r <= 0x9FFF || r >= 0x3001 && r <= 0x303F || r >= 0xFF01 && r <= 0xFF5E
}

func isPictograph(r rune) bool {
	return (r >= 0x1F000 && r <= 0x1FAFF) || (r >= 0x1FC00 && r <= 0x1FFFD)
}

// isOddSpace: typographic spaces. U+3000 counts only in short fields and
// in runs; the caller decides.
func isOddSpace(r rune, short bool) bool {
	switch {
	case r >= 0x2000 && r <= 0x200A, r == 0x00A0, r == 0x202F, r == 0x205F:
		return true
	case r == 0x3000:
		return true
	}
	_ = short
	return false
}

// asciiTwin maps full-width marks to the ASCII marks that echo them.
var asciiTwin = map[rune]byte{'：': ':', '，': ',', '；': ';', '。': '.', '！': '!', '？': '?'}

// swallowEcho extends an emoji's span over an ASCII mark right after it that
// repeats the full-width mark right before it ("第2条：🍩:"): both are debris
// of the same paste.
func swallowEcho(s string, start, end int) int {
	prev, _ := utf8.DecodeLastRuneInString(s[:start])
	twin, ok := asciiTwin[prev]
	if !ok {
		return end
	}
	if end < len(s) && s[end] == twin {
		return end + 1
	}
	return end
}

// pageNumbers finds running text broken by a line that holds only a page
// number: 原\n 9  则上, 原\n9\n则上, 原\n- 9 -\n则上. The character after
// the number must not be one a number governs (号, 条, 个, 年 ...), or
// "〔2018〕\n22号" and "在\n30个工作日" would look alike.
func pageNumbers(s string) []Stray {
	var out []Stray
	for from := 0; ; {
		k := strings.IndexByte(s[from:], '\n')
		if k < 0 {
			return out
		}
		nl := from + k
		from = nl + 1
		if prev, _ := utf8.DecodeLastRuneInString(s[:nl]); !IsHan(prev) {
			continue
		}
		if end, ok := pageNumberLine(s, nl); ok && !listNumber(s, nl) {
			out = append(out, Stray{PageNumber, nl, end})
		}
	}
}

// pageNumberLine reads a page number starting at the line break nl and
// returns where the running text resumes.
func pageNumberLine(s string, nl int) (int, bool) {
	i := nl + 1
	blanks := func() bool { // spaces and tabs, not line breaks
		start := i
		for i < len(s) {
			r, n := utf8.DecodeRuneInString(s[i:])
			if r != ' ' && r != '\t' && r != 0x3000 {
				break
			}
			i += n
		}
		return i > start
	}
	dash := func() {
		for _, d := range []string{"-", "—", "–"} {
			if strings.HasPrefix(s[i:], d) {
				i += len(d)
				blanks()
				return
			}
		}
	}
	blanks()
	dash()
	digits := i
	for i < len(s) && s[i] >= '0' && s[i] <= '9' && i-digits < 5 {
		i++
	}
	if n := i - digits; n == 0 || n > 4 {
		return 0, false
	}
	spaced := blanks()
	if strings.HasPrefix(s[i:], "-") || strings.HasPrefix(s[i:], "—") || strings.HasPrefix(s[i:], "–") {
		dash()
		spaced = true
	}
	if i < len(s) && s[i] == '\n' {
		i++
		blanks()
		spaced = true
	}
	if !spaced || i >= len(s) {
		return 0, false
	}
	next, _ := utf8.DecodeRuneInString(s[i:])
	if !IsHan(next) || strings.ContainsRune(governed, next) {
		return 0, false
	}
	return i, true
}

// listNumber reports whether the number on the line after nl continues a
// list numbered at line starts ("1 负责…\n2 负责…"): then it is an item
// number, not a page number.
func listNumber(s string, nl int) bool {
	i := nl + 1
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	j := i
	for j < len(s) && s[j] >= '0' && s[j] <= '9' {
		j++
	}
	n, err := strconv.Atoi(s[i:j])
	if err != nil || n < 2 {
		return false
	}
	prev := strconv.Itoa(n - 1)
	for k := 0; k < nl; {
		line := s[k:]
		if e := strings.IndexByte(line, '\n'); e >= 0 {
			line = line[:e]
		}
		t := strings.TrimLeft(line, " \t")
		if strings.HasPrefix(t, prev) && (len(t) == len(prev) || t[len(prev)] < '0' || t[len(prev)] > '9') {
			return true
		}
		k += len(line) + 1
	}
	return false
}

// governed are characters a number is read with; a number before them is
// text, not a page number.
const governed = "号条款项年月日时分秒元角倍个人次名件份家岁天周页章节期批类种项位层级届"

// strayQuotes finds a quote mark right after a closing 。！？ that closes
// nothing: an odd ASCII '"' (the last one), or a ” with no open “.
func strayQuotes(s string) []Stray {
	var out []Stray
	closesSentence := func(i int) bool {
		prev, _ := utf8.DecodeLastRuneInString(s[:i])
		return prev == '。' || prev == '！' || prev == '？'
	}
	if n := strings.Count(s, `"`); n%2 == 1 {
		if i := strings.LastIndex(s, `"`); closesSentence(i) {
			out = append(out, Stray{StrayQuote, i, i + 1})
		}
	}
	depth := 0
	for i, r := range s {
		switch r {
		case '“':
			depth++
		case '”':
			if depth == 0 {
				if closesSentence(i) {
					out = append(out, Stray{StrayQuote, i, i + len("”")})
				}
				continue
			}
			depth--
		}
	}
	return out
}

// Describe is a short Chinese description of a stray piece for messages.
func Describe(s Stray, in string) string {
	t := in[s.Start:s.End]
	switch s.Kind {
	case Pictograph:
		if e := strings.TrimRight(t, ":,;.!?"); e != t {
			return fmt.Sprintf("表情符号“%s”和多余的“%s”", e, t[len(e):])
		}
		return fmt.Sprintf("表情符号“%s”", t)
	case PrivateUse:
		return fmt.Sprintf("私用区字符（%s）", codes(t))
	case Control:
		return fmt.Sprintf("控制字符（%s）", codes(t))
	case Invisible:
		return fmt.Sprintf("不可见字符（%s）", codes(t))
	case Replacement:
		return fmt.Sprintf("乱码替换字符（%s）", codes(t))
	case PageNumber:
		return fmt.Sprintf("页码“%s”", strings.TrimFunc(t, func(r rune) bool { return IsSpace(r) || r == '-' || r == '—' || r == '–' }))
	case Artifact:
		return fmt.Sprintf("文档转换残留“%s”", t)
	case StrayQuote:
		return fmt.Sprintf("多余的引号“%s”", t)
	case OddSpace:
		return fmt.Sprintf("特殊空格（%s）", codes(t))
	}
	return fmt.Sprintf("“%s”", t)
}

func codes(t string) string {
	var parts []string
	seen := map[rune]bool{}
	for _, r := range t {
		if r == ' ' || seen[r] {
			continue
		}
		seen[r] = true
		parts = append(parts, fmt.Sprintf("U+%04X", r))
	}
	return strings.Join(parts, "、")
}
