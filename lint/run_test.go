package lint

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/citelint/citelint/catalog"
	"github.com/citelint/citelint/lint/verify"
)

// testCatalog builds a catalog whose entries' names say which findings a
// test rule will report.
func testCatalog(n int) *catalog.Catalog {
	cat := &catalog.Catalog{Path: "t.txt", Format: "txt", Title: "某局权责清单(2024年)",
		Header: []catalog.Column{{Key: catalog.KeySeq, Name: "序号"}, {Key: catalog.KeyName, Name: "职权名称"}}}
	for i := 1; i <= n; i++ {
		cat.Entries = append(cat.Entries, catalog.Entry{Index: i, Seq: fmt.Sprint(i), Fields: []catalog.Field{
			{Key: catalog.KeySeq, Column: "序号", Text: fmt.Sprint(i)},
			{Key: catalog.KeyName, Column: "职权名称", Text: strings.Repeat("甲乙", i%3+1), Loc: catalog.Loc{Line: 10 * i, LineCol: 2}},
		}})
	}
	return cat
}

var everyYi = &Rule{ID: "every-yi", Severity: Warning, Run: func(p *Pass) error {
	f := p.Entry.Field(catalog.KeyName)
	for i := strings.Index(f.Text, "乙"); i >= 0; {
		p.Report(Finding{Field: f, Start: i, End: i + len("乙"), Message: "乙"})
		j := strings.Index(f.Text[i+1:], "乙")
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return nil
}}

func TestRunDeterministicAcrossWorkers(t *testing.T) {
	cat := testCatalog(200)
	var want []Diagnostic
	for _, w := range []int{1, 2, 7, 64} {
		res, err := Run(cat, Options{Rules: []*Rule{everyYi}, Workers: w, Now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			t.Fatal(err)
		}
		if w == 1 {
			want = res.Diagnostics
			if len(want) == 0 {
				t.Fatal("no diagnostics")
			}
			continue
		}
		if !reflect.DeepEqual(res.Diagnostics, want) {
			t.Fatalf("workers=%d: diagnostics differ from the sequential run", w)
		}
	}
}

func TestReportSpansAndRegions(t *testing.T) {
	cat := testCatalog(1)
	res, err := Run(cat, Options{Rules: []*Rule{everyYi}})
	if err != nil {
		t.Fatal(err)
	}
	// Entry 1's name is 甲乙甲乙: findings at code points 1 and 3.
	if len(res.Diagnostics) != 2 {
		t.Fatalf("got %d diagnostics, want 2", len(res.Diagnostics))
	}
	d := res.Diagnostics[1]
	if d.Span != (Span{3, 4}) {
		t.Errorf("span = %+v, want {3 4}", d.Span)
	}
	if d.Region == nil || *d.Region != (Region{StartLine: 10, StartCol: 5, EndLine: 10, EndCol: 6}) {
		t.Errorf("region = %+v", d.Region)
	}
	if d.Entry == nil || d.Entry.Seq != "1" || d.Field != "name" || d.Column != "职权名称" {
		t.Errorf("place = %+v %q %q", d.Entry, d.Field, d.Column)
	}
}

func TestConfigSeverityDisableIgnore(t *testing.T) {
	cat := testCatalog(3)
	sev := Error
	res, _ := Run(cat, Options{Rules: []*Rule{everyYi}, Config: &Config{Rules: map[string]RuleConfig{"every-yi": {Severity: &sev}}}})
	for _, d := range res.Diagnostics {
		if d.Severity != Error {
			t.Fatalf("severity not overridden: %v", d.Severity)
		}
	}
	res, _ = Run(cat, Options{Rules: []*Rule{everyYi}, Config: &Config{Rules: map[string]RuleConfig{"every-yi": {Disabled: true}}}})
	if len(res.Diagnostics) != 0 {
		t.Fatalf("disabled rule reported %d", len(res.Diagnostics))
	}
	res, _ = Run(cat, Options{Rules: []*Rule{everyYi}, Config: &Config{Ignores: []Ignore{{Entry: "2", Rule: "every-yi", Reason: "test"}}}})
	for _, d := range res.Diagnostics {
		if d.Entry.Seq == "2" {
			t.Fatal("ignored entry still reported")
		}
	}
	if len(res.Diagnostics) == 0 {
		t.Fatal("ignore dropped everything")
	}
}

func TestRulePanicIsAnError(t *testing.T) {
	bad := &Rule{ID: "bad", Run: func(p *Pass) error { var m map[string]int; m["x"]++; return nil }}
	if _, err := Run(testCatalog(2), Options{Rules: []*Rule{bad}}); err == nil || !strings.Contains(err.Error(), "bad") {
		t.Fatalf("err = %v", err)
	}
}

func TestAsOf(t *testing.T) {
	now := time.Date(2026, 11, 22, 15, 0, 0, 0, time.UTC)
	cases := map[string]string{
		"六盘水市钟山区医疗保障局权力清单和责任清单(2025年)": "2025-12-31",
		"某局清单（2030年）":  "2026-11-22",
		"株洲市医疗保障局权责清单": "2026-11-22",
		"第12025年":      "2026-11-22",
	}
	for title, want := range cases {
		if got := AsOf(&catalog.Catalog{Title: title}, &Config{}, now).Format("2006-01-02"); got != want {
			t.Errorf("AsOf(%q) = %s, want %s", title, got, want)
		}
	}
	cfg := &Config{AsOf: time.Date(2019, 6, 1, 0, 0, 0, 0, time.UTC)}
	if got := AsOf(&catalog.Catalog{Title: "x(2025年)"}, cfg, now); !got.Equal(cfg.AsOf) {
		t.Errorf("configured as-of ignored: %v", got)
	}
}

// TestRunSharedStateConcurrent runs rules that verify citations, entry by
// entry and across the catalog, on many workers at once: the run's memos
// (titles, lookups, prepared texts) are filled concurrently, and the
// result must be the sequential one (go test -race checks the sharing).
func TestRunSharedStateConcurrent(t *testing.T) {
	c := testCorpus(t)
	quotes := []string{
		"《中华人民共和国甲法》第二条：" + art2,
		"《甲法》第二条：违反本法规定，骗取甲基金的，由甲部门责令退回。",
		"《甲法》第一条：乙机构应当建立健全内部管理制度，定期向社会公开有关信息并接受监督。",
		"《甲法》第四条：" + art5,
		"《丙办法》第五条：丙机构应当如何如何。",
		"《丁法》第二条",
		"《甲法》第三条第（二）项：询问有关人员。",
	}
	cat := &catalog.Catalog{Path: "c.txt", Title: "某局权责清单(2025年)", Header: []catalog.Column{{Key: catalog.KeyBasis, Name: "职权依据"}}}
	for i := 1; i <= 300; i++ {
		text := quotes[i%len(quotes)] + "；" + quotes[(i*5)%len(quotes)]
		cat.Entries = append(cat.Entries, catalog.Entry{Index: i, Seq: fmt.Sprint(i), Fields: []catalog.Field{{Key: catalog.KeyBasis, Column: "职权依据", Text: text}}})
	}
	report := func(p *Pass, e *catalog.Entry, f *catalog.Field, vs []*verify.Verification) {
		for _, v := range vs {
			msg := fmt.Sprint(v.Err)
			if v.Statute != nil {
				msg = v.Statute.ID
			}
			for _, q := range v.Quotes {
				msg += " " + q.Outcome.String()
			}
			p.Report(Finding{Entry: e, Field: f, Start: v.Citation.Span.Start, End: v.Citation.Span.End, Message: msg})
		}
	}
	perEntry := &Rule{ID: "verify", Severity: Info, Run: func(p *Pass) error {
		f := p.Entry.Field(catalog.KeyBasis)
		report(p, p.Entry, f, p.Verifications(f))
		return nil
	}}
	perCatalog := &Rule{ID: "resolve", Severity: Info, Scope: CatalogScope, Run: func(p *Pass) error {
		for i := range p.Catalog.Entries {
			e := &p.Catalog.Entries[i]
			f := e.Field(catalog.KeyBasis)
			report(p, e, f, p.Resolutions(f))
			report(p, e, f, p.Verifications(f))
		}
		return nil
	}}
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	var want []Diagnostic
	for _, w := range []int{1, 4} {
		res, err := Run(cat, Options{Rules: []*Rule{perEntry, perCatalog}, Corpus: c, Workers: w, Now: now})
		if err != nil {
			t.Fatal(err)
		}
		if w == 1 {
			want = res.Diagnostics
			if len(want) < 600 {
				t.Fatalf("%d diagnostics", len(want))
			}
			continue
		}
		if !reflect.DeepEqual(res.Diagnostics, want) {
			t.Fatalf("workers=%d: diagnostics differ from the sequential run", w)
		}
	}
}

// TestTextIndex: code points, lines and columns read off the index of a
// long text are those counted from its start.
func TestTextIndex(t *testing.T) {
	var b strings.Builder
	parts := []string{"甲", "a", "\n", "，", "😀", " ", "第八十四条"}
	for i := 0; b.Len() < 3*indexMin; i++ {
		b.WriteString(parts[(i*7+i/3)%len(parts)])
	}
	s := b.String()
	ix := newTextIndex(s)
	if len(ix.marks) < 3 {
		t.Fatalf("%d marks for %d bytes", len(ix.marks), len(s))
	}
	var want textMark
	for i, r := range s + "\x00" { // the end offset too
		for _, x := range []*textIndex{ix, nil} {
			if got := x.at(s, i); got != want {
				t.Fatalf("at(%d) = %+v, want %+v (index %v)", i, got, want, x != nil)
			}
		}
		want.off = i + len(string(r))
		want.runes++
		want.lineRunes++
		if r == '\n' {
			want.lines++
			want.lineRunes = 0
		}
		if i == len(s) {
			break
		}
	}
}

func TestSpanOf(t *testing.T) {
	s := "甲乙a丙" // bytes: 甲 0-3, 乙 3-6, a 6-7, 丙 7-10
	cases := []struct {
		start, end int
		want       Span
	}{
		{0, 3, Span{0, 1}}, {3, 7, Span{1, 3}}, {7, 10, Span{3, 4}},
		{-5, 99, Span{0, 4}}, // clamped to the text
		{4, 5, Span{1, 2}},   // inside 乙: widened to its boundaries
		{8, 2, Span{0, 1}},   // start after end: empty at 2, inside 甲, widened to 甲
	}
	for _, c := range cases {
		if got := SpanOf(s, c.start, c.end); got != c.want {
			t.Errorf("SpanOf(%d, %d) = %+v, want %+v", c.start, c.end, got, c.want)
		}
	}
}

// TestUnverifiedCappedAtInfo: a configured severity never raises a finding
// that rests on an unverified fact above info; a verified one it does.
func TestUnverifiedCappedAtInfo(t *testing.T) {
	errSev := Error
	var got []Diagnostic
	p := &Pass{
		Rule:    &Rule{ID: "x", Severity: Warning},
		Catalog: &catalog.Catalog{Path: "c.txt"},
		Config:  &Config{Rules: map[string]RuleConfig{"x": {Severity: &errSev}}},
		report:  func(d Diagnostic) { got = append(got, d) },
	}
	p.Report(Finding{Message: "unverified", Unverified: true})
	p.Report(Finding{Message: "verified"})
	if len(got) != 2 || got[0].Severity != Info || got[1].Severity != Error {
		t.Fatalf("got %+v; want the unverified finding at info, the other at the configured error", got)
	}
}
