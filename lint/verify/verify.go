package verify

import (
	"errors"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/citelint/citelint/catalog"
	"github.com/citelint/citelint/lint/quote"
	"github.com/citelint/citelint/statutes"
	"github.com/citelint/citelint/statutes/cite"
)

// Verification is what the corpus says about one citation: the statute it
// names, the version in force at the catalog's date, each cited article and
// each quoted part. The quote rules all read it (through lint.Pass.Verify,
// which keeps it per entry).
type Verification struct {
	Field    *catalog.Field
	Citation cite.Citation
	// Statute is nil when the title names nothing in the corpus; Err then
	// says why (wrapping statutes.ErrUnknownStatute or
	// statutes.ErrAmbiguousStatute).
	Statute *statutes.Statute
	Err     error
	// Version is the version in force at the pass's date (nil when the
	// statute was not yet in force); Status its status then.
	Version *statutes.Version
	Status  statutes.Status
	// TextBundled is false when the corpus holds only the statute's
	// metadata for that version.
	TextBundled bool
	// Predates is set when the catalog's date falls before the earliest
	// version the corpus holds, an amendment, while an earlier version was
	// in force: that text is not held, so Version (the earliest held) is
	// not what the catalog quoted and its quotes cannot be checked.
	Predates bool
	Articles []ArticleCheck
	// Parts are the quoted parts verified: the parser's, or the whole
	// quote as one part when what looked like labels inside it (第一百二十三条
	// 　… in an amendment that quotes the articles it adds) is the cited
	// articles' own text.
	Parts  []cite.QuotePart
	Quotes []QuoteCheck
}

// ArticleCheck is one cited article looked up in the version in force.
type ArticleCheck struct {
	Cited   cite.Article
	Article *statutes.Article // nil when not found or not bundled
	Lines   []string          // the cited text (article, 款 or 项), one line per 款/项
	// Lead is, for a cited 项, the lead-in of the 款 it stands in
	// (有下列情形之一的，……：): catalogs quote an item with its lead-in,
	// and that is a faithful quote of the item.
	Lead string
	// ItemLabel is a cited 项's label as printed (（三）); a quote of the
	// item may leave it out, as it leaves out the article's label.
	ItemLabel string
	// Err is nil, or wraps statutes.ErrArticleNotFound,
	// ErrParagraphNotFound, ErrItemNotFound (the version is full and lacks
	// it) or ErrNotBundled (the corpus cannot say).
	Err error
}

// Outcome is the verdict on one quoted part.
type Outcome int

const (
	QuoteOK            Outcome = iota // exact, a whole 款/项, or a marked elision
	QuoteNotChecked                   // nothing to compare with: no article cited, the article does not exist, or the text only paraphrases it
	QuoteUnverifiable                 // the statute is known but the text is not bundled
	QuoteMismatch                     // words, numbers or punctuation differ
	QuoteTruncated                    // part of the text left out without an ellipsis
	QuoteMerged                       // several articles run together, joining punctuation changed
	QuoteMisattributed                // the text (or part of it) belongs to another article or statute
	QuoteSuperseded                   // the text is an earlier version's
	QuoteTooLong                      // far longer than the cited text (see MaxQuote): not compared
)

var outcomeNames = [...]string{"ok", "not-checked", "unverifiable", "mismatch", "truncated", "merged", "misattributed", "superseded", "too-long"}

func (o Outcome) String() string {
	if int(o) < len(outcomeNames) {
		return outcomeNames[o]
	}
	return "outcome?"
}

// QuoteCheck is the verdict on one quoted part.
type QuoteCheck struct {
	Part cite.QuotePart
	// Articles are what the part was compared with: its label's article,
	// or the citation's articles for an unlabelled quote.
	Articles []cite.Article
	// Groups gives, for each article of the compared text (the
	// quote.Join.Article index), the index in Articles of its first
	// cited part: parts of one article cited in a row form one.
	Groups  []int
	Outcome Outcome
	// Result is the alignment against the cited text (nil when not
	// checked).
	Result *quote.Result
	// Expected is the cited statute text (lines joined by "\n"), Actual
	// the quote as written.
	Expected string
	Actual   string
	// Source says where the quoted text really comes from, for
	// misattributed and superseded quotes; Closest names the nearest
	// article of the statute for a mismatch that matches nothing.
	Source  *Source
	Closest *Source
	// Unverified is set when the compared text was added by hand and not
	// checked against an official source: rules must not call the quote
	// wrong on it.
	Unverified bool
	// Errata are corrections the corpus applied to the compared text
	// where the quote differs: the quote may follow the uncorrected source.
	Errata []statutes.Erratum
	// Prior, for a quote that cannot be verified because the version in
	// force is not bundled, compares it with the latest earlier version
	// the corpus holds (nil when there is none or the quote matches it).
	Prior *PriorCheck
}

// PriorCheck is a quote compared with an earlier version than the one in
// force on the catalog's date: evidence for a reviewer, not a verdict.
type PriorCheck struct {
	Version  *statutes.Version
	Expected string
	Result   *quote.Result
}

