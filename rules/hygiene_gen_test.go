package rules

import (
	"testing"
	"time"
	"unicode/utf8"

	"github.com/citelint/citelint/catalog"
	"github.com/citelint/citelint/internal/gen"
	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/statutes"
)

// TestHygieneSynthetic runs the hygiene rules on synthetic catalogs built
// from the statute corpus: on a clean one (every quote exact article text)
// they report nothing at all; on one with injected defects they report each
// defect of their rules on its entry, and nothing at warning or error
// elsewhere.
func TestHygieneSynthetic(t *testing.T) {
	if testing.Short() {
		t.Skip("generates catalogs from the corpus")
	}
	corpus, err := statutes.Default()
	if err != nil {
		t.Fatal(err)
	}
	mine := map[string]bool{}
	for _, id := range hygieneRuleIDs {
		mine[id] = true
	}
	now := time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name string
		rate float64
	}{{"clean", -1}, {"defects", 0.3}} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := gen.Generate(gen.FromCorpus(corpus, gen.AsOf(2025)), gen.Options{N: 600, Seed: 7, Year: 2025, DefectRate: tc.rate})
			if err != nil {
				t.Fatal(err)
			}
			out, err := lint.Run(res.Catalog, lint.Options{Rules: hygieneRules(), Now: now})
			if err != nil {
				t.Fatal(err)
			}
			type key struct {
				entry int
				rule  string
			}
			expected := map[key]bool{}
			n := 0
			for _, d := range res.Defects {
				if !mine[d.Rule] {
					continue
				}
				n++
				expected[key{d.Entry, d.Rule}] = true
				for _, o := range d.Others {
					expected[key{o, d.Rule}] = true
				}
			}
			if tc.rate > 0 && n < 20 {
				t.Fatalf("only %d defects of these rules injected", n)
			}
			got := map[key]bool{}
			for _, d := range out.Diagnostics {
				e := 0
				if d.Entry != nil {
					e = d.Entry.Index
				}
				got[key{e, d.Rule}] = true
				if tc.rate < 0 {
					t.Errorf("clean catalog: %s %s on entry %d %s: %s", d.Severity, d.Rule, e, d.Field, d.Message)
					continue
				}
				if d.Severity >= lint.Warning && !expected[key{e, d.Rule}] {
					t.Errorf("unexpected %s %s on entry %d %s: %s", d.Severity, d.Rule, e, d.Field, d.Message)
				}
			}
			for _, d := range res.Defects {
				if mine[d.Rule] && !got[key{d.Entry, d.Rule}] {
					t.Errorf("missed %s on entry %d %s: %s", d.Rule, d.Entry, d.Field, d.Detail)
				}
			}
			checkSpans(t, res.Catalog.Entries, out.Diagnostics)
		})
	}
}

// checkSpans holds every diagnostic's span inside its field's text.
func checkSpans(t *testing.T, entries []catalog.Entry, ds []lint.Diagnostic) {
	t.Helper()
	for _, d := range ds {
		if d.Entry == nil || d.Span == (lint.Span{}) {
			continue
		}
		f := entries[d.Entry.Index-1].Field(catalog.Key(d.Field))
		if f == nil {
			t.Errorf("%s: span on absent field %s", d.Rule, d.Field)
			continue
		}
		if n := utf8.RuneCountInString(f.Text); d.Span.Start < 0 || d.Span.End > n || d.Span.Start > d.Span.End {
			t.Errorf("%s: span %v outside field %s of %d runes", d.Rule, d.Span, d.Field, n)
		}
	}
}
