package gen

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/citelint/citelint/statutes"
)

// Form is a way a basis cites a second article after its first: the quote
// forms of published catalogs beyond one 《…》第X条 with its text.
type Form int

const (
	FormRef          Form = iota // 《甲法》第十条 ……；同法第十二条 ……
	FormRefLine                  // 《甲法》第十条 ……\n该法第十二条 ……
	FormBare                     // 《甲法》第十条 ……\n第十二条 ……
	FormBareInline               // 《甲法》第十条 ……。第十二条第一款 ……
	FormTagged                   // 【法律】《甲法》第十条 ……\n【法律】《甲法》第十二条 ……
	FormTaggedInline             // 【法律】《甲法》第十条 ……。【法律】《甲法》第十二条 ……
	FormRunOn                    // 《甲法》第十条 ……处以罚款《甲法》第十二条 ……
	FormList                     // 《甲法》第三十、三十二条 (no quote)
	FormParaphrase               // 《甲法》第十条 and the article in other words: not compared
)

var formNames = [...]string{"ref", "ref-line", "bare", "bare-inline", "tagged", "tagged-inline", "run-on", "list", "paraphrase"}

func (f Form) String() string { return formNames[f] }

// quotes says whether the form quotes the second article (a slip can be
// injected into it).
func (f Form) quotes() bool { return f != FormList && f != FormParaphrase }

// cleanFormEvery: every this many clean rows of a family with forms, one is
// written in the next form.
const cleanFormEvery = 3

// refWord is the word referring back to the statute just cited, by the
// kind its title names ("" when catalogs write none).
func refWord(title string, line bool) string {
	switch {
	case strings.HasSuffix(title, "条例"):
		if line {
			return "该条例"
		}
		return "同条例"
	case strings.HasSuffix(title, "法"):
		if line {
			return "该法"
		}
		return "同法"
	case strings.HasSuffix(title, "办法"):
		return "该办法"
	case strings.HasSuffix(title, "规定"):
		return "该规定"
	case strings.HasSuffix(title, "细则"):
		return "该细则"
	}
	return ""
}

// level is the statute's level as a tag names it: 法律, 行政法规, 部门规章 ….
func level(s *statutes.Statute) string {
	if s == nil {
		return ""
	}
	return string(s.Kind)
}

// tag writes a level tag in the family's way (【法律】), "" when the family
// writes none or the level is unknown.
func (f Family) tag(lvl string) string {
	if f.Tag == "" || lvl == "" {
		return ""
	}
	return fmt.Sprintf(f.Tag, lvl)
}

// label writes an article's label, in digits when the family does.
func (f Family) label(a *statutes.Article) string {
	if !f.Arabic {
		return label(a)
	}
	s := "第" + strconv.Itoa(a.Num) + "条"
	if a.Suffix > 0 {
		s += "之" + statutes.FormatNumber(a.Suffix)
	}
	return s
}

// sep is what the family writes between an article and its text after the
// first (where applyFamily does not rewrite it).
func (f Family) sep() string {
	if f.Sep == "" {
		return "："
	}
	return f.Sep
}

// fitsSecond says whether an article can be the second of a form: one
// paragraph of plain text ending in '。', opening with a Han character
// (not another citation), a label the parser reads as one.
func fitsSecond(a *statutes.Article) bool {
	t := a.Text()
	r, _ := utf8.DecodeRuneInString(t)
	return a.Suffix == 0 && len(a.Paragraphs) > 0 && len(a.Paragraphs[0].Items) == 0 &&
		unicode.Is(unicode.Han, r) && strings.HasSuffix(t, "。") && !strings.Contains(t, "\n")
}

// fitsFirst says whether an article can open a form whose joint drops its
// closing '。': its text ends in '。' on its last line.
func fitsFirst(a *statutes.Article) bool { return strings.HasSuffix(a.Text(), "。") }

// secondFor takes an unused article of the same statute for a form.
func (g *generator) secondFor(c art) (*statutes.Article, bool) {
	return g.takeFrom(c.law, func(a *statutes.Article) bool { return a != c.a && fitsSecond(a) })
}

// formFits says whether form f can be written for first article c.
func (g *generator) formFits(f Form, c art) bool {
	switch f {
	case FormRef, FormRefLine:
		return refWord(c.law.Statute.Title, f == FormRefLine) != "" && fitsFirst(c.a)
	case FormRunOn:
		return fitsFirst(c.a)
	case FormTagged, FormTaggedInline:
		return g.fam.Tag != "" && level(c.law.Statute) != "" && fitsFirst(c.a)
	case FormParaphrase:
		_, ok := paraphrase(c.a)
		return ok
	}
	return true
}

