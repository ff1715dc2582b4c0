package statutes

import (
	"unicode"
)

// MinCounterpart is the least similarity (see Similarity) at which an
// article of another version is taken to carry the same provision.
const MinCounterpart = 0.6

// Counterpart finds the article of v that carries the provision of old,
// an article of another version of the same statute: the article most
// similar to it (character bigrams, see Similarity), when that similarity
// is at least MinCounterpart and clearly above the runner-up's (an
// article rewritten beyond recognition, or split in two, has none). The
// article keeps its number across versions only by chance: 药品管理法
// 2001 第七十三条 (unlicensed production) is 2019 第一百一十五条.
func (v *Version) Counterpart(old *Article) (*Article, float64) {
	arts, err := v.ArticleList()
	if err != nil || old == nil {
		return nil, 0
	}
	want := bigrams(old.Text())
	if len(want) == 0 {
		return nil, 0
	}
	var best *Article
	top, second := 0.0, 0.0
	for _, a := range arts {
		s := dice(want, bigrams(a.Text()))
		switch {
		case s > top:
			best, top, second = a, s, top
		case s > second:
			second = s
		}
	}
	if best == nil || top < MinCounterpart || top-second < 0.1 {
		return nil, top
	}
	return best, top
}

// Similarity is the Dice coefficient of the character bigrams of a and b
// (letters and digits only): 1 for the same text, 0 for nothing shared.
func Similarity(a, b string) float64 { return dice(bigrams(a), bigrams(b)) }

func bigrams(s string) map[[2]rune]int {
	var prev rune
	m := map[[2]rune]int{}
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			continue
		}
		if prev != 0 {
			m[[2]rune{prev, r}]++
		}
		prev = r
	}
	return m
}

func dice(a, b map[[2]rune]int) float64 {
	na, nb, both := 0, 0, 0
	for k, n := range a {
		na += n
		both += min(n, b[k])
	}
	for _, n := range b {
		nb += n
	}
	if na+nb == 0 {
		return 0
	}
	return 2 * float64(both) / float64(na+nb)
}