// Source is a place in the corpus that holds (part of) a quote.
type Source struct {
	Statute *statutes.Statute
	Version *statutes.Version
	Article *statutes.Article
	// Paragraph is the 款 of Article that holds the quote, 0 when the
	// quote is not one 款's (or the article is another than the cited).
	Paragraph int
	// Segment is the part of the quote found there (a range of the
	// normalised quote, see QuoteCheck.Result.Quote), or the whole quote
	// when Whole is set.
	Segment quote.Range
	Whole   bool
	// Text is the quoted text found there, as the catalog writes it.
	Text string
	// Result aligns the quote (or the segment) with the source article.
	Result *quote.Result
	// Through is the last of the consecutive versions whose article reads
	// as Version's (Version itself when the next version changed it): a
	// text unchanged by an amendment is named by the version that wrote
	// it, and is superseded when Through is.
	Through *statutes.Version
}

// ArticleText is the source article's text.
func (s *Source) ArticleText() string { return s.Article.Text() }

// Verify checks a citation of field f against the corpus as of a date:
// the statute it names, the version in force then, each cited article and
// each quoted part. The verification is computed anew on every call (the
// texts it compares with are memoised); callers keep it per entry.
func (vr *Verifier) Verify(f *catalog.Field, c cite.Citation, asOf time.Time) *Verification {
	return vr.verifyCitation(f, c, asOf, true)
}

// Resolution is Verify without comparing any quote with the statute: it
// names the statute, the version and the cited articles as Verify's does,
// but its Quotes list only the quoted parts whose outcome is decided
// before any comparison (QuoteNotChecked, QuoteUnverifiable). It costs a
// fraction of Verify, for rules that walk every entry of a catalog asking
// which statutes and articles are cited or which quotes cannot be checked.
func (vr *Verifier) Resolution(f *catalog.Field, c cite.Citation, asOf time.Time) *Verification {
	return vr.verifyCitation(f, c, asOf, false)
}

// verifyCitation verifies a citation; without compare, only the quoted
// parts whose outcome needs no comparison are listed (see Resolution).
func (vr *Verifier) verifyCitation(f *catalog.Field, c cite.Citation, asOf time.Time, compare bool) *Verification {
	v := &Verification{Field: f, Citation: c}
	s, err := vr.Resolve(c.Title)
	if err != nil || s == nil {
		v.Err = err
		return v
	}
	v.Statute = s
	v.Status = s.StatusAt(asOf)
	v.Version = s.VersionAt(asOf)
	if v.Version == nil {
		// Not yet in force at the catalog's date: compare with the
		// earliest version the corpus knows.
		if len(s.Versions) > 0 {
			v.Version = s.Versions[0]
			v.Predates = predates(s, v.Version, asOf)
		}
	}
	ver := v.Version
	v.TextBundled = ver != nil && ver.Text != statutes.TextNone
	for _, a := range c.Articles {
		v.Articles = append(v.Articles, vr.lookupArticle(ver, a))
	}
	if c.Quote == nil {
		return v
	}
	v.Parts = c.Quote.Parts
	if whole, ok := labelsAreText(vr, v); ok {
		v.Parts = []cite.QuotePart{whole}
	}
	for _, part := range v.Parts {
		if compare {
			v.Quotes = append(v.Quotes, vr.checkPart(v, part))
		} else if qc, _, done := vr.citedFor(v, part); done {
			v.Quotes = append(v.Quotes, qc)
		}
	}
	return v
}

// predates reports whether a catalog dated t, before the earliest version
// the corpus holds (first), quoted an earlier version it does not hold:
// first was adopted by an amendment (修正, 修订) and the statute's history
// has an event on or before t. A catalog dated between the original's
// adoption and its entry into force quotes that original: not predating.
func predates(s *statutes.Statute, first *statutes.Version, t time.Time) bool {
	adopted, err := time.Parse("2006-01-02", first.Label)
	if err != nil {
		return false
	}
	amended, earlier := false, false
	for _, e := range s.Events {
		switch {
		case e.Date.Equal(adopted) && (e.Kind == "修正" || e.Kind == "修订"):
			amended = true
		case !e.Date.IsZero() && e.Date.Before(adopted) && !e.Date.After(t):
			earlier = true
		}
	}
	return amended && earlier
}

// QuoteCounts counts the verification's quoted parts by whether they were
// compared with a statute's text (whatever the verdict) or could not be
// (the statute unknown, or its text in force not bundled). A quote too
// long to compare, or citing no article the corpus has, counts as
// neither.
func (v *Verification) QuoteCounts() (checked, unverifiable int) {
	if v == nil || v.Citation.Quote == nil {
		return 0, 0
	}
	if v.Statute == nil {
		return 0, max(len(v.Citation.Quote.Parts), 1)
	}
	for _, q := range v.Quotes {
		switch q.Outcome {
		case QuoteUnverifiable:
			unverifiable++
		case QuoteNotChecked, QuoteTooLong:
		default:
			checked++
		}
	}
	return checked, unverifiable
}

