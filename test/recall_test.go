//go:build unix

package test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/citelint/citelint/internal/gen"
)

// recall compares what citelint reported on a generated catalog with what
// the generator injected.
type recall struct {
	rules map[string]*ruleScore
	// examples of misses and false alarms, for the log
	missed, misplaced, unexpected []string
}

type ruleScore struct {
	injected, found, misplaced, missed, unexpected, severityDiffers int
}

func (s *recall) rule(id string) *ruleScore {
	if s.rules[id] == nil {
		s.rules[id] = &ruleScore{}
	}
	return s.rules[id]
}

func entries(d gen.Defect) []int { return append([]int{d.Entry}, d.Others...) }

// score matches diagnostics to defects. A defect is found when a diagnostic
// of its rule names its entry (or one of its Others) and its field (any
// field when AnyField); misplaced when only the field differs. A warning or
// error is unexpected unless a defect explains it: same rule and entry, or
// one of the defect's Also rules on its entry. Info findings are never
// unexpected.
func score(res *gen.Result, diags []Diagnostic) *recall {
	s := &recall{rules: map[string]*ruleScore{}}
	for _, d := range res.Defects {
		rs := s.rule(d.Rule)
		rs.injected++
		found, misplaced := false, false
		for _, g := range diags {
			if g.Rule != d.Rule || !slices.Contains(entries(d), g.entry()) {
				continue
			}
			if d.AnyField || g.Field == string(d.Field) {
				found = true
				if g.Severity != d.Severity {
					rs.severityDiffers++
				}
				break
			}
			misplaced = true
		}
		switch {
		case found:
			rs.found++
		case misplaced:
			rs.misplaced++
			s.misplaced = append(s.misplaced, fmt.Sprintf("entry %d %s %s: reported on another field (%s)", d.Entry, d.Field, d.Rule, d.Detail))
		default:
			rs.missed++
			s.missed = append(s.missed, fmt.Sprintf("entry %d %s %s: %s", d.Entry, d.Field, d.Rule, d.Detail))
		}
	}
	for _, g := range diags {
		if g.Severity != "warning" && g.Severity != "error" {
			continue
		}
		explained := false
		for _, d := range res.Defects {
			if (g.Rule == d.Rule && slices.Contains(entries(d), g.entry())) ||
				(slices.Contains(d.Also, g.Rule) && g.entry() == d.Entry) {
				explained = true
				break
			}
		}
		if !explained {
			s.rule(g.Rule).unexpected++
			s.unexpected = append(s.unexpected, fmt.Sprintf("entry %d %s %s %s: %s", g.entry(), g.Field, g.Rule, g.Severity, g.Message))
		}
	}
	return s
}

