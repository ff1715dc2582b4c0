package rules

// Precision of the citation rules on catalogs the seeds do not show: other
// bureaus (市场监管, 人社, 生态环境, 交通运输, 税务, 卫健 ...), other kinds of
// law (法律, 行政法规, 部门规章) and the many ways catalogs write citations
// and quotes. Every quote in testdata/precision/*.txt is the corpus's own
// text, so no citation rule may warn on them; then each quote is spoiled
// three ways (a wrong character, a clause left out, the neighbouring
// article's text) and the right rule must say so.

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/citelint/citelint/catalog"
	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/statutes"
	"github.com/citelint/citelint/statutes/cite"
)

// precisionNow is "today" for the precision catalogs without a year in
// their title: mid-2025, when they were written. Later in 2025 the corpus
// holds revisions of laws they quote (传染病防治法 in force 2025-09-01,
// 食品安全法 2025-09-12, 反不正当竞争法 2025-10-15), and at a later date
// their quotes are rightly reported as superseded.
var precisionNow = time.Date(2025, 6, 30, 0, 0, 0, 0, time.UTC)

func precisionCatalogs(t *testing.T) []*catalog.Catalog {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join("testdata", "precision", "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) < 6 {
		t.Fatalf("only %d precision catalogs", len(paths))
	}
	var out []*catalog.Catalog
	for _, p := range paths {
		cat, err := catalog.Read(p)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, cat)
	}
	return out
}

func lintPrecision(t *testing.T, cat *catalog.Catalog) lint.FileResult {
	t.Helper()
	c, err := defaultCorpus()
	if err != nil {
		t.Fatal(err)
	}
	res, err := lint.Run(cat, lint.Options{Rules: citationRules(), Corpus: c, Now: precisionNow})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// hasLatin says whether a message holds English words or code: a Chinese
// reviewer reads them.
func hasLatin(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return r < 0x80 && unicode.IsLetter(r) }) >= 0
}

func TestPrecisionClean(t *testing.T) {
	entries := 0
	for _, cat := range precisionCatalogs(t) {
		entries += len(cat.Entries)
		res := lintPrecision(t, cat)
		for _, d := range res.Diagnostics {
			// Info is for what the corpus cannot check, nothing else.
			if d.Severity == lint.Info && d.Rule == "quote-unverifiable" {
				continue
			}
			t.Errorf("%s entry %v %s: %s %s: %s", filepath.Base(cat.Path), d.Entry.Index, d.Field, d.Severity, d.Rule, d.Message)
		}
	}
	t.Logf("%d entries", entries)
	if entries < 140 {
		t.Fatalf("only %d entries in the precision catalogs", entries)
	}
}

// quotedPart is one quoted part of a basis field, found by the parser.
type quotedPart struct {
	cat   *catalog.Catalog
	entry int // index into cat.Entries
	field int // index into the entry's Fields
	cit   cite.Citation
	part  cite.QuotePart
}

func (q quotedPart) String() string {
	e := q.cat.Entries[q.entry]
	return fmt.Sprintf("%s entry %d %s 《%s》", filepath.Base(q.cat.Path), e.Index, e.Fields[q.field].Key, q.cit.Title)
}

// quotedParts lists the parts worth spoiling: unlabelled or labelled, at
// least 20 runes, no elision, of a statute whose text is bundled.
func quotedParts(t *testing.T, cats []*catalog.Catalog) []quotedPart {
	t.Helper()
	corpus, err := defaultCorpus()
	if err != nil {
		t.Fatal(err)
	}
	var out []quotedPart
	for _, cat := range cats {
		for ei, e := range cat.Entries {
			for fi, f := range e.Fields {
				if f.Key != catalog.KeyBasis && f.Key != catalog.KeyDutyBasis {
					continue
				}
				for _, c := range cite.Parse(f.Text) {
					if c.Quote == nil {
						continue
					}
					st, err := corpus.Resolve(c.Title)
					if err != nil {
						continue
					}
					if v := st.VersionAt(lint.AsOf(cat, nil, precisionNow)); v == nil || v.Text != statutes.TextFull {
						continue
					}
					for _, p := range c.Quote.Parts {
						if len(p.Elisions) > 0 || utf8.RuneCountInString(p.Text) < 20 {
							continue
						}
						out = append(out, quotedPart{cat, ei, fi, c, p})
					}
				}
			}
		}
	}
	return out
}

