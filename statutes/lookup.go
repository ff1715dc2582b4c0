package statutes

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// Lookup errors. A version without the text bundled (metadata only, or a
// partial version lacking the article) gives ErrNotBundled: the article
// may well exist, the corpus cannot say. Only a full version gives
// ErrArticleNotFound.
var (
	ErrNotBundled        = errors.New("text not bundled")
	ErrArticleNotFound   = errors.New("article not found")
	ErrParagraphNotFound = errors.New("paragraph not found")
	ErrItemNotFound      = errors.New("item not found")
)

// Article returns the article 第num条之suffix of v, reading the text on
// first use; nil when v does not hold it.
func (v *Version) Article(num, suffix int) *Article {
	arts, err := v.ArticleList()
	if err != nil {
		return nil
	}
	for _, a := range arts {
		if a.Num == num && a.Suffix == suffix {
			return a
		}
	}
	return nil
}

// Lookup returns the text r points at in v: the whole article, one
// paragraph (with its items) or one item (with its sub-items), lines
// joined by "\n". A Ref with an Item but no Paragraph takes the only
// paragraph with items (the first paragraph when several have items).
func (v *Version) Lookup(r Ref) (string, error) {
	label := ArticleLabel(r.Article, r.Suffix)
	arts, err := v.ArticleList()
	if err != nil {
		return "", err
	}
	if v.Text == TextNone || len(arts) == 0 && v.Text != TextFull {
		return "", fmt.Errorf("%s: %w", label, ErrNotBundled)
	}
	a := v.Article(r.Article, r.Suffix)
	if a == nil {
		if v.Text == TextPartial {
			return "", fmt.Errorf("%s: %w (partial version %s)", label, ErrNotBundled, v.Label)
		}
		return "", fmt.Errorf("%s: %w", label, ErrArticleNotFound)
	}
	return a.Lookup(r)
}

// Lookup returns the text of the article, or of the paragraph or item r
// names (r.Article and r.Suffix are not checked).
func (a *Article) Lookup(r Ref) (string, error) {
	if r.Paragraph == 0 && r.Item == 0 {
		return a.Text(), nil
	}
	var p *Paragraph
	switch {
	case r.Paragraph > 0:
		if r.Paragraph > len(a.Paragraphs) {
			return "", fmt.Errorf("%s第%s款: %w (the article has %d)", a.Label, FormatNumber(r.Paragraph), ErrParagraphNotFound, len(a.Paragraphs))
		}
		p = a.Paragraphs[r.Paragraph-1]
	default:
		for _, q := range a.Paragraphs {
			if len(q.Items) > 0 {
				p = q
				break
			}
		}
		if p == nil {
			return "", fmt.Errorf("%s第%s项: %w (the article has no items)", a.Label, FormatNumber(r.Item), ErrItemNotFound)
		}
	}
	if r.Item == 0 {
		lines := []string{p.Text}
		for _, it := range p.Items {
			lines = append(lines, it.Text)
			lines = append(lines, it.Subs...)
		}
		return strings.Join(lines, "\n"), nil
	}
	it := p.Item(r.Item)
	if it == nil {
		return "", fmt.Errorf("%s第（%s）项: %w (the paragraph has %d)", a.Label, FormatNumber(r.Item), ErrItemNotFound, len(p.Items))
	}
	return strings.Join(append([]string{it.Text}, it.Subs...), "\n"), nil
}

// Item returns the item numbered n (by its label, or by position when
// items are unlabelled), or nil.
func (p *Paragraph) Item(n int) *Item {
	for _, it := range p.Items {
		if it.Num == n {
			return it
		}
	}
	if n >= 1 && n <= len(p.Items) && p.Items[n-1].Num == 0 {
		return p.Items[n-1]
	}
	return nil
}

// Lookup returns the text r points at in the version of s in force at t,
// with that version.
func (s *Statute) Lookup(t time.Time, r Ref) (string, *Version, error) {
	v := s.VersionAt(t)
	if v == nil {
		return "", nil, fmt.Errorf("%s: not yet in force at %s", s.Title, t.Format(dateLayout))
	}
	text, err := v.Lookup(r)
	return text, v, err
}
