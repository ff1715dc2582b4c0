// Package rules holds citelint's rules, one file per rule. All lists them.
package rules
