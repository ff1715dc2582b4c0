package importer

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/citelint/citelint/statutes"
)

// artKey is an article's place in the numbering: 第十条之一 is {10, 1}.
type artKey struct{ num, suffix int }

// follows reports whether k comes right after last: 第N+1条, or the next
// 之M of the same article (第十条 → 第十条之一 → 第十条之二 → 第十一条).
func (k artKey) follows(last artKey) bool {
	if k.suffix == 0 {
		return k.num == last.num+1
	}
	return k.num == last.num && k.suffix == last.suffix+1
}

const numerals = `[一二三四五六七八九十百千零〇0-9]+`

var (
	// inlineLabelRe is an article label inside a line: after a sentence
	// end (。；： or a closing quote) and white space, before a space.
	inlineLabelRe = regexp.MustCompile(`[。；：”’」』][ \t　]+(第` + numerals + `条(?:之[一二三四五六七八九十]+)?)[ 　]`)
	// collapsedBreakRe is white space after a sentence end: in a line
	// that holds several articles, where the source lost a line break.
	collapsedBreakRe = regexp.MustCompile(`[。；：”’」』][ \t　]+`)
	// appendixRe is the title line of an appendix (附件一：…, 附表, 附录,
	// 附图, 附：): after the last article, it ends that article.
	appendixRe = regexp.MustCompile(`^(?:(?:附件|附表|附录|附图)[一二三四五六七八九十0-9０-９]*(?:[：:　 ]|$)|附[：:]|附$)`)
	// slipLabelRe is an article label with a transcription slip: 笫 for
	// 第 (笫五十四条), or a space inside the label (第一百二十八 条侦查…).
	slipLabelRe = regexp.MustCompile(`^([第笫])(` + numerals + `)([ 　]*)条(之[一二三四五六七八九十]+)?[ 　]*(\S.*)$`)
)

// bodyState is where the body parser stands.
type bodyState struct {
	last      artKey // the last article
	started   bool   // an article has been read
	inArticle bool
	hasItem   bool
	// quoting is true after an amendment's lead-in (…内容如下：): labels
	// out of sequence and chapter-like lines that follow are the quoted
	// text of the article, not articles or structure of the amendment.
	quoting bool
}

