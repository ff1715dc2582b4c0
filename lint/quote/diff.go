package quote

import (
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// OpKind is the kind of a diff operation.
type OpKind int

const (
	Equal  OpKind = iota
	Delete        // in the statute, not in the quote
	Insert        // in the quote, not in the statute
)

func (k OpKind) String() string {
	switch k {
	case Delete:
		return "delete"
	case Insert:
		return "insert"
	}
	return "equal"
}

// Op is one diff operation. Text is display text (the source runes, not
// their folded form); Expected and Actual are the normalised ranges it
// covers in the statute text and in the quote.
type Op struct {
	Kind     OpKind
	Text     string
	Expected Range
	Actual   Range
}

// Range is a half-open range of normalised positions.
type Range struct{ Start, End int }

// Len is the range's length.
func (r Range) Len() int { return r.End - r.Start }

func newDMP() *diffmatchpatch.DiffMatchPatch {
	d := diffmatchpatch.New()
	d.DiffTimeout = 0 // optimal and deterministic, never cut short by the clock
	return d
}

// Diff is the rune-level diff of the normalised statute text a[alo:ahi]
// against the quote b[blo:bhi], cleaned up for a reader (semantic cleanup
// merges scattered one-character coincidences into whole words).
func diff(a, b *Text, alo, ahi, blo, bhi int, semantic bool) []Op {
	d := newDMP()
	ds := d.DiffMainRunes(a.Key[alo:ahi], b.Key[blo:bhi], false)
	if semantic {
		ds = d.DiffCleanupSemantic(ds)
	}
	ops := make([]Op, 0, len(ds))
	i, j := alo, blo
	for _, x := range ds {
		n := utf8.RuneCountInString(x.Text)
		switch x.Type {
		case diffmatchpatch.DiffEqual:
			ops = append(ops, Op{Kind: Equal, Text: a.Display(i, i+n), Expected: Range{i, i + n}, Actual: Range{j, j + n}})
			i += n
			j += n
		case diffmatchpatch.DiffDelete:
			ops = append(ops, Op{Kind: Delete, Text: a.Display(i, i+n), Expected: Range{i, i + n}, Actual: Range{j, j}})
			i += n
		case diffmatchpatch.DiffInsert:
			ops = append(ops, Op{Kind: Insert, Text: b.Display(j, j+n), Expected: Range{i, i}, Actual: Range{j, j + n}})
			j += n
		}
	}
	return ops
}

// myersBlocks takes the equal runs of a Myers diff as matching blocks, for
// inputs too large for the longest-common-run search.
func myersBlocks(a, b []rune) []block {
	d := newDMP()
	var out []block
	i, j := 0, 0
	for _, x := range d.DiffMainRunes(a, b, false) {
		n := utf8.RuneCountInString(x.Text)
		switch x.Type {
		case diffmatchpatch.DiffEqual:
			out = append(out, block{i, j, n})
			i += n
			j += n
		case diffmatchpatch.DiffDelete:
			i += n
		case diffmatchpatch.DiffInsert:
			j += n
		}
	}
	return out
}

// levenshtein counts the edits of a diff (insertions and deletions that
// face each other count once, as substitutions).
func levenshtein(ops []Op) int {
	lev, ins, del := 0, 0, 0
	for _, o := range ops {
		switch o.Kind {
		case Insert:
			ins += o.Actual.Len()
		case Delete:
			del += o.Expected.Len()
		default:
			lev += max(ins, del)
			ins, del = 0, 0
		}
	}
	return lev + max(ins, del)
}
