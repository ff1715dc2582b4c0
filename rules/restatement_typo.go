package rules

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/citelint/citelint/catalog"
	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/verify"
	"github.com/citelint/citelint/rules/internal/text"
	"github.com/citelint/citelint/statutes"
)

var restatementTypoRule = &lint.Rule{
	ID:    "restatement-typo",
	Title: "转述条文疑有错字",
	Doc: "裁量标准、适用情形、备注等栏目转述所引条文时，一段与条文逐字相同的文字中只有一个字不同，" +
		"多半是错字（“或者”写成“或抓”）；所引条文或法规标题中用到的词（“医疗保障”之于“医疗保险”）不算。只比较本条目依据栏所引、法规库有原文的条文（各版本）；数字写法不同不算。" +
		"这是提示：转述本可改写，请对照条文核对。",
	Wrong:    "重大行政处罚标准：对企业事业单位或抓其他组织罚款5万元以上（依据《统计法》第四十一条）",
	Right:    "重大行政处罚标准：对企业事业单位或者其他组织罚款5万元以上",
	Severity: lint.Info,
	Run:      runRestatementTypo,
}

// restateWindow is the stretch of a restatement, in runes, that must
// match the article but for one character: long enough that the rest
// matching is no coincidence.
const restateWindow = 8

// Bounds: the articles compared per entry and the length of a field
// compared (a restatement is a sentence or a paragraph, not a file).
const (
	maxRestated    = 16
	maxRestatement = 4 << 10
)

func runRestatementTypo(p *lint.Pass) error {
	if p.Entry == nil || p.Corpus == nil || !hasRestatingField(p.Entry) {
		return nil
	}
	type article struct {
		label string
		runes []rune
	}
	var arts []article
	seen := map[*statutes.Article]bool{}
	// The words the cited texts use: a "typo" that makes one of them
	// (医疗保障 where the article says 医疗保险) is another term, not a slip.
	var known strings.Builder
	eachVerification(p, func(_ *catalog.Field, v *verify.Verification) {
		if v.Statute != nil {
			known.WriteString(text.Fold(v.Statute.Title).Text + "\n")
		}
		if v.Statute == nil || !v.Statute.Verified {
			return
		}
		// Every held version's article of that number: a restatement may
		// follow the text of the catalog's own time.
		for _, ca := range v.Citation.Articles {
			for _, ver := range v.Statute.Versions {
				if ver.Text == statutes.TextNone || !ver.Verified {
					continue
				}
				if a := ver.Article(ca.Num, ca.Suffix); a != nil && !seen[a] && len(arts) < maxRestated {
					seen[a] = true
					arts = append(arts, article{statuteName(v.Statute) + a.Label, []rune(text.Fold(a.Text()).Text)})
				}
			}
		}
	})
	if len(arts) == 0 {
		return nil
	}
	for _, a := range arts {
		known.WriteString(string(a.runes) + "\n")
	}
	vocabulary := known.String()
	for i := range p.Entry.Fields {
		f := &p.Entry.Fields[i]
		if !restating(f) {
			continue
		}
		folded := text.Fold(f.Text)
		rs := []rune(folded.Text)
		reported := map[int]bool{}
		for _, a := range arts {
			for at, want := range oneOffWindows(rs, a.runes) {
				if reported[at] || at == 0 || at+1 >= len(rs) ||
					strings.Contains(vocabulary, string(rs[at-1:at+1])) || strings.Contains(vocabulary, string(rs[at:at+2])) {
					continue
				}
				reported[at] = true
				b := runeByte(folded.Text, at)
				s0, s1 := folded.OrigStart(b), folded.Orig(b+len(string(rs[at])))
				p.Report(lint.Finding{
					Field: f, Start: s0, End: s1,
					Message: fmt.Sprintf("“%s”转述%s时疑有错字：“%c”，条文作“%c”", excerptAround(rs, at), a.label, rs[at], want),
				})
			}
		}
	}
	return nil
}

// restating reports the columns that restate the law in their own words:
// 裁量标准, 适用情形, 备注 … (columns of no role). 责任事项 and 追责 columns
// repeat boilerplate of their own.
func restating(f *catalog.Field) bool {
	return (f.Key == catalog.KeyUnknown || f.Key == catalog.KeyNote) && len(f.Text) <= maxRestatement
}

func hasRestatingField(e *catalog.Entry) bool {
	for i := range e.Fields {
		if restating(&e.Fields[i]) && strings.TrimSpace(e.Fields[i].Text) != "" {
			return true
		}
	}
	return false
}

// oneOffWindows finds the positions of rs where a window of restateWindow
// runes around them matches art but for that one Han, non-numeral rune,
// and the text there is not the article's anyway: position → the
// article's rune.
func oneOffWindows(rs, art []rune) map[int]rune {
	out := map[int]rune{}
	artS := string(art)
	n := restateWindow
	for s := 0; s+n <= len(rs); s++ {
		w := rs[s : s+n]
		if strings.Contains(artS, string(w)) {
			continue
		}
		for k := 2; k < n-2; k++ {
			r := w[k]
			if !unicode.Is(unicode.Han, r) || isNumeralRune(r) || strings.ContainsRune(looseRunes, r) {
				continue
			}
			left, right := string(w[:k]), string(w[k+1:])
			for off := 0; ; {
				j := strings.Index(artS[off:], left)
				if j < 0 {
					break
				}
				j += off
				rest := []rune(artS[j+len(left):])
				if len(rest) > len(w)-k-1 && strings.HasPrefix(string(rest[1:]), right) {
					if a := rest[0]; a != r && unicode.Is(unicode.Han, a) && !isNumeralRune(a) && !strings.ContainsRune(looseRunes, a) {
						out[s+k] = a
					}
				}
				off = j + len(left)
			}
		}
	}
	return out
}

// looseRunes are function characters a restatement swaps freely (及 for
// 和, 的 for 之): no typo.
const looseRunes = "的地得之其和及与或并且而等所以为于在对由将把向从被也就都"

func isNumeralRune(r rune) bool {
	return strings.ContainsRune("零〇一二两三四五六七八九十百千万亿", r)
}

// runeByte is the byte offset of rune index i in s.
func runeByte(s string, i int) int {
	n := 0
	for b := range s {
		if n == i {
			return b
		}
		n++
	}
	return len(s)
}

// excerptAround is a few runes either side of position at.
func excerptAround(rs []rune, at int) string {
	return string(rs[max(0, at-6):min(len(rs), at+6)])
}
