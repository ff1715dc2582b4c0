package importer

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/citelint/citelint/statutes"
)

// srcFile is one parsed source file (one statute version, or one part of
// a code split into parts).
type srcFile struct {
	path     string        // relative to the source root, slash-separated
	category string        // first directory: 社会法, 行政法规, 部门规章 ...
	dept     string        // for 部门规章: the department directory
	province string        // for 地方性法规: the province directory
	kind     statutes.Kind // set by the reader when the category does not say
	stem     string        // file name without the date and extension
	date     string        // the date in the file name, "" when none
	title    string
	part     string // part title for codes split into parts (民法典)
	events   []statutes.Event
	docnos   []string
	notes    []string
	body     []string // lines in the corpus body format
	articles []srcArticle
	lines    int          // text lines in the body (paragraphs, items, sub-items, outside text), after splitting run-on lines
	chars    int          // non-space characters of the body's text (everything but headings)
	width    widthCounts  // ASCII marks written full-width (see width.go)
	debris   debrisCounts // transcription debris removed (see debris.go)
	prov     provenance
	// enforcement is true for a file of the second source
	// (statutes-src-enforcement), which yields to the first.
	enforcement bool
	key         string // textKey, computed once
	provText    string // the second source's provenance line
}

type srcArticle struct {
	line   int
	num    int
	suffix int
	label  string
	text   string
}

// srcError is a malformed source file.
type srcError struct {
	file string
	line int
	msg  string
}

func (e *srcError) Error() string { return fmt.Sprintf("%s:%d: %s", e.file, e.line, e.msg) }

var (
	fileDateRe    = regexp.MustCompile(`^(.*)\((\d{4}-\d{2}-\d{2})\)$`)
	eventDateRe   = regexp.MustCompile(`^[（(]?(\d{4})年(\d{1,2})月(\d{1,2})日\s*(.*)$`)
	cnDateRe      = regexp.MustCompile(`^([一二三四五六七八九〇○零]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日$`)
	articleRe     = regexp.MustCompile(`^(第[一二三四五六七八九十百千零〇0-9]+条(?:之[一二三四五六七八九十]+)?)[ 　]+(.*)$`)
	articleBareRe = regexp.MustCompile(`^第[一二三四五六七八九十百千零〇0-9]+条(?:之[一二三四五六七八九十]+)?$`)
	itemRe        = regexp.MustCompile(`^[（(][一二三四五六七八九十百]+[）)]`)
	subRe         = regexp.MustCompile(`^(?:[0-9０-９]+[．.、]|[（(][0-9０-９]+[）)])`)
	plainHeadRe   = regexp.MustCompile(`^(?:第[一二三四五六七八九十百零]+(?:编|分编|章|节|部分)(?:[ 　]+[^，。；：、]{1,30})?|附[ 　]*则|总[ 　]*则)$`)
	docnoRe       = regexp.MustCompile(`(令|公告)(?:\d{4}年)?第([0-9一二三四五六七八九十百零〇]+)号`)
	fileNoRe      = regexp.MustCompile(`^[\p{Han}]+[〔\[［【]\d{4}[〕\]］】]\d+号$`)
	fileNoAnyRe   = regexp.MustCompile(`[\p{Han}]{1,10}[〔\[［【]\d{4}[〕\]］】]\d+号`)
	effectiveRe   = regexp.MustCompile(`自(\d{4})年(\d{1,2})月(\d{1,2})日起施行`)
	docnoEndRe    = regexp.MustCompile(`令第[0-9一二三四五六七八九十百零〇]+号$`)
	dateOnlyRe    = regexp.MustCompile(`^[（(]?\d{4}年\d{1,2}月\d{1,2}日[）)]?$`)
	sameDayRe     = regexp.MustCompile(`^(?:自)?(?:发布|公布)之日(?:起)?施行$`)
	spaceRunRe    = regexp.MustCompile(`[ 　]+`)
	kindSuffixes  = []struct{ suffix, kind string }{
		{"修正", "修正"}, {"修订", "修订"}, {"通过", "通过"}, {"公布", "公布"}, {"发布", "发布"},
		{"施行", "施行"}, {"实施", "施行"}, {"执行", "施行"}, {"生效", "施行"}, {"批准", "批准"},
		{"废止", "废止"}, {"印发", "发布"}, {"修改", "修正"}, {"公告", "公布"},
	}
)