// parseBody reads the body of a source file. Besides the plain layout
// (one article, paragraph or item per line) it repairs the shapes where
// articles would otherwise be lost or merged, each but the last noted on
// the statute:
//   - a line holding several articles (第一条 …。 第二条 …): split at each
//     inline label that is the next in the numbering, and the collapsed
//     paragraph and item breaks (white space after 。；：) in that line;
//   - a label with a transcription slip (笫五十四条, 第一百二十八 条), read
//     as a label only when it is the next in the numbering;
//   - an amendment quoting new articles (…内容如下： then 第一百二十三条 …):
//     labels out of sequence after the lead-in are the article's text;
//   - an appendix after the last article (附件：…, 附表一, 附录): its title
//     line is a heading, so the appendix is text outside the articles.
func (f *srcFile) parseBody(lines []string, offset int, bad func(int, string, ...any) error) error {
	hasArticles := false
	for _, l := range lines {
		if articleRe.MatchString(strings.TrimSpace(l)) {
			hasArticles = true
			break
		}
	}
	// The last line that starts an article: an appendix title after it
	// is structure, not the text of the last article.
	lastArticle := -1
	for k, l := range lines {
		l = strings.TrimSpace(l)
		if articleRe.MatchString(l) || slipLabelRe.MatchString(l) {
			lastArticle = k
		}
	}
	st := &bodyState{}
	emit := func(s string) { f.body = append(f.body, s) }
	var runOn []string // lines holding several articles
	runOnArts := 0
	type quote struct {
		by            string // the quoting article
		labels, lines []string
	}
	var quoted []quote
	defer func() {
		if len(runOn) > 0 {
			f.notes = append(f.notes, fmt.Sprintf("原文第%s行各连排多条条文（共%d条），已按条、款分行收录",
				strings.Join(runOn, "、"), runOnArts))
		}
		for _, q := range quoted {
			f.notes = append(f.notes, fmt.Sprintf("原文第%s行的%s是%s引述的条文，作为该条内容收录",
				strings.Join(q.lines, "、"), strings.Join(q.labels, "、"), q.by))
		}
	}()
	for k, raw := range lines {
		i := k + offset
		l := strings.TrimSpace(raw)
		if strings.Trim(l, "\u200b\ufeff \u3000") == "" || strings.HasPrefix(l, "<!--") {
			continue
		}
		if strings.HasPrefix(l, "#") {
			level := len(l) - len(strings.TrimLeft(l, "#"))
			h := spaceRunRe.ReplaceAllString(strings.TrimSpace(l[level:]), " ")
			st.inArticle, st.hasItem, st.quoting = false, false, false
			if h == "" {
				continue
			}
			emit("")
			emit(strings.Repeat("#", level) + " " + h)
			continue
		}
		if hasArticles && (plainHeadRe.MatchString(l) || f.enforcement && enfHeadRe.MatchString(l)) && !(st.quoting && !nextLabelFollows(lines[k+1:], st.last)) {
			level := 2
			if strings.HasSuffix(strings.Fields(l)[0], "节") {
				level = 3
			}
			st.inArticle, st.hasItem, st.quoting = false, false, false
			emit("")
			emit(strings.Repeat("#", level) + " " + spaceRunRe.ReplaceAllString(l, " "))
			continue
		}
		if k > lastArticle && lastArticle >= 0 && appendixRe.MatchString(l) {
			st.inArticle, st.hasItem, st.quoting = false, false, false
			emit("")
			emit("## " + spaceRunRe.ReplaceAllString(l, " "))
			continue
		}
		if articleBareRe.MatchString(l) {
			return bad(i, "%s has no text", l)
		}
		f.chars += nonSpace(l)

		// The line's start: an article, or text.
		startLabel, startPrefix := "", ""
		if m := articleRe.FindStringSubmatch(l); m != nil {
			num, suffix, err := statutes.ParseArticleLabel(m[1])
			if err != nil {
				return bad(i, "bad article number %q", m[1])
			}
			if !st.quoting || !st.started || (artKey{num, suffix}).follows(st.last) {
				startLabel, startPrefix = m[1], m[1]
			} else {
				by := statutes.ArticleLabel(st.last.num, st.last.suffix)
				if len(quoted) == 0 || quoted[len(quoted)-1].by != by {
					quoted = append(quoted, quote{by: by})
				}
				q := &quoted[len(quoted)-1]
				q.labels = append(q.labels, m[1])
				q.lines = append(q.lines, fmt.Sprint(i+1))
			}
		} else if m := slipLabelRe.FindStringSubmatch(l); m != nil && (m[1] == "笫" || m[3] != "") {
			label := "第" + m[2] + "条" + m[4]
			num, suffix, err := statutes.ParseArticleLabel(label)
			if err == nil && (artKey{num, suffix}).follows(st.last) {
				startLabel, startPrefix = label, strings.TrimSuffix(l, m[5])
				f.notes = append(f.notes, fmt.Sprintf("原文第%d行条文序号“%s”有误，按%s收录", i+1, strings.TrimSpace(strings.TrimSuffix(l, m[5])), label))
			}
		}
		cur := st.last
		if startLabel != "" {
			num, suffix, _ := statutes.ParseArticleLabel(startLabel)
			cur = artKey{num, suffix}
		}
		segs := splitRunOn(l, cur)
		if len(segs) > 1 {
			runOn = append(runOn, fmt.Sprint(i+1))
			runOnArts += len(segs) - 1 + boolInt(startLabel != "")
		}
		for j, seg := range segs {
			label, text := seg.label, seg.text
			if j == 0 {
				label = startLabel
				text = strings.TrimPrefix(text, startPrefix)
			}
			pieces := []string{strings.TrimSpace(text)}
			if len(segs) > 1 {
				pieces = splitCollapsed(pieces[0])
			}
			for p, piece := range pieces {
				if p == 0 && label != "" {
					if err := f.addArticle(st, i, label, piece, bad); err != nil {
						return err
					}
					emit("")
					emit(label + " " + piece)
				} else {
					f.addText(st, piece, emit)
				}
				if st.inArticle && (strings.HasSuffix(piece, "如下：") || strings.HasSuffix(piece, "如下:")) {
					st.quoting = true
				}
			}
		}
	}
	return nil
}

