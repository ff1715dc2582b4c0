package cite

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
)

// Bounds on how far a title or a note may run before the parser decides its
// closing mark is missing.
const (
	maxTitleRunes  = 150
	maxTitleBreaks = 2
	maxNoteRunes   = 300
	maxNoteBreaks  = 2
	maxBareTitle   = 40
	maxIssuerRunes = 4
)

// quoteKind says how the quote after a head is introduced.
type quoteKind int

const (
	quoteNone   quoteKind = iota
	quoteColon            // 第八十七条：…
	quoteMarks            // 《目录》“…”
	quoteLabels           // the title's line ends, and 第二条：… starts the next
)

// head is a parsed citation head: title, note and article list, with what
// follows it.
type head struct {
	c         Citation
	start     int // the 《, or the first rune of a bare title
	end       int // the end of the citation's span
	skip      int // where scanning resumes when the head is only a mention
	kind      quoteKind
	quoteAt   int  // quoteColon: just after the colon; quoteMarks: the “; quoteLabels: the first label
	lineEnd   bool // nothing but white space follows the head on its line
	enumAfter bool // white space and an enumeration number (2.) follow: 1.《…》第三条 2.《…》
	joined    bool // the quote follows the article list with no separator (第十条申请…)
}

// titleSuffixes end the names of laws, regulations and rules: a title
// written without 《》 must end in one of them.
var titleSuffixes = []string{"法", "条例", "办法", "规定", "规则", "细则", "决定"}

// notTitle are starts of a run that refers back rather than names a
// statute: 本法第十条, 该条例第三条, 前款规定.
var notTitle = []string{"本", "该", "此", "前款", "前条", "上述", "下列", "其", "同", "有关", "相关"}

// clauseWords do not occur in statute titles but do in the sentences of
// running text: a run holding one is a clause, not a title.
var clauseWords = []string{"应当", "可以", "不得", "必须", "了"}

// triggers introduce a citation written without 《》: 依据社会保险法第八十七条.
var triggers = []string{"依据", "根据", "依照", "按照", "参照", "违反"}

// bracketed parses a head starting at the 《 or 〈 at i.
func bracketed(s string, i int) (head, bool) {
	open, osz := at(s, i)
	closer := '》'
	if open == '〈' {
		closer = '〉'
	}
	ts := i + osz
	depth, runes, breaks := 1, 0, 0
	j := ts
	closed := false
	for j < len(s) && runes < maxTitleRunes {
		r, sz := at(s, j)
		if r == open {
			depth++
		} else if r == closer {
			depth--
			if depth == 0 {
				closed = true
				break
			}
		} else if strings.ContainsRune("：:。；;", r) {
			break
		} else if isNL(r) && !(r == '\n' && j > 0 && s[j-1] == '\r') {
			breaks++
			if breaks > maxTitleBreaks {
				break
			}
		}
		runes++
		j += sz
	}
	h := head{start: i}
	h.c.Bracketed = true
	if closed {
		a, b := trimSpan(s, ts, j)
		if !isTitle(s[a:b]) {
			return head{}, false
		}
		h.c.TitleSpan = Span{a, b}
		h.c.Title = unwrap(s[a:b])
		_, csz := at(s, j)
		h.skip = j + csz
		return tail(s, h, j+csz), true
	}
	// No closing mark: the title runs to its article list on the same line,
	// else to the end of the line (or the mark that stopped the scan).
	limit := j
	if k := strings.IndexFunc(s[ts:limit], isNL); k >= 0 {
		limit = ts + k
	}
	te := limit
	for k := ts; k < limit; {
		if hasPrefixAt(s, k, "第") {
			if l, ok := parseArticles(s, k); ok && !l.missing {
				te = k
				break
			}
		}
		_, sz := at(s, k)
		k += sz
	}
	ts2, te2 := trimSpan(s, ts, te)
	if !isTitle(s[ts2:te2]) {
		return head{}, false
	}
	h.c.TitleSpan = Span{ts2, te2}
	h.c.Title = unwrap(s[ts2:te2])
	h.skip = te2
	h.c.Problems = append(h.c.Problems, Problem{
		Code:    CodeUnbalancedTitle,
		Span:    Span{i, te2},
		Message: fmt.Sprintf("书名号不配对：“%s%s”缺少“%c”。", string(open), visible(h.c.Title), closer),
	})
	return tail(s, h, te2), true
}