// spoil lints the part's entry alone with text[start:end] of its field
// replaced.
func spoil(t *testing.T, q quotedPart, start, end int, with string) (lint.FileResult, *catalog.Entry) {
	t.Helper()
	e := q.cat.Entries[q.entry]
	e.Fields = slices.Clone(e.Fields)
	f := &e.Fields[q.field]
	f.Text = f.Text[:start] + with + f.Text[end:]
	one := *q.cat
	one.Entries = []catalog.Entry{e}
	return lintPrecision(t, &one), &one.Entries[0]
}

// only returns the diagnostics of severity warning or above, failing on
// any of another rule or field than wanted.
func only(t *testing.T, q quotedPart, res lint.FileResult, rules ...string) []lint.Diagnostic {
	t.Helper()
	var out []lint.Diagnostic
	key := string(q.cat.Entries[q.entry].Fields[q.field].Key)
	for _, d := range res.Diagnostics {
		if hasLatin(d.Message) {
			t.Errorf("%s: message with Latin letters: %s", q, d.Message)
		}
		if d.Severity < lint.Warning && !slices.Contains(rules, d.Rule) {
			continue
		}
		if !slices.Contains(rules, d.Rule) || d.Field != key {
			t.Errorf("%s: unexpected %s %s on %s: %s", q, d.Severity, d.Rule, d.Field, d.Message)
			continue
		}
		out = append(out, d)
	}
	return out
}

func TestPrecisionOneCharacter(t *testing.T) {
	parts := quotedParts(t, precisionCatalogs(t))
	n := 0
	for _, q := range parts {
		// The Han character nearest the middle whose neighbours are Han
		// too, turned into one the text does not hold there.
		rs := []rune(q.part.Text)
		at := -1
		for d := 0; d < len(rs)/2 && at < 0; d++ {
			for _, i := range []int{len(rs)/2 + d, len(rs)/2 - d} {
				if i > 0 && i+1 < len(rs) && unicode.Is(unicode.Han, rs[i-1]) && unicode.Is(unicode.Han, rs[i]) && unicode.Is(unicode.Han, rs[i+1]) {
					at = i
					break
				}
			}
		}
		if at < 0 {
			continue
		}
		old := rs[at]
		repl := '甲'
		if old == repl || rs[at-1] == repl || rs[at+1] == repl {
			repl = '乙'
		}
		start := q.part.Span.Start + len(string(rs[:at]))
		res, _ := spoil(t, q, start, start+utf8.RuneLen(old), string(repl))
		ds := only(t, q, res, "quote-mismatch")
		if len(ds) != 1 {
			t.Errorf("%s: %q for %q: %d quote-mismatch diagnostics", q, repl, old, len(ds))
			continue
		}
		n++
		d := ds[0]
		if d.Severity != lint.Error {
			t.Errorf("%s: severity %s", q, d.Severity)
		}
		if got, want := strings.Join(changes(d), " "), fmt.Sprintf("-%c +%c", old, repl); got != want {
			t.Errorf("%s: diff %q, want %q (%s)", q, got, want, d.Message)
		}
		if !strings.Contains(d.Message, fmt.Sprintf("原文“%c”误作“%c”", old, repl)) {
			t.Errorf("%s: message does not name both sides: %s", q, d.Message)
		}
	}
	t.Logf("%d quotes of %d spoiled", n, len(parts))
	if n < 140 {
		t.Fatalf("only %d quotes spoiled", n)
	}
}

