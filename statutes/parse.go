package statutes

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// fileHeader is what the header of one corpus file says.
type fileHeader struct {
	statute *Statute
	version *Version
	// bodyLine is the 1-based line where the body starts; body the text
	// from there.
	bodyLine int
	body     string
}

// parseHeader reads a corpus file's header. name is used in errors.
func parseHeader(name string, data string) (*fileHeader, error) {
	s := &Statute{}
	v := &Version{}
	perr := func(line int, format string, args ...any) error {
		return &ParseError{File: name, Line: line, Msg: sprintf(format, args...)}
	}
	rest := data
	lineNo := 0
	next := func() (string, bool) {
		if rest == "" {
			return "", false
		}
		lineNo++
		l := rest
		if i := strings.IndexByte(rest, '\n'); i >= 0 {
			l, rest = rest[:i], rest[i+1:]
		} else {
			rest = ""
		}
		return strings.TrimSuffix(l, "\r"), true
	}
	first, ok := next()
	first = strings.TrimPrefix(first, "\ufeff")
	if !ok || first != formatMagic {
		return nil, perr(1, "not a citelint statute file (first line must be %q)", formatMagic)
	}
	seen := map[string]bool{}
	numArticles := -1
	for {
		l, ok := next()
		if !ok || strings.TrimSpace(l) == "" {
			break
		}
		k, val, found := strings.Cut(l, ":")
		if !found {
			return nil, perr(lineNo, "header line is not 'key: value': %q", l)
		}
		k = strings.TrimSpace(k)
		val = strings.TrimSpace(val)
		repeatable := k == "alias" || k == "docno" || k == "event" || k == "note"
		if !repeatable && seen[k] {
			return nil, perr(lineNo, "duplicate header key %q", k)
		}
		seen[k] = true
		var err error
		switch k {
		case "id":
			s.ID = val
		case "title":
			s.Title = val
		case "short":
			s.Short = val
		case "alias":
			s.Aliases = append(s.Aliases, val)
		case "kind":
			s.Kind = Kind(val)
		case "category":
			s.Category = val
		case "province":
			s.Province = val
		case "issuer":
			s.Issuer = val
		case "docno":
			s.DocNumbers = append(s.DocNumbers, val)
		case "event":
			var e Event
			e, err = parseEvent(val)
			s.Events = append(s.Events, e)
		case "note":
			s.Notes = append(s.Notes, val)
		case "repealed":
			s.RepealedOn, err = parseDate(val)
		case "replaced-by":
			s.ReplacedBy = val
		case "verified":
			s.Verified, err = strconv.ParseBool(val)
		case "source":
			s.Source = val
		case "version":
			v.Label = val
		case "effective":
			v.Effective, err = parseDate(val)
		case "until":
			v.Until, err = parseDate(val)
		case "text":
			v.Text = TextState(val)
			if v.Text != TextFull && v.Text != TextPartial && v.Text != TextNone {
				return nil, perr(lineNo, "text must be full, partial or none, not %q", val)
			}
		case "derived":
			v.Derived, err = strconv.ParseBool(val)
		case "version-verified":
			v.Verified, err = strconv.ParseBool(val)
		case "version-source":
			v.Source = val
		case "articles":
			numArticles, err = strconv.Atoi(val)
		default:
			return nil, perr(lineNo, "unknown header key %q", k)
		}
		if err != nil {
			return nil, perr(lineNo, "bad %s value %q", k, val)
		}
	}
	for _, k := range []string{"id", "title", "kind", "version", "text"} {
		if !seen[k] {
			return nil, perr(0, "header has no %q", k)
		}
	}
	if !seen["verified"] {
		s.Verified = true
	}
	if !seen["version-verified"] {
		v.Verified = s.Verified
	}
	if s.Short == "" {
		s.Short = shortTitle(s.Title)
	}
	if !v.Until.IsZero() && !v.Effective.IsZero() && v.Until.Before(v.Effective) {
		return nil, perr(0, "version %s: until %s is before effective %s", v.Label, formatDate(v.Until), formatDate(v.Effective))
	}
	v.NumArticles = numArticles
	return &fileHeader{statute: s, version: v, bodyLine: lineNo + 1, body: rest}, nil
}

// headerScan is what a lazy text load needs from a file's header.
type headerScan struct {
	id, label string
	articles  int // -1 when the header gives no count
	bodyLine  int
	body      string
}