// bare parses a title written without 《》 at st: 依据社会保险法第八十七条
// (st after 依据). It must end in a statute suffix and be followed directly
// by an article list with its 条. A run ending in 》 is a title whose 《 is
// missing.
func bare(s string, st int) (head, bool) {
	for _, t := range triggers {
		if hasPrefixAt(s, st, t) {
			st += len(t)
			break
		}
	}
	j, runes := st, 0
	for j < len(s) && runes <= maxBareTitle {
		r, sz := at(s, j)
		if r == '》' && runes > 0 {
			return missingOpen(s, st, j)
		}
		if !isHan(r) {
			return head{}, false
		}
		if r == '第' && runes > 0 && endsWithAny(s[st:j], titleSuffixes) && !startsWithAny(s[st:j], notTitle) && !isSuffixOnly(s[st:j]) && !containsAny(s[st:j], clauseWords) {
			if l, ok := parseArticles(s, j); ok && !l.missing {
				h := head{start: st, skip: j}
				h.c.TitleSpan = Span{st, j}
				h.c.Title = s[st:j]
				return tail(s, h, j), true
			}
		}
		runes++
		j += sz
	}
	return head{}, false
}

// missingOpen parses 社会保险法》第八十七条: a title closed by 》 at j with no
// 《. It counts only when a note or an article list follows.
func missingOpen(s string, st, j int) (head, bool) {
	h := head{start: st, skip: j + len("》")}
	h.c.TitleSpan = Span{st, j}
	h.c.Title = s[st:j]
	h = tail(s, h, j+len("》"))
	if len(h.c.Articles) == 0 && h.c.Note == "" {
		return head{}, false
	}
	h.c.Problems = append(h.c.Problems, Problem{
		Code:    CodeUnbalancedTitle,
		Span:    Span{st, j + len("》")},
		Message: fmt.Sprintf("书名号不配对：“%s》”缺少“《”。", h.c.Title),
	})
	return h, true
}

// isTitle reports whether s can name a document: it has a letter that is
// not a numeral (〈一〉 marks an item, not a title).
func isTitle(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) && !isNumeral(r) {
			return true
		}
	}
	return false
}

func endsWithAny(s string, suffixes []string) bool {
	for _, x := range suffixes {
		if strings.HasSuffix(s, x) {
			return true
		}
	}
	return false
}

func startsWithAny(s string, prefixes []string) bool {
	for _, x := range prefixes {
		if strings.HasPrefix(s, x) {
			return true
		}
	}
	return false
}

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

func isSuffixOnly(s string) bool {
	for _, x := range titleSuffixes {
		if s == x {
			return true
		}
	}
	return false
}

