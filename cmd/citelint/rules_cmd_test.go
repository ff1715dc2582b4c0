package main

import (
	"flag"
	"os"
	"strings"
	"testing"

	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/report"
	"github.com/citelint/citelint/rules"
)

var updateGolden = flag.Bool("update", false, "rewrite golden files and README.md's generated parts (the one -update flag of this package)")

func TestRulesCommand(t *testing.T) {
	out, stderr, code := runCLI(t, "rules")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	all := rules.All()
	if len(all) == 0 {
		t.Fatal("rules.All() is empty")
	}
	if len(lines) != len(all)+1 {
		t.Fatalf("%d lines for %d rules:\n%s", len(lines), len(all), out)
	}
	col := -1
	for i, r := range all {
		line := lines[i+1]
		if !strings.HasPrefix(line, r.ID+" ") || !strings.HasSuffix(line, r.Title) || !strings.Contains(line, " "+r.Severity.String()+" ") {
			t.Errorf("line %q does not show %s, %s, %s", line, r.ID, r.Severity, r.Title)
		}
		// Titles start in the same column.
		w := report.DisplayWidth(strings.TrimSuffix(line, r.Title))
		if col >= 0 && w != col {
			t.Errorf("title of %s at column %d, want %d", r.ID, w, col)
		}
		col = w
	}
	if _, _, code := runCLI(t, "rules", "--format", "yaml"); code != 2 {
		t.Errorf("unknown --format: exit %d, want 2", code)
	}
}

// README.md's rule table is generated from rules.All(); go test -update
// rewrites it.
func TestReadmeRuleTable(t *testing.T) {
	const path = "../../README.md"
	const start, end = "<!-- rules:start -->\n", "<!-- rules:end -->"
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	readme := string(b)
	i, j := strings.Index(readme, start), strings.Index(readme, end)
	if i < 0 || j < i {
		t.Fatalf("README.md lacks the %q … %q markers", strings.TrimSpace(start), end)
	}
	want := rulesMarkdown(rules.All())
	got := readme[i+len(start) : j]
	if got == want {
		return
	}
	if *updateGolden {
		if err := os.WriteFile(path, []byte(readme[:i+len(start)]+want+readme[j:]), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("README.md's rule table is out of date (go test ./cmd/citelint -run Readme -update):\n--- README\n%s--- rules.All()\n%s", got, want)
}

func TestRulesMarkdown(t *testing.T) {
	got := rulesMarkdown([]*lint.Rule{{ID: "a-b", Title: "甲|乙", Severity: lint.Warning}})
	want := "| rule | default severity | title |\n|---|---|---|\n| `a-b` | warning | 甲\\|乙 |\n"
	if got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// README.md's example output is what citelint prints today on the
// example catalog; go test -update rewrites it.
func TestReadmeExample(t *testing.T) {
	t.Chdir("../..")
	const path = "README.md"
	const start, end = "<!-- example:start -->\n", "<!-- example:end -->"
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	readme := string(b)
	i, j := strings.Index(readme, start), strings.Index(readme, end)
	if i < 0 || j < i {
		t.Fatalf("README.md lacks the %q … %q markers", strings.TrimSpace(start), end)
	}
	out, stderr, code := runCLI(t, "lint", "--color", "never", "testdata/report/catalogs/small.txt")
	if code == 2 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var want strings.Builder
	for _, line := range strings.Split(strings.TrimRight(out, "\n"), "\n") {
		if line == "" {
			want.WriteString("\n")
			continue
		}
		want.WriteString("    " + line + "\n")
	}
	got := readme[i+len(start) : j]
	wantBlock := "\n" + want.String() + "\n"
	if got == wantBlock {
		return
	}
	if *updateGolden {
		if err := os.WriteFile(path, []byte(readme[:i+len(start)]+wantBlock+readme[j:]), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("README.md's example output is out of date (go test ./cmd/citelint -run Readme -update):\n--- README\n%s--- citelint prints\n%s", got, wantBlock)
}
