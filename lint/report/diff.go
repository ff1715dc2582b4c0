package report

import (
	"github.com/sergi/go-diff/diffmatchpatch"
)

// OpKind says what a diff segment is.
type OpKind int

const (
	OpEqual  OpKind = iota
	OpDelete        // in the statute, missing from the catalog's quote
	OpInsert        // in the catalog's quote, not in the statute
)

// Op is one segment of a rune-level diff.
type Op struct {
	Kind OpKind
	Text string
}

// Diff compares statute text (expected) with a catalog's quote (actual)
// rune by rune. DiffTimeout is 0 so that the result never depends on the
// machine's speed; a semantic cleanup merges scattered one-rune matches
// into readable replacements.
func Diff(expected, actual string) []Op {
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0
	ds := dmp.DiffMain(expected, actual, false)
	ds = dmp.DiffCleanupSemantic(ds)
	out := make([]Op, 0, len(ds))
	for _, d := range ds {
		if d.Text == "" {
			continue
		}
		k := OpEqual
		switch d.Type {
		case diffmatchpatch.DiffDelete:
			k = OpDelete
		case diffmatchpatch.DiffInsert:
			k = OpInsert
		}
		if n := len(out); n > 0 && out[n-1].Kind == k {
			out[n-1].Text += d.Text
			continue
		}
		out = append(out, Op{Kind: k, Text: d.Text})
	}
	return out
}