func mkdate(y, m, d int) (time.Time, bool) {
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	return t, t.Year() == y && int(t.Month()) == m && t.Day() == d
}

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }

// readSource parses one source file; rel is its path under the root.
func readSource(root, rel string) (*srcFile, error) {
	raw, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(rel)))
	if err != nil {
		return nil, fmt.Errorf("read source %s: %w", rel, err)
	}
	if !utf8.Valid(raw) {
		return nil, &srcError{rel, 1, "not valid UTF-8"}
	}
	f := &srcFile{path: rel}
	parts := strings.Split(rel, "/")
	f.category = parts[0]
	if len(parts) > 2 {
		f.dept = parts[1]
		if f.category == "地方性法规" {
			f.province = parts[1]
		}
	}
	name := strings.TrimSuffix(parts[len(parts)-1], ".md")
	if m := fileDateRe.FindStringSubmatch(name); m != nil {
		f.stem, f.date = m[1], m[2]
		if _, err := time.Parse("2006-01-02", f.date); err != nil {
			return nil, &srcError{rel, 0, "bad date in file name"}
		}
	} else {
		f.stem = name
	}
	lines := strings.Split(strings.ReplaceAll(string(raw), "\r\n", "\n"), "\n")
	bad := func(i int, format string, args ...any) error {
		return &srcError{rel, i + 1, fmt.Sprintf(format, args...)}
	}
	if len(lines) == 0 || !strings.HasPrefix(lines[0], "# ") || strings.TrimSpace(lines[0][2:]) == "" {
		return nil, bad(0, "first line must be '# <title>'")
	}
	f.title = strings.TrimSpace(strings.TrimPrefix(lines[0], "\ufeff")[2:])
	end := headerEnd(lines)
	if end < 0 {
		return nil, bad(len(lines)-1, "no '<!-- INFO END -->' line ending the header")
	}
	if err := f.parseHeader(lines[1:end], 1, bad); err != nil {
		return nil, err
	}
	if err := f.parseProvenance(lines, bad); err != nil {
		return nil, err
	}
	return f, f.finishBody(lines[end+1:], end+1, bad)
}

// headerEnd is the index of the line ending a source header: <!-- INFO
// END --> (or <!-- LEGAL_HEADER_END --> in the later additions); -1 when
// there is none.
func headerEnd(lines []string) int {
	for i, l := range lines {
		switch strings.TrimSpace(l) {
		case "<!-- INFO END -->", "<!-- LEGAL_HEADER_END -->":
			return i
		}
	}
	return -1
}

// provenance is what a source file's provenance comments say about its
// version (<!-- SOURCE: … -->, STATUS, EFFECTIVE_FROM, VALID_TO).
type provenance struct {
	source    string
	status    string // 有效, 已废止, 尚未生效 ...
	effective time.Time
	validTo   time.Time
	basis     string // EFFECTIVE_FROM_BASIS: how the source found the date
	line      int    // 1-based line of EFFECTIVE_FROM, for messages
}

var provRe = regexp.MustCompile(`^<!--\s*([A-Z][A-Z_]*)\s*:\s*(.*?)\s*-->$`)

