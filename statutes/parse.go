package statutes

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
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
	var (
		arts     []*Article
		outside  []string
		cur      *Article
		headings []string
		seen     = map[[2]int]bool{}
	)
	lineNo := firstLine - 1
	perr := func(format string, args ...any) error {
		return &ParseError{File: name, Line: lineNo, Msg: sprintf(format, args...)}
	}
	for body != "" {
		lineNo++
		l := body
		if i := strings.IndexByte(body, '\n'); i >= 0 {
			l, body = body[:i], body[i+1:]
		} else {
			body = ""
		}
		l = strings.TrimSuffix(l, "\r")
		if strings.TrimSpace(l) == "" {
			continue
		}
		switch {
		case strings.HasPrefix(l, "#"):
			level := 0
			for level < len(l) && l[level] == '#' {
				level++
			}
			h := strings.TrimSpace(l[level:])
			if h == "" {
				return nil, nil, perr("empty heading")
			}
			for len(headings) < level {
				headings = append(headings, "")
			}
			headings = append(headings[:level-1], h)
			cur = nil
		case strings.HasPrefix(l, "    "):
			t := strings.TrimSpace(l)
			if cur == nil || len(cur.Paragraphs) == 0 {
				return nil, nil, perr("sub-item outside an article: %q", t)
			}
			p := cur.Paragraphs[len(cur.Paragraphs)-1]
			if len(p.Items) == 0 {
				return nil, nil, perr("sub-item without an item: %q", t)
			}
			it := p.Items[len(p.Items)-1]
			it.Subs = append(it.Subs, t)
		case strings.HasPrefix(l, "  "):
			t := strings.TrimSpace(l)
			if strings.HasPrefix(l[2:], " ") {
				return nil, nil, perr("line indented by 3 spaces (items take 2, sub-items 4)")
			}
			if cur == nil {
				return nil, nil, perr("item outside an article: %q", t)
			}
			p := cur.Paragraphs[len(cur.Paragraphs)-1]
			label, num := ItemLabel(t)
			p.Items = append(p.Items, &Item{Num: num, Label: label, Text: t})
		case l[0] == ' ' || l[0] == '\t':
			return nil, nil, perr("unexpected indentation")
		default:
			if label, num, suffix, text, ok := splitArticleLine(l); ok {
				key := [2]int{num, suffix}
				if seen[key] {
					return nil, nil, perr("%s appears twice", label)
				}
				seen[key] = true
				if text == "" {
					return nil, nil, perr("%s has no text", label)
				}
				cur = &Article{Num: num, Suffix: suffix, Label: label, Chapter: joinHeadings(headings),
					Paragraphs: []*Paragraph{{Text: text}}}
				arts = append(arts, cur)
				continue
			}
			t := strings.TrimSpace(l)
			if cur == nil {
				outside = append(outside, t)
				continue
			}
			cur.Paragraphs = append(cur.Paragraphs, &Paragraph{Text: t})
		}
	}
	return arts, outside, nil
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
