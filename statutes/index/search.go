package index

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/lang/cjk"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/citelint/citelint/statutes"
)

// VersionState says where a version stands at the search's date.
type VersionState string

const (
	InForce    VersionState = "in-force"   // in force at the date
	Superseded VersionState = "superseded" // replaced or repealed before the date
	Pending    VersionState = "pending"    // not yet in force
)

// SearchOptions restrict and size a search.
type SearchOptions struct {
	// Statute restricts the search to one statute (its ID); empty searches
	// the whole corpus.
	Statute string
	// InForceOnly keeps only versions in force at Date.
	InForceOnly bool
	// Date is the day versions are judged at; zero means today.
	Date time.Time
	// Limit is the number of hits returned (default 10).
	Limit int
	// Candidates is how many of bleve's best hits are measured for
	// coverage before ranking (default max(200, 10×Limit)).
	Candidates int
}

// Hit is one article that shares text with the query.
type Hit struct {
	Statute   string             `json:"statute"` // statute ID
	Title     string             `json:"title"`
	Short     string             `json:"short,omitempty"`
	Version   string             `json:"version"` // version label
	From      string             `json:"from,omitempty"`
	Until     string             `json:"until,omitempty"`
	State     VersionState       `json:"state"`
	TextState statutes.TextState `json:"text_state"` // full or partial version
	Article   string             `json:"article"`    // 第八十八条
	Num       int                `json:"num"`
	Suffix    int                `json:"suffix,omitempty"`
	Text      string             `json:"text"`
	// Score is bleve's relevance score (tf-idf over the cjk bigrams); it
	// only compares hits of one search.
	Score float64 `json:"score"`
	// Match holds Coverage (the share of the query the article contains,
	// 0..1, see Match) and the matched spans of Text.
	Match
	seq string
	// rank is the score the hit ranks by: the best of the hits with the
	// same text (see rankHits).
	rank float64
}

// Search finds the articles that contain text, ranked by Coverage, then
// exact containment, then bleve's score, then corpus order (statute ID,
// version, position). Articles sharing no run of MinRun characters with the
// query are left out.
func (ix *Index) Search(text string, opt SearchOptions) (hits []Hit, err error) {
	if ix.idx == nil {
		return nil, errors.New("search: index closed")
	}
	// bleve may panic on a damaged segment rather than fail.
	defer func() {
		if r := recover(); r != nil {
			hits, err = nil, fmt.Errorf("search index %s: damaged: %v", ix.path, r)
		}
	}()
	m := newMatcher(text)
	if len(m.q) == 0 {
		return nil, errors.New("search: empty query")
	}
	if opt.Limit <= 0 {
		opt.Limit = 10
	}
	if opt.Candidates <= 0 {
		opt.Candidates = max(200, 10*opt.Limit)
	}
	date := opt.Date
	if date.IsZero() {
		date = time.Now()
	}
	day := date.Format(dateLayout)

	mq, err := ix.textQuery(string(m.q))
	if err != nil {
		return nil, err
	}
	conj := []query.Query{mq}
	if opt.Statute != "" {
		tq := bleve.NewTermQuery(opt.Statute)
		tq.SetField(fStatute)
		conj = append(conj, tq)
	}
	var q query.Query = mq
	if len(conj) > 1 {
		q = bleve.NewConjunctionQuery(conj...)
	}

	// Versions not in force are filtered here rather than in bleve (dates
	// are stored, not indexed: indexing them cost an eighth of the build).
	// They are few, so one page of candidates nearly always suffices; when
	// it does not, the next page is measured too.
	for from := 0; ; from += opt.Candidates {
		req := bleve.NewSearchRequestOptions(q, opt.Candidates, from, false)
		req.Fields = storedFields
		res, err := ix.idx.Search(req)
		if err != nil {
			return nil, fmt.Errorf("search index %s: %w", ix.path, err)
		}
		for _, dm := range res.Hits {
			h := hitFromFields(dm.Fields)
			h.State = stateAt(h.From, h.Until, day)
			if opt.InForceOnly && h.State != InForce {
				continue
			}
			h.Score = dm.Score
			h.Match = m.compare(h.Text)
			if h.Covered == 0 {
				continue
			}
			hits = append(hits, h)
		}
		if !opt.InForceOnly || len(hits) >= opt.Limit || uint64(from+opt.Candidates) >= res.Total {
			break
		}
	}
	rankHits(hits)
	if len(hits) > opt.Limit {
		hits = hits[:opt.Limit]
	}
	return hits, nil
}

