package importer

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Transcription debris: characters the sources carry that no official text
// prints, removed before parsing so that a user who copies an article
// (citelint statutes show) into a catalog does not copy them too — the
// stray-character rule would rightly flag the copy.
//
//   - a private-use character between two digits stands for the decimal
//     point a font could not map (身高低于1\uE0104米 is 1.4米): it becomes
//     '.'; any other private-use character is removed;
//   - control characters (but tab) and invisible format characters (zero
//     width spaces, a byte-order mark, soft hyphens) are removed;
//   - a run of typographic spaces (U+3000, U+00A0, U+2000–U+200A …) inside
//     a line, left by line wrapping or page layout (基础条\u3000件,
//     本办法第六条\u3000、第七条), is removed — or written as one ASCII
//     space between two Latin letters or digits. A run that separates a
//     label from its text (第五条\u3000本办法…, 第一章\u3000总则) or precedes an
//     article label on a line that runs several articles together is how
//     the text is laid out and stays.
//
// Indentation and trailing spaces are left to the parser. Every change is
// counted; a changed file carries a note with the counts (debrisNote) and
// the import log lists them.

// debrisCounts counts the characters removed or rewritten.
type debrisCounts struct {
	decimal int // private-use characters read as a decimal point
	removed int // characters or space runs removed
}

func (c *debrisCounts) add(o debrisCounts) { c.decimal += o.decimal; c.removed += o.removed }
func (c debrisCounts) total() int          { return c.decimal + c.removed }

func debrisNote(c debrisCounts) string {
	if c.decimal > 0 {
		return fmt.Sprintf("原文混入的私用区字符、特殊空格等转录残留已清除，共%d处（其中数字间的私用区字符按小数点“.”收录，%d处）", c.total(), c.decimal)
	}
	return fmt.Sprintf("原文混入的私用区字符、特殊空格等转录残留已清除，共%d处", c.total())
}

var (
	// labelBeforeRe: the text before a space run is a label (第五条,
	// 第五条之一, 第一章, 第二节 …), or ends with the label of the next
	// article of a run-on line (…规范。　　第二条).
	labelBeforeRe = regexp.MustCompile(`(?:^(?:#+[ \t　]*)?|[。；：”’」』][ \t　]+)第[一二三四五六七八九十百千零〇0-9０-９]+[条章节编部分](?:之[一二三四五六七八九十]+)?$|^(?:#+[ \t　]*)?(?:[一二三四五六七八九十]+、|附\s*则|附件[一二三四五六七八九十0-9]*)$`)
	// labelAfterRe: the text after a space run starts with an article label.
	labelAfterRe = regexp.MustCompile(`^第[一二三四五六七八九十百千零〇0-9]+条(?:之[一二三四五六七八九十]+)?[ \t　]`)
)

func isTypoSpace(r rune) bool {
	return r == '\u3000' || r == '\u00a0' || (r >= '\u2000' && r <= '\u200a') || r == '\u202f' || r == '\u205f'
}

func isDigit(r rune) bool { return (r >= '0' && r <= '9') || (r >= '０' && r <= '９') }

func isLatinAlnum(r rune) bool {
	return r < utf8.RuneSelf && (r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z')
}

// cleanDebris removes the transcription debris of one source line (see
// above) and counts the changes.
func cleanDebris(line string) (string, debrisCounts) {
	var n debrisCounts
	clean := true
	for _, r := range line {
		if r > utf8.RuneSelf && (isTypoSpace(r) || unicode.Is(unicode.Co, r) || unicode.Is(unicode.Cf, r)) ||
			r < ' ' && r != '\t' || r == 0x7f {
			clean = false
			break
		}
	}
	if clean {
		return line, n
	}
	rs := []rune(line)
	// Indentation and trailing blanks stay: the parser trims them.
	lo, hi := 0, len(rs)
	for lo < hi && (isTypoSpace(rs[lo]) || rs[lo] == ' ' || rs[lo] == '\t' || rs[lo] == '\ufeff') {
		lo++
	}
	for hi > lo && (isTypoSpace(rs[hi-1]) || rs[hi-1] == ' ' || rs[hi-1] == '\t') {
		hi--
	}
	var b strings.Builder
	b.Grow(len(line))
	indent := string(rs[:lo])
	b.WriteString(indent)
	for i := lo; i < hi; i++ {
		r := rs[i]
		switch {
		case unicode.Is(unicode.Co, r):
			if i > lo && isDigit(rs[i-1]) && i+1 < hi && isDigit(rs[i+1]) {
				b.WriteByte('.')
				n.decimal++
			} else {
				n.removed++
			}
		case r < ' ' && r != '\t', r == 0x7f, unicode.Is(unicode.Cf, r):
			n.removed++
		case isTypoSpace(r):
			j := i
			for j < hi && (isTypoSpace(rs[j]) || rs[j] == ' ') {
				j++
			}
			before := b.String()[len(indent):]
			after := string(rs[j:hi])
			switch {
			case labelBeforeRe.MatchString(before), labelAfterRe.MatchString(after):
				b.WriteString(string(rs[i:j]))
			case isLatinAlnum(rs[i-1]) && j < hi && isLatinAlnum(rs[j]):
				b.WriteByte(' ')
				n.removed++
			default:
				n.removed++
			}
			i = j - 1
		default:
			b.WriteRune(r)
		}
	}
	b.WriteString(string(rs[hi:]))
	if n.total() == 0 {
		return line, n
	}
	return b.String(), n
}
