package verify

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestGramIndex: the index finds what strings.Index finds, in a text of
// mixed widths with repeats and overlapping occurrences.
func TestGramIndex(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	alphabet := []rune("的罚款，。用人单位社会保险ab1\x00😀")
	var b strings.Builder
	for b.Len() < 200_000 {
		if r.IntN(50) == 0 {
			b.WriteString("处五百元以上三千元以下的罚款处五百元以上三千元以下的罚款") // overlapping repeats
		}
		b.WriteRune(alphabet[r.IntN(len(alphabet))])
	}
	text := b.String()
	ix := newGramIndex(text)
	var at []int
	for i := range text {
		at = append(at, i)
	}
	for range 3000 {
		// a run of the text (found) or a shuffled one (mostly not)
		i := r.IntN(len(at) - 20)
		n := 1 + r.IntN(18)
		pat := text[at[i]:at[i+n]]
		if r.IntN(3) == 0 {
			rs := []rune(pat)
			r.Shuffle(len(rs), func(a, b int) { rs[a], rs[b] = rs[b], rs[a] })
			pat = string(rs)
		}
		if got, want := ix.index(text, pat), strings.Index(text, pat); got != want {
			t.Fatalf("index(%q) = %d, want %d", pat, got, want)
		}
		var got, want []int
		ix.each(text, pat, func(i int) { got = append(got, i) })
		for off := 0; ; {
			i := strings.Index(text[off:], pat)
			if i < 0 {
				break
			}
			want = append(want, off+i)
			off += i + len(pat)
		}
		if !slices.Equal(got, want) {
			t.Fatalf("each(%q) = %v, want %v", pat, got, want)
		}
		if utf8.RuneCountInString(pat) >= minIndexed && len(want) > 0 && len(ix.find(text, pat)) < len(want) {
			t.Fatalf("find(%q) missed occurrences", pat)
		}
	}
}
