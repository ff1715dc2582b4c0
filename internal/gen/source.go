package gen

import (
	"cmp"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/citelint/citelint/statutes"
)

// Source is the part of the corpus the generator quotes from, judged at one
// date (the catalog's as-of date).
type Source struct {
	AsOf time.Time
	// Laws are the statutes in force at AsOf whose in-force version has full
	// text, preferred statutes first, then the rest by title.
	Laws []*Law
	// MetadataOnly are statutes in force at AsOf whose text is not bundled.
	MetadataOnly []*statutes.Statute
	// Repealed are statutes no longer in force at AsOf.
	Repealed []*statutes.Statute
}

// Law is a statute with full text in force at the source's date.
type Law struct {
	Statute *statutes.Statute
	Version *statutes.Version // in force at AsOf
	// Articles are the articles fit to be quoted in a catalog cell (see
	// quotable), in article order.
	Articles []*statutes.Article
	// MaxNum is the highest article number of the in-force version.
	MaxNum int
	// Superseded are quotable articles of earlier versions whose wording
	// differs from the in-force article of the same number.
	Superseded []Superseded
	// Preferred is true for the statutes medical-insurance catalogs cite.
	Preferred bool
}

// Superseded is an article's earlier wording.
type Superseded struct {
	Version *statutes.Version
	Article *statutes.Article // the earlier wording
	Current *statutes.Article // the in-force article of the same number
}

// PreferredTitles are the statutes a medical-insurance or enforcement
// catalog usually cites; their articles are used first, so a small catalog
// looks like a real one.
var preferredTitles = []string{
	"中华人民共和国社会保险法",
	"医疗保障基金使用监督管理条例",
	"中华人民共和国基本医疗卫生与健康促进法",
	"中华人民共和国药品管理法",
	"中华人民共和国行政处罚法",
	"社会救助暂行办法",
	"中华人民共和国行政强制法",
	"中华人民共和国行政许可法",
	"中华人民共和国价格法",
	"中华人民共和国医师法",
	"中华人民共和国劳动法",
	"中华人民共和国劳动合同法",
	"中华人民共和国食品安全法",
	"医疗机构管理条例",
	"中华人民共和国药品管理法实施条例",
	"社会保险费征缴暂行条例",
	"工伤保险条例",
	"失业保险条例",
}

// VersionAt returns the version of s in force at t, or nil: the latest
// version whose effective date is not after t and whose end (if any) is
// after t. A version with no effective date counts as in force from the
// start.
func VersionAt(s *statutes.Statute, t time.Time) *statutes.Version {
	if !s.RepealedOn.IsZero() && !s.RepealedOn.After(t) {
		return nil
	}
	var best *statutes.Version
	for _, v := range s.Versions {
		if !v.Effective.IsZero() && v.Effective.After(t) {
			continue
		}
		if !v.Until.IsZero() && !v.Until.After(t) {
			continue
		}
		best = v
	}
	return best
}

// NewSource selects what the generator may quote from sts at asOf.
func NewSource(sts []*statutes.Statute, asOf time.Time) *Source {
	src := &Source{AsOf: asOf}
	pref := map[string]int{}
	for i, t := range preferredTitles {
		pref[t] = i + 1
	}
	for _, s := range sts {
		if !s.RepealedOn.IsZero() && !s.RepealedOn.After(asOf) {
			src.Repealed = append(src.Repealed, s)
			continue
		}
		v := VersionAt(s, asOf)
		if v == nil {
			continue
		}
		switch v.Text {
		case statutes.TextNone:
			if s.Title != "" {
				src.MetadataOnly = append(src.MetadataOnly, s)
			}
			continue
		case statutes.TextFull:
		default:
			continue
		}
		arts, err := v.ArticleList()
		if err != nil {
			continue
		}
		law := &Law{Statute: s, Version: v, Preferred: pref[s.Title] > 0}
		seen := map[string]int{}
		for _, a := range arts {
			law.MaxNum = max(law.MaxNum, a.Num)
			seen[a.Text()]++
		}
		for _, a := range arts {
			if a.Suffix == 0 && seen[a.Text()] == 1 && quotable(a) {
				law.Articles = append(law.Articles, a)
			}
		}
		for _, old := range s.Versions {
			if old == v || old.Until.IsZero() || old.Until.After(asOf) {
				continue
			}
			olds, err := old.ArticleList()
			if err != nil {
				continue
			}
			for _, oa := range olds {
				cur := findArticle(v, oa.Num, oa.Suffix)
				// An old wording that the current article still carries
				// whole (the amendment only added paragraphs) is a partial
				// quote of the current text, not a superseded one.
				if cur == nil || strings.Contains(cur.Text(), oa.Text()) || !quotable(oa) {
					continue
				}
				law.Superseded = append(law.Superseded, Superseded{Version: old, Article: oa, Current: cur})
			}
		}
		if len(law.Articles) > 0 {
			src.Laws = append(src.Laws, law)
		}
	}
	slices.SortStableFunc(src.Laws, func(a, b *Law) int {
		pa, pb := pref[a.Statute.Title], pref[b.Statute.Title]
		if pa == 0 {
			pa = len(preferredTitles) + 1
		}
		if pb == 0 {
			pb = len(preferredTitles) + 1
		}
		if c := cmp.Compare(pa, pb); c != 0 {
			return c
		}
		return cmp.Compare(a.Statute.Title+"\x00"+a.Statute.ID, b.Statute.Title+"\x00"+b.Statute.ID)
	})
	byTitle := func(a, b *statutes.Statute) int {
		return cmp.Compare(a.Title+"\x00"+a.ID, b.Title+"\x00"+b.ID)
	}
	slices.SortStableFunc(src.MetadataOnly, byTitle)
	slices.SortStableFunc(src.Repealed, byTitle)
	return src
}

