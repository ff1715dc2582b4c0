package cite

import (
	"fmt"
	"strings"

	"github.com/citelint/citelint/statutes"
)

// maxRange bounds the expansion of 第十条至第N条: a longer range is kept as
// its two ends rather than flooding the verifier.
const maxRange = 300

// maxExpanded bounds the articles one list may expand to, so hostile input
// cannot make Parse allocate without limit.
const maxExpanded = 2000

// unit is what a number in an article list counts.
type unit byte

const (
	unitNone  unit = iota // a number still waiting for its 条/款/项 (第87、88条)
	unitTiao              // 条
	unitKuan              // 款
	unitXiang             // 项
)

// ref is one number of an article list as written.
type ref struct {
	n, suffix  int
	unit       unit
	start, end int  // the number with its 第 and unit when attached
	afterSep   bool // a separator (、，和及) precedes it
	rangeNext  bool // 至 follows it: expand up to the next number
	paren      bool // written in parentheses: （一）
}

// articleList is a parsed 第…条 list.
type articleList struct {
	arts     []Article
	span     Span
	problems []Problem
	missing  bool // the closing 条 is missing (第6、22、27)
}

// readNumber reads a numeral at i (at most 12 runes), returning its value
// and end; ok is false when there is none or it is not a valid number.
func readNumber(s string, i int) (n, end int, ok bool) {
	j := i
	for k := 0; k < 12 && j < len(s); k++ {
		r, sz := at(s, j)
		if !isNumeral(r) {
			break
		}
		j += sz
	}
	if j == i {
		return 0, i, false
	}
	n, err := statutes.ParseNumber(s[i:j])
	if err != nil || n == 0 {
		return 0, i, false
	}
	return n, j, true
}

// separators join the numbers of a list; longest first.
var separators = []string{"以及", "、", "，", ",", "和", "及", "与"}

// rangeMarks join the two ends of a range.
var rangeMarks = []string{"至", "到", "-", "－", "—", "–", "~", "～"}

func hasPrefixAt(s string, i int, p string) bool { return strings.HasPrefix(s[i:], p) }

