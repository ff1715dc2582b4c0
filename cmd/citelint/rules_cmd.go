package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/urfave/cli/v3"

	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/report"
	"github.com/citelint/citelint/rules"
)

func rulesCmd() *cli.Command {
	return &cli.Command{
		Name:  "rules",
		Usage: "list the rules: ID, default severity and title",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Value: "text", Usage: "text or markdown (the README's rule table)"},
		},
		Action: func(ctx context.Context, cmd *cli.Command) error {
			out := cmd.Root().Writer
			switch cmd.String("format") {
			case "text":
				return writeRulesTable(out, rules.All())
			case "markdown", "md":
				_, err := io.WriteString(out, rulesMarkdown(rules.All()))
				return err
			}
			return inputError(fmt.Errorf("rules: unknown --format %q (text or markdown)", cmd.String("format")))
		},
	}
}

// writeRulesTable prints one rule a line, columns aligned by display width
// (rule titles are Chinese).
func writeRulesTable(w io.Writer, rs []*lint.Rule) error {
	idW, sevW := len("RULE"), len("SEVERITY")
	for _, r := range rs {
		idW = max(idW, report.DisplayWidth(r.ID))
		sevW = max(sevW, len(r.Severity.String()))
	}
	var b strings.Builder
	row := func(id, sev, title string) {
		b.WriteString(report.PadRight(id, idW) + "  " + report.PadRight(sev, sevW) + "  " + title + "\n")
	}
	row("RULE", "SEVERITY", "TITLE")
	for _, r := range rs {
		row(r.ID, r.Severity.String(), r.Title)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// rulesMarkdown is the rule table README.md carries between its
// <!-- rules:start --> and <!-- rules:end --> markers.
func rulesMarkdown(rs []*lint.Rule) string {
	var b strings.Builder
	b.WriteString("| rule | default severity | title |\n|---|---|---|\n")
	esc := strings.NewReplacer("|", `\|`, "\n", " ")
	for _, r := range rs {
		fmt.Fprintf(&b, "| `%s` | %s | %s |\n", r.ID, r.Severity, esc.Replace(r.Title))
	}
	return b.String()
}
