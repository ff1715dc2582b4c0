package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/xeipuuv/gojsonschema"

	"github.com/citelint/citelint/lint/report/reporttest"
	"github.com/citelint/citelint/rules"
)

// jsonReport is the part of the JSON report the tests read.
type jsonReport struct {
	Version int `json:"version"`
	Tool    struct {
		Name, Version, Corpus string
	} `json:"tool"`
	Files []struct {
		Path        string `json:"path"`
		Entries     int    `json:"entries"`
		Diagnostics []struct {
			Rule     string `json:"rule"`
			Severity string `json:"severity"`
			Entry    *struct {
				Index int    `json:"index"`
				Seq   string `json:"seq"`
			} `json:"entry"`
			Field    string `json:"field"`
			Expected string `json:"expected"`
			Actual   string `json:"actual"`
		} `json:"diagnostics"`
	} `json:"files"`
	Summary struct {
		Files, Entries, Error, Warning, Info int
	} `json:"summary"`
}

func lintJSON(t *testing.T, args ...string) jsonReport {
	t.Helper()
	out, stderr, code := runCLI(t, append([]string{"lint", "--format", "json", "--no-fail"}, args...)...)
	if code != 0 {
		t.Fatalf("lint %v: exit %d: %s", args, code, stderr)
	}
	var r jsonReport
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("lint %v: %v\n%s", args, err, out)
	}
	return r
}

// onlyRuleConfig writes a citelint.yaml that disables every rule but keep,
// which gets severity sev.
func onlyRuleConfig(t *testing.T, dir, keep, sev string) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("rules:\n")
	for _, r := range rules.All() {
		if r.ID == keep {
			fmt.Fprintf(&b, "  %s:\n    severity: %s\n", r.ID, sev)
		} else {
			fmt.Fprintf(&b, "  %s: off\n", r.ID)
		}
	}
	return writeFile(t, dir, "only-"+sev+".yaml", b.String())
}

// Exit status for each --fail-on value: 1 when a finding is at or above
// the threshold, 0 otherwise; --no-fail and never always give 0.
func TestLintExitStatus(t *testing.T) {
	dir := t.TempDir()
	cat := copyFile(t, small, dir)
	// The rule that fires on the small catalog (an emoji in a power name).
	r := lintJSON(t, cat)
	if len(r.Files) != 1 || len(r.Files[0].Diagnostics) == 0 {
		t.Fatalf("no finding on %s: %+v", small, r)
	}
	rule := r.Files[0].Diagnostics[0].Rule

	rank := map[string]int{"info": 0, "warning": 1, "error": 2}
	for _, sev := range []string{"info", "warning", "error"} {
		cfg := onlyRuleConfig(t, dir, rule, sev)
		for _, failOn := range []string{"info", "warning", "error", "never"} {
			want := 0
			if failOn != "never" && rank[sev] >= rank[failOn] {
				want = 1
			}
			for _, format := range []string{"text", "json", "sarif", "html"} {
				_, stderr, code := runCLI(t, "lint", "--config", cfg, "--fail-on", failOn, "--format", format, cat)
				if code != want {
					t.Errorf("%s finding, --fail-on %s, --format %s: exit %d, want %d (%s)", sev, failOn, format, code, want, stderr)
				}
			}
			if _, _, code := runCLI(t, "lint", "--config", cfg, "--fail-on", failOn, "--no-fail", cat); code != 0 {
				t.Errorf("%s finding, --fail-on %s --no-fail: exit %d, want 0", sev, failOn, code)
			}
		}
	}
	// Nothing found: 0 whatever the threshold.
	var off strings.Builder
	off.WriteString("rules:\n")
	for _, r := range rules.All() {
		fmt.Fprintf(&off, "  %s: off\n", r.ID)
	}
	none := writeFile(t, dir, "none.yaml", off.String())
	for _, failOn := range []string{"info", "warning", "error", "never"} {
		out, stderr, code := runCLI(t, "lint", "--config", none, "--fail-on", failOn, cat)
		if code != 0 || !strings.Contains(out, "no findings") {
			t.Errorf("clean, --fail-on %s: exit %d, want 0\n%s%s", failOn, code, out, stderr)
		}
	}
}