// middleClause finds a clause of a part between two of its '，' (or '，'
// and '；'), away from both ends, with enough content to be a clause and
// found once: the byte range to cut, its closing comma included.
func middleClause(s string) (int, int, bool) {
	var cuts []int
	for i, r := range s {
		if r == '，' {
			cuts = append(cuts, i)
		}
	}
	n := len(s)
	for k := 0; k+1 < len(cuts); k++ {
		a, b := cuts[k]+len("，"), cuts[k+1]+len("，")
		clause := s[a:b]
		content := utf8.RuneCountInString(clause) - 1
		if a < n/5 || b > n*4/5 || content < 6 || content > 30 || strings.ContainsAny(clause, "。；：\n") || strings.Count(s, clause) != 1 {
			continue
		}
		return a, b, true
	}
	return 0, 0, false
}

func TestPrecisionDroppedClause(t *testing.T) {
	parts := quotedParts(t, precisionCatalogs(t))
	n := 0
	for _, q := range parts {
		a, b, ok := middleClause(q.part.Text)
		if !ok {
			continue
		}
		cut := q.part.Text[a:b]
		res, _ := spoil(t, q, q.part.Span.Start+a, q.part.Span.Start+b, "")
		ds := only(t, q, res, "quote-truncated")
		if len(ds) != 1 {
			t.Errorf("%s: %q left out: %d quote-truncated diagnostics", q, cut, len(ds))
			continue
		}
		n++
		d := ds[0]
		if d.Severity != lint.Warning {
			t.Errorf("%s: severity %s", q, d.Severity)
		}
		if head := string([]rune(cut)[:4]); !strings.Contains(d.Message, "中间的“"+head) {
			t.Errorf("%s: message does not name the clause %q in the middle: %s", q, cut, d.Message)
		}
	}
	t.Logf("%d quotes of %d spoiled", n, len(parts))
	if n < 80 {
		t.Fatalf("only %d quotes spoiled", n)
	}
}

func TestPrecisionNeighbourArticle(t *testing.T) {
	c, err := defaultCorpus()
	if err != nil {
		t.Fatal(err)
	}
	parts := quotedParts(t, precisionCatalogs(t))
	n := 0
	for _, q := range parts {
		var a cite.Article
		switch {
		case q.part.Article != nil:
			a = *q.part.Article
		case len(q.cit.Articles) == 1:
			a = q.cit.Articles[0]
		default:
			continue
		}
		if a.Paragraph != 0 || a.Item != 0 || a.Suffix != 0 {
			continue
		}
		s, err := c.Resolve(q.cit.Title)
		if err != nil {
			continue
		}
		v := s.VersionAt(lint.AsOf(q.cat, nil, precisionNow))
		if v == nil || v.Text != statutes.TextFull {
			continue
		}
		next := v.Article(a.Num+1, 0)
		if next == nil || utf8.RuneCountInString(next.Text()) < 30 {
			continue
		}
		res, _ := spoil(t, q, q.part.Span.Start, q.part.Span.End, next.Text())
		ds := only(t, q, res, "quote-misattributed")
		if len(ds) != 1 {
			t.Errorf("%s: text of %s quoted as %s: %d quote-misattributed diagnostics", q, next.Label, statutes.ArticleLabel(a.Num, 0), len(ds))
			continue
		}
		n++
		if d := ds[0]; !strings.Contains(d.Message, "出自"+next.Label) && !strings.Contains(d.Message, next.Label) {
			t.Errorf("%s: message does not name %s: %s", q, next.Label, d.Message)
		}
	}
	t.Logf("%d quotes of %d spoiled", n, len(parts))
	if n < 80 {
		t.Fatalf("only %d quotes spoiled", n)
	}
}

// TestPrecisionCatalogsAreCorpusText guards the test's premise: the
// precision catalogs are read as written (no stray bytes to excuse).
func TestPrecisionCatalogsAreCorpusText(t *testing.T) {
	paths, _ := filepath.Glob(filepath.Join("testdata", "precision", "*.txt"))
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if !utf8.Valid(b) || strings.ContainsRune(string(b), '\r') {
			t.Errorf("%s: not clean UTF-8 with LF line ends", p)
		}
	}
}
