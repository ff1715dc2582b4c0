package quote

// block is a run of n equal runes: a[i:i+n] == b[j:j+n].
type block struct{ i, j, n int }

// maxCells bounds the longest-common-substring search; beyond it the
// matching blocks come from the Myers diff instead.
const maxCells = 8 << 20

// matchingBlocks finds the runs the two texts share, in order, by taking
// the longest common run and recursing on both sides (Ratcliff/Obershelp,
// as Python's difflib does). Unlike a minimal edit script it never
// scatters a left-out clause around stray equal characters, so the gaps
// between blocks are the clauses a reader sees missing.
func matchingBlocks(a, b []rune) []block {
	if len(a) == 0 || len(b) == 0 {
		return nil
	}
	// A quote found whole in the text (a 款, a 项, a sentence) is its own
	// longest common run, with nothing on either side to recurse on: the
	// one block, found without the quadratic search.
	if i := indexRunes(a, b); i >= 0 {
		return []block{{i, 0, len(b)}}
	}
	if len(a)*len(b) > maxCells {
		return myersBlocks(a, b)
	}
	var out []block
	row := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	type task struct{ alo, ahi, blo, bhi int }
	stack := []task{{0, len(a), 0, len(b)}}
	work := 0
	for len(stack) > 0 {
		t := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		// Many scattered coincidences (unrelated texts) make the
		// recursion quadratic in the number of blocks; past a budget the
		// Myers diff is as good.
		if work += (t.ahi - t.alo) * (t.bhi - t.blo); work > 4*maxCells {
			return myersBlocks(a, b)
		}
		bi, bj, bn := longest(a, b, t.alo, t.ahi, t.blo, t.bhi, row, prev)
		if bn == 0 {
			continue
		}
		out = append(out, block{bi, bj, bn})
		if t.alo < bi && t.blo < bj {
			stack = append(stack, task{t.alo, bi, t.blo, bj})
		}
		if bi+bn < t.ahi && bj+bn < t.bhi {
			stack = append(stack, task{bi + bn, t.ahi, bj + bn, t.bhi})
		}
	}
	sortBlocks(out)
	return out
}

// longest finds the longest common run of a[alo:ahi] and b[blo:bhi]; among
// equally long runs the one nearest the start of a wins, then of b.
func longest(a, b []rune, alo, ahi, blo, bhi int, row, prev []int) (int, int, int) {
	bi, bj, bn := alo, blo, 0
	for j := blo; j <= bhi; j++ {
		prev[j] = 0
	}
	for i := alo; i < ahi; i++ {
		row[blo] = 0
		ai := a[i]
		for j := blo; j < bhi; j++ {
			if ai == b[j] {
				k := prev[j] + 1
				row[j+1] = k
				if k > bn {
					bi, bj, bn = i-k+1, j-k+1, k
				}
			} else {
				row[j+1] = 0
			}
		}
		row, prev = prev, row
	}
	return bi, bj, bn
}

func sortBlocks(bs []block) {
	// Insertion sort: blocks come nearly ordered and are few.
	for i := 1; i < len(bs); i++ {
		for j := i; j > 0 && bs[j].i < bs[j-1].i; j-- {
			bs[j], bs[j-1] = bs[j-1], bs[j]
		}
	}
}