// Usage, configuration and input errors give exit status 2 whatever the
// format, with a message naming the problem.
func TestLintErrors(t *testing.T) {
	dir := t.TempDir()
	cat := copyFile(t, small, dir)
	broken := writeFile(t, dir, "broken/citelint.yaml", "rules:\n  punctuation: loud\nofices: [a]\n")
	brokenCat := copyFile(t, small, filepath.Join(dir, "broken"))
	unknownKey := writeFile(t, dir, "unknown.yaml", "as_of: 2025-01-01\nofices: [基金监管股]\n")
	badYAML := writeFile(t, dir, "bad.yaml", "rules: [\n")
	notCatalog := writeFile(t, dir, "notes.txt", "just a note, no table\n")
	badBaseline := writeFile(t, dir, "b.json", `{"version": 9}`)
	missingDir := writeFile(t, dir, "dirs.yaml", "statute_dirs: [no-such-dir]\n")
	badAlias := writeFile(t, dir, "alias.yaml", "aliases:\n  某条例: 中华人民共和国不存在法\n")
	emptyDir := filepath.Join(dir, "dir.docx") // a directory named like a catalog
	if err := os.Mkdir(emptyDir, 0o755); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"no file", []string{"lint"}, "no catalog given"},
		{"directory without catalogs", []string{"lint", emptyDir}, "read catalogs in " + emptyDir + ": no catalog file"},
		{"missing file", []string{"lint", filepath.Join(dir, "nope.txt")}, "nope.txt"},
		{"unknown format", []string{"lint", "--format", "pdf", cat}, "--format"},
		{"unknown fail-on", []string{"lint", "--fail-on", "critical", cat}, "--fail-on"},
		{"unknown color", []string{"lint", "--color", "sometimes", cat}, "--color"},
		{"bad as-of", []string{"lint", "--as-of", "2025/01/01", cat}, "--as-of"},
		{"unknown flag", []string{"lint", "--frobnicate", cat}, "frobnicate"},
		{"config found upward is broken", []string{"lint", brokenCat}, "citelint.yaml:2:16"},
		{"unknown key in --config", []string{"lint", "--config", unknownKey, cat}, "unknown.yaml:2:1: unknown field \"ofices\""},
		{"config syntax", []string{"lint", "--config", badYAML, cat}, "bad.yaml:"},
		{"missing --config", []string{"lint", "--config", filepath.Join(dir, "none.yaml"), cat}, "none.yaml"},
		{"unreadable catalog", []string{"lint", notCatalog}, "notes.txt"},
		{"bad baseline", []string{"lint", "--baseline", badBaseline, cat}, "b.json"},
		{"missing statute dir", []string{"lint", "--config", missingDir, cat}, "no-such-dir"},
		{"alias to an unknown statute", []string{"lint", "--config", badAlias, cat}, "aliases"},
	}
	for _, tt := range tests {
		for _, format := range []string{"text", "json"} {
			args := append([]string{tt.args[0], "--format", format}, tt.args[1:]...)
			if tt.name == "unknown format" && format == "json" {
				continue
			}
			_, stderr, code := runCLI(t, args...)
			if code != 2 {
				t.Errorf("%s (%s): exit %d, want 2; stderr %q", tt.name, format, code, stderr)
			}
			if !strings.Contains(stderr, tt.want) {
				t.Errorf("%s (%s): stderr %q does not mention %q", tt.name, format, stderr, tt.want)
			}
		}
	}
	_ = broken
}

