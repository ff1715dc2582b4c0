package cite

// All offsets in this package are byte offsets into the text given to Parse,
// always on rune boundaries; text[Span.Start:Span.End] is the raw text.

// Span is a half-open byte range.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Citation is one cited statute with its articles and, when present, the
// quoted text.
type Citation struct {
	Span Span // from the title (or its 《) through the article list (or the note, or the title when no article is written)

	Title     string // the title as written, without 《》, nested marks kept (实施<中华人民共和国社会保险法>若干规定); line breaks from a cell's wrapping removed
	TitleSpan Span   // the title as written, inside its marks
	Bracketed bool   // written with 《》 (or 〈〉); false for a bare title such as 依据社会保险法第八十七条
	// Ref is the word of a reference back to a statute cited before in the
	// same text (同法, 该条例, 上述法律 …); Title is then that statute's and
	// TitleSpan covers the word.
	Ref string

	Note     string // the parenthesised note after the title: 国务院令第735号, 2018年修正 ... (unwrapped like Title, parentheses dropped)
	NoteSpan Span   // the note's content as written; zero when there is no note

	Articles    []Article // in the order written; ranges expanded; from the quote's labels when the head names none
	ArticleSpan Span      // the whole article list as written (第87、88条); zero when Articles come from labels

	Quote *Quote // nil when nothing is quoted

	Problems []Problem // malformed parts found while parsing
}

// Problem codes, stable: lint maps them to the citation-format rule.
const (
	CodeMissingTiao        = "missing-tiao"         // 第6、22、27 without its 条
	CodeUnbalancedTitle    = "unbalanced-title"     // 《 without 》, or 》 without 《
	CodeSpaceBeforeArticle = "space-before-article" // a space or line break between 》 (or the note's closing paren) and 第
	CodeStrayPeriod        = "stray-period"         // '。' between 》 and 第
	CodeBrokenDocNo        = "broken-docno"         // a document number broken across lines or with a space inside
	CodeBadDocNoBrackets   = "bad-docno-brackets"   // 【2013】 or [2013] for 〔2013〕, or 湘（医保发〔2019〕23号）
	CodeNoArticle          = "no-article"           // a statute cited with no article at all
)

// Article is one cited article (with its 款/项 when given).
type Article struct {
	Num       int
	Suffix    int // 之一 = 1
	Paragraph int // 款, 0 when not given
	Item      int // 项, 0 when not given
	Span      Span
}

// Quote is the text quoted after the citation, up to the next citation.
type Quote struct {
	Span Span
	Text string // text[Span.Start:Span.End], trailing whitespace trimmed
	// InMarks is true for a quote written in “…” right after the title
	// (《医疗保障行政执法事项指导目录》“对…”); Span then excludes the marks.
	InMarks bool
	// Joint is true when the quote ends where another citation starts on
	// the same line (…罚款；同法第十二条, …罚款《乙法》第五条): a list
	// separator before it (；，、) is left out of Text, and the article's
	// closing '。' may be missing. A quote ending at a line break before
	// the next citation is not joint: its closing mark is its own.
	Joint bool
	// Parts splits a labelled multi-article quote (第二条　… 第三条　…) per
	// article; a quote without labels has one part whose Article is nil.
	Parts []QuotePart
}

// QuotePart is the part of a quote that belongs to one article.
type QuotePart struct {
	Article *Article // the label's article, nil when unlabelled
	Span    Span     // the text after the label
	Text    string
	// Elisions are the spans of '……' or '…' marking left-out text.
	Elisions []Span
}

// Problem is a malformed citation part: a missing 条, an unbalanced 《,
// a space between 》 and 第, a broken document number.
type Problem struct {
	Code    string // stable: missing-tiao, unbalanced-title, space-before-article, broken-docno, bad-docno-brackets, stray-period, no-article
	Span    Span
	Message string // one Chinese sentence
}
