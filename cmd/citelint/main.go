// Command citelint checks Chinese administrative enforcement catalogs
// (权力清单、责任清单) against the law: quoted article text, citations, text
// hygiene and the catalog's own consistency.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/urfave/cli/v3"
)

// version is set by the build (-ldflags "-X main.version=...").
var version = "dev"

// exitError carries an exit status: 1 for findings at or above --fail-on,
// 2 for usage, configuration and input errors.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string {
	if e.err == nil {
		return ""
	}
	return e.err.Error()
}
func (e *exitError) Unwrap() error { return e.err }

// inputError marks an error as the user's input (exit status 2).
func inputError(err error) error { return &exitError{code: 2, err: err} }

// findingsExit is exit status 1 with no message (the report said it all).
func findingsExit() error { return &exitError{code: 1} }

func newApp(stdout, stderr io.Writer) *cli.Command {
	return &cli.Command{
		Name:      "citelint",
		Usage:     "check power and responsibility catalogs (权责清单) against the law",
		Version:   version,
		Writer:    stdout,
		ErrWriter: stderr,
		Commands: []*cli.Command{
			lintCmd(),
			catalogCmd(),
			statutesCmd(),
			rulesCmd(),
			explainCmd(),
		},
		OnUsageError: func(ctx context.Context, cmd *cli.Command, err error, isSubcommand bool) error {
			return &exitError{code: 2, err: err}
		},
	}
}

func run(args []string, stdout, stderr io.Writer) int {
	app := newApp(stdout, stderr)
	err := app.Run(context.Background(), args)
	if err == nil {
		return 0
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.err != nil {
			fmt.Fprintln(stderr, "citelint:", ee.err)
		}
		return ee.code
	}
	fmt.Fprintln(stderr, "citelint:", err)
	return 2
}

func main() {
	os.Exit(run(os.Args, os.Stdout, os.Stderr))
}