// tail parses what follows a title ending at j: the note, the article list
// and how a quote is introduced.
func tail(s string, h head, j int) head {
	if n, ok := parseNote(s, j); ok {
		h.c.Note = n.text
		h.c.NoteSpan = n.span
		h.c.Problems = append(h.c.Problems, n.problems...)
		j = n.end
	}
	h.end = j
	// The article list: directly, or after white space (reported), or after
	// a stray '。' (reported).
	k := skipSpace(s, j)
	period := -1
	if r, sz := at(s, k); r == '。' {
		if k2 := skipSpace(s, k+sz); hasPrefixAt(s, k2, "第") {
			period, k = k, k2
		}
	}
	if hasPrefixAt(s, k, "第") && countBreaks(s[j:k]) <= 1 {
		if l, ok := parseArticles(s, k); ok {
			broken := countBreaks(s[j:k]) == 1
			if broken && period < 0 && isLabelList(s, l) {
				// 《社会保险稽核办法》（劳动部令第16号）\n第二条：本办法… — the
				// article starts a labelled quote on its own line.
				h.kind = quoteLabels
				h.quoteAt = k
				h.lineEnd = true
				h.c.Span = Span{h.start, h.end}
				return h
			}
			h.c.Articles = l.arts
			h.c.ArticleSpan = l.span
			h.c.Problems = append(h.c.Problems, l.problems...)
			listText := visible(s[l.span.Start:l.span.End])
			switch {
			case period >= 0:
				h.c.Problems = append(h.c.Problems, Problem{
					Code:    CodeStrayPeriod,
					Span:    Span{j, k},
					Message: fmt.Sprintf("引用《%s》时，书名号与“%s”之间多了句号“。”。", h.c.Title, listText),
				})
			case k > j:
				what := "空格"
				if broken {
					what = "换行"
				}
				h.c.Problems = append(h.c.Problems, Problem{
					Code:    CodeSpaceBeforeArticle,
					Span:    Span{j, k},
					Message: fmt.Sprintf("引用《%s》时，书名号（或文号括号）与“%s”之间多了%s。", h.c.Title, listText, what),
				})
			}
			j = l.span.End
			h.end = j
		}
	}
	h.c.Span = Span{h.start, h.end}
	h.lineEnd = atLineEnd(s, j)
	f := skipHSpace(s, j)
	if f > j {
		if e := enumAt(s, f); e > f {
			h.enumAfter = true
		}
	}
	g := f
	for _, w := range []string{"的规定", "规定"} {
		if hasPrefixAt(s, g, w) {
			if r, _ := at(s, skipHSpace(s, g+len(w))); isColon(r) {
				g = skipHSpace(s, g+len(w))
			}
			break
		}
	}
	// Stray symbols before the colon (第2、29条🍩：) do not hide the quote.
	c := g
	for c < len(s) {
		r, sz := at(s, c)
		if !isStray(r) && !isHSpace(r) {
			break
		}
		c += sz
	}
	if r, _ := at(s, c); isColon(r) {
		g = c
	}
	switch r, sz := at(s, g); {
	case isColon(r):
		h.kind = quoteColon
		h.quoteAt = g + sz
	case r == '“' && g == f && len(h.c.Articles) > 0 && h.c.ArticleSpan.End == j && f > j && termOpensText(s, g):
		// 第二十七条 “万国邮政联盟”发行的…: a term in quotation marks
		// opening the article's text, not a quote in marks.
		h.kind = quoteColon
		h.quoteAt = f
	case r == '“' && g == f:
		h.kind = quoteMarks
		h.quoteAt = g
	case len(h.c.Articles) > 0 && h.c.ArticleSpan.End == j && g == f && quoteFollows(s, j, f):
		// 第十条 申请从事…, 第十条　申请…, 第十条申请…: the article's text
		// after a space or straight after the list, as a colon would
		// introduce it. A paraphrase read so is told by its low
		// similarity to the article, not compared.
		h.kind = quoteColon
		h.quoteAt = f
		h.joined = f == j
	}
	return h
}

// joinWords continue a sentence after an article list written without a
// separator (第十条规定, 第十条的, 第十条和第十二条, 第十条处罚): the
// running text of a basis, not the article's own.
var joinWords = []string{"规定", "的", "之", "和", "及", "或", "与", "、", "等", "所", "款", "项", "至", "到", "以下", "以上",
	"第", "《", "有关", "相关", "执行", "进行处罚", "实施", "予以", "给予处罚", "处罚", "办理", "要求", "精神", "内容", "条款", "列",
	"号", "起", "明确", "设定", "授权", "赋予", "已", "并", "也", "作", "是", "这", "那", "即"}

// citesHere reports whether the 《…》 at i starts a citation: a statute's
// title, or any title followed by an article list or a note.
func citesHere(s string, i int) bool {
	close := strings.IndexAny(s[i:], "》〉")
	if close < 0 {
		return true
	}
	title := s[i+len("《") : i+close]
	if endsWithAny(title, titleSuffixes) {
		return true
	}
	k := skipHSpace(s, i+close+len("》"))
	r, _ := at(s, k)
	return hasPrefixAt(s, k, "第") || isOpenParen(r)
}

