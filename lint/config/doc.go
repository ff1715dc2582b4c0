// Package config loads citelint.yaml: per-rule severities and switches,
// the date quotes are checked against, the offices, departments and power
// types a catalog may use, extra statute aliases and texts, and ignores
// with their reasons. Unknown keys are errors that name the line, so a
// typo never silently changes what is checked.
package config
