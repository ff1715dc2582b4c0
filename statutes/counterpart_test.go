package statutes

import (
	"strings"
	"testing"
)

// TestCounterpart: the article that carries a provision is found whatever
// its number, after light rewording; a provision the version does not hold
// has no counterpart.
func TestCounterpart(t *testing.T) {
	c := defaultCorpus(t)
	s, err := c.Resolve("社会保险法")
	if err != nil {
		t.Fatal(err)
	}
	cur := s.Current()
	arts, err := cur.ArticleList()
	if err != nil || len(arts) < 90 {
		t.Fatalf("%d articles, %v", len(arts), err)
	}
	// A version whose articles are renumbered: 第八十七条 is now 第九十条.
	renumbered := &Version{Label: "x", Text: TextFull}
	for _, a := range arts {
		b := *a
		if b.Num >= 80 {
			b.Num += 3
		}
		renumbered.Articles = append(renumbered.Articles, &b)
	}
	old := cur.Article(87, 0)
	got, sim := renumbered.Counterpart(old)
	if got == nil || got.Num != 90 || sim < 0.99 {
		t.Errorf("counterpart of 第八十七条 = %v (%.2f), want the article now numbered 90", got, sim)
	}

	// Reworded: a clause dropped and a word changed.
	reworded := *old
	reworded.Paragraphs = []*Paragraph{{Text: strings.Replace(strings.Replace(old.Text(), "社会保险行政部门", "劳动行政部门", 1), "，没收违法所得", "", 1)}}
	if got, sim := cur.Counterpart(&reworded); got == nil || got.Num != 87 {
		t.Errorf("counterpart of a reworded 第八十七条 = %v (%.2f)", got, sim)
	}

	// Another statute's article: none.
	other, err := c.Resolve("药品管理法")
	if err != nil {
		t.Fatal(err)
	}
	if got, sim := cur.Counterpart(other.Current().Article(98, 0)); got != nil {
		t.Errorf("counterpart of 药品管理法 第九十八条 in 社会保险法 = %s (%.2f), want none", got.Label, sim)
	}
	if Similarity("甲乙丙丁", "甲乙丙丁") != 1 || Similarity("甲乙", "丙丁") != 0 {
		t.Error("Similarity of the same / disjoint texts")
	}
}