// parseProvenance reads the provenance comments anywhere in the file.
// Other comments (<!-- TABLE -->, <!-- FORCE BREAK -->) carry no colon and
// are layout hints the body parser skips.
func (f *srcFile) parseProvenance(lines []string, bad func(int, string, ...any) error) error {
	for i, raw := range lines {
		m := provRe.FindStringSubmatch(strings.TrimSpace(raw))
		if m == nil {
			continue
		}
		key, val := m[1], m[2]
		date := func() (time.Time, error) {
			t, err := time.Parse("2006-01-02", val)
			if err != nil {
				return t, bad(i, "%s: bad date %q", key, val)
			}
			return t, nil
		}
		var err error
		switch key {
		case "SOURCE":
			f.prov.source = val
		case "STATUS":
			switch val {
			case string(statutes.StatusInForce), string(statutes.StatusRepealed), string(statutes.StatusPending):
				f.prov.status = val
			default:
				return bad(i, "STATUS: unknown status %q (有效, 已废止, 尚未生效)", val)
			}
		case "EFFECTIVE_FROM":
			f.prov.effective, err = date()
			f.prov.line = i + 1
		case "VALID_TO":
			f.prov.validTo, err = date()
		case "EFFECTIVE_FROM_BASIS":
			f.prov.basis = val
		default:
			return bad(i, "unknown provenance comment %s", key)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// finishBody removes the body's transcription debris, writes its ASCII
// punctuation full-width and parses it;
// offset is the 0-based line of body[0] in the file.
func (f *srcFile) finishBody(body []string, offset int, bad func(int, string, ...any) error) error {
	for i, l := range body {
		if strings.HasPrefix(strings.TrimSpace(l), "<!--") {
			continue
		}
		l, d := cleanDebris(l)
		f.debris.add(d)
		var n widthCounts
		body[i], n = fullWidth(l)
		f.width.add(n)
	}
	if f.debris.total() > 0 {
		f.notes = append(f.notes, debrisNote(f.debris))
	}
	return f.parseBody(body, offset, bad)
}

func (f *srcFile) parseHeader(lines []string, offset int, bad func(int, string, ...any) error) error {
	titleKey := strings.Join(strings.Fields(f.title), "")
	var frag string // title repeated over several lines
	var last *statutes.Event
	pendingKind := false
	evLine := map[int]int{} // event index → line
	for k, raw := range lines {
		i := k + offset
		l := strings.TrimSpace(strings.Trim(raw, "\u200b\ufeff"))
		if l == "" {
			continue
		}
		// Full-width digits (２０１２年) read as ASCII in the header.
		l = foldDigits(l)
		if strings.HasPrefix(l, "# ") {
			if len(f.events) > 0 || f.part != "" {
				return bad(i, "part title after the events")
			}
			f.part = strings.TrimSpace(l[2:])
			continue
		}
		if m := eventDateRe.FindStringSubmatch(l); m != nil {
			d, ok := mkdate(atoi(m[1]), atoi(m[2]), atoi(m[3]))
			if !ok {
				return bad(i, "bad date %q", l)
			}
			text := l
			if strings.HasPrefix(l, "（") || strings.HasPrefix(l, "(") {
				text = strings.TrimRight(strings.TrimLeft(l, "（("), "）)")
			}
			f.events = append(f.events, statutes.Event{Date: d, Text: text})
			evLine[len(f.events)-1] = i
			last = &f.events[len(f.events)-1]
			pendingKind = !f.setKind(last)
			frag = ""
			continue
		}
		if strings.HasPrefix(titleKey, frag+l) {
			frag += l
			if frag == titleKey {
				frag = ""
			}
			continue
		}
		if m := cnDateRe.FindStringSubmatch(l); m != nil {
			y, _ := statutes.ParseNumber(m[1])
			mo, _ := statutes.ParseNumber(m[2])
			da, _ := statutes.ParseNumber(m[3])
			d, ok := mkdate(y, mo, da)
			if !ok {
				return bad(i, "bad date %q", l)
			}
			f.events = append(f.events, statutes.Event{Date: d, Kind: "发布", Text: l})
			last, pendingKind = &f.events[len(f.events)-1], false
			continue
		}
		if fileNoRe.MatchString(l) {
			f.docnos = append(f.docnos, normDocno(l))
			continue
		}
		if sameDayRe.MatchString(l) && last != nil {
			f.events = append(f.events, statutes.Event{Date: last.Date, Kind: "施行", Text: l})
			last, pendingKind = &f.events[len(f.events)-1], false
			continue
		}
		if last != nil && (unbalanced(last.Text) || pendingKind) {
			sep := "、"
			if unbalanced(last.Text) {
				sep = ""
			}
			last.Text += sep + l
			pendingKind = !f.setKind(last)
			continue
		}
		if last != nil && hasKindSuffix(l) {
			// An undated event after a dated one: 文化部、海关总署发布.
			f.events = append(f.events, statutes.Event{Text: l})
			evLine[len(f.events)-1] = i
			last = &f.events[len(f.events)-1]
			pendingKind = !f.setKind(last)
			continue
		}
		if last != nil && len(f.events) > 0 && last.Date.IsZero() && !hasKindSuffix(last.Text) {
			last.Text += "、" + l
			pendingKind = !f.setKind(last)
			continue
		}
		f.notes = append(f.notes, l)
	}
	if frag != "" {
		f.notes = append(f.notes, frag)
	}
	for i := range f.events {
		e := &f.events[i]
		if e.Kind == "" && i == 0 && !e.Date.IsZero() && strings.Contains(e.Text, "全国人民代表大会") && regexp.MustCompile(`第[一二三四五六七八九十]+次(会议)?$`).MatchString(e.Text) {
			// A truncated adoption line (…第二次): the first event of a
			// law is its adoption. Say so.
			e.Kind = "通过"
			f.notes = append(f.notes, "首条事件原文截断，事件类型推定为“通过”："+e.Text)
			continue
		}
		if e.Kind == "" && dateOnlyRe.MatchString(e.Text) {
			// A bare date heading a regulation is when it was issued.
			e.Kind = "发布"
			f.notes = append(f.notes, "事件仅有日期，事件类型推定为“发布”："+e.Text)
			continue
		}
		if k := lastKindWord(e.Text); e.Kind == "" && k != "" && !e.Date.IsZero() {
			// The kind stands inside the text, not at its end (…的决定修正》).
			e.Kind = k
			f.notes = append(f.notes, "事件类型据文中“"+k+"”推定："+e.Text)
			continue
		}
		if f.events[i].Kind == "" {
			return bad(evLine[i], "event without a kind (通过, 公布, 修正 ...): %q", f.events[i].Text)
		}
	}
	var evs []statutes.Event
	for _, e := range f.events {
		f.docnos = append(f.docnos, findDocnos(e.Text)...)
		if e.Kind == "公布施行" {
			// 公布施行: published and in force the same day.
			kind := "公布"
			if strings.Contains(e.Text, "发布施行") {
				kind = "发布"
			}
			evs = append(evs, statutes.Event{Date: e.Date, Kind: kind, Text: e.Text},
				statutes.Event{Date: e.Date, Kind: "施行", Text: e.Text})
			continue
		}
		evs = append(evs, e)
	}
	f.events = evs
	return nil
}

// setKind reads the event's kind from how its text ends; false when the
// text names no kind (yet).
func (f *srcFile) setKind(e *statutes.Event) bool {
	t := kindText(e.Text)
	switch {
	case strings.HasSuffix(t, "公布施行"), strings.HasSuffix(t, "发布施行"):
		e.Kind = "公布施行"
		return true
	case strings.HasSuffix(t, "》") && strings.Contains(t, "通过的《"):
		e.Kind = "修正"
		return true
	case docnoEndRe.MatchString(t):
		// 国务院令第692号: published by that order.
		e.Kind = "公布"
		return true
	}
	for _, ks := range kindSuffixes {
		if strings.HasSuffix(t, ks.suffix) {
			e.Kind = ks.kind
			return true
		}
	}
	return false
}

func foldDigits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '０' && r <= '９' {
			return r - '０' + '0'
		}
		return r
	}, s)
}

