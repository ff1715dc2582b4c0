package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/urfave/cli/v3"

	"github.com/citelint/citelint/internal/editdist"
	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/rules"
)

func explainCmd() *cli.Command {
	return &cli.Command{
		Name:      "explain",
		Usage:     "explain a rule: what it catches and why, with a wrong and a right example",
		ArgsUsage: "RULE",
		Action: func(ctx context.Context, cmd *cli.Command) error {
			if cmd.Args().Len() != 1 {
				return inputError(errors.New("explain: give one rule ID (citelint rules lists them)"))
			}
			id := strings.TrimSpace(cmd.Args().First())
			all := rules.All()
			for _, r := range all {
				if r.ID == id {
					return writeExplain(cmd.Root().Writer, r)
				}
			}
			msg := fmt.Sprintf("explain: unknown rule %q", id)
			if s := nearRules(id, all); len(s) > 0 {
				msg += " (did you mean " + strings.Join(s, ", ") + "?)"
			} else {
				msg += " (citelint rules lists them)"
			}
			return inputError(errors.New(msg))
		},
	}
}

func writeExplain(w io.Writer, r *lint.Rule) error {
	var b strings.Builder
	scope := "each entry"
	if r.Scope == lint.CatalogScope {
		scope = "the whole catalog"
	}
	fmt.Fprintf(&b, "%s — %s\ndefault severity: %s; checks %s\n\n", r.ID, r.Title, r.Severity, scope)
	b.WriteString(strings.TrimSpace(r.Doc) + "\n")
	if r.Wrong != "" {
		b.WriteString("\n错误示例（报告）：\n" + indent(r.Wrong) + "\n")
	}
	if r.Right != "" {
		b.WriteString("\n正确示例（不报告）：\n" + indent(r.Right) + "\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func indent(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	for i, l := range lines {
		lines[i] = "    " + l
	}
	return strings.Join(lines, "\n")
}

// nearRules returns the rule IDs close to id (a typo or a part of one).
func nearRules(id string, rs []*lint.Rule) []string {
	var out []string
	for _, r := range rs {
		if (len(id) >= 4 && strings.Contains(r.ID, id)) || editdist.Distance(id, r.ID) <= 3 {
			out = append(out, r.ID)
		}
	}
	return out
}
