// Package lint runs rules over a catalog and collects their diagnostics. It
// defines the rule, pass, diagnostic and configuration types the rules and
// the reports share. Quote verification is package lint/verify's: a Pass
// is its per-entry front end (Verify, Verifications, Resolutions,
// Resolve), keeping each entry's verifications for all its rules, and a
// run's verifier (Options.Verifier) is shared across the files of a run.
package lint
