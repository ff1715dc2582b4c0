package rules

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/citelint/citelint/catalog"
	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/quote"
	"github.com/citelint/citelint/statutes"
)

// The seeds' expected findings, scored as ../shared/tools/score.py scores
// them: a finding is found when a diagnostic of exactly its rule sits on
// its entry (1-based position) and field; a warning or error on a clean
// item, or anywhere no finding explains, is a false alarm.

type expectedFinding struct {
	File  string  `json:"file"`
	Entry *string `json:"entry"`
	Field string  `json:"field"`
	Rule  string  `json:"rule"`
}

type expectedFile struct {
	Findings []expectedFinding `json:"findings"`
	Clean    []expectedFinding `json:"clean"`
}

var seedNow = time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)

func isCitationRule(id string) bool {
	for _, r := range citationRules() {
		if r.ID == id {
			return true
		}
	}
	return false
}

// lintSeed lints one seed catalog with every rule and the embedded corpus.
func lintSeed(t *testing.T, name string) lint.FileResult {
	t.Helper()
	c, err := defaultCorpus()
	if err != nil {
		t.Fatal(err)
	}
	cat, err := catalog.Read(filepath.Join("..", "testdata", "seeds", name))
	if err != nil {
		t.Fatal(err)
	}
	// The citation rules only: the punctuation rule reports ASCII marks the
	// statutes themselves print, which is its own business.
	res, err := lint.Run(cat, lint.Options{Rules: citationRules(), Corpus: c, Now: seedNow})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func samePlace(d lint.Diagnostic, f expectedFinding) bool {
	if f.Entry == nil {
		if d.Entry != nil {
			return false
		}
	} else {
		n, err := strconv.Atoi(*f.Entry)
		if err != nil || d.Entry == nil || d.Entry.Index != n {
			return false
		}
	}
	norm := func(s string) string { return strings.Join(strings.Fields(s), "") }
	return norm(f.Field) == norm(d.Field) || norm(f.Field) == norm(d.Column)
}

func TestSeedsExpectedFindings(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "testdata", "seeds", "expected-findings.json"))
	if err != nil {
		t.Fatal(err)
	}
	var exp expectedFile
	if err := json.Unmarshal(b, &exp); err != nil {
		t.Fatal(err)
	}
	files := map[string]bool{}
	for _, f := range append(exp.Findings, exp.Clean...) {
		files[f.File] = true
	}
	checked := 0
	for file := range files {
		res := lintSeed(t, file)
		for _, f := range exp.Findings {
			if f.File != file || !isCitationRule(f.Rule) {
				continue
			}
			checked++
			found := false
			for _, d := range res.Diagnostics {
				if samePlace(d, f) && d.Rule == f.Rule {
					found = true
				}
			}
			if !found {
				t.Errorf("%s entry %v %s: no %s diagnostic", file, entryName(f.Entry), f.Field, f.Rule)
			}
		}
		for _, d := range res.Diagnostics {
			if !isCitationRule(d.Rule) || d.Severity < lint.Warning {
				continue
			}
			explained := false
			for _, f := range exp.Findings {
				if f.File == file && samePlace(d, f) {
					explained = true
				}
			}
			if !explained {
				t.Errorf("%s: unexplained %s %s on entry %v %s: %s", file, d.Severity, d.Rule, d.Entry, d.Field, d.Message)
			}
		}
	}
	if checked < 20 {
		t.Fatalf("only %d expected citation findings checked", checked)
	}
}

func entryName(s *string) string {
	if s == nil {
		return "-"
	}
	return *s
}

// findDiag returns the diagnostics of a rule on an entry and field.
func findDiag(res lint.FileResult, entry int, field, rule string) []lint.Diagnostic {
	var out []lint.Diagnostic
	for _, d := range res.Diagnostics {
		if d.Entry != nil && d.Entry.Index == entry && d.Field == field && d.Rule == rule {
			out = append(out, d)
		}
	}
	return out
}

