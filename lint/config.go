package lint

import "time"

// Config is what a citelint.yaml (or the defaults) sets. The loader lives in
// package lint/config; rules only read this struct.
type Config struct {
	// AsOf is the date quotes are checked against; zero means: the date in
	// the catalog's title (2025年 → that year's end, or today if earlier),
	// else today.
	AsOf time.Time
	// Rules holds per-rule settings by rule ID.
	Rules map[string]RuleConfig
	// Offices and Departments, when set, are the only names accepted.
	Offices     []string
	Departments []string
	// PowerTypes are accepted in addition to the standard categories.
	PowerTypes []string
	// Aliases maps extra statute names to full titles.
	Aliases map[string]string
	// Ignores suppress findings, each with a reason.
	Ignores []Ignore
}

// RuleConfig overrides one rule.
type RuleConfig struct {
	Disabled bool
	Severity *Severity
}

// Ignore suppresses matching findings. Empty parts match anything; File
// matches the catalog's path or base name; Entry the 序号 or the 1-based
// position.
type Ignore struct {
	File   string
	Entry  string
	Rule   string
	Reason string
}