// labelsAreText checks a labelled quote of articles the citation names
// before it: when the whole quote, labels and all, is their text, the
// labels are words of the statute, not the catalog's.
func labelsAreText(vr *Verifier, v *Verification) (cite.QuotePart, bool) {
	q := v.Citation.Quote
	if v.Citation.ArticleSpan == (cite.Span{}) || !slices.ContainsFunc(q.Parts, func(p cite.QuotePart) bool { return p.Article != nil }) {
		return cite.QuotePart{}, false
	}
	var arts [][]string
	for _, ac := range v.Articles {
		if ac.Err != nil {
			return cite.QuotePart{}, false
		}
		arts = append(arts, ac.Lines)
	}
	cand := vr.prepare(arts)
	if tooLong(quote.KeyLen(q.Text), cand.Text.Len()) || !quote.Align(q.Text, cand).Kind.Fine() {
		return cite.QuotePart{}, false
	}
	whole := cite.QuotePart{Span: q.Span, Text: q.Text}
	for _, p := range q.Parts {
		whole.Elisions = append(whole.Elisions, p.Elisions...)
	}
	return whole, true
}

// lookupArticle looks a cited article up in a version, once per run.
func (vr *Verifier) lookupArticle(ver *statutes.Version, a cite.Article) ArticleCheck {
	if ver == nil {
		return lookupArticle(ver, a)
	}
	r := statutes.Ref{Article: a.Num, Suffix: a.Suffix, Paragraph: a.Paragraph, Item: a.Item}
	ac := vr.lookups.get(lookupKey{ver, r}, func() ArticleCheck { return lookupArticle(ver, a) })
	ac.Cited = a
	return ac
}

func lookupArticle(ver *statutes.Version, a cite.Article) ArticleCheck {
	ac := ArticleCheck{Cited: a}
	if ver == nil {
		ac.Err = statutes.ErrNotBundled
		return ac
	}
	r := statutes.Ref{Article: a.Num, Suffix: a.Suffix, Paragraph: a.Paragraph, Item: a.Item}
	text, err := ver.Lookup(r)
	if err != nil {
		ac.Err = err
		return ac
	}
	ac.Article = ver.Article(a.Num, a.Suffix)
	ac.Lines = strings.Split(text, "\n")
	if a.Item > 0 && ac.Article != nil {
		ac.Lead, ac.ItemLabel = itemLead(ac.Article, a.Paragraph, ac.Lines[0])
	}
	return ac
}

// itemLead returns the lead-in of the 款 whose item reads first (the
// cited paragraph's, or the one holding the item when none is cited), and
// the item's label.
func itemLead(art *statutes.Article, para int, first string) (lead, label string) {
	for i, p := range art.Paragraphs {
		if para > 0 && i != para-1 {
			continue
		}
		for _, it := range p.Items {
			if it.Text == first {
				if !strings.HasPrefix(it.Text, it.Label) {
					return p.Text, ""
				}
				return p.Text, it.Label
			}
		}
	}
	return "", ""
}

// citedLines is the text a quote of one cited part is compared with: an
// item's lines, without the label when the quote leaves it out.
func citedLines(ac ArticleCheck, folded string) []string {
	lines := slices.Clone(ac.Lines)
	if ac.ItemLabel != "" && len(lines) > 0 && !strings.Contains(folded, quote.Fold(ac.ItemLabel)) {
		lines[0] = strings.TrimPrefix(lines[0], ac.ItemLabel)
	}
	return lines
}

// citedFor looks up what a quoted part is compared with; done is set, with
// the outcome, when it cannot be compared: no article cited, one missing,
// or its text not bundled.
func (vr *Verifier) citedFor(v *Verification, part cite.QuotePart) (qc QuoteCheck, cited []ArticleCheck, done bool) {
	qc = QuoteCheck{Part: part, Actual: part.Text}
	if part.Article != nil {
		qc.Articles = []cite.Article{*part.Article}
		cited = []ArticleCheck{vr.lookupArticle(v.Version, *part.Article)}
	} else {
		qc.Articles = v.Citation.Articles
		cited = v.Articles
	}
	if len(cited) == 0 {
		qc.Outcome = QuoteNotChecked
		return qc, nil, true
	}
	if v.Predates {
		qc.Outcome = QuoteUnverifiable
		return qc, nil, true
	}
	for _, ac := range cited {
		switch {
		case errors.Is(ac.Err, statutes.ErrNotBundled):
			qc.Outcome = QuoteUnverifiable
			qc.Prior = vr.priorCheck(v, qc.Articles, part)
			return qc, nil, true
		case ac.Err != nil:
			qc.Outcome = QuoteNotChecked
			return qc, nil, true
		}
		if !v.Version.Verified {
			qc.Unverified = true
		}
	}
	return qc, cited, false
}