// formBasis writes a basis citing first (quoted as text1) and second (text2)
// of law l in form f. The first citation is written as every basis is
// (《…》第X条：…): applyFamily writes its separator, digits, tag and prefix.
func (g *generator) formBasis(f Form, l *Law, first, second *statutes.Article, text1, text2 string) string {
	fam := g.fam
	head := cite(l, first) + "："
	open1 := strings.TrimSuffix(text1, "。")
	lbl2 := fam.label(second)
	switch f {
	case FormRef:
		return head + open1 + "；" + refWord(l.Statute.Title, false) + lbl2 + fam.sep() + text2
	case FormRefLine:
		return head + text1 + "\n" + refWord(l.Statute.Title, true) + lbl2 + fam.sep() + text2
	case FormBare:
		return head + text1 + "\n" + lbl2 + labelSep(fam.sep()) + text2
	case FormBareInline:
		return head + text1 + lbl2 + "第一款" + labelSep(fam.sep()) + text2
	case FormTagged:
		return head + text1 + "\n" + fam.tag(level(l.Statute)) + "《" + l.Statute.Title + "》" + lbl2 + fam.sep() + text2
	case FormTaggedInline:
		return head + text1 + fam.tag(level(l.Statute)) + "《" + l.Statute.Title + "》" + lbl2 + fam.sep() + text2
	case FormRunOn:
		return head + open1 + "《" + l.Statute.Title + "》" + lbl2 + fam.sep() + text2
	}
	return head + text1
}

// labelSep is a separator after a bare article label that the parser reads
// as one (a colon, a space or a full-width space).
func labelSep(sep string) string {
	if sep == "：" || strings.HasPrefix(sep, " ") || sep == "\u3000" {
		return sep
	}
	return "\u3000"
}

// listBasis cites two articles in a compressed list, without quotes:
// 第三十、三十二条, 第三十条、三十二条, 第30、32条.
func (g *generator) listBasis(l *Law, first, second *statutes.Article, k int) string {
	a, b := first, second
	if b.Num < a.Num {
		a, b = b, a
	}
	t := "《" + l.Statute.Title + "》"
	switch {
	case g.fam.Arabic:
		return t + "第" + strconv.Itoa(a.Num) + "、" + strconv.Itoa(b.Num) + "条"
	case k%2 == 0:
		return t + "第" + statutes.FormatNumber(a.Num) + "、" + statutes.FormatNumber(b.Num) + "条"
	}
	return t + label(a) + "、" + statutes.FormatNumber(b.Num) + "条"
}

// paraphrase restates an article in other words, as catalogs summarise
// the article they cite: its first words and its last, with words of the
// catalog's own between. Only for a one-line article long enough that the
// summary is plainly no quote of it.
func paraphrase(a *statutes.Article) (string, bool) {
	t := a.Text()
	if strings.Contains(t, "\n") || utf8.RuneCountInString(t) < 60 || a.Suffix > 0 {
		return "", false
	}
	rs := []rune(strings.TrimSuffix(t, "。"))
	first := strings.FieldsFunc(string(rs), func(r rune) bool { return strings.ContainsRune("，；：、（）《》“”", r) })
	if len(first) < 2 {
		return "", false
	}
	lead := []rune(first[0])
	if len(lead) > 6 {
		lead = lead[:6]
	}
	tail := []rune(first[len(first)-1])
	if len(tail) > 5 {
		tail = tail[len(tail)-5:]
	}
	if len(lead) < 2 || len(tail) < 2 {
		return "", false
	}
	return string(lead) + "等情形，按照本条规定予以处理，依法" + string(tail) + "。", true
}

// numberTypo changes one number of an article's text (二倍 → 三倍,
// 6个月 → 7个月): the slip a reviewer misses most. ok is false when the
// text states no amount.
func numberTypo(text string) (bad, detail string, ok bool) {
	units := []string{"倍", "日", "年", "个月", "元", "万元", "千元", "百元", "%", "人", "次"}
	cn := []rune("一二三四五六七八九")
	rs := []rune(text)
	for i := 0; i+1 < len(rs); i++ {
		r := rs[i]
		var repl rune
		switch {
		case r >= '1' && r <= '8':
			repl = r + 1
		case r == '9':
			repl = '8'
		default:
			for k, c := range cn {
				if c == r {
					repl = cn[(k+1)%len(cn)]
				}
			}
		}
		if repl == 0 {
			continue
		}
		rest := string(rs[i+1:])
		unit := false
		for _, u := range units {
			if strings.HasPrefix(rest, u) {
				unit = true
				break
			}
		}
		// 第十二条 names an article, not an amount
		if !unit || (i > 0 && rs[i-1] == '第') {
			continue
		}
		out := append(append(append([]rune{}, rs[:i]...), repl), rs[i+1:]...)
		return string(out), fmt.Sprintf("'%c' written '%c'", r, repl), true
	}
	return "", "", false
}
