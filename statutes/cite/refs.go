package cite

import (
	"regexp"
	"strings"
)

// yearSuffixRe is a year or edition after a title: …规则（1991）, …修正案（2018年）,
// …条例（2019年修订）.
var yearSuffixRe = regexp.MustCompile(`[（(][0-9]{4}年?[^（）()]{0,6}[）)]$`)

// levelWords name the level of a statute in the tags catalogs write before a
// citation: 【法律】《…》, [行政法规]《…》, 部门规章：《…》.
var levelWords = []string{
	"法律", "行政法规", "部门规章", "地方性法规", "地方政府规章", "政府规章", "规章", "国务院部门规章",
	"司法解释", "规范性文件", "其他规范性文件", "法规", "自治条例", "单行条例", "党内法规", "国务院决定",
	"宪法", "监察法规",
}

func isLevelWord(w string) bool {
	for _, x := range levelWords {
		if w == x {
			return true
		}
	}
	return false
}

// tagBefore returns the start of a level tag ending at j (【法律】, [法律],
// ［法律］, 法律：), or -1. A bracketed tag counts anywhere; a tag ended by a
// colon only at the start of a line, after white space, '。', '；', '】' or an
// enumeration number, as a catalog lists bases by level.
func tagBefore(s string, j int) int {
	r, n := before(s, j)
	var open rune
	switch r {
	case '】':
		open = '【'
	case ']':
		open = '['
	case '］':
		open = '［'
	case '：', ':':
		open = 0
	default:
		return -1
	}
	k := j - n
	w := k
	for runes := 0; runes < 8; runes++ {
		r2, n2 := before(s, w)
		if n2 == 0 || !isHan(r2) {
			break
		}
		w -= n2
	}
	if w == k || !isLevelWord(s[w:k]) {
		return -1
	}
	if open != 0 {
		if r2, n2 := before(s, w); r2 == open {
			return w - n2
		}
		return -1
	}
	b := backHSpace(s, w)
	if e := enumBefore(s, b); e >= 0 {
		b = e
	}
	pr, _ := before(s, b)
	if lineStart(s, b) || b < w || strings.ContainsRune("。；;】]］", pr) {
		return w
	}
	return -1
}

// refWords refer back to the statute just cited: 《甲法》第十条……；同法第十二条……
// Each names the kind of statute it refers to (法, 条例 …); "" for any.
var refWords = []struct{ word, kind string }{
	{"上述法律", "法"}, {"上述法规", ""}, {"上述条例", "条例"}, {"上述办法", "办法"}, {"上述规定", "规定"},
	{"同法", "法"}, {"该法", "法"}, {"本法", "法"},
	{"同条例", "条例"}, {"该条例", "条例"}, {"本条例", "条例"},
	{"同办法", "办法"}, {"该办法", "办法"}, {"本办法", "办法"},
	{"同规定", "规定"}, {"该规定", "规定"}, {"本规定", "规定"},
	{"同细则", "细则"}, {"该细则", "细则"}, {"本细则", "细则"},
	{"同规则", "规则"}, {"该规则", "规则"}, {"本规则", "规则"},
}

// mayStartRef is backRef's cheap filter on the rune at i.
func mayStartRef(r rune) bool { return r == '同' || r == '该' || r == '本' || r == '上' }

// backRef parses a reference back to a statute cited before it in the same
// text, at i: 同法第十二条, 该条例第三条：…. The citation takes the title of
// the latest earlier citation of the kind the word names (该条例: the last
// 条例 cited), or of the latest citation when none is of that kind; 本法,
// 本条例 … only refer to a statute of their kind. It must be followed
// directly by an article list.
func backRef(s string, i int, prev []Citation) (head, bool) {
	if len(prev) == 0 {
		return head{}, false
	}
	for _, rw := range refWords {
		if !hasPrefixAt(s, i, rw.word) {
			continue
		}
		e := i + len(rw.word)
		if !hasPrefixAt(s, e, "第") {
			return head{}, false
		}
		if l, ok := parseArticles(s, e); !ok || l.missing {
			return head{}, false
		}
		title := ""
		if rw.kind != "" {
			for x := len(prev) - 1; x >= 0; x-- {
				if strings.HasSuffix(prev[x].Title, rw.kind) {
					title = prev[x].Title
					break
				}
			}
		}
		if title == "" {
			// 本条例 after only 《甲法》 is the quoted statute's own
			// word, not a reference: 同/该/上述 refer to the latest.
			if strings.HasPrefix(rw.word, "本") {
				return head{}, false
			}
			title = prev[len(prev)-1].Title
		}
		h := head{start: i, skip: e}
		h.c.Title = title
		h.c.TitleSpan = Span{i, e}
		h.c.Ref = rw.word
		return tail(s, h, e), true
	}
	return head{}, false
}

// opensRef decides whether a back-reference starts a new citation. Inside a
// quote it must stand where catalogs start one (the start of a line, after
// an enumeration number or a level tag, after '。' or '；') and introduce its
// own quote, or end its line: 本法第五十四条规定的… inside an article is a
// mention. Outside a quote it may also follow '、' or '，' in a list of
// citations.
func opensRef(s string, h head, pos position, inQuote bool) bool {
	switch pos {
	case posLine, posEnum, posSentence, posTag:
	default:
		if inQuote {
			return false
		}
		r, _ := before(s, backHSpace(s, h.start))
		if !strings.ContainsRune("、，,", r) {
			return false
		}
	}
	if !inQuote {
		return true
	}
	return h.kind == quoteColon && !h.joined || h.lineEnd || h.enumAfter
}

// runOn reports whether a titled head in the middle of a quote starts a new
// citation all the same: a statute's title with its article list and the
// article's text after a colon or white space, written straight after the
// previous quote with no punctuation (…处以罚款《乙法》第五条 …).
func runOn(h head) bool {
	return h.c.Bracketed && !h.joined && h.kind == quoteColon && len(h.c.Articles) > 0 &&
		len(h.c.Problems) == 0 && statuteTitle(h.c.Title)
}

// statuteTitle says whether a title names a statute by its ending (…法,
// …条例, …法典, …规范（试行）), not a document an article mentions.
func statuteTitle(t string) bool {
	for _, v := range []string{"（试行）", "（暂行）", "(试行)", "(暂行)"} {
		t = strings.TrimSuffix(t, v)
	}
	t = yearSuffixRe.ReplaceAllString(t, "")
	if strings.HasPrefix(t, "最高人民") && strings.HasSuffix(t, "解释") {
		return true // 最高人民法院关于适用《…》的解释
	}
	return endsWithAny(t, titleSuffixes) || endsWithAny(t, []string{"法典", "规范", "规程", "准则", "章程"})
}