// parseArticles reads an article list starting at i (at '第'): 第八十七条,
// 第87、88条, 第二条、第三条, 第十条至第十二条, 第十条之一, 第三十条第二款,
// 第三十八条第（一）项, 第6、22、27 (条 missing: reported). ok is false when
// no article is named.
func parseArticles(s string, i int) (articleList, bool) {
	if !hasPrefixAt(s, i, "第") {
		return articleList{}, false
	}
	var refs []ref
	good, goodEnd := 0, i // refs[:good] end with a unit, at goodEnd
	j := i
	afterSep := false
	joinedPrev := false // a separator or range mark precedes: 第 may be left out
	for {
		start := j
		k := j
		if hasPrefixAt(s, k, "第") {
			k += len("第")
		}
		r, sz := at(s, k)
		paren := false
		var n, e int
		var ok bool
		if isOpenParen(r) {
			n, e, ok = readNumber(s, k+sz)
			if ok {
				c, csz := at(s, e)
				if !isCloseParen(c) {
					ok = false
				}
				e += csz
			}
			paren = true
		} else {
			n, e, ok = readNumber(s, k)
		}
		if !ok || (k == start && !joinedPrev) {
			break
		}
		rf := ref{n: n, start: start, end: e, afterSep: afterSep, paren: paren}
		switch {
		case hasPrefixAt(s, e, "条") && !paren:
			rf.unit = unitTiao
			rf.end = e + len("条")
			if hasPrefixAt(s, rf.end, "之") {
				if m, me, ok := readNumber(s, rf.end+len("之")); ok {
					rf.suffix, rf.end = m, me
				}
			}
		case hasPrefixAt(s, e, "款") && !paren:
			rf.unit = unitKuan
			rf.end = e + len("款")
		case hasPrefixAt(s, e, "项"):
			rf.unit = unitXiang
			rf.end = e + len("项")
		}
		refs = append(refs, rf)
		j = rf.end
		if rf.unit != unitNone {
			good, goodEnd = len(refs), j
		}
		// What joins this number to the next?
		afterSep, joinedPrev = false, false
		next := skipHSpace(s, j)
		joined := false
		for _, m := range rangeMarks {
			if hasPrefixAt(s, next, m) {
				refs[len(refs)-1].rangeNext = true
				j = skipHSpace(s, next+len(m))
				joined, joinedPrev = true, true
				break
			}
		}
		if !joined {
			for _, m := range separators {
				if hasPrefixAt(s, next, m) {
					j = skipHSpace(s, next+len(m))
					afterSep, joined, joinedPrev = true, true, true
					break
				}
			}
		}
		if !joined {
			// 第三十条第二款, 第一款第（二）项: sub-units follow directly.
			if rf.unit != unitNone && hasPrefixAt(s, j, "第") {
				continue
			}
			break
		}
	}
	// Numbers after the last unit: 第6、22、27 with its 条 missing is a list
	// of articles only when nothing but a line end, a colon or a sentence
	// mark follows; 第16号, 第一次 are no articles.
	missing := false
	if len(refs) > good {
		last := refs[len(refs)-1]
		r, _ := at(s, last.end)
		if !last.paren && (last.end >= len(s) || isSpace(r) || isColon(r) || strings.ContainsRune("；;。，,", r)) {
			missing = true
		} else {
			refs = refs[:good]
		}
	}
	if len(refs) == 0 {
		return articleList{}, false
	}
	end := goodEnd
	if missing {
		end = refs[len(refs)-1].end
	}
	// A range mark after the last number joins nothing.
	refs[len(refs)-1].rangeNext = false

	// Numbers waiting for their unit take the unit that closes their group:
	// 第87、88条 → both 条; 第一、二款 → both 款.
	for x := len(refs) - 1; x >= 0; x-- {
		if refs[x].unit == unitNone {
			if x+1 < len(refs) {
				refs[x].unit = refs[x+1].unit
			} else {
				refs[x].unit = unitTiao
			}
		}
	}
	var l articleList
	cur := -1
	addArticle := func(a Article) {
		l.arts = append(l.arts, a)
		cur = len(l.arts) - 1
	}
	for x, rf := range refs {
		sp := Span{rf.start, rf.end}
		switch rf.unit {
		case unitTiao:
			if rf.paren {
				continue
			}
			if x > 0 && refs[x-1].rangeNext && refs[x-1].unit == unitTiao && cur >= 0 {
				from := l.arts[cur].Num
				if rf.n > from+1 && rf.n-from <= maxRange && len(l.arts)+rf.n-from <= maxExpanded && l.arts[cur].Suffix == 0 && rf.suffix == 0 {
					rs := Span{refs[x-1].start, rf.end}
					for m := from + 1; m < rf.n; m++ {
						addArticle(Article{Num: m, Span: rs})
					}
				}
			}
			addArticle(Article{Num: rf.n, Suffix: rf.suffix, Span: sp})
		case unitKuan:
			if cur < 0 {
				continue
			}
			a := &l.arts[cur]
			if !rf.afterSep && a.Paragraph == 0 && a.Item == 0 {
				a.Paragraph = rf.n
				a.Span.End = rf.end
			} else {
				addArticle(Article{Num: a.Num, Suffix: a.Suffix, Paragraph: rf.n, Span: sp})
			}
		case unitXiang:
			if cur < 0 {
				continue
			}
			a := &l.arts[cur]
			if !rf.afterSep && a.Item == 0 {
				a.Item = rf.n
				a.Span.End = rf.end
			} else {
				addArticle(Article{Num: a.Num, Suffix: a.Suffix, Paragraph: a.Paragraph, Item: rf.n, Span: sp})
			}
		}
	}
	if len(l.arts) == 0 {
		return articleList{}, false
	}
	l.span = Span{i, end}
	l.missing = missing
	if missing {
		from := refs[good].start
		if good == 0 {
			from = i
		}
		written := s[i:end]
		l.problems = append(l.problems, Problem{
			Code:    CodeMissingTiao,
			Span:    Span{from, end},
			Message: fmt.Sprintf("条文序号“%s”缺少“条”字，应为“%s条”。", visible(written), visible(written)),
		})
	}
	return l, true
}