// changes diffs a diagnostic's expected and actual texts (normalised) and
// returns the changed runs.
func changes(d lint.Diagnostic) []string {
	r := quote.Align(d.Actual, quote.PrepareText(d.Expected))
	var out []string
	for _, o := range r.Diff {
		switch o.Kind {
		case quote.Delete:
			out = append(out, "-"+o.Text)
		case quote.Insert:
			out = append(out, "+"+o.Text)
		}
	}
	return out
}

func TestSeedAcceptance(t *testing.T) {
	z := lintSeed(t, "000_cc42e2149e1dc4a3.txt")
	// Entry 19: the pre-2019 第八十六条 of 药品管理法, with the 2019 text.
	ds := findDiag(z, 19, "basis", "quote-superseded")
	if len(ds) != 1 {
		t.Fatalf("entry 19: %d quote-superseded diagnostics", len(ds))
	}
	d := ds[0]
	if !strings.Contains(d.Message, "2015-04-24") || !strings.Contains(d.Message, "第八十六条") || !strings.Contains(d.Message, "2019") {
		t.Errorf("entry 19 message does not name both versions: %s", d.Message)
	}
	if !strings.HasPrefix(d.Expected, "药品上市许可持有人、药品生产企业、药品经营企业和医疗机构") || !strings.HasPrefix(d.Actual, "药品标识不符合本法第五十四条") {
		t.Errorf("entry 19 expected/actual: %q / %q", d.Expected, d.Actual)
	}
	if d.Citation == nil || d.Citation.Statute != "中华人民共和国药品管理法" || d.Citation.Version != "2019-08-26" {
		t.Errorf("entry 19 citation %+v", d.Citation)
	}
	// Entry 4: the first sentence quoted as 第88条 belongs to 第八十七条.
	ds = findDiag(z, 4, "basis", "quote-misattributed")
	if len(ds) != 1 || !strings.Contains(ds[0].Message, "出自第八十七条") || !strings.Contains(ds[0].Message, "由社会保险行政部门") {
		t.Errorf("entry 4: %+v", ds)
	}
	// Entries 2 and 3: the single-character diff '。' for '，'.
	for _, e := range []int{2, 3} {
		ds := findDiag(z, e, "basis", "quote-mismatch")
		if len(ds) != 1 {
			t.Fatalf("entry %d: %d quote-mismatch diagnostics", e, len(ds))
		}
		if got := strings.Join(changes(ds[0]), " "); got != "-， +。" {
			t.Errorf("entry %d diff = %q, want '-， +。'", e, got)
		}
		if ds[0].Severity != lint.Error {
			t.Errorf("entry %d severity %v", e, ds[0].Severity)
		}
	}
	// Entries 14-16: the closing '。' left off is a mild mismatch.
	for _, e := range []int{14, 15, 16} {
		ds := findDiag(z, e, "basis", "quote-mismatch")
		if len(ds) != 1 || ds[0].Severity != lint.Warning {
			t.Errorf("entry %d: %+v", e, ds)
		}
	}
	// 003 entry 4: 给于 for 给予, one character.
	th := lintSeed(t, "003_63d24b8c8a735c5c.txt")
	ds = findDiag(th, 4, "duty_basis", "quote-mismatch")
	if len(ds) != 1 {
		t.Fatalf("003 entry 4: %d quote-mismatch diagnostics", len(ds))
	}
	if got := strings.Join(changes(ds[0]), " "); got != "-予 +于" {
		t.Errorf("003 entry 4 diff = %q, want '-予 +于'", got)
	}
	// 003 entry 11: 价格法 第三十四条 quoted after a marked elision is fine.
	for _, d := range th.Diagnostics {
		if d.Entry != nil && d.Entry.Index == 11 && d.Field == "duty_basis" && isCitationRule(d.Rule) {
			t.Errorf("003 entry 11: %s %s", d.Rule, d.Message)
		}
	}
}