// quoteFollows reports whether the article list ending at j is followed
// (after the horizontal space up to f) by the article's text on the same
// line: a Han character or an item's （一）, not another citation, a
// number list or a joining word.
func quoteFollows(s string, j, f int) bool {
	if atLineEnd(s, j) {
		return false
	}
	r, _ := at(s, f)
	if e := enumAt(s, f); e > f {
		return false // 1.《…》第三条 2.《…》
	}
	switch {
	case (r == '《' || r == '〈') && f > j && !citesHere(s, f):
		return true // 第六十四条 《商标注册证》遗失…: a document the article names
	case hasPrefixAt(s, f, "第") && f > j && mentionAt(s, f):
		return true // 第十二条　第十条规定的兽药…
	case r == '《' || r == '〈' || hasPrefixAt(s, f, "第"):
		return false
	case f > j:
		// 第七十二条 的规定: running text with a stray space. But a label
		// set off as statutes print it (a full-width space, or two) before
		// a sentence that starts with 规定 (第八条　规定本市行政区域…的
		// 地方性法规，应当由…) is the article's text.
		if startsWithAny(s[f:], []string{"的规定", "规定", "之规定", "的有关规定"}) {
			gap := s[j:f]
			r, _ := at(s, f+len("规定"))
			return (strings.Contains(gap, "\u3000") || strings.Count(gap, " ") >= 2) && hasPrefixAt(s, f, "规定") &&
				isHan(r) && !strings.ContainsRune("的处执办给予进要和及", r)
		}
		return isHan(r) || isOpenParen(r) || r == '“' || captionAt(s, f) || digitsThenHan(s, f)
	default:
		return isHan(r) && !startsWithAny(s[f:], joinWords)
	}
}

// isLabelList reports whether an article list is a single plain article
// followed by '：' or a space, as a label opening a quoted article is.
func isLabelList(s string, l articleList) bool {
	if len(l.arts) != 1 || l.missing {
		return false
	}
	a := l.arts[0]
	if a.Paragraph != 0 || a.Item != 0 {
		return false
	}
	r, _ := at(s, l.span.End)
	return isLabelSep(r)
}

func isLabelSep(r rune) bool { return isColon(r) || r == '\u3000' || r == ' ' || r == '\t' }

// enumAt returns the end of an enumeration number (1. 2、 ３．) at i, or i.
func enumAt(s string, i int) int {
	j, n := i, 0
	for n < 3 {
		r, sz := at(s, j)
		if !(r >= '0' && r <= '9' || r >= '０' && r <= '９') {
			break
		}
		j += sz
		n++
	}
	if n == 0 {
		return i
	}
	if r, sz := at(s, j); strings.ContainsRune(".．、", r) {
		return j + sz
	}
	return i
}

// enumBefore returns the start of an enumeration marker (1. 2、 （3） 一、)
// ending at j, or -1.
func enumBefore(s string, j int) int {
	r, n := before(s, j)
	if n == 0 || !strings.ContainsRune(".．、)）", r) {
		return -1
	}
	k := j - n
	d, cnt := k, 0
	for cnt < 3 {
		r2, n2 := before(s, d)
		if n2 == 0 || !isNumeral(r2) {
			break
		}
		d -= n2
		cnt++
	}
	if cnt == 0 {
		return -1
	}
	if isCloseParen(r) {
		if r2, n2 := before(s, d); isOpenParen(r2) {
			return d - n2
		}
		return -1
	}
	return d
}

// note is a parsed note after a title.
type note struct {
	text     string
	span     Span // the note's content, without its parentheses
	end      int  // after the closing parenthesis
	problems []Problem
}

// docNoRe matches a document number with its year in brackets:
// 医保办发〔2018〕22号, also when written wrongly (【2018】, [2018], a
// line break or a space inside) so that the mistake can be reported.
var docNoRe = regexp.MustCompile(`(\p{Han}*)([〔【\[［（(﹝〖])[\s\x{3000}\x{a0}\v]*([0-9０-９]{4})[\s\x{3000}\x{a0}\v]*([〕】\]］）)﹞〗])[\s\x{3000}\x{a0}\v]*([0-9０-９]+)[\s\x{3000}\x{a0}\v]*号`)

// orderNoRe matches an order number: 国务院令第735号, also with spaces.
var orderNoRe = regexp.MustCompile(`第([\s\x{3000}\x{a0}\v]*)([0-9０-９]+)([\s\x{3000}\x{a0}\v]*)号`)

// bareNoteRe matches a document number written right after a title without
// parentheses.
var bareNoteRe = regexp.MustCompile(`^\p{Han}{1,20}(?:〔[0-9０-９]{4}〕[0-9０-９]+号|令第[0-9０-９]+号)`)

