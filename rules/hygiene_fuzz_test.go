package rules

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/citelint/citelint/catalog"
	"github.com/citelint/citelint/lint"
)

var fuzzColumns = []catalog.Key{
	catalog.KeySeq, catalog.KeyDepartment, catalog.KeyType, catalog.KeyName, catalog.KeyBasis,
	catalog.KeyDuties, catalog.KeyDutyBasis, catalog.KeyOffice, catalog.KeyAccountable,
}

// fuzzCatalog builds a catalog from text: entries separated by "\x1e",
// fields by "\x1f"; an entry with fewer fields is cut short.
func fuzzCatalog(s string) *catalog.Catalog {
	c := &catalog.Catalog{Path: "fuzz.txt", Format: "txt"}
	title, body, _ := strings.Cut(s, "\x1d")
	c.Title = title
	for _, k := range fuzzColumns {
		c.Header = append(c.Header, catalog.Column{Key: k, Name: string(k)})
	}
	for i, es := range strings.Split(body, "\x1e") {
		e := catalog.Entry{Index: i + 1}
		for j, fs := range strings.Split(es, "\x1f") {
			if j >= len(fuzzColumns) {
				break
			}
			e.Fields = append(e.Fields, catalog.Field{Key: fuzzColumns[j], Column: string(fuzzColumns[j]), Text: fs})
		}
		e.Seq = strings.TrimSpace(e.Text(catalog.KeySeq))
		e.Short = len(e.Fields) < len(fuzzColumns)
		c.Entries = append(c.Entries, e)
	}
	return c
}

// FuzzHygiene: the hygiene rules never fail or panic on any text, and
// every span they report lies inside its field.
func FuzzHygiene(f *testing.F) {
	for _, s := range []string{
		"[bookmark: _GoBack]标题(2025年)\x1d1\u2002\x1f局\x1f行政处罚\x1f对…的处罚\x1f《法》第2、29条：🍩:\n各级\x1f1.立案责任：…。\n2.调查\x1f《法》第1条\x1f基金监管股\x1f承办人",
		"\x1d1\x1f\x1f行政执法\x1f行政检查\x1f原\n 9  则上，(一)约谈;   (二)暂停。\x1f\x1f\x1f医保事务中心医疗稽核科、职工医保科等相关科室",
		"\x1d2\x1f\x1f\x1f\x1f第五条　职权：第五条　职权：（一）a；（二）b。（三）c；（四）d。\"\x1e2\x1f\x1f行政处份",
		"\x1d\xff\xfe\x1f\x1f(\x1f《\x1f“”》）)(（\x1f，，。。\x1f",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		cat := fuzzCatalog(s)
		res, err := lint.Run(cat, lint.Options{Rules: hygieneRules(), Workers: 1})
		if err != nil {
			t.Fatalf("run: %v", err)
		}
		for _, d := range res.Diagnostics {
			var text string
			switch {
			case d.Field == string(catalog.KeyTitle):
				text = cat.Title
			case d.Entry != nil:
				if fd := cat.Entries[d.Entry.Index-1].Field(catalog.Key(d.Field)); fd != nil {
					text = fd.Text
				}
			}
			if n := utf8.RuneCountInString(text); d.Span.Start < 0 || d.Span.End > n || d.Span.Start > d.Span.End {
				t.Fatalf("%s: span %v outside %q", d.Rule, d.Span, text)
			}
			if d.Message == "" {
				t.Fatalf("%s: empty message", d.Rule)
			}
		}
	})
}
