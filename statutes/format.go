package statutes

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// The corpus format: one UTF-8 text file per statute version.
//
//	citelint-statute 1
//	id: 社会保险法
//	title: 中华人民共和国社会保险法
//	short: 社会保险法
//	alias: …                   (repeatable)
//	kind: 法律
//	category: 社会法
//	province: 浙江             (optional: local regulations and rules)
//	issuer: 全国人民代表大会常务委员会
//	docno: 国务院令第735号     (repeatable)
//	event: 2010-10-28 通过 | 2010年10月28日 第十一届…会议通过   (repeatable; "-" for an undated event)
//	note: …                    (repeatable; header lines that are no event)
//	repealed: 2023-01-01       (optional)
//	replaced-by: …             (optional)
//	verified: true
//	source: …                  (where the statute's facts come from)
//	version: 2018-12-29
//	effective: 2018-12-29      (optional: unknown when absent)
//	until: 2023-01-01          (optional, exclusive)
//	text: full | partial | none
//	derived: true              (optional)
//	version-verified: true
//	version-source: …
//	articles: 98
//
//	## 第一章 总则               headings: structure, never text
//	第一条 为了规范……          an article: its label, one space, its first paragraph
//	个人依法享受……              a further paragraph (款)
//	  （一）询问……             an item (项): two spaces
//	    1．……                  a sub-item (目): four spaces
//	\第一百二十三条 ……        a backslash: a paragraph (or outside text) that
//	                           would otherwise read as an article label
//
// The header ends at the first empty line. A line that is not inside an
// article (before the first article, or after a heading and before the
// next article) is text outside the articles (Version.Body). Blank lines
// in the body are ignored.

const formatMagic = "citelint-statute 1"

// dateLayout is how the corpus writes dates.
const dateLayout = "2006-01-02"

// ParseError is a malformed corpus file: the file and 1-based line.
type ParseError struct {
	File string
	Line int
	Msg  string
}

func (e *ParseError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// FormatHeader writes the header of one version of s in the corpus
// format, up to and including the empty line that ends it. The output
// depends only on its input, so re-running an importer changes no byte.
func FormatHeader(s *Statute, v *Version) ([]byte, error) {
	var b bytes.Buffer
	var err error
	kv := func(k, val string) {
		if err != nil {
			return
		}
		if strings.ContainsAny(val, "\r\n") {
			err = fmt.Errorf("statute %s: %s value has a line break: %q", s.ID, k, val)
			return
		}
		b.WriteString(k)
		b.WriteString(": ")
		b.WriteString(val)
		b.WriteByte('\n')
	}
	b.WriteString(formatMagic + "\n")
	kv("id", s.ID)
	kv("title", s.Title)
	kv("short", s.Short)
	for _, a := range s.Aliases {
		kv("alias", a)
	}
	kv("kind", string(s.Kind))
	if s.Category != "" {
		kv("category", s.Category)
	}
	if s.Province != "" {
		kv("province", s.Province)
	}
	if s.Issuer != "" {
		kv("issuer", s.Issuer)
	}
	for _, d := range s.DocNumbers {
		kv("docno", d)
	}
	for _, e := range s.Events {
		kv("event", formatDate(e.Date)+" "+e.Kind+" | "+e.Text)
	}
	for _, n := range s.Notes {
		kv("note", n)
	}
	if !s.RepealedOn.IsZero() {
		kv("repealed", formatDate(s.RepealedOn))
	}
	if s.ReplacedBy != "" {
		kv("replaced-by", s.ReplacedBy)
	}
	kv("verified", strconv.FormatBool(s.Verified))
	if s.Source != "" {
		kv("source", s.Source)
	}
	kv("version", v.Label)
	if !v.Effective.IsZero() {
		kv("effective", formatDate(v.Effective))
	}
	if !v.Until.IsZero() {
		kv("until", formatDate(v.Until))
	}
	kv("text", string(v.Text))
	if v.Derived {
		kv("derived", "true")
	}
	kv("version-verified", strconv.FormatBool(v.Verified))
	if v.Source != "" {
		kv("version-source", v.Source)
	}
	kv("articles", strconv.Itoa(v.NumArticles))
	if err != nil {
		return nil, err
	}
	b.WriteByte('\n')
	return b.Bytes(), nil
}

// FormatArticles writes articles in the corpus body format (no headings,
// no text outside articles): what a hand-written partial version holds.
func FormatArticles(arts []*Article) string {
	var b strings.Builder
	for _, a := range arts {
		for j, p := range a.Paragraphs {
			if j == 0 {
				b.WriteString(a.Label + " ")
			} else if isArticleLine(p.Text) || strings.HasPrefix(p.Text, `\`) {
				b.WriteByte('\\')
			}
			b.WriteString(p.Text + "\n")
			for _, it := range p.Items {
				b.WriteString("  " + it.Text + "\n")
				for _, sub := range it.Subs {
					b.WriteString("    " + sub + "\n")
				}
			}
		}
	}
	return b.String()
}

func formatDate(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return t.Format(dateLayout)
}

func parseDate(s string) (time.Time, error) {
	if s == "-" {
		return time.Time{}, nil
	}
	// The manifest holds some 5,000 dates: read YYYY-MM-DD directly and
	// leave anything else (and its error) to time.Parse.
	if len(s) == 10 && s[4] == '-' && s[7] == '-' {
		y, ok1 := digits(s[:4])
		m, ok2 := digits(s[5:7])
		d, ok3 := digits(s[8:])
		if ok1 && ok2 && ok3 && m >= 1 && m <= 12 && d >= 1 && d <= 28 {
			return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC), nil
		}
	}
	return time.Parse(dateLayout, s)
}

func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, true
}

// chapterSep joins nested headings in Article.Chapter.
const chapterSep = " / "

// isArticleLine reports whether a body line starts an article: 第…条 or
// 第…条之…, then a space.
func isArticleLine(l string) bool {
	_, _, _, _, ok := splitArticleLine(l)
	return ok
}

// splitArticleLine splits "第十条之一 text" into label, number, suffix and
// text. It looks no further than the label: every body line passes here.
func splitArticleLine(l string) (label string, num, suffix int, rest string, ok bool) {
	if !strings.HasPrefix(l, "第") {
		return "", 0, 0, "", false
	}
	// The label is at most 第 + a number + 条 + 之 + a number: look for
	// the space within its first runes only.
	sp := -1
	for i, r := range l {
		if r == ' ' || r == '　' {
			sp = i
			break
		}
		if i > 60 {
			return "", 0, 0, "", false
		}
	}
	if sp < 0 {
		return "", 0, 0, "", false
	}
	label = l[:sp]
	num, suffix, ok = parseStrictLabel(label)
	if !ok {
		return "", 0, 0, "", false
	}
	_, size := utf8.DecodeRuneInString(l[sp:])
	return label, num, suffix, trimLine(l[sp+size:]), true
}

// parseStrictLabel reads exactly 第N条 or 第N条之M.
func parseStrictLabel(label string) (num, suffix int, ok bool) {
	s, found := strings.CutPrefix(label, "第")
	if !found {
		return 0, 0, false
	}
	n, after, found := strings.Cut(s, "条")
	if !found {
		return 0, 0, false
	}
	num, err := ParseNumber(n)
	if err != nil || num == 0 {
		return 0, 0, false
	}
	if after == "" {
		return num, 0, true
	}
	m, found := strings.CutPrefix(after, "之")
	if !found {
		return 0, 0, false
	}
	suffix, err = ParseNumber(m)
	if err != nil || suffix == 0 {
		return 0, 0, false
	}
	return num, suffix, true
}
