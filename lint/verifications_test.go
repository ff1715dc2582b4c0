package lint

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/citelint/citelint/catalog"
	"github.com/citelint/citelint/lint/verify"
	"github.com/citelint/citelint/statutes"
	"github.com/citelint/citelint/statutes/cite"
)

// testCorpus is lint/verify's tiny test corpus (see its testdata).
func testCorpus(t testing.TB) *statutes.Corpus {
	t.Helper()
	c, err := statutes.Load(os.DirFS("verify/testdata/corpus"))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

const (
	art2 = "违反本法规定，骗取甲基金的，由甲部门责令退回，处骗取金额二倍以上五倍以下的罚款。"
	art5 = "违反本法第一条规定，谎报情况的，由甲部门责令改正，处二万元以上十万元以下的罚款。"
)

// TestPassVerify: a pass verifies a citation once per entry, with the
// configuration's aliases, and not at all without a corpus.
func TestPassVerify(t *testing.T) {
	in2025 := time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC)
	p := &Pass{Corpus: testCorpus(t), Config: &Config{Aliases: map[string]string{"老甲法": "中华人民共和国甲法"}}, AsOf: in2025}
	f := &catalog.Field{Key: catalog.KeyBasis, Text: "《老甲法》第二条：" + art2}
	vs := p.Verifications(f)
	if len(vs) != 1 || vs[0].Statute == nil || vs[0].Statute.ID != "甲法" {
		t.Fatalf("alias not used: %+v", vs)
	}
	if len(vs[0].Quotes) != 1 || vs[0].Quotes[0].Outcome != verify.QuoteOK {
		t.Fatalf("quotes: %+v", vs[0].Quotes)
	}
	if again := p.Verify(f, p.Citations(f)[0]); again != vs[0] {
		t.Error("second Verify did not return the entry's verification")
	}
	rs := p.Resolutions(f)
	if len(rs) != 1 || rs[0].Statute != vs[0].Statute || len(rs[0].Quotes) != 0 {
		t.Errorf("resolution: %+v", rs)
	}
	if s, err := p.Resolve("老甲法"); err != nil || s != vs[0].Statute {
		t.Errorf("Resolve: %v %v", s, err)
	}
	none := &Pass{}
	if none.Verify(f, cite.Citation{}) != nil || none.Verifications(f) != nil {
		t.Error("Verify without a corpus should return nil")
	}
}

// TestRunVerifier: a verifier shared across runs gives each the verdicts
// of its own; one built for another corpus or configuration is refused.
func TestRunVerifier(t *testing.T) {
	c := testCorpus(t)
	cat := &catalog.Catalog{Path: "c.txt", Title: "某局权责清单(2025年)", Header: []catalog.Column{{Key: catalog.KeyBasis, Name: "职权依据"}}}
	for i, text := range []string{"《甲法》第二条：" + art2, "《老甲法》第二条：" + art5, "《丙办法》第五条：丙机构应当如何如何。"} {
		cat.Entries = append(cat.Entries, catalog.Entry{Index: i + 1, Fields: []catalog.Field{{Key: catalog.KeyBasis, Column: "职权依据", Text: text}}})
	}
	rule := &Rule{ID: "outcomes", Severity: Info, Run: func(p *Pass) error {
		f := p.Entry.Field(catalog.KeyBasis)
		for _, v := range p.Verifications(f) {
			var out []string
			for _, q := range v.Quotes {
				out = append(out, q.Outcome.String())
			}
			p.Report(Finding{Field: f, Message: strings.Join(out, " ")})
		}
		return nil
	}}
	cfg := &Config{Aliases: map[string]string{"老甲法": "中华人民共和国甲法"}}
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	opts := Options{Rules: []*Rule{rule}, Corpus: c, Config: cfg, Now: now}
	alone, err := Run(cat, opts)
	if err != nil {
		t.Fatal(err)
	}
	opts.Verifier = NewVerifier(c, cfg)
	for range 2 {
		shared, err := Run(cat, opts)
		if err != nil {
			t.Fatal(err)
		}
		if len(shared.Diagnostics) != 3 || shared.Quotes != alone.Quotes {
			t.Fatalf("shared verifier: %d diagnostics, quotes %+v; alone %+v", len(shared.Diagnostics), shared.Quotes, alone.Quotes)
		}
		for i, d := range shared.Diagnostics {
			if d.Message != alone.Diagnostics[i].Message {
				t.Errorf("entry %d: %q with a shared verifier, %q alone", i+1, d.Message, alone.Diagnostics[i].Message)
			}
		}
	}
	if alone.Quotes != (QuoteCounts{Checked: 2, Unverifiable: 1}) {
		t.Errorf("quotes = %+v", alone.Quotes)
	}
	for _, vr := range []*verify.Verifier{NewVerifier(testCorpus(t), cfg), NewVerifier(c, nil)} {
		opts.Verifier = vr
		if _, err := Run(cat, opts); err == nil {
			t.Error("a verifier for another corpus or configuration was used")
		}
	}
}
