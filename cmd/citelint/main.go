// Command citelint checks Chinese administrative enforcement catalogs
// (权力清单、责任清单) against the law: quoted article text, citations, text
// hygiene and the catalog's own consistency.
package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"

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
			serveCmd(),
		},
		OnUsageError: func(ctx context.Context, cmd *cli.Command, err error, isSubcommand bool) error {
			return &exitError{code: 2, err: err}
		},
	}
}

func run(args []string, stdout, stderr io.Writer) int {
	return runContext(context.Background(), args, stdout, stderr)
}

// runContext runs the command line; cancelling ctx stops a running serve.
func runContext(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	app := newApp(stdout, stderr)
	err := app.Run(ctx, args)
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

// withDefaultCommand is the command line to run: on Windows, citelint
// with no arguments (citelint.exe double-clicked in Explorer) serves the
// page; elsewhere it prints the help, as any command without arguments.
func withDefaultCommand(goos string, args []string) (_ []string, serving bool) {
	if goos == "windows" && len(args) == 1 {
		return []string{args[0], "serve"}, true
	}
	return args, false
}

func main() {
	args, doubleClicked := withDefaultCommand(runtime.GOOS, os.Args)
	code := run(args, os.Stdout, os.Stderr)
	if doubleClicked && code != 0 {
		// The console window closes with the program: keep the error on
		// screen until the user has read it.
		fmt.Fprintln(os.Stderr, "按回车键关闭窗口。")
		_, _ = bufio.NewReader(os.Stdin).ReadString('\n')
	}
	os.Exit(code)
}
