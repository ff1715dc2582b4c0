package rules

import "github.com/citelint/citelint/lint"

// citationRules are the rules of the citation and quote table of RULES.md.
func citationRules() []*lint.Rule {
	return []*lint.Rule{}
}