// kindText is an event's text without what trails its kind: 发布，根据 →
// 发布.
func kindText(t string) string {
	for {
		u := strings.TrimRight(t, " 　。，,；")
		u = strings.TrimSuffix(u, "根据")
		for (strings.HasSuffix(u, "）") && strings.Count(u, "）") > strings.Count(u, "（")) ||
			(strings.HasSuffix(u, ")") && strings.Count(u, ")") > strings.Count(u, "(")) {
			u = strings.TrimSuffix(strings.TrimSuffix(u, "）"), ")")
		}
		if u == t {
			return u
		}
		t = u
	}
}

func hasKindSuffix(t string) bool {
	t = kindText(t)
	for _, ks := range kindSuffixes {
		if strings.HasSuffix(t, ks.suffix) {
			return true
		}
	}
	return false
}

func unbalanced(t string) bool {
	return strings.Count(t, "《") > strings.Count(t, "》") ||
		strings.Count(t, "〈") > strings.Count(t, "〉") ||
		strings.Count(t, "<") > strings.Count(t, ">")
}

// findDocnos finds document numbers in an event: 国务院令第735号,
// 全国人民代表大会公告第八号, 劳部发〔1994〕489号.
func findDocnos(t string) []string {
	var out []string
	for _, loc := range docnoRe.FindAllStringSubmatchIndex(t, -1) {
		// The issuing authority: the run of Han characters before 令/公告,
		// after any date (…日) and without 原 / 中华人民共和国.
		start := loc[0]
		for start > 0 {
			r, size := utf8.DecodeLastRuneInString(t[:start])
			if !unicode.Is(unicode.Han, r) {
				break
			}
			start -= size
		}
		// A joint order names its authorities joined by 、 (国务院、中央
		// 军事委员会令第288号); a 、 after another document number
		// (…令第8号、国家体育运动委员会令第11号) joins two orders instead.
		for strings.HasSuffix(t[:start], "、") {
			j := start - len("、")
			k := j
			for k > 0 {
				r, size := utf8.DecodeLastRuneInString(t[:k])
				if !unicode.Is(unicode.Han, r) {
					break
				}
				k -= size
			}
			part := t[k:j]
			if i := strings.LastIndexAny(part, "日月"); i >= 0 {
				part = part[i+len("日"):]
			}
			if part == "" || strings.HasSuffix(part, "号") {
				break
			}
			start = k
		}
		auth := t[start:loc[0]]
		if i := strings.LastIndexAny(auth, "日月"); i >= 0 {
			auth = auth[i+len("日"):]
		}
		var parts []string
		for _, a := range strings.Split(auth, "、") {
			a = strings.TrimPrefix(a, "原")
			a = strings.TrimPrefix(a, "中华人民共和国")
			if a != "" {
				parts = append(parts, a)
			}
		}
		if len(parts) == 0 {
			continue
		}
		out = append(out, strings.Join(parts, "、")+t[loc[0]:loc[1]])
	}
	for _, m := range fileNoAnyRe.FindAllString(t, -1) {
		out = append(out, normDocno(m))
	}
	return out
}

// normDocno writes the year brackets of a document number as 〔〕.
func normDocno(s string) string {
	return strings.NewReplacer("[", "〔", "]", "〕", "［", "〔", "］", "〕", "【", "〔", "】", "〕").Replace(s)
}

// kindWords are the event kinds lastKindWord looks for inside a text.
var kindWordRe = regexp.MustCompile(`(修正|修订|通过|公布|发布|施行|批准|废止)`)

// lastKindWord is the last event kind named anywhere in t, "" when none.
func lastKindWord(t string) string {
	m := kindWordRe.FindAllString(t, -1)
	if len(m) == 0 {
		return ""
	}
	return m[len(m)-1]
}