// priorCheck compares a quote whose version in force is not bundled with
// the latest earlier version that is; nil when none is held or the quote
// reads as it (nothing to show).
func (vr *Verifier) priorCheck(v *Verification, arts []cite.Article, part cite.QuotePart) *PriorCheck {
	if v.Statute == nil || v.Version == nil || len(arts) == 0 {
		return nil
	}
	var prior *statutes.Version
	for _, ver := range v.Statute.Versions {
		if ver == v.Version {
			break
		}
		if ver.Text != statutes.TextNone {
			prior = ver
		}
	}
	if prior == nil {
		return nil
	}
	var lines [][]string
	for _, a := range arts {
		ac := vr.lookupArticle(prior, a)
		if ac.Err != nil {
			return nil
		}
		lines = append(lines, ac.Lines)
	}
	cand := vr.prepare(lines)
	if tooLong(quote.KeyLen(part.Text), cand.Text.Len()) {
		return nil
	}
	r := quote.Align(part.Text, cand)
	if r.Kind.Fine() || r.Similarity < minPriorSimilarity {
		return nil // the same text, or a paraphrase: nothing to show
	}
	var exp []string
	for _, l := range lines {
		exp = append(exp, strings.Join(l, "\n"))
	}
	return &PriorCheck{Version: prior, Expected: strings.Join(exp, "\n"), Result: r}
}

// minPriorSimilarity: below it a quote is not the earlier text reworded
// but another text.
const minPriorSimilarity = 0.6

// checkPart verifies one quoted part against its cited text, and when the
// text is not the cited article's, looks for where it comes from.
func (vr *Verifier) checkPart(v *Verification, part cite.QuotePart) QuoteCheck {
	qc, cited, done := vr.citedFor(v, part)
	if done {
		return qc
	}
	// A quote longer than any text it could be checked against is not
	// compared rune by rune (a pasted document, a 10 MB cell): the
	// alignment's cost grows with the product of the lengths.
	if quote.KeyLen(part.Text) > MaxQuote {
		qc.Outcome = QuoteTooLong
		return qc
	}
	qt := quote.Normalize(part.Text)
	folded := string(qt.Key)
	var arts [][]string
	for i, ac := range cited {
		// Parts of one article cited one after another (第三十条第一款
		// 第（一）项、第（二）项, 第八十五条第一款第（一）项、第二款) are one
		// stretch of its text, the items' lead-in written once: their
		// joins are not joins between articles.
		if i > 0 && ac.Article != nil && ac.Article == cited[i-1].Article {
			last := len(arts) - 1
			if ac.Lead != "" && ac.Lead != cited[i-1].Lead {
				arts[last] = append(arts[last], ac.Lead)
			}
			arts[last] = append(arts[last], citedLines(ac, folded)...)
			continue
		}
		qc.Groups = append(qc.Groups, i)
		if ac.Lead != "" {
			arts = append(arts, append([]string{ac.Lead}, citedLines(ac, folded)...))
		} else {
			arts = append(arts, citedLines(ac, folded))
		}
	}
	lines := make([]string, 0, len(arts))
	for _, a := range arts {
		lines = append(lines, strings.Join(a, "\n"))
	}
	qc.Expected = strings.Join(lines, "\n")
	cand := vr.prepare(arts)
	if tooLong(qt.Len(), cand.Text.Len()) {
		qc.Outcome = QuoteTooLong
		return qc
	}
	r := quote.AlignText(qt, cand)
	qc.Result = r
	if r.Kind == quote.Mismatch && r.EndPunct && jointEnd(v.Citation.Quote, part) {
		qc.Outcome = QuoteOK // …罚款；同法第十二条: the '。' gave way to the next citation
		return qc
	}
	if qc.Outcome = outcomeOf(r.Kind); qc.Outcome == QuoteOK {
		return qc
	}
	// A quote that follows the source text where the corpus corrected a
	// slip is faithful to the official publication: not wrong.
	if errs := articleErrata(cited); len(errs) > 0 {
		raw := make([][]string, len(arts))
		for i, a := range arts {
			raw[i] = uncorrect(a, errs)
		}
		rr := quote.AlignText(qt, vr.prepare(raw))
		if rr.Kind.Fine() {
			qc.Outcome = QuoteOK
			return qc
		}
		qc.Errata = errs
	}
	if (qc.Outcome == QuoteMismatch && !r.EndPunct || qc.Outcome == QuoteMerged) && wholeArticle(vr, v, &qc, cited, qt) {
		return qc
	}
	r = qc.Result
	if (qc.Outcome == QuoteMismatch && !r.EndPunct || qc.Outcome == QuoteTruncated) && earlierVersion(vr, v, &qc, cited, qt) {
		return qc
	}
	if qc.Outcome == QuoteMismatch && !r.EndPunct && !wholeElsewhere(vr, v, &qc, cited, qt) && needsSearch(r) {
		vr.findSource(v, &qc, cited, qt)
	}
	if qc.Outcome == QuoteMismatch && qc.Source == nil && qc.Closest == nil && paraphrase(qc.Result, qt.Len()) {
		qc.Outcome = QuoteNotChecked
	}
	return qc
}