// parseNote reads the note after a title ending at i: （国务院令第735号）,
// (医保办发〔2018〕\n22 号), （…通过，根据…修正）; also 湘（医保发〔2019〕23 号）
// (the issuer's prefix wrongly outside), after 的通知, and a bare document
// number 国务院令第735号.
func parseNote(s string, i int) (note, bool) {
	j := i
	if hasPrefixAt(s, j, "的通知") {
		j += len("的通知")
	}
	j = skipHSpace(s, j)
	// 湘（医保发〔2019〕23 号）: a short issuer prefix outside the parentheses.
	k, n := j, 0
	for n < maxIssuerRunes {
		r, sz := at(s, k)
		if !isHan(r) || r == '第' {
			break
		}
		k += sz
		n++
	}
	if r, _ := at(s, k); n > 0 && isOpenParen(r) {
		if nt, ok := parenNote(s, k); ok {
			if m := docNoRe.FindStringSubmatchIndex(nt.text); m != nil && m[0] == 0 {
				prefix := s[j:k]
				fixed := prefix + fixDocNo(nt.text[m[0]:m[1]], docNoRe)
				nt.problems = append([]Problem{{
					Code:    CodeBadDocNoBrackets,
					Span:    Span{j, nt.end},
					Message: fmt.Sprintf("文号“%s”的发文机关代字被括号隔开，应为“%s”。", visible(s[j:nt.end]), fixed),
				}}, nt.problems...)
				return nt, true
			}
		}
	}
	if r, _ := at(s, j); isOpenParen(r) && j == skipHSpace(s, i) {
		return parenNote(s, j)
	}
	if m := bareNoteRe.FindStringIndex(s[j:]); m != nil && j == i {
		nt := note{text: s[j : j+m[1]], span: Span{j, j + m[1]}, end: j + m[1]}
		nt.problems = docNoProblems(s, nt.span)
		return nt, true
	}
	return note{}, false
}

// parenNote reads a parenthesised note at i.
func parenNote(s string, i int) (note, bool) {
	_, osz := at(s, i)
	cs := i + osz
	depth, runes := 1, 0
	for j := cs; j < len(s) && runes < maxNoteRunes; {
		r, sz := at(s, j)
		switch {
		case isOpenParen(r):
			depth++
		case isCloseParen(r):
			depth--
			if depth == 0 {
				content := s[cs:j]
				if countBreaks(content) > maxNoteBreaks {
					return note{}, false
				}
				a, b := trimSpan(s, cs, j)
				if a == b || isNumeralOnly(s[a:b]) {
					return note{}, false
				}
				nt := note{text: unwrap(s[a:b]), span: Span{a, b}, end: j + sz}
				nt.problems = docNoProblems(s, nt.span)
				return nt, true
			}
		case isColon(r):
			return note{}, false
		case strings.ContainsRune("《》〈〉", r):
			// A title inside the parentheses belongs to a version
			// history (根据…《关于修改〈…〉等五部法律的决定》修正); anything else
			// with a title in it is no note.
			if !historyNote(s, cs, maxNoteRunes) {
				return note{}, false
			}
		}
		runes++
		j += sz
	}
	return note{}, false
}

// historyNote says whether the parenthesised text running on from j (at
// most n runes, to its closing parenthesis at depth 0) reads as a version
// history: it names an amendment (修正, 修订) or adoption (通过, 公布).
func historyNote(s string, j, n int) bool {
	depth := 1
	for k := j; k < len(s) && n > 0; n-- {
		r, sz := at(s, k)
		switch {
		case isOpenParen(r):
			depth++
		case isCloseParen(r):
			if depth--; depth == 0 {
				tail := s[j:k]
				for _, w := range []string{"修正", "修订", "修改", "通过", "公布"} {
					if strings.Contains(tail, w) {
						return true
					}
				}
				return false
			}
		case isColon(r):
			return false
		}
		k += sz
	}
	return false
}

func isNumeralOnly(s string) bool {
	for _, r := range s {
		if !isNumeral(r) {
			return false
		}
	}
	return true
}