// exactCatalog builds a catalog in the extracted-text format whose every
// quote is the corpus's own text: n entries, each citing one article of
// a statute in force at the catalog's date, walking the corpus.
func exactCatalog(t testing.TB, c *statutes.Corpus, n int, asOf time.Time) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("\t某市医疗保障局权力清单(2025年)\n\n")
	for _, h := range []string{"序号", "职权类型", "职权名称", "职权依据", "责任事项依据", "责任科室"} {
		b.WriteString("\t" + h + "\n")
	}
	i := 0
	c.ForEachArticle(func(s *statutes.Statute, v *statutes.Version, a *statutes.Article) bool {
		if i >= n {
			return false
		}
		if v != s.VersionAt(asOf) || v.Text != statutes.TextFull || s.StatusAt(asOf) != statutes.StatusInForce || len(a.Lines()) == 0 {
			return true
		}
		// Titles that name several statutes cannot be cited unambiguously.
		if r, err := c.Resolve(s.Title); err != nil || r != s {
			return true
		}
		i++
		label := statutes.ArticleLabel(a.Num, a.Suffix)
		fmt.Fprintf(&b, "\n\t%d\n\t行政检查\n\t依法实施监督检查事项%d\n\t《%s》%s：%s\n\t《%s》%s\n\t监督检查科\n",
			i, i, s.Title, label, a.Text(), s.Title, label)
		return true
	})
	return b.String()
}

func TestExactCatalogIsClean(t *testing.T) {
	c, err := defaultCorpus()
	if err != nil {
		t.Fatal(err)
	}
	asOf := time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC)
	path := filepath.Join(t.TempDir(), "exact.txt")
	if err := os.WriteFile(path, []byte(exactCatalog(t, c, 3000, asOf)), 0o644); err != nil {
		t.Fatal(err)
	}
	cat, err := catalog.Read(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(cat.Entries) < 300 {
		t.Fatalf("only %d entries generated", len(cat.Entries))
	}
	// The citation rules only: the punctuation rule reports ASCII marks the
	// statutes themselves print, which is its own business.
	res, err := lint.Run(cat, lint.Options{Rules: citationRules(), Corpus: c, Now: seedNow})
	if err != nil {
		t.Fatal(err)
	}
	for i, d := range res.Diagnostics {
		if i == 20 {
			t.Fatalf("... %d diagnostics in all", len(res.Diagnostics))
		}
		t.Errorf("entry %v %s %s: %s", d.Entry, d.Field, d.Rule, d.Message)
	}
}

// BenchmarkLint10k lints a 10,000-entry catalog generated from the corpus
// (every quote exact) with every rule.
func BenchmarkLint10k(b *testing.B) {
	c, err := defaultCorpus()
	if err != nil {
		b.Fatal(err)
	}
	asOf := time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC)
	path := filepath.Join(b.TempDir(), "big.txt")
	if err := os.WriteFile(path, []byte(exactCatalog(b, c, 10000, asOf)), 0o644); err != nil {
		b.Fatal(err)
	}
	cat, err := catalog.Read(path)
	if err != nil {
		b.Fatal(err)
	}
	if len(cat.Entries) < 10000 {
		b.Fatalf("only %d entries", len(cat.Entries))
	}
	b.ResetTimer()
	for b.Loop() {
		if _, err := lint.Run(cat, lint.Options{Rules: All(), Corpus: c, Now: seedNow}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestCitationGoldenCoverage holds every citation rule to a golden case
// that reports and one named *clean* that reports nothing at all.
func TestCitationGoldenCoverage(t *testing.T) {
	for _, r := range citationRules() {
		cases, _ := filepath.Glob(filepath.Join("testdata", r.ID, "*", "want.json"))
		fires, quiet := false, false
		for _, c := range cases {
			b, err := os.ReadFile(c)
			if err != nil {
				t.Fatal(err)
			}
			var ds []lint.Diagnostic
			if err := json.Unmarshal(b, &ds); err != nil {
				t.Fatalf("%s: %v", c, err)
			}
			if len(ds) > 0 {
				fires = true
			}
			if len(ds) == 0 && strings.Contains(filepath.Base(filepath.Dir(c)), "clean") {
				quiet = true
			}
		}
		if !fires {
			t.Errorf("%s: no golden case where the rule reports", r.ID)
		}
		if !quiet {
			t.Errorf("%s: no golden case named *clean* where the rule stays quiet", r.ID)
		}
		if r.Doc == "" || r.Wrong == "" || r.Right == "" || r.Title == "" {
			t.Errorf("%s: missing title, doc or examples", r.ID)
		}
	}
}