// jointEnd says whether part ends a quote that runs up to another citation
// (cite.Quote.Joint) without closing punctuation of its own: the article's
// closing '。' left out before the next citation is the list's layout.
func jointEnd(q *cite.Quote, part cite.QuotePart) bool {
	if q == nil || !q.Joint || part.Span.End != q.Span.End {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(part.Text)
	return !strings.ContainsRune("。；;，,、：:！!？?", r)
}

// paraphrase says whether a quote only restates its article in other words
// (…法第八十六条 用人单位不按时缴纳社会保险费的，由征收机构责令其缴纳并处以罚款。):
// little alike (similarity under one half), and holding verbatim less than
// half the statute text it aligns with. Such text is not compared; a quote
// with a slip, or with text added to the whole article, holds most of it.
func paraphrase(r *quote.Result, quoteLen int) bool {
	return r != nil && !r.EndPunct && r.Similarity < 0.5 && r.Coverage*float64(quoteLen) < 0.5*float64(r.Region.Len())
}

// MaxQuote is the longest quote (in runes, white space aside) compared
// with the statute: some fifteen times the corpus's longest article (1,377
// runes), more than any citation of a few articles quotes. A longer quote
// is QuoteTooLong.
const MaxQuote = 20_000

// tooLong says whether a quote of q runes is too long to compare with a
// cited text of c runes: far longer than the text, it cannot be a faithful
// quote of it, and aligning the two costs q times c. The slack keeps every
// quote of a few articles for one cited article checked (and reported as
// merged or misattributed).
func tooLong(q, c int) bool { return q > MaxQuote || q > 8*c+2000 }

// wholeArticle checks a quote of a cited 款 or 项 against its whole
// article. A quote of the article that holds the cited part (第六十三条
// quoted in full for 第六十三条第一款) is the law's text: fine. A quote of
// another 款 of it is the wrong 款: misattributed, naming it.
func wholeArticle(vr *Verifier, v *Verification, qc *QuoteCheck, cited []ArticleCheck, qt *quote.Text) bool {
	if len(cited) != 1 || cited[0].Article == nil {
		return false
	}
	a, art := cited[0].Cited, cited[0].Article
	if a.Paragraph == 0 && a.Item == 0 {
		return false
	}
	part, ok := partRange(art, a.Paragraph, a.Item)
	if !ok {
		return false
	}
	rr := quote.AlignText(qt, vr.prepareArticle(art))
	covers := rr.Region.Start <= part.Start && rr.Region.End >= part.End
	if !rr.Kind.Fine() {
		// A quote of the whole article with a slip of its own: shown
		// against the article, which it reads as, not the cited part.
		if covers && rr.Similarity > qc.Result.Similarity {
			qc.Result, qc.Expected = rr, art.Text()
			qc.Outcome = outcomeOf(rr.Kind)
		}
		return false
	}
	if covers {
		qc.Outcome = QuoteOK
		qc.Result = rr
		return true
	}
	if rr.Region.End > part.Start && rr.Region.Start < part.End {
		return false // part of the cited text and more: the mismatch stands
	}
	for i := range art.Paragraphs {
		pr, _ := partRange(art, i+1, 0)
		if rr.Region.Start >= pr.Start && rr.Region.End <= pr.End {
			qc.Outcome = QuoteMisattributed
			qc.Source = &Source{Statute: v.Statute, Version: v.Version, Article: art, Paragraph: i + 1,
				Segment: rr.QuoteRange, Whole: true, Text: qc.Actual, Result: rr}
			if !v.Version.Verified {
				qc.Unverified = true
			}
			return true
		}
	}
	return false
}

// partRange is where a 款 (or a 项 of it) stands in the article's
// normalised text, as quote.Prepare lays it out: lines joined, white
// space dropped. A 项 without a 款 is one of the first list's, as
// statutes.Article.Lookup reads it.
func partRange(art *statutes.Article, para, item int) (quote.Range, bool) {
	target := para - 1
	if para == 0 {
		target = slices.IndexFunc(art.Paragraphs, func(p *statutes.Paragraph) bool { return len(p.Items) > 0 })
	}
	if target < 0 || target >= len(art.Paragraphs) {
		return quote.Range{}, false
	}
	var want *statutes.Item
	if item > 0 {
		if want = art.Paragraphs[target].Item(item); want == nil {
			return quote.Range{}, false
		}
	}
	flen := func(s string) int { return utf8.RuneCountInString(quote.Fold(s)) }
	pos := 0
	for i, p := range art.Paragraphs {
		start := pos
		pos += flen(p.Text)
		for _, it := range p.Items {
			is := pos
			pos += flen(it.Text)
			for _, sub := range it.Subs {
				pos += flen(sub)
			}
			if i == target && it == want {
				return quote.Range{Start: is, End: pos}, true
			}
		}
		if i == target && want == nil {
			return quote.Range{Start: start, End: pos}, true
		}
	}
	return quote.Range{}, false
}

// wholeElsewhere looks for an article of the cited version whose text the
// whole quote is (verbatim, a whole 款 or 项 of it, or short of its
// closing mark): the quote of the wrong article, however alike the two
// read (第十八条 quoted for 第十九条 of a statute whose penalty articles
// share their wording). Of several, the nearest to the cited one wins.
func wholeElsewhere(vr *Verifier, v *Verification, qc *QuoteCheck, cited []ArticleCheck, qt *quote.Text) bool {
	if len(cited) == 0 || cited[0].Article == nil || v.Version == nil || qc.Result.QuoteRange.Len() < minSegment {
		return false
	}
	arts, err := v.Version.ArticleList()
	if err != nil {
		return false
	}
	num := cited[0].Article.Num
	key := string(qt.Key[qc.Result.QuoteRange.Start:qc.Result.QuoteRange.End])
	// Any such article holds the quote's longest run between ellipses,
	// short of the marks at its ends, verbatim: a cheap test before
	// aligning.
	probe := ""
	for _, run := range strings.FieldsFunc(key, func(r rune) bool { return r == '…' || r == '⋯' }) {
		run = strings.TrimFunc(run, quote.IsPunct)
		if len(run) > len(probe) {
			probe = run
		}
	}
	if utf8.RuneCountInString(probe) < minSegment {
		return false
	}
	var best *Source
	dist := func(a *statutes.Article) int { return max(a.Num-num, num-a.Num) }
	for _, a := range arts {
		if slices.ContainsFunc(cited, func(ac ArticleCheck) bool { return ac.Article == a }) {
			continue
		}
		if best != nil && dist(a) >= dist(best.Article) {
			continue
		}
		if !strings.Contains(vr.foldArticle(a), probe) {
			continue
		}
		r := quote.AlignText(qt, vr.prepareArticle(a))
		if r.Kind.Fine() || r.Kind == quote.Mismatch && r.EndPunct {
			best = &Source{Statute: v.Statute, Version: v.Version, Article: a, Segment: r.QuoteRange, Whole: true, Text: qc.Actual, Result: r}
		}
	}
	if best == nil {
		return false
	}
	qc.Outcome = QuoteMisattributed
	qc.Source = best
	if !v.Version.Verified {
		qc.Unverified = true
	}
	return true
}

// needsSearch says whether a mismatch looks like text from elsewhere rather
// than a slip in the cited text: a long run the cited text lacks, or little
// of the quote found in it.
func needsSearch(r *quote.Result) bool {
	if r.Coverage < 0.6 {
		return true
	}
	return len(r.Extra) > 0 && r.Extra[0].Len() >= minSegment
}

// minSegment is the shortest run of a quote worth looking for elsewhere:
// shorter runs (a phrase, a number) are slips, not borrowed text.
const minSegment = 12

func articleErrata(cited []ArticleCheck) []statutes.Erratum {
	var out []statutes.Erratum
	for _, ac := range cited {
		if ac.Article != nil {
			out = append(out, ac.Article.Errata...)
		}
	}
	return out
}

// uncorrect restores the source wording the errata replaced.
func uncorrect(lines []string, errs []statutes.Erratum) []string {
	out := slices.Clone(lines)
	for _, e := range errs {
		for i, l := range out {
			if strings.Contains(l, e.To) {
				out[i] = strings.Replace(l, e.To, e.From, 1)
				break
			}
		}
	}
	return out
}

// earlierVersion checks the cited article in the statute's other versions:
// a quote that matches one of them better quotes a superseded wording.
func earlierVersion(vr *Verifier, v *Verification, qc *QuoteCheck, cited []ArticleCheck, qt *quote.Text) bool {
	if len(cited) != 1 || cited[0].Article == nil {
		return false
	}
	s, cur := v.Statute, v.Version
	num, suf := cited[0].Article.Num, cited[0].Article.Suffix
	for i := len(s.Versions) - 1; i >= 0; i-- {
		ov := s.Versions[i]
		if ov == cur || ov.Text == statutes.TextNone {
			continue
		}
		oa := ov.Article(num, suf)
		if oa == nil {
			continue
		}
		or := quote.AlignText(qt, vr.prepareArticle(oa))
		if matchesSource(or, qc.Result) {
			// The version that wrote this text: back through the
			// earlier versions whose article reads the same.
			first, fa := ov, oa
			for j := i - 1; j >= 0; j-- {
				pv := s.Versions[j]
				if pv.Text == statutes.TextNone {
					break
				}
				pa := pv.Article(num, suf)
				if pa == nil || pa.Text() != oa.Text() || pv.Verified != ov.Verified {
					break
				}
				first, fa = pv, pa
			}
			qc.Outcome = QuoteSuperseded
			qc.Source = &Source{Statute: s, Version: first, Through: ov, Article: fa, Whole: true, Text: qc.Actual, Result: or,
				Segment: or.QuoteRange}
			if !ov.Verified {
				qc.Unverified = true
			}
			return true
		}
	}
	return false
}

// findSource looks for the quote's text outside the cited article: in the
// cited version's other articles (misattributed), in other versions, then
// across the corpus.
func (vr *Verifier) findSource(v *Verification, qc *QuoteCheck, cited []ArticleCheck, qt *quote.Text) {
	r := qc.Result
	s, cur := v.Statute, v.Version
	citedSet := map[[2]int]bool{}
	for _, ac := range cited {
		if ac.Article != nil {
			citedSet[[2]int{ac.Article.Num, ac.Article.Suffix}] = true
		}
	}
	// What to look for: the quote's longest run the cited text lacks
	// (the cited statute first: a neighbouring article), then the whole
	// quote when little of it matches the cited text. Only the whole
	// quote is looked for across the corpus: a clause alone (构成犯罪的，
	// 依法追究刑事责任) stands in too many statutes to name one.
	type target struct {
		seg    quote.Range
		whole  bool
		corpus bool
	}
	var targets []target
	if len(r.Extra) > 0 && r.Extra[0].Len() >= minSegment {
		targets = append(targets, target{r.Extra[0], false, false})
	}
	if r.Coverage < 0.6 {
		targets = append(targets, target{r.QuoteRange, true, true})
	}
	versions := []*statutes.Version{cur}
	for i := len(s.Versions) - 1; i >= 0; i-- {
		if ov := s.Versions[i]; ov != cur && ov.Text != statutes.TextNone {
			versions = append(versions, ov)
		}
	}
	var closest *Source
	for _, tg := range targets {
		seg, whole := tg.seg, tg.whole
		key := string(qt.Key[seg.Start:seg.End])
		anch := anchors(key, 6)
		text := qt.Original(seg.Start, seg.End)
		// (2) The cited version's other articles, then (3) the other
		// versions' articles.
		for vi, ver := range versions {
			arts, err := ver.ArticleList()
			if err != nil {
				continue
			}
			for _, a := range arts {
				if vi == 0 && citedSet[[2]int{a.Num, a.Suffix}] {
					continue
				}
				src, ok := sourceIn(vr, qt, seg, key, anch, whole, s, ver, a)
				if ok {
					src.Text = text
					if vi == 0 {
						qc.Outcome = QuoteMisattributed
					} else {
						qc.Outcome = QuoteSuperseded
					}
					if !ver.Verified {
						qc.Unverified = true
					}
					qc.Source = src
					return
				}
				if vi == 0 && src != nil && (closest == nil || src.Result.Similarity > closest.Result.Similarity) {
					closest = src
				}
			}
		}
		if !tg.corpus {
			continue
		}
		// (4) The whole corpus.
		if src := vr.scanCorpus(qt, seg, key, whole, s); src != nil {
			src.Text = text
			qc.Outcome = QuoteMisattributed
			qc.Source = src
			if !src.Version.Verified {
				qc.Unverified = true
			}
			return
		}
	}
	if closest != nil && closest.Result.Similarity > r.Similarity && closest.Result.Coverage >= 0.5 {
		qc.Closest = closest
	}
}

// matchesSource says whether an alignment against another text explains the
// quote better than the cited text does.
func matchesSource(or, cited *quote.Result) bool {
	switch {
	case or.Kind.Fine():
		return true
	case or.Kind == quote.Mismatch && or.EndPunct:
		return cited.Kind == quote.Mismatch && !cited.EndPunct || cited.Kind == quote.Truncated
	case or.Kind == quote.Truncated:
		return cited.Kind == quote.Mismatch && or.Coverage > cited.Coverage
	}
	return or.Kind == quote.Mismatch && or.Similarity >= 0.9 && or.Similarity > cited.Similarity+0.1
}

// sourceIn checks whether article a holds the segment (verbatim), or holds
// the whole quote nearly verbatim. It returns the alignment either way when
// the article shares much with the quote (for naming the closest article).
func sourceIn(vr *Verifier, qt *quote.Text, seg quote.Range, key string, anch []string, whole bool, s *statutes.Statute, ver *statutes.Version, a *statutes.Article) (*Source, bool) {
	folded := vr.foldArticle(a)
	if strings.Contains(folded, key) {
		src := &Source{Statute: s, Version: ver, Article: a, Segment: seg, Whole: whole}
		src.Result = quote.AlignText(qt, vr.prepareArticle(a))
		return src, true
	}
	if !sharesAnchor(folded, anch) {
		return nil, false
	}
	r := quote.AlignText(qt, vr.prepareArticle(a))
	src := &Source{Statute: s, Version: ver, Article: a, Segment: seg, Whole: whole, Result: r}
	if whole && (r.Kind.Fine() || r.Kind == quote.Truncated || r.Kind == quote.Mismatch && (r.EndPunct || r.Similarity >= 0.9)) {
		return src, true
	}
	return src, false
}

// anchorLen is the length of the runs of a quote looked up verbatim to
// find candidate articles.
const anchorLen = 8

// anchors picks up to n evenly spread runs of anchorLen runes from a
// folded text, skipping runs that are mostly punctuation.
func anchors(key string, n int) []string {
	rs := []rune(key)
	if len(rs) < anchorLen {
		if len(rs) == 0 {
			return nil
		}
		return []string{key}
	}
	var out []string
	step := max((len(rs)-anchorLen)/max(n-1, 1), 1)
	for i := 0; i+anchorLen <= len(rs) && len(out) < n; i += step {
		a := rs[i : i+anchorLen]
		punct := 0
		for _, r := range a {
			if quote.IsPunct(r) {
				punct++
			}
		}
		if punct*2 < len(a) {
			out = append(out, string(a))
		}
	}
	return out
}

// sharesAnchor says whether a folded text holds one of a key's anchors
// (anchors(key, 6), computed once per key, not per article).
func sharesAnchor(folded string, anch []string) bool {
	for _, a := range anch {
		if strings.Contains(folded, a) {
			return true
		}
	}
	return false
}

// corpusScan is every bundled article's folded text, concatenated, for
// finding which article holds a run of text (through grams).
type corpusScan struct {
	text  string
	start []int // byte offset of each article's text in text
	refs  []scanRef
	grams *gramIndex
}

type scanRef struct {
	s *statutes.Statute
	v *statutes.Version
	a *statutes.Article
}

func (vr *Verifier) corpusScanIndex() *corpusScan {
	vr.scanOnce.Do(func() {
		sc := &corpusScan{}
		var b strings.Builder
		vr.corpus.ForEachArticle(func(s *statutes.Statute, v *statutes.Version, a *statutes.Article) bool {
			sc.start = append(sc.start, b.Len())
			sc.refs = append(sc.refs, scanRef{s, v, a})
			b.WriteString(quote.Fold(a.Text()))
			b.WriteByte(0) // no run of text crosses articles
			return true
		})
		sc.text = b.String()
		sc.grams = newGramIndex(sc.text)
		vr.scan = sc
	})
	return vr.scan
}

// scanCorpus looks for the segment across the corpus (other statutes, or
// any article when the cited statute found nothing): the article holding it
// verbatim, or the one sharing the most anchors whose alignment explains the
// whole quote.
func (vr *Verifier) scanCorpus(qt *quote.Text, seg quote.Range, key string, whole bool, cited *statutes.Statute) *Source {
	if utf8.RuneCountInString(key) < minSegment {
		return nil
	}
	sc := vr.corpusScanIndex()
	at := func(off int) int {
		i, found := slices.BinarySearch(sc.start, off)
		if !found {
			i--
		}
		return i
	}
	if i := sc.grams.index(sc.text, key); i >= 0 {
		ref := sc.refs[at(i)]
		if ref.s != cited {
			src := &Source{Statute: ref.s, Version: ref.v, Article: ref.a, Segment: seg, Whole: whole}
			src.Result = quote.AlignText(qt, vr.prepareArticle(ref.a))
			return src
		}
	}
	if !whole {
		return nil
	}
	hits := map[int]int{}
	for _, a := range anchors(key, 8) {
		sc.grams.each(sc.text, a, func(i int) { hits[at(i)]++ })
	}
	best, bestN := -1, 1
	for i, n := range hits {
		if sc.refs[i].s == cited {
			continue
		}
		if n > bestN || n == bestN && best >= 0 && i < best {
			best, bestN = i, n
		}
	}
	if best < 0 {
		return nil
	}
	ref := sc.refs[best]
	r := quote.AlignText(qt, vr.prepareArticle(ref.a))
	if r.Kind.Fine() || r.Kind == quote.Truncated || r.Kind == quote.Mismatch && (r.EndPunct || r.Similarity >= 0.9) {
		return &Source{Statute: ref.s, Version: ref.v, Article: ref.a, Segment: seg, Whole: true, Result: r}
	}
	return nil
}

// outcomeOf is the outcome of a quote aligned as k.
func outcomeOf(k quote.Kind) Outcome {
	switch {
	case k.Fine():
		return QuoteOK
	case k == quote.Truncated:
		return QuoteTruncated
	case k == quote.Merged:
		return QuoteMerged
	}
	return QuoteMismatch
}

// Locate finds the article whose text holds text verbatim (folded as
// quotes are: width, white space and punctuation aside), for a quote
// written without a citation; nil when the text is too short to tell or
// no article holds it. Among several, the first in corpus order that is
// in force at asOf, else the first.
func (vr *Verifier) Locate(text string, asOf time.Time) *Source {
	key := quote.Fold(text)
	if utf8.RuneCountInString(key) < 2*minSegment {
		return nil
	}
	sc := vr.corpusScanIndex()
	var first *Source
	found := false
	sc.grams.each(sc.text, key, func(i int) {
		if found {
			return
		}
		at, ok := slices.BinarySearch(sc.start, i)
		if !ok {
			at--
		}
		if !strings.HasPrefix(sc.text[i:], key) {
			return
		}
		ref := sc.refs[at]
		src := &Source{Statute: ref.s, Version: ref.v, Article: ref.a, Whole: true}
		if first == nil {
			first = src
		}
		if ref.s.VersionAt(asOf) == ref.v {
			first, found = src, true
		}
	})
	return first
}
