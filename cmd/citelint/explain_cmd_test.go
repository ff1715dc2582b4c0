package main

import (
	"strings"
	"testing"

	"github.com/citelint/citelint/rules"
)

// Every rule explains itself with a doc, a wrong and a right example.
func TestExplainEveryRule(t *testing.T) {
	for _, r := range rules.All() {
		t.Run(r.ID, func(t *testing.T) {
			if r.Title == "" || r.Doc == "" || r.Wrong == "" || r.Right == "" {
				t.Errorf("rule %s lacks a title, doc or example", r.ID)
			}
			out, stderr, code := runCLI(t, "explain", r.ID)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			for _, part := range []string{r.ID, r.Title, r.Severity.String(), strings.TrimSpace(r.Doc), "错误示例", "正确示例"} {
				if !strings.Contains(out, part) {
					t.Errorf("explain %s lacks %q:\n%s", r.ID, part, out)
				}
			}
			for _, ex := range []string{r.Wrong, r.Right} {
				for _, line := range strings.Split(strings.TrimSpace(ex), "\n") {
					if !strings.Contains(out, "    "+line) {
						t.Errorf("explain %s lacks example line %q", r.ID, line)
					}
				}
			}
		})
	}
}

func TestExplainErrors(t *testing.T) {
	all := rules.All()
	if len(all) == 0 {
		t.Fatal("no rules")
	}
	id := all[0].ID
	typo := id[:len(id)-1] + "x"
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"explain"}, "give one rule"},
		{[]string{"explain", id, id}, "give one rule"},
		{[]string{"explain", "no-such-rule-at-all"}, `unknown rule "no-such-rule-at-all"`},
		{[]string{"explain", typo}, "did you mean " + id},
	}
	for _, tt := range tests {
		_, stderr, code := runCLI(t, tt.args...)
		if code != 2 || !strings.Contains(stderr, tt.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", tt.args, code, stderr, tt.want)
		}
	}
}