// Several reports from one run: stdout in one format, files in the others,
// all describing the same findings.
func TestLintSeveralOutputs(t *testing.T) {
	dir := t.TempDir()
	cat := copyFile(t, small, dir)
	j, h, s, x := filepath.Join(dir, "r.json"), filepath.Join(dir, "r.html"), filepath.Join(dir, "r.sarif"), filepath.Join(dir, "r.txt")
	out, stderr, code := runCLI(t, "lint", "--no-fail", "--color", "never", "--format", "text",
		"--output-json", j, "--output-html", h, "--output-sarif", s, "--output-text", x, cat)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	txt, err := os.ReadFile(x)
	if err != nil {
		t.Fatal(err)
	}
	if string(txt) != out {
		t.Errorf("--output-text differs from stdout")
	}
	var rep jsonReport
	b, err := os.ReadFile(j)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &rep); err != nil {
		t.Fatal(err)
	}
	n := len(rep.Files[0].Diagnostics)
	if n == 0 {
		t.Fatal("no findings in the JSON report")
	}
	if rep.Version != 1 || rep.Tool.Name != "citelint" || rep.Tool.Corpus == "" {
		t.Errorf("tool = %+v, version %d", rep.Tool, rep.Version)
	}
	if got := strings.Count(out, "\n"+cat+":") + strings.Count(out, "\n"+cat+" "); got < 1 {
		t.Errorf("text report has no finding lines for %s:\n%s", cat, out)
	}
	sb, err := os.ReadFile(s)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Count(string(sb), `"ruleId"`); got != n {
		t.Errorf("SARIF has %d results, JSON %d diagnostics", got, n)
	}
	hb, err := os.ReadFile(h)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Count(string(hb), `<article class="finding"`); got != n {
		t.Errorf("HTML has %d findings, JSON %d diagnostics", got, n)
	}
	// -o writes the main report to a file and nothing to stdout.
	o := filepath.Join(dir, "main.json")
	out, _, _ = runCLI(t, "lint", "--no-fail", "--format", "json", "-o", o, cat)
	if out != "" {
		t.Errorf("stdout with -o: %q", out)
	}
	if ob, err := os.ReadFile(o); err != nil || !bytes.Equal(ob, b) {
		t.Errorf("-o report differs from --output-json (%v)", err)
	}
}

// Color: never by default when stdout is not a terminal, always on
// request, and NO_COLOR only matters for auto.
func TestLintColor(t *testing.T) {
	dir := t.TempDir()
	cat := copyFile(t, small, dir)
	esc := "\x1b["
	if out, _, _ := runCLI(t, "lint", "--no-fail", cat); strings.Contains(out, esc) {
		t.Error("colored output to a non-terminal")
	}
	if out, _, _ := runCLI(t, "lint", "--no-fail", "--color", "always", cat); !strings.Contains(out, esc) {
		t.Error("--color always gave no color")
	}
	t.Setenv("NO_COLOR", "1")
	if out, _, _ := runCLI(t, "lint", "--no-fail", "--color", "auto", cat); strings.Contains(out, esc) {
		t.Error("NO_COLOR ignored")
	}
}

// The same catalogs give the same bytes in every format, across runs and
// whatever the order they are given in.
func TestLintDeterministic(t *testing.T) {
	dir := t.TempDir()
	a, b := copyFile(t, seed000, dir), copyFile(t, seed003, dir)
	for _, format := range []string{"text", "json", "sarif", "html"} {
		first, stderr, code := runCLI(t, "lint", "--no-fail", "--format", format, a, b)
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", format, code, stderr)
		}
		for _, args := range [][]string{{a, b}, {b, a}, {b, a, a}, {dir}} {
			out, _, _ := runCLI(t, append([]string{"lint", "--no-fail", "--format", format}, args...)...)
			if out != first {
				t.Errorf("%s: output for %v differs from the first run", format, args)
			}
		}
	}
}