// scanHeader reads only the identity and article count from a corpus
// file's header and finds where its body starts; parseHeader reads it all.
func scanHeader(name, data string) (headerScan, error) {
	h := headerScan{articles: -1}
	rest := data
	lineNo := 0
	for {
		if rest == "" {
			break
		}
		lineNo++
		l := rest
		if i := strings.IndexByte(rest, '\n'); i >= 0 {
			l, rest = rest[:i], rest[i+1:]
		} else {
			rest = ""
		}
		l = strings.TrimSuffix(l, "\r")
		if lineNo == 1 {
			if strings.TrimPrefix(l, "\ufeff") != formatMagic {
				return h, &ParseError{File: name, Line: 1, Msg: sprintf("not a citelint statute file (first line must be %q)", formatMagic)}
			}
			continue
		}
		if strings.TrimSpace(l) == "" {
			break
		}
		k, val, _ := strings.Cut(l, ":")
		switch strings.TrimSpace(k) {
		case "id":
			h.id = strings.TrimSpace(val)
		case "version":
			h.label = strings.TrimSpace(val)
		case "articles":
			n, err := strconv.Atoi(strings.TrimSpace(val))
			if err != nil {
				return h, &ParseError{File: name, Line: lineNo, Msg: sprintf("bad articles value %q", val)}
			}
			h.articles = n
		}
	}
	h.bodyLine, h.body = lineNo+1, rest
	return h, nil
}

// parseEvent reads "2010-10-28 通过 | text".
func parseEvent(val string) (Event, error) {
	head, text, _ := strings.Cut(val, "|")
	f := strings.Fields(head)
	if len(f) != 2 {
		return Event{}, errBadEvent
	}
	d, err := parseDate(f[0])
	if err != nil {
		return Event{}, err
	}
	return Event{Date: d, Kind: f[1], Text: strings.TrimSpace(text)}, nil
}

// parseBody reads the body of a corpus file into articles and the text
// outside articles. firstLine is the body's first line number in the file.
func parseBody(name string, body string, firstLine int) ([]*Article, []string, error) {
	return parseBodyHint(name, body, firstLine, 0)
}

// parseBodyHint is parseBody with the expected number of articles (the
// header's count; 0 when unknown). Loading the whole corpus parses some
// 52,000 articles, so it allocates articles, paragraphs and items in
// blocks, shares one backing array for the pointer slices, and scans
// lines without regular expressions. Strings are slices of body.
func parseBodyHint(name string, body string, firstLine, hint int) ([]*Article, []string, error) {
	var (
		arts     = make([]*Article, 0, hint)
		artSlab  = make([]Article, 0, hint)
		paraSlab []Paragraph
		itemSlab []Item
		// paraPtrs and itemPtrs back every Paragraphs and Items slice: an
		// article's paragraphs (a paragraph's items) are contiguous, and
		// each slice is capped, so a caller's append copies.
		paraPtrs  []*Paragraph
		itemPtrs  []*Item
		paraStart int
		itemStart int
		outside   []string
		cur       *Article
		curPara   *Paragraph
		headings  []string
		chapter   string
		chapterOK = true
		maxKey    = [2]int{-1, -1}
	)
	lineNo := firstLine - 1
	perr := func(format string, args ...any) error {
		return &ParseError{File: name, Line: lineNo, Msg: sprintf(format, args...)}
	}
	closeItems := func() {
		if curPara != nil && len(itemPtrs) > itemStart {
			curPara.Items = itemPtrs[itemStart:len(itemPtrs):len(itemPtrs)]
		}
		itemStart = len(itemPtrs)
	}
	closeArticle := func() {
		closeItems()
		if cur != nil {
			cur.Paragraphs = paraPtrs[paraStart:len(paraPtrs):len(paraPtrs)]
		}
		paraStart = len(paraPtrs)
		cur, curPara = nil, nil
	}
	addPara := func(t string) {
		closeItems()
		if len(paraSlab) == cap(paraSlab) {
			paraSlab = make([]Paragraph, 0, blockSize(hint*2))
		}
		paraSlab = paraSlab[:len(paraSlab)+1]
		curPara = &paraSlab[len(paraSlab)-1]
		curPara.Text = t
		paraPtrs = append(paraPtrs, curPara)
	}
	for body != "" {
		lineNo++
		l := body
		if i := strings.IndexByte(body, '\n'); i >= 0 {
			l, body = body[:i], body[i+1:]
		} else {
			body = ""
		}
		if n := len(l); n > 0 && l[n-1] == '\r' {
			l = l[:n-1]
		}
		if isBlank(l) {
			continue
		}
		switch {
		case l[0] == '#':
			level := 0
			for level < len(l) && l[level] == '#' {
				level++
			}
			h := trimLine(l[level:])
			if h == "" {
				return nil, nil, perr("empty heading")
			}
			for len(headings) < level {
				headings = append(headings, "")
			}
			headings = append(headings[:level-1], h)
			chapterOK = false
			closeArticle()
		case strings.HasPrefix(l, "    "):
			t := trimLine(l)
			if cur == nil || curPara == nil {
				return nil, nil, perr("sub-item outside an article: %q", t)
			}
			if len(itemPtrs) == itemStart {
				return nil, nil, perr("sub-item without an item: %q", t)
			}
			it := itemPtrs[len(itemPtrs)-1]
			it.Subs = append(it.Subs, t)
		case strings.HasPrefix(l, "  "):
			t := trimLine(l)
			if l[2] == ' ' {
				return nil, nil, perr("line indented by 3 spaces (items take 2, sub-items 4)")
			}
			if cur == nil {
				return nil, nil, perr("item outside an article: %q", t)
			}
			if len(itemSlab) == cap(itemSlab) {
				itemSlab = make([]Item, 0, blockSize(hint))
			}
			itemSlab = itemSlab[:len(itemSlab)+1]
			it := &itemSlab[len(itemSlab)-1]
			it.Label, it.Num = ItemLabel(t)
			it.Text = t
			itemPtrs = append(itemPtrs, it)
		case l[0] == ' ' || l[0] == '\t':
			return nil, nil, perr("unexpected indentation")
		case l[0] == '\\':
			// An escaped line: text that would read as an article label
			// (an amendment quoting the articles it adds).
			t := trimLine(l[1:])
			if t == "" {
				return nil, nil, perr("empty escaped line")
			}
			if cur == nil {
				outside = append(outside, t)
				continue
			}
			addPara(t)
		default:
			if label, num, suffix, text, ok := splitArticleLine(l); ok {
				// Articles come in order: a label above every earlier one
				// is new; only a label out of order needs the search.
				if key := [2]int{num, suffix}; keyLess(maxKey, key) {
					maxKey = key
				} else {
					for _, a := range arts {
						if a.Num == num && a.Suffix == suffix {
							return nil, nil, perr("%s appears twice", label)
						}
					}
				}
				if text == "" {
					return nil, nil, perr("%s has no text", label)
				}
				closeArticle()
				if !chapterOK {
					chapter, chapterOK = joinHeadings(headings), true
				}
				if len(artSlab) == cap(artSlab) {
					artSlab = make([]Article, 0, blockSize(hint))
				}
				artSlab = artSlab[:len(artSlab)+1]
				cur = &artSlab[len(artSlab)-1]
				cur.Num, cur.Suffix, cur.Label, cur.Chapter = num, suffix, label, chapter
				arts = append(arts, cur)
				addPara(text)
				continue
			}
			t := trimLine(l)
			if cur == nil {
				outside = append(outside, t)
				continue
			}
			addPara(t)
		}
	}
	closeArticle()
	return arts, outside, nil
}

