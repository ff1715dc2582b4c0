package statutes

import (
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Kind is a statute's rank: 宪法, 法律, 行政法规, 部门规章, 司法解释, 规范性文件 ...
type Kind string

// Status of a statute at a date.
type Status string

const (
	StatusInForce  Status = "有效"
	StatusRepealed Status = "已废止"
	StatusPending  Status = "尚未生效"
)

// Event is one dated step in a statute's life: 通过, 公布, 修正, 修订, 施行, 废止.
type Event struct {
	Date time.Time `json:"date"`
	Kind string    `json:"kind"`
	Text string    `json:"text"` // the source line, for display
}

// Statute is one law, regulation or rule across its versions.
type Statute struct {
	ID         string   // stable identifier: the file stem in the corpus
	Title      string   // full title: 中华人民共和国社会保险法
	Short      string   // short title: 社会保险法
	Aliases    []string // other names catalogs use
	Kind       Kind
	Category   string   // the source's subject category: 社会法, 经济法, 行政法规 ...
	Issuer     string   // 全国人民代表大会常务委员会, 国务院, 国家医疗保障局 ...
	DocNumbers []string // 主席令第三十五号, 国务院令第735号 ...
	Events     []Event
	// Verified is false for facts added by hand that nobody has checked
	// against an official source; an unverified fact never makes a catalog
	// wrong.
	Verified bool
	Source   string // where the facts come from
	// RepealedOn is the date the statute stopped being in force (zero when
	// in force); ReplacedBy names what replaced it, when known.
	RepealedOn time.Time
	ReplacedBy string
	// Versions are ordered by effective date, oldest first. A metadata-only
	// statute has versions with no articles bundled (Text == TextNone).
	Versions []*Version
	// Notes are header lines of the source that are neither events nor
	// titles (a covering notice, a signature), kept for display.
	Notes []string
}

// TextState says how much of a version's text the corpus holds.
type TextState string

const (
	TextFull    TextState = "full"    // every article
	TextPartial TextState = "partial" // only the articles listed (e.g. an earlier wording we know)
	TextNone    TextState = "none"    // metadata only: the text is not bundled
)

// Version is the statute as in force over a period.
type Version struct {
	Label     string    // e.g. "2018-12-29" (date of the amendment or adoption it reflects)
	Effective time.Time // in force from (zero when unknown)
	Until     time.Time // in force until, exclusive (zero when still in force)
	Text      TextState
	Source    string // note: where this version's text comes from
	// Articles is filled on first use: call ArticleList, Article or Lookup,
	// or get the statute through Corpus.Resolve / Corpus.Statute /
	// Corpus.ForEachArticle, which fill it before returning.
	Articles []*Article
	// Body holds text outside any article: a preamble (序言), an appendix,
	// or the whole text of an instrument without articles (刑法修正案).
	// Filled together with Articles.
	Body []string
	// Derived is true for a version inferred from the statute's events
	// (an earlier amendment whose text we do not have); its dates are
	// approximate.
	Derived bool
	// Verified is false when the version's dates or text were added by hand
	// and not checked against an official source.
	Verified bool
	// NumArticles is the article count recorded in the manifest, known
	// without parsing the text.
	NumArticles int

	lazy *lazyText
}

// lazyText loads a version's articles on first use.
type lazyText struct {
	once sync.Once
	done atomic.Bool // once has run: LoadAllText skips the version
	load func() ([]*Article, []string, error)
	// raw reads the version's file without parsing it (nil when the
	// text does not come from a file).
	raw func() ([]byte, error)
	err error
}

// Article is one 条.
type Article struct {
	Num     int    // 87 for 第八十七条
	Suffix  int    // 1 for 第十条之一, 0 otherwise
	Label   string // 第八十七条, as the source prints it
	Chapter string // heading of the chapter/section it stands in (structure, never text)
	// Errata lists corrections applied to the source text of this article
	// (see the errata in statutes/data/facts.yaml): a rule must say so
	// before it calls a quote wrong on a corrected character.
	Errata []Erratum
	// Paragraphs (款) in order; the first paragraph's text does not include the label.
	Paragraphs []*Paragraph
}

// Paragraph is one 款: its own line (for a list, the lead-in ending in '：')
// and the items (项) listed under it, each on its own line in the source.
type Paragraph struct {
	Text  string
	Items []*Item
}

// Item is one 项: （一）… .
type Item struct {
	Num   int
	Label string // （一）
	Text  string // including the label, as printed
	// Subs are the item's sub-items (目: 1．…, (1)…), one line each.
	Subs []string
}

// Ref points at an article, paragraph or item. Zero Paragraph/Item means the
// whole article/paragraph.
type Ref struct {
	Article   int
	Suffix    int // 之一 = 1
	Paragraph int // 款, 1-based
	Item      int // 项, 1-based
}

// Lines returns the article's lines as the statute prints them: each
// paragraph followed by its items (and their sub-items).
func (a *Article) Lines() []string {
	var out []string
	for _, p := range a.Paragraphs {
		out = append(out, p.Text)
		for _, it := range p.Items {
			out = append(out, it.Text)
			out = append(out, it.Subs...)
		}
	}
	return out
}

// Text returns the article's text without its label, lines joined by "\n".
func (a *Article) Text() string {
	return strings.Join(a.Lines(), "\n")
}
