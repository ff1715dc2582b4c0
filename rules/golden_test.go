package rules

// The golden-test driver, shared by every rule.
//
// Each case is a directory rules/testdata/<rule-id>/<case>/ holding:
//
//	catalog.txt (or catalog.docx, .xlsx, .csv)  the catalog to lint
//	want.json                                    the rule's diagnostics, as the JSON report prints them
//	config.json                                  optional: {"offices": [...], "departments": [...],
//	                                             "power_types": [...], "as_of": "2025-12-31",
//	                                             "corpus": "default"}
//	statutes/                                    optional: a tiny corpus (statutes.Load format)
//
// Only the rule named by the directory runs. The test fails on every
// diagnostic missing from want.json and on every one it does not list;
// go test ./rules -run TestGolden -update rewrites want.json.

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/citelint/citelint/catalog"
	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/statutes"
)

var update = flag.Bool("update", false, "rewrite the golden files (want.json) of rule tests")

// goldenNow is "today" for every golden case, so as-of dates are stable.
var goldenNow = time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC)

type goldenConfig struct {
	Offices     []string `json:"offices"`
	Departments []string `json:"departments"`
	PowerTypes  []string `json:"power_types"`
	AsOf        string   `json:"as_of"`
	Corpus      string   `json:"corpus"` // "default": the embedded corpus
}

var defaultCorpus = sync.OnceValues(statutes.Default)

func TestGolden(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join("testdata", "*", "*"))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, dir := range dirs {
		if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
			continue
		}
		ruleID := filepath.Base(filepath.Dir(dir))
		if !fileExists(filepath.Join(dir, "want.json")) && !(*update && hasCatalog(dir)) {
			continue // not a case (shared inputs)
		}
		if ByID(ruleID) == nil {
			t.Errorf("%s: golden case for %q, which is not a rule (removed from All?)", dir, ruleID)
			continue
		}
		n++
		t.Run(ruleID+"/"+filepath.Base(dir), func(t *testing.T) { runGolden(t, ruleID, dir) })
	}
	if n == 0 {
		t.Fatal("no golden cases found under testdata/<rule-id>/<case>")
	}
}

func runGolden(t *testing.T, ruleID, dir string) {
	t.Helper()
	rule := ByID(ruleID)
	catPath := ""
	for _, ext := range []string{".txt", ".docx", ".xlsx", ".csv"} {
		if p := filepath.Join(dir, "catalog"+ext); fileExists(p) {
			catPath = p
			break
		}
	}
	if catPath == "" {
		t.Fatalf("%s: no catalog.txt/.docx/.xlsx/.csv", dir)
	}
	cat, err := catalog.Read(catPath)
	if err != nil {
		t.Fatalf("read %s: %v", catPath, err)
	}
	cfg := &lint.Config{}
	opts := lint.Options{Rules: []*lint.Rule{rule}, Config: cfg, Now: goldenNow, Workers: 1}
	if b, err := os.ReadFile(filepath.Join(dir, "config.json")); err == nil {
		var gc goldenConfig
		dec := json.NewDecoder(bytes.NewReader(b))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&gc); err != nil {
			t.Fatalf("%s/config.json: %v", dir, err)
		}
		cfg.Offices, cfg.Departments, cfg.PowerTypes = gc.Offices, gc.Departments, gc.PowerTypes
		if gc.AsOf != "" {
			if cfg.AsOf, err = time.Parse("2006-01-02", gc.AsOf); err != nil {
				t.Fatalf("%s/config.json as_of: %v", dir, err)
			}
		}
		if gc.Corpus == "default" {
			if opts.Corpus, err = defaultCorpus(); err != nil {
				t.Fatalf("default corpus: %v", err)
			}
		}
	}
	if sd := filepath.Join(dir, "statutes"); fileExists(sd) {
		if opts.Corpus, err = statutes.Load(os.DirFS(sd)); err != nil {
			t.Fatalf("load %s: %v", sd, err)
		}
	}
	res, err := lint.Run(cat, opts)
	if err != nil {
		t.Fatalf("lint: %v", err)
	}
	got := res.Diagnostics
	if got == nil {
		got = []lint.Diagnostic{}
	}
	wantPath := filepath.Join(dir, "want.json")
	if *update {
		b, err := json.MarshalIndent(got, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(wantPath, append(b, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	b, err := os.ReadFile(wantPath)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	var want []lint.Diagnostic
	if err := json.Unmarshal(b, &want); err != nil {
		t.Fatalf("%s: %v", wantPath, err)
	}
	missing, extra := diffDiagnostics(want, got)
	for _, d := range missing {
		t.Errorf("missing diagnostic: %s", d)
	}
	for _, d := range extra {
		t.Errorf("unexpected diagnostic: %s", d)
	}
}

// diffDiagnostics compares diagnostics as their JSON encodings (a multiset
// difference, so a repeated diagnostic counts).
func diffDiagnostics(want, got []lint.Diagnostic) (missing, extra []string) {
	enc := func(ds []lint.Diagnostic) map[string]int {
		m := map[string]int{}
		for _, d := range ds {
			b, _ := json.Marshal(d)
			m[string(b)]++
		}
		return m
	}
	w, g := enc(want), enc(got)
	for k, n := range w {
		for i := g[k]; i < n; i++ {
			missing = append(missing, k)
		}
	}
	for k, n := range g {
		for i := w[k]; i < n; i++ {
			extra = append(extra, k)
		}
	}
	sort.Strings(missing)
	sort.Strings(extra)
	return missing, extra
}

func hasCatalog(dir string) bool {
	m, _ := filepath.Glob(filepath.Join(dir, "catalog.*"))
	return len(m) > 0
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// TestGoldenCoverage holds every hygiene rule to a golden case that
// reports (the rule is exercised) and one that reports nothing at warning
// or above (the rule stays quiet on clean text).
func TestGoldenCoverage(t *testing.T) {
	for _, r := range hygieneRules() {
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
			serious := 0
			for _, d := range ds {
				if d.Severity >= lint.Warning {
					serious++
				}
			}
			if serious > 0 {
				fires = true
			}
			if serious == 0 && strings.Contains(filepath.Base(filepath.Dir(c)), "clean") {
				quiet = true
			}
		}
		if !fires {
			t.Errorf("%s: no golden case where the rule reports at warning or error", r.ID)
		}
		if !quiet {
			t.Errorf("%s: no golden case named *clean* where the rule stays quiet", r.ID)
		}
	}
}
