package rules

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/citelint/citelint/catalog"
	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/quote"
	"github.com/citelint/citelint/lint/verify"
	"github.com/citelint/citelint/rules/internal/text"
)

var duplicateClauseRule = &lint.Rule{
	ID:    "duplicate-clause",
	Title: "语句重复",
	Doc: `同一栏内同一句话或同一分句紧接着出现两次（忽略空格和换行），多为复制粘贴时重复带入。` +
		`报告第二处，并指出第一处的位置。引文中法条原文只出现一次的词语被连写两次（建设建设）也予报告。`,
	Wrong:    "第五条　社会保险经办机构及社会保险稽核人员开展稽核工作，行使下列职权：第五条　社会保险经办机构及社会保险稽核人员开展稽核工作，行使下列职权：（一）……",
	Right:    "第五条　社会保险经办机构及社会保险稽核人员开展稽核工作，行使下列职权：（一）……",
	Severity: lint.Error,
	Scope:    lint.EntryScope,
	Run:      runDuplicateClause,
}

// minClause is the shortest repeated piece reported, in runes: shorter
// repeats (“的，的，”) are too often legitimate.
const minClause = 6

const (
	sentenceEnds = "。；：！？;!?"
	clauseEnds   = "，,"
)

type segment struct{ start, end int } // byte range in the folded text

func isSentenceEnd(r rune) bool {
	switch r {
	case '。', '；', '：', '！', '？', ';', '!', '?':
		return true
	}
	return false
}

func isClauseEnd(r rune) bool { return r == '，' || r == ',' }

// segments splits t after each mark ends says ends a segment.
func segments(t string, start, end int, ends func(rune) bool) []segment {
	var out []segment
	from := start
	for i, r := range t[start:end] {
		if ends(r) {
			j := start + i + utf8.RuneLen(r)
			out = append(out, segment{from, j})
			from = j
		}
	}
	if from < end {
		out = append(out, segment{from, end})
	}
	return out
}

func runDuplicateClause(p *lint.Pass) error {
	for i := range p.Entry.Fields {
		f := &p.Entry.Fields[i]
		if f.Key == catalog.KeySeq {
			continue
		}
		checkDuplicates(p, f)
	}
	// Words doubled in a quote (建设建设, 确定的镇人民政府确定的镇人民政府):
	// too short for a clause, but the statute says them once.
	eachQuote(p, verify.QuoteMismatch, func(f *catalog.Field, v *verify.Verification, q *verify.QuoteCheck) {
		folded := text.Fold(f.Text)
		qs, qe := quoteSpan(q)
		done := map[string]bool{}
		for _, o := range q.Result.Diff {
			if o.Kind != quote.Insert {
				continue
			}
			rs := []rune(o.Text)
			if len(rs) < 2 || len(rs) > 40 || !allHan(rs) || done[o.Text] {
				continue
			}
			done[o.Text] = true
			for k := range rs {
				w := string(rs[k:]) + string(rs[:k])
				at := strings.Index(folded.Text, w+w)
				if at < 0 || strings.Contains(text.Fold(q.Expected).Text, w+w) {
					continue
				}
				d0, d1 := folded.OrigStart(at+len(w)), folded.Orig(at+2*len(w))
				if d0 < qs || d1 > qe {
					continue
				}
				p.Report(lint.Finding{
					Field: f, Start: d0, End: d1,
					Citation: citationOf(v, q.Articles),
					Message:  fmt.Sprintf("引文中“%s”连续出现两次，%s%s原文只有一处，应删除重复的一处", w, statuteName(v.Statute), articleLabels(q.Articles)),
				})
				break
			}
		}
	})
	return nil
}

func allHan(rs []rune) bool {
	for _, r := range rs {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	return true
}

func checkDuplicates(p *lint.Pass, f *catalog.Field) {
	folded := text.Fold(f.Text)
	t := folded.Text
	sentences := segments(t, 0, len(t), isSentenceEnd)
	report := func(a, b segment) {
		s0, s1 := folded.OrigStart(a.start), folded.Orig(a.end)
		d0, d1 := folded.OrigStart(b.start), folded.Orig(b.end)
		p.Report(lint.Finding{
			Field:   f,
			Start:   d0,
			End:     d1,
			Message: fmt.Sprintf("“%s”连续出现两次，应删除重复的一处", text.Quote(t[a.start:a.end], 30)),
			Related: []lint.Related{{
				Entry:   entryRef(p.Entry),
				Field:   string(f.Key),
				Span:    relatedSpan(f, s0, s1),
				Message: "第一次出现",
			}},
		})
	}
	for k := 0; k+1 < len(sentences); k++ {
		a, b := sentences[k], sentences[k+1]
		if sameSegment(t, a, b) {
			report(a, b)
			continue
		}
	}
	// Repeated clauses inside one sentence.
	for _, s := range sentences {
		clauses := segments(t, s.start, s.end, isClauseEnd)
		for k := 0; k+1 < len(clauses); k++ {
			a, b := clauses[k], clauses[k+1]
			if sameSegment(t, a, b) {
				report(a, b)
			}
		}
	}
}

// sameSegment: b repeats a (its closing mark may differ: “…的，…的。”).
func sameSegment(t string, a, b segment) bool {
	x := strings.TrimRight(t[a.start:a.end], sentenceEnds+clauseEnds)
	y := strings.TrimRight(t[b.start:b.end], sentenceEnds+clauseEnds)
	return x == y && utf8.RuneCountInString(x) >= minClause
}