func (s *recall) table() string {
	var ids []string
	for id := range s.rules {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	var b strings.Builder
	b.WriteString("| rule | injected | found | other field | missed | unexpected (warning/error) | found at another severity than RULES.md's |\n|---|---:|---:|---:|---:|---:|---:|\n")
	var tot ruleScore
	for _, id := range ids {
		r := s.rules[id]
		fmt.Fprintf(&b, "| %s | %d | %d | %d | %d | %d | %d |\n", id, r.injected, r.found, r.misplaced, r.missed, r.unexpected, r.severityDiffers)
		tot.injected += r.injected
		tot.found += r.found
		tot.misplaced += r.misplaced
		tot.missed += r.missed
		tot.unexpected += r.unexpected
		tot.severityDiffers += r.severityDiffers
	}
	fmt.Fprintf(&b, "| **total** | %d | %d | %d | %d | %d | %d |\n", tot.injected, tot.found, tot.misplaced, tot.missed, tot.unexpected, tot.severityDiffers)
	return b.String()
}

func (s *recall) total() (injected, found, unexpected int) {
	for _, r := range s.rules {
		injected += r.injected
		found += r.found
		unexpected += r.unexpected
	}
	return
}

// examples lists up to n items per rule.
func examples(items []string, n int) string {
	per := map[string]int{}
	var out []string
	for _, it := range items {
		f := strings.Fields(it)
		rule := ""
		if len(f) > 3 {
			rule = f[3]
		}
		if per[rule]++; per[rule] <= n {
			out = append(out, "  "+it)
		}
	}
	return strings.Join(out, "\n")
}

func (s *recall) check(t *testing.T, name string) {
	t.Helper()
	injected, found, unexpected := s.total()
	t.Logf("%s: %d of %d injected defects found, %d unexpected warnings/errors\n%s", name, found, injected, unexpected, s.table())
	if out := os.Getenv("CITELINT_RECALL_OUT"); out != "" {
		body := fmt.Sprintf("# %s\n\n%s\nmissed:\n%s\n\nother field:\n%s\n\nunexpected:\n%s\n", name, s.table(),
			strings.Join(s.missed, "\n"), strings.Join(s.misplaced, "\n"), strings.Join(s.unexpected, "\n"))
		os.WriteFile(filepath.Join(out, name+".md"), []byte(body), 0o644)
	}
	if len(s.missed)+len(s.misplaced) > 0 {
		t.Errorf("%s: %d injected defects not found under their rule (examples, at most 3 per rule):\n%s\n%s",
			name, len(s.missed)+len(s.misplaced), examples(s.missed, 3), examples(s.misplaced, 3))
	}
	if len(s.unexpected) > 0 {
		t.Errorf("%s: %d warnings/errors no injected defect explains (examples, at most 3 per rule):\n%s",
			name, len(s.unexpected), examples(s.unexpected, 3))
	}
}

func lintJSON(t *testing.T, timeout time.Duration, path string) *Report {
	t.Helper()
	r := citelint(t, timeout, nil, "lint", path, "--format", "json", "--no-fail")
	noCrash(t, r)
	if r.code != 0 {
		t.Fatalf("lint %s: %v", path, r)
	}
	rep := parseReport(t, r)
	if len(rep.Files) != 1 {
		t.Fatalf("lint %s: %d files in the report", path, len(rep.Files))
	}
	return rep
}

// TestRecall: on a generated 2,000-entry catalog (.txt), every injected
// defect is found under its rule, and nothing else is reported at warning
// or error.
func TestRecall(t *testing.T) {
	if testing.Short() {
		t.Skip("generates and lints a 2,000-entry catalog")
	}
	dir, res := generated(t, 2000, "txt")
	rep := lintJSON(t, 5*time.Minute, filepath.Join(dir, "catalog.txt"))
	if got := rep.Files[0].Entries; got != res.N {
		t.Errorf("%d entries read, want %d", got, res.N)
	}
	score(res, rep.Files[0].Diagnostics).check(t, "recall-2000-txt")
}

// TestRecallFormats: the same 300-entry catalog as .docx, .xlsx and .csv
// gives the same findings as the .txt (same rule, entry and field), and the
// same recall.
func TestRecallFormats(t *testing.T) {
	if testing.Short() {
		t.Skip("lints a 300-entry catalog in four formats")
	}
	dir, res := generated(t, 300, gen.Formats...)
	type key struct {
		rule, field string
		entry       int
	}
	keys := map[string]map[key]bool{}
	for _, f := range gen.Formats {
		t.Run(f, func(t *testing.T) {
			rep := lintJSON(t, 2*time.Minute, filepath.Join(dir, "catalog."+f))
			if got := rep.Files[0].Entries; got != res.N {
				t.Errorf("%d entries read, want %d", got, res.N)
			}
			keys[f] = map[key]bool{}
			for _, d := range rep.Files[0].Diagnostics {
				keys[f][key{d.Rule, d.Field, d.entry()}] = true
			}
			score(res, rep.Files[0].Diagnostics).check(t, "recall-300-"+f)
		})
	}
	for _, f := range gen.Formats[1:] {
		if keys[f] == nil || keys["txt"] == nil {
			continue
		}
		var diff []string
		for k := range keys["txt"] {
			if !keys[f][k] {
				diff = append(diff, fmt.Sprintf("only in txt: entry %d %s %s", k.entry, k.field, k.rule))
			}
		}
		for k := range keys[f] {
			if !keys["txt"][k] {
				diff = append(diff, fmt.Sprintf("only in %s: entry %d %s %s", f, k.entry, k.field, k.rule))
			}
		}
		sort.Strings(diff)
		if len(diff) > 0 {
			t.Errorf("%s and txt differ in %d findings:\n%s", f, len(diff), strings.Join(diff[:min(len(diff), 20)], "\n"))
		}
	}
}

// TestRecallFamilies: the generator's layout families (other header words,
// quotes after a space, a full-width space or two spaces, numbered bases)
// at 2,000 entries each, each family in one of the four formats: every
// injected defect is found under its rule and nothing else is reported at
// warning or error.
func TestRecallFamilies(t *testing.T) {
	if testing.Short() {
		t.Skip("generates and lints a 2,000-entry catalog per layout family")
	}
	c, err := corpus()
	if err != nil {
		t.Fatal(err)
	}
	for fi := 1; fi < len(gen.Families); fi++ {
		fam := gen.Families[fi]
		format := gen.Formats[fi%len(gen.Formats)]
		t.Run(fam.Name+"-"+format, func(t *testing.T) {
			res, err := gen.Generate(gen.FromCorpus(c, gen.AsOf(2025)), gen.Options{N: 2000, Seed: uint64(fi), Year: 2025, Family: fi})
			if err != nil {
				t.Fatal(err)
			}
			dir := filepath.Join(workDir, "family-"+fam.Name)
			if _, err := gen.WriteDir(dir, "catalog", res, format); err != nil {
				t.Fatal(err)
			}
			rep := lintJSON(t, 5*time.Minute, filepath.Join(dir, "catalog."+format))
			if got := rep.Files[0].Entries; got != res.N {
				t.Fatalf("%d entries read, want %d", got, res.N)
			}
			score(res, rep.Files[0].Diagnostics).check(t, "recall-2000-"+fam.Name+"-"+format)
		})
	}
}
