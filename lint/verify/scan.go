package verify

import (
	"hash/maphash"
	"slices"
	"strings"
	"unicode/utf8"
)

// gramIndex finds where a run of text occurs in a long text (the corpus
// scan's, 17 MB) without reading all of it, as strings.Index must: it
// holds the hash of the gramLen-rune gram starting at every gramStep-th
// rune, sorted. Any occurrence of a run of minIndexed runes or more holds
// one such gram whole; the candidates it names are checked against the
// text. A quote that matches nothing anywhere took ten scans of the whole
// corpus (0.1 s); it now takes a few binary searches.
type gramIndex struct {
	seed  maphash.Seed
	grams []gram // sorted by hash, then offset
}

type gram struct {
	hash uint32
	off  int32 // byte offset of the gram in the text
}

const (
	gramLen  = 4
	gramStep = 4
	// minIndexed is the shortest run the index finds: any window of it
	// holds a sampled gram whole.
	minIndexed = gramStep + gramLen - 1
)

func newGramIndex(text string) *gramIndex {
	ix := &gramIndex{seed: maphash.MakeSeed()}
	ix.grams = make([]gram, 0, len(text)/(3*gramStep)+1)
	// offs holds the byte offsets of the last gramLen runes read, so
	// each sampled gram's end is known when its last rune is.
	var offs [gramLen]int
	n := 0
	for i := range text {
		offs[n%gramLen] = i
		n++
		if n >= gramLen && (n-gramLen)%gramStep == 0 {
			start := offs[(n-gramLen)%gramLen]
			_, w := utf8.DecodeRuneInString(text[i:])
			ix.grams = append(ix.grams, gram{ix.hash(text[start : i+w]), int32(start)})
		}
	}
	slices.SortFunc(ix.grams, func(a, b gram) int {
		if a.hash != b.hash {
			return int(int64(a.hash) - int64(b.hash))
		}
		return int(a.off - b.off)
	})
	return ix
}

func (ix *gramIndex) hash(s string) uint32 { return uint32(maphash.String(ix.seed, s)) }

// find returns the byte offsets in text (the indexed text) where pat
// occurs, in order, overlapping ones included. pat must have minIndexed
// runes or more.
func (ix *gramIndex) find(text, pat string) []int {
	var out []int
	// The gram starting at rune d of pat, for d < gramStep: one of
	// them starts at a sampled rune of any occurrence.
	lead := 0 // byte offset of rune d in pat
	for d := 0; d < gramStep; d++ {
		end := lead
		for k := 0; k < gramLen; k++ {
			_, w := utf8.DecodeRuneInString(pat[end:])
			end += w
		}
		h := ix.hash(pat[lead:end])
		i, _ := slices.BinarySearchFunc(ix.grams, h, func(g gram, h uint32) int {
			if g.hash != h {
				return int(int64(g.hash) - int64(h))
			}
			return 0
		})
		for ; i < len(ix.grams) && ix.grams[i].hash == h; i++ {
			at := int(ix.grams[i].off) - lead
			if at >= 0 && strings.HasPrefix(text[at:], pat) {
				out = append(out, at)
			}
		}
		_, w := utf8.DecodeRuneInString(pat[lead:])
		lead += w
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// index is strings.Index(text, pat) through the gram index.
func (ix *gramIndex) index(text, pat string) int {
	if utf8.RuneCountInString(pat) < minIndexed {
		return strings.Index(text, pat)
	}
	if at := ix.find(text, pat); len(at) > 0 {
		return at[0]
	}
	return -1
}

// each calls fn with the offset of every occurrence of pat in text that
// does not overlap the one before, left to right, as repeated
// strings.Index calls from the end of the last match find them.
func (ix *gramIndex) each(text, pat string, fn func(int)) {
	if utf8.RuneCountInString(pat) < minIndexed {
		for off := 0; ; {
			i := strings.Index(text[off:], pat)
			if i < 0 {
				return
			}
			fn(off + i)
			off += i + len(pat)
		}
	}
	next := 0
	for _, at := range ix.find(text, pat) {
		if at >= next {
			fn(at)
			next = at + len(pat)
		}
	}
}
