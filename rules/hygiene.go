package rules

import "github.com/citelint/citelint/lint"

// hygieneRules are the text hygiene and catalog consistency rules.
func hygieneRules() []*lint.Rule {
	return []*lint.Rule{}
}