func keyLess(a, b [2]int) bool { return a[0] < b[0] || a[0] == b[0] && a[1] < b[1] }

// blockSize is how many values to allocate at once: enough for a typical
// statute (hint, the article count, when known) and never tiny.
func blockSize(hint int) int { return max(hint, 32) }

// trimLine is strings.TrimSpace without the function-value calls of
// TrimFunc for the common line that starts or ends with a Han character.
func trimLine(s string) string {
	for len(s) > 0 {
		c := s[0]
		if c < utf8.RuneSelf {
			if asciiSpace(c) {
				s = s[1:]
				continue
			}
			break
		}
		r, n := utf8.DecodeRuneInString(s)
		if !unicode.IsSpace(r) {
			break
		}
		s = s[n:]
	}
	for len(s) > 0 {
		c := s[len(s)-1]
		if c < utf8.RuneSelf {
			if asciiSpace(c) {
				s = s[:len(s)-1]
				continue
			}
			break
		}
		r, n := utf8.DecodeLastRuneInString(s)
		if !unicode.IsSpace(r) {
			break
		}
		s = s[:len(s)-n]
	}
	return s
}

func asciiSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}

// isBlank reports whether l holds only white space (the corpus writes
// ASCII spaces; anything else is checked the slow way).
func isBlank(l string) bool {
	for i := 0; i < len(l); i++ {
		switch l[i] {
		case ' ', '\t', '\r':
		default:
			if l[i] < utf8.RuneSelf {
				return false
			}
			return trimLine(l[i:]) == ""
		}
	}
	return true
}

func joinHeadings(hs []string) string {
	var out []string
	for _, h := range hs {
		if h != "" {
			out = append(out, h)
		}
	}
	return strings.Join(out, chapterSep)
}

// ItemLabel reads the label of an item line: （一）询问… → "（一）", 1.
// A line without a numbered label gives "", 0.
func ItemLabel(t string) (string, int) {
	r, size := utf8.DecodeRuneInString(t)
	if r != '（' && r != '(' {
		return "", 0
	}
	end := strings.IndexAny(t[size:], "）)")
	if end < 0 {
		return "", 0
	}
	_, cs := utf8.DecodeRuneInString(t[size+end:])
	n, err := ParseNumber(t[size : size+end])
	if err != nil || n == 0 {
		return "", 0
	}
	return t[:size+end+cs], n
}

var errBadEvent = errors.New("event is not 'DATE KIND | text'")

func sprintf(format string, args ...any) string { return fmt.Sprintf(format, args...) }