func (f *srcFile) addArticle(st *bodyState, i int, label, text string, bad func(int, string, ...any) error) error {
	num, suffix, err := statutes.ParseArticleLabel(label)
	if err != nil {
		return bad(i, "bad article number %q", label)
	}
	if text == "" {
		return bad(i, "%s has no text", label)
	}
	for _, a := range f.articles {
		if a.num == num && a.suffix == suffix {
			return bad(i, "%s appears twice (first at line %d)", label, a.line)
		}
	}
	f.articles = append(f.articles, srcArticle{line: i + 1, num: num, suffix: suffix, label: label, text: text})
	st.last, st.started = artKey{num, suffix}, true
	st.inArticle, st.hasItem, st.quoting = true, false, false
	f.lines++
	return nil
}

// addText emits a paragraph, item or sub-item line, or text outside the
// articles. A text line that would read as an article label (a quoted
// article) is escaped with a backslash (see statutes/format.go).
func (f *srcFile) addText(st *bodyState, l string, emit func(string)) {
	f.lines++
	switch {
	case st.inArticle && itemRe.MatchString(l):
		st.hasItem = true
		emit("  " + l)
	case st.inArticle && st.hasItem && subRe.MatchString(l):
		emit("    " + l)
	default:
		st.hasItem = false
		if articleRe.MatchString(l) || strings.HasPrefix(l, `\`) {
			l = `\` + l
		}
		emit(l)
	}
}

// segment is one article of a run-on line; the first segment is what
// precedes the first inline label (label "").
type segment struct{ label, text string }

// splitRunOn cuts l at every inline label that is the next in the
// numbering after cur (the article the line's start belongs to). A label
// out of sequence (依照本法第二条 规定, a cross-reference) is never a cut.
func splitRunOn(l string, cur artKey) []segment {
	locs := inlineLabelRe.FindAllStringSubmatchIndex(l, -1)
	if locs == nil {
		return []segment{{text: l}}
	}
	var segs []segment
	start, label := 0, ""
	for _, loc := range locs {
		lab := l[loc[2]:loc[3]]
		num, suffix, err := statutes.ParseArticleLabel(lab)
		if err != nil || !(artKey{num, suffix}).follows(cur) {
			continue
		}
		_, size := utf8.DecodeRuneInString(l[loc[0]:])
		segs = append(segs, segment{label: label, text: strings.TrimSpace(l[start : loc[0]+size])})
		if label != "" {
			segs[len(segs)-1].text = strings.TrimSpace(strings.TrimPrefix(segs[len(segs)-1].text, label))
		}
		start, label, cur = loc[2], lab, artKey{num, suffix}
	}
	if label == "" {
		return []segment{{text: l}}
	}
	segs = append(segs, segment{label: label, text: strings.TrimSpace(strings.TrimPrefix(l[start:], label))})
	return segs
}

// splitCollapsed cuts a run-on article's text at the white space after a
// sentence end: the paragraph and item breaks the source lost.
func splitCollapsed(t string) []string {
	var out []string
	start := 0
	for _, loc := range collapsedBreakRe.FindAllStringIndex(t, -1) {
		_, size := utf8.DecodeRuneInString(t[loc[0]:])
		out = append(out, t[start:loc[0]+size])
		start = loc[1]
	}
	return append(out, t[start:])
}

// nextLabelFollows reports whether the next line that starts with an
// article label carries the article after last.
func nextLabelFollows(lines []string, last artKey) bool {
	for _, raw := range lines {
		l := strings.TrimSpace(raw)
		if strings.HasPrefix(l, "#") {
			return true
		}
		if m := articleRe.FindStringSubmatch(l); m != nil {
			num, suffix, err := statutes.ParseArticleLabel(m[1])
			return err == nil && (artKey{num, suffix}).follows(last)
		}
	}
	return true
}

func nonSpace(s string) int {
	n := 0
	for _, r := range s {
		if !unicode.IsSpace(r) && r != '\u200b' && r != '\ufeff' {
			n++
		}
	}
	return n
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// gaps lists the article numbers missing between the first and the last
// article of a version: articles the sources lost or merged.
func gaps(arts []srcArticle) []int {
	have := map[int]bool{}
	lo, hi := 0, 0
	for _, a := range arts {
		if a.suffix != 0 {
			continue
		}
		have[a.num] = true
		if lo == 0 || a.num < lo {
			lo = a.num
		}
		if a.num > hi {
			hi = a.num
		}
	}
	var out []int
	for n := lo; n <= hi && lo > 0; n++ {
		if !have[n] {
			out = append(out, n)
		}
	}
	return out
}
