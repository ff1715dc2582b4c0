package rules

import (
	"slices"

	"github.com/citelint/citelint/lint"
)

// All returns every rule, sorted by ID.
func All() []*lint.Rule {
	rs := append(citationRules(), hygieneRules()...)
	slices.SortFunc(rs, func(a, b *lint.Rule) int {
		if a.ID < b.ID {
			return -1
		}
		if a.ID > b.ID {
			return 1
		}
		return 0
	})
	return rs
}

// ByID returns the rule with the given ID, or nil.
func ByID(id string) *lint.Rule {
	for _, r := range All() {
		if r.ID == id {
			return r
		}
	}
	return nil
}