// FromCorpus selects what the generator may quote from the corpus at asOf.
func FromCorpus(c *statutes.Corpus, asOf time.Time) *Source {
	return NewSource(c.Statutes(), asOf)
}

func findArticle(v *statutes.Version, num, suffix int) *statutes.Article {
	arts, _ := v.ArticleList()
	for _, a := range arts {
		if a.Num == num && a.Suffix == suffix {
			return a
		}
	}
	return nil
}

// Count returns the number of quotable articles.
func (s *Source) Count() int {
	n := 0
	for _, l := range s.Laws {
		n += len(l.Articles)
	}
	return n
}

const quotePunct = "，。、；：？！“”‘’（）《》〈〉—·％"

// quotable says whether an article can stand in a catalog cell as a clean,
// exact quote that no hygiene rule may object to: 1 to 4 lines, 20 to 300
// characters, only Chinese characters, Chinese punctuation and digits,
// balanced brackets, closing with '。', no ellipsis, no list item closed
// with '。' before its list ends and no lead-in closed with '；'.
func quotable(a *statutes.Article) bool {
	lines := a.Lines()
	if len(lines) == 0 || len(lines) > 4 {
		return false
	}
	text := strings.Join(lines, "\n")
	n := utf8.RuneCountInString(text)
	if n < 20 || n > 300 {
		return false
	}
	for i, l := range lines {
		if l == "" || strings.TrimSpace(l) != l {
			return false
		}
		for _, r := range l {
			if !(unicode.Is(unicode.Han, r) || (r >= '0' && r <= '9') || strings.ContainsRune(quotePunct, r)) {
				return false
			}
		}
		if !balanced(l) {
			return false
		}
		last := i == len(lines)-1
		switch {
		case last && !strings.HasSuffix(l, "。"):
			return false
		case !last && strings.HasSuffix(l, "；") && !strings.HasPrefix(lines[i+1], "（"):
			// a lead-in or item closed with '；' followed by a new paragraph
			return false
		case !last && strings.HasPrefix(l, "（") && strings.HasSuffix(l, "。") && strings.HasPrefix(lines[i+1], "（"):
			return false
		case !last && strings.HasSuffix(l, "；") && !strings.HasPrefix(l, "（"):
			// a lead-in ending in '；' (a transcription slip, 价格法 第三十四条)
			return false
		}
	}
	return true
}

func balanced(s string) bool {
	pairs := map[rune]rune{'）': '（', '”': '“', '’': '‘', '》': '《', '〉': '〈'}
	var stack []rune
	for _, r := range s {
		switch r {
		case '（', '“', '‘', '《', '〈':
			stack = append(stack, r)
		case '）', '”', '’', '》', '〉':
			if len(stack) == 0 || stack[len(stack)-1] != pairs[r] {
				return false
			}
			stack = stack[:len(stack)-1]
		}
	}
	return len(stack) == 0
}

// levels maps each statute title the source knows to its level (法律,
// 行政法规 …), for the tags some layouts write before a citation.
func (s *Source) levels() map[string]string {
	m := map[string]string{}
	for _, l := range s.Laws {
		m[l.Statute.Title] = level(l.Statute)
	}
	for _, st := range append(slices.Clone(s.MetadataOnly), s.Repealed...) {
		m[st.Title] = level(st)
	}
	return m
}