// docNoProblems reports document numbers inside sp that are broken by a
// line break or a space, or whose year is not in 〔〕.
func docNoProblems(s string, sp Span) []Problem {
	var ps []Problem
	text := s[sp.Start:sp.End]
	for _, m := range docNoRe.FindAllStringSubmatchIndex(text, -1) {
		raw := text[m[0]:m[1]]
		fixed := fixDocNo(raw, docNoRe)
		at := Span{sp.Start + m[4], sp.Start + m[1]}
		if strings.ContainsFunc(text[m[4]:m[1]], isSpace) {
			ps = append(ps, Problem{
				Code:    CodeBrokenDocNo,
				Span:    at,
				Message: fmt.Sprintf("文号“%s”被换行或空格断开，应为“%s”。", visible(raw), fixed),
			})
		}
		if text[m[4]:m[5]] != "〔" || text[m[8]:m[9]] != "〕" {
			ps = append(ps, Problem{
				Code:    CodeBadDocNoBrackets,
				Span:    Span{sp.Start + m[4], sp.Start + m[9]},
				Message: fmt.Sprintf("文号“%s”的年份应使用六角括号〔〕，应为“%s”。", visible(raw), fixed),
			})
		}
	}
	for _, m := range orderNoRe.FindAllStringSubmatchIndex(text, -1) {
		if m[3] > m[2] || m[7] > m[6] {
			ps = append(ps, Problem{
				Code:    CodeBrokenDocNo,
				Span:    Span{sp.Start + m[0], sp.Start + m[1]},
				Message: fmt.Sprintf("文号“%s”被换行或空格断开，应为“第%s号”。", visible(text[m[0]:m[1]]), text[m[4]:m[5]]),
			})
		}
	}
	return ps
}

// fixDocNo rewrites a matched document number in its standard form:
// 医保办发〔2018〕22号.
func fixDocNo(raw string, re *regexp.Regexp) string {
	m := re.FindStringSubmatch(raw)
	if m == nil {
		return raw
	}
	return m[1] + "〔" + m[3] + "〕" + m[5] + "号"
}

// captionAt reports whether an article caption in 【】 starts at i (第七十二条
// 【信息公开】除涉及…, as some rules print each article's subject), not a
// level tag (【部门规章】《…》) starting the next citation.
func captionAt(s string, i int) bool {
	for _, br := range [][2]string{{"【", "】"}, {"[", "]"}, {"［", "］"}} {
		if !hasPrefixAt(s, i, br[0]) {
			continue
		}
		e := strings.Index(s[i:], br[1])
		if e < 0 {
			return false
		}
		w := s[i+len(br[0]) : i+e]
		return w != "" && !isLevelWord(w) && !strings.ContainsAny(w, "\n《》") && isHan(firstRune(w))
	}
	return false
}

func firstRune(s string) rune {
	r, _ := at(s, 0)
	return r
}

// mentionAt reports whether the article's text after a label starts with a
// reference to another article (第十二条　第十条规定的兽药…): a label
// followed by 规定 or 的, which no article list continues with.
func mentionAt(s string, i int) bool {
	l, ok := parseArticles(s, i)
	if !ok {
		// 第二审人民法院…, 第三人…: a word, not a label.
		k := i + len("第")
		for k < len(s) {
			r, sz := at(s, k)
			if !isNumeral(r) {
				break
			}
			k += sz
		}
		r, _ := at(s, k)
		return isHan(r) && !strings.ContainsRune("条款项目章节编部", r)
	}
	return startsWithAny(s[l.span.End:], []string{"规定", "的"})
}

// digitsThenHan reports whether a number starting a sentence begins at i
// (第二条  12345政务服务便民热线…): digits, then a Han character.
func digitsThenHan(s string, i int) bool {
	j := i
	for j < len(s) && s[j] >= '0' && s[j] <= '9' {
		j++
	}
	if j == i {
		return false
	}
	r, _ := at(s, j)
	return isHan(r)
}

// termOpensText reports whether the “…” at i is a term the sentence goes on
// after (“万国邮政联盟”发行的国际回信券…): its closing mark is followed by
// a Han character that does not join running text (的规定, 规定).
func termOpensText(s string, i int) bool {
	e := closingMark(s, i+len("“"))
	if e < 0 {
		return false
	}
	k := e + len("”")
	r, _ := at(s, k)
	return isHan(r) && !startsWithAny(s[k:], []string{"的规定", "规定", "之规定", "的有关规定"})
}