// maxTerms bounds the bigrams a query asks bleve for. A long quote's
// bigrams include common ones (人民, 规定, 行政) whose postings cover much of
// the corpus and cost most of the search while telling little; the rarest
// maxTerms pick the candidates just as well, and Coverage ranks them.
const maxTerms = 32

// textQuery is the disjunction of the query's cjk bigrams (its rarest
// maxTerms when there are more).
func (ix *Index) textQuery(q string) (query.Query, error) {
	an := ix.idx.Mapping().AnalyzerNamed(cjk.AnalyzerName)
	if an == nil {
		return nil, errors.New("search: cjk analyzer missing")
	}
	seen := map[string]bool{}
	var terms []string
	for _, tok := range an.Analyze([]byte(q)) {
		if t := string(tok.Term); !seen[t] {
			seen[t] = true
			terms = append(terms, t)
		}
	}
	if len(terms) > maxTerms {
		df, err := ix.docFreqs(terms)
		if err != nil {
			return nil, err
		}
		sort.SliceStable(terms, func(i, j int) bool { return df[terms[i]] < df[terms[j]] })
		terms = terms[:maxTerms]
	}
	qs := make([]query.Query, 0, len(terms))
	for _, t := range terms {
		tq := bleve.NewTermQuery(t)
		tq.SetField(fText)
		qs = append(qs, tq)
	}
	return bleve.NewDisjunctionQuery(qs...), nil
}

// docFreqs counts the articles holding each term.
func (ix *Index) docFreqs(terms []string) (map[string]uint64, error) {
	adv, err := ix.idx.Advanced()
	if err != nil {
		return nil, fmt.Errorf("search index %s: %w", ix.path, err)
	}
	r, err := adv.Reader()
	if err != nil {
		return nil, fmt.Errorf("search index %s: %w", ix.path, err)
	}
	defer r.Close()
	df := make(map[string]uint64, len(terms))
	for _, t := range terms {
		tfr, err := r.TermFieldReader(context.Background(), []byte(t), fText, false, false, false)
		if err != nil {
			return nil, fmt.Errorf("search index %s: %w", ix.path, err)
		}
		df[t] = tfr.Count()
		tfr.Close()
	}
	return df, nil
}

// rankHits sorts hits best first (see less). The same text is equally
// relevant wherever it stands, but the index scores it a little
// differently from one build to the next (its term statistics are per
// segment): every hit ranks by the best score of its text.
func rankHits(hits []Hit) {
	best := map[string]float64{}
	for _, h := range hits {
		best[h.Text] = max(best[h.Text], h.Score)
	}
	for i := range hits {
		hits[i].rank = best[hits[i].Text]
	}
	sort.SliceStable(hits, func(i, j int) bool { return less(&hits[i], &hits[j]) })
}

func less(a, b *Hit) bool {
	if a.Covered*b.Length != b.Covered*a.Length { // Coverage, without float ties
		return a.Covered*b.Length > b.Covered*a.Length
	}
	if a.Exact != b.Exact {
		return a.Exact
	}
	if a.rank != b.rank {
		return a.rank > b.rank
	}
	if a.Statute != b.Statute {
		return a.Statute < b.Statute
	}
	// Ties within a statute: the newest version first, then by article
	// (the index's own order of equal scores depends on how its segments
	// were merged, which is not the same from one build to the next).
	if a.Version != b.Version {
		return a.Version > b.Version
	}
	if a.Num != b.Num {
		return a.Num < b.Num
	}
	if a.Suffix != b.Suffix {
		return a.Suffix < b.Suffix
	}
	return a.seq < b.seq
}

func stateAt(from, until, day string) VersionState {
	switch {
	case from != "" && from > day:
		return Pending
	case until != "" && until <= day:
		return Superseded
	}
	return InForce
}

func hitFromFields(f map[string]any) Hit {
	s := func(name string) string {
		v, _ := f[name].(string)
		return v
	}
	h := Hit{
		Statute:   s(fStatute),
		Title:     s(fTitle),
		Short:     s(fShort),
		Version:   s(fVersion),
		From:      s(fFrom),
		Until:     s(fUntil),
		TextState: statutes.TextState(s(fState)),
		Article:   s(fArticle),
		Text:      s(fText),
		seq:       s(fSeq),
	}
	num, suffix, _ := strings.Cut(s(fNum), "-")
	h.Num, _ = strconv.Atoi(num)
	h.Suffix, _ = strconv.Atoi(suffix)
	return h
}
