// Package report writes a lint.Result for people and pipelines: a text
// report with rune-level quote diffs (the default), the stable JSON report,
// SARIF 2.1.0 for code-scanning tools, and a self-contained HTML page for
// reviewers. Every formatter is deterministic: the same result gives the
// same bytes.
package report
