// Package lint runs rules over a catalog and collects their diagnostics. It
// defines the rule, pass, diagnostic and configuration types the rules and
// the reports share, and the quote verification every quote rule reads.
package lint