// Baseline: recorded findings are not reported again; a new one is.
func TestLintBaseline(t *testing.T) {
	dir := t.TempDir()
	cat := copyFile(t, seed000, dir)
	base := filepath.Join(dir, "baseline.json")
	before := lintJSON(t, "--write-baseline", base, cat)
	total := len(before.Files[0].Diagnostics)
	if total == 0 {
		t.Fatal("seed has no findings")
	}
	after := lintJSON(t, "--baseline", base, cat)
	if n := len(after.Files[0].Diagnostics); n != 0 {
		t.Errorf("%d findings despite the baseline", n)
	}
	_, _, code := runCLI(t, "lint", "--baseline", base, cat)
	if code != 0 {
		t.Errorf("exit %d with every finding in the baseline, want 0", code)
	}
	// A new defect in an entry: an emoji in the first power name.
	b, err := os.ReadFile(cat)
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	const name = "对用人单位不办理医疗保险和生育保险登记"
	if !strings.Contains(text, name) {
		t.Fatalf("seed lacks %q", name)
	}
	if err := os.WriteFile(cat, []byte(strings.Replace(text, name, name+"🍩", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	changed := lintJSON(t, "--baseline", base, cat)
	ds := changed.Files[0].Diagnostics
	if len(ds) == 0 {
		t.Fatal("the new finding is not reported")
	}
	for _, d := range ds {
		if d.Entry == nil || d.Entry.Index != 1 {
			t.Errorf("old finding reported again: %+v", d)
		}
	}
}

// The SARIF log of a seed validates against the SARIF 2.1.0 schema.
func TestLintSARIFSchema(t *testing.T) {
	schema, err := os.ReadFile("../../testdata/sarif-schema/sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, seed := range []string{seed000, seed003} {
		out, stderr, code := runCLI(t, "lint", "--no-fail", "--format", "sarif", seed)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		res, err := gojsonschema.Validate(gojsonschema.NewBytesLoader(schema), gojsonschema.NewStringLoader(out))
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range res.Errors() {
			t.Errorf("%s: %s", filepath.Base(seed), e)
		}
		if !strings.Contains(out, `"startLine"`) {
			t.Errorf("%s: no physical regions for a text catalog", filepath.Base(seed))
		}
	}
}

// The HTML report of both seeds renders in headless Chromium without
// script errors, and a link to entry 19 of 000_cc42e2149e1dc4a3.txt
// (?focus=) shows its quote diff (statute | catalog) in the screenshot's
// viewport. (Headless Chromium paints a blank screenshot of a page scrolled
// to a #fragment, hence the focus link.)
func TestLintHTMLSeedsInChromium(t *testing.T) {
	bin := reporttest.Chromium(t)
	dir := t.TempDir()
	page, js := filepath.Join(dir, "report.html"), filepath.Join(dir, "report.json")
	_, stderr, code := runCLI(t, "lint", "--no-fail", "--format", "html", "-o", page, "--output-json", js, seed000, seed003)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var rep jsonReport
	b, err := os.ReadFile(js)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &rep); err != nil {
		t.Fatal(err)
	}
	// The quote finding of entry 19 in the first file (000_…).
	id, want := "", ""
	for i, d := range rep.Files[0].Diagnostics {
		if d.Entry != nil && d.Entry.Index == 19 && d.Expected != "" && d.Actual != "" {
			id, want = fmt.Sprintf("f0-d%d", i), d.Actual
			break
		}
	}
	if id == "" {
		t.Fatalf("no quote finding with statute and catalog text on entry 19 of %s", rep.Files[0].Path)
	}

	dom := reporttest.DumpDOM(t, bin, reporttest.FileURL(t, page, "focus="+id+"-diff", ""))
	reporttest.CheckScripts(t, dom)
	if got, _ := reporttest.RootAttr(dom, "data-target-visible"); got != "yes" {
		t.Errorf("entry 19's diff is not in view")
	}
	shown, err := reporttest.ElementText(dom, id+"-diff")
	if err != nil {
		t.Fatal(err)
	}
	space := regexp.MustCompile(`\s+`)
	if !strings.Contains(space.ReplaceAllString(shown, ""), space.ReplaceAllString(want, "")) {
		t.Errorf("entry 19's diff does not show the catalog's quote %q:\n%s", want, shown)
	}
	if !strings.Contains(shown, "药品标识不符合本法第五十四条规定的") {
		t.Errorf("entry 19's diff lacks the superseded quote:\n%s", shown)
	}
	reporttest.Screenshot(t, bin, reporttest.FileURL(t, page, "focus="+id+"-diff", ""), filepath.Join(dir, "entry19.png"))
}

// The configuration reaches the run: as_of sets the date, an ignore with
// its reason drops the finding it names.
func TestLintConfig(t *testing.T) {
	dir := t.TempDir()
	cat := copyFile(t, small, dir)
	r := lintJSON(t, cat)
	if len(r.Files) != 1 || len(r.Files[0].Diagnostics) == 0 {
		t.Fatalf("no finding on %s", small)
	}
	d := r.Files[0].Diagnostics[0]
	n := len(r.Files[0].Diagnostics)
	cfg := fmt.Sprintf("as_of: 2023-06-30\nignores:\n  - file: %s\n    entry: %q\n    rule: %s\n    reason: 已核实\n",
		filepath.Base(cat), d.Entry.Seq, d.Rule)
	writeFile(t, dir, "citelint.yaml", cfg)
	out, stderr, code := runCLI(t, "lint", "--format", "json", "--no-fail", cat)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(out, `"as_of": "2023-06-30"`) {
		t.Errorf("as_of from citelint.yaml not used:\n%s", out)
	}
	var got jsonReport
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	for _, g := range got.Files[0].Diagnostics {
		if g.Rule == d.Rule && g.Entry != nil && g.Entry.Seq == d.Entry.Seq {
			t.Errorf("ignored finding reported: %+v", g)
		}
	}
	if len(got.Files[0].Diagnostics) >= n {
		t.Errorf("%d findings with the ignore, %d without", len(got.Files[0].Diagnostics), n)
	}
	// --as-of wins over the file.
	out, _, _ = runCLI(t, "lint", "--format", "json", "--no-fail", "--as-of", "2024-01-01", cat)
	if !strings.Contains(out, `"as_of": "2024-01-01"`) {
		t.Errorf("--as-of not used")
	}
}

// Without a terminal there is no progress bar, however many files.
func TestLintProgressSilent(t *testing.T) {
	dir := t.TempDir()
	var args []string
	for i := 0; i < progressMin+2; i++ {
		args = append(args, writeFile(t, dir, fmt.Sprintf("c%d.txt", i), mustRead(t, small)))
	}
	_, stderr, code := runCLI(t, append([]string{"lint", "--no-fail"}, args...)...)
	if code != 0 || stderr != "" {
		t.Errorf("exit %d, stderr %q; want 0 and nothing", code, stderr)
	}
}

func mustRead(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// An unreadable catalog must never look like a clean one: no report that
// says "no findings", exit status 2, the file named; and no baseline that
// silently leaves it out.
func TestLintUnreadableIsNotClean(t *testing.T) {
	dir := t.TempDir()
	empty := writeFile(t, dir, "empty.csv", "")
	for _, format := range []string{"text", "json"} {
		out, errb, code := runCLI(t, "lint", "--format", format, empty)
		if code != 2 {
			t.Errorf("%s: exit %d, want 2", format, code)
		}
		if strings.Contains(out, "no findings") || strings.Contains(out, `"files"`) {
			t.Errorf("%s: report printed for an unreadable catalog:\n%s", format, out)
		}
		if !strings.Contains(errb, "empty.csv") {
			t.Errorf("%s: stderr does not name the file: %q", format, errb)
		}
	}
	seed := copyFile(t, filepath.Join("..", "..", "testdata", "seeds", "003_63d24b8c8a735c5c.txt"), dir)
	b := filepath.Join(dir, "b.json")
	if _, errb, code := runCLI(t, "lint", "--write-baseline", b, seed, empty); code != 2 || !strings.Contains(errb, "baseline not written") {
		t.Errorf("baseline with an unreadable catalog: exit %d, stderr %q", code, errb)
	}
	if _, err := os.Stat(b); err == nil {
		t.Error("baseline written although a catalog could not be read")
	}
}

// A directory argument that holds no catalog is named: in the error when
// no argument gave a catalog, in a warning when others did.
func TestLintDirectoryArguments(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "dir.docx")
	if err := os.Mkdir(empty, 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, dir, "notes/readme.md", "not a catalog\n")
	writeFile(t, dir, "notes/.hidden.txt", "hidden files are not catalogs\n")
	notes := filepath.Join(dir, "notes")
	full := filepath.Join(dir, "full")
	copyFile(t, small, full)

	_, errb, code := runCLI(t, "lint", empty, notes)
	if code != 2 {
		t.Errorf("two empty directories: exit %d, want 2", code)
	}
	for _, d := range []string{empty, notes} {
		if !strings.Contains(errb, "read catalogs in "+d+": no catalog file") {
			t.Errorf("two empty directories: stderr does not name %s: %q", d, errb)
		}
	}
	if strings.Contains(errb, "no catalog given") {
		t.Errorf("arguments were given, yet: %q", errb)
	}

	out, errb, code := runCLI(t, "lint", "--format", "json", "--no-fail", empty, full)
	if code != 0 {
		t.Fatalf("an empty directory and a full one: exit %d, want 0; %s", code, errb)
	}
	if !strings.Contains(errb, "warning: read catalogs in "+empty+": no catalog file") || strings.Contains(errb, full) {
		t.Errorf("want a warning naming only %s: %q", empty, errb)
	}
	var rep jsonReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Files) != 1 {
		t.Errorf("%d files in the report, want 1", len(rep.Files))
	}
}
