package rules

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/citelint/citelint/catalog"
	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/statutes"
	"github.com/citelint/citelint/statutes/cite"
)

// exactPowerTypes are the standard power types with the word a power name
// of that type ends with.
var exactPowerTypes = [][2]string{
	{"行政检查", "监督检查"}, {"行政处罚", "处罚"}, {"行政许可", "许可"}, {"行政强制", "行政强制"},
	{"行政确认", "确认"}, {"行政给付", "给付"}, {"行政奖励", "奖励"}, {"行政裁决", "裁决"},
	{"行政征收", "征收"}, {"其他行政权力", "管理"},
}

// exactOffices are distinct offices, none a near variant of another.
var exactOffices = []string{"基金监管科", "待遇保障科", "医药服务管理科", "规划财务和法规科"}

const exactDuties = "一、受理责任：依法受理申请或者启动程序，一次性告知需要提交的材料；\n" +
	"二、审查责任：对材料和有关情况进行审查，提出意见；\n" +
	"三、决定责任：依法作出决定并说明理由；\n" +
	"四、送达责任：依法送达决定书；\n" +
	"五、其他责任：法律法规规章规定应当履行的其他责任。"

// nameClause is the power's subject in the article's own words: the first
// clause of its first line made only of Chinese characters, 4 to 20 of
// them, or "" when there is none.
func nameClause(a *statutes.Article) string {
	first, _, _ := strings.Cut(a.Text(), "\n")
	for _, cl := range strings.FieldsFunc(first, func(r rune) bool { return strings.ContainsRune("，。；：、", r) }) {
		n := utf8.RuneCountInString(cl)
		if n < 4 || n > 20 || strings.IndexFunc(cl, func(r rune) bool { return !unicode.Is(unicode.Han, r) }) >= 0 {
			continue
		}
		return cl
	}
	return ""
}

type exactArticle struct {
	s *statutes.Statute
	v *statutes.Version
	a *statutes.Article
}

// exactSample picks n articles spread evenly over every statute in force at
// asOf whose full text is bundled and whose title resolves to it alone: the
// k-th pick is the first usable article at or after k*len/n, so the sample
// is the same on every run and reaches the end of the corpus.
func exactSample(c *statutes.Corpus, n int, asOf time.Time) []exactArticle {
	var all []exactArticle
	c.ForEachArticle(func(s *statutes.Statute, v *statutes.Version, a *statutes.Article) bool {
		if v != s.VersionAt(asOf) || v.Text != statutes.TextFull || s.StatusAt(asOf) != statutes.StatusInForce || len(a.Lines()) == 0 {
			return true
		}
		// Titles that name several statutes cannot be cited unambiguously.
		if r, err := c.Resolve(s.Title); err != nil || r != s {
			return true
		}
		all = append(all, exactArticle{s, v, a})
		return true
	})
	var out []exactArticle
	names := map[string]bool{}
	next := 0
	for k := 0; k < n && next < len(all); k++ {
		if at := k * len(all) / n; at > next {
			next = at
		}
		for ; next < len(all); next++ {
			cl := nameClause(all[next].a)
			if cl == "" || names[cl] {
				continue
			}
			names[cl] = true
			out = append(out, all[next])
			next++
			break
		}
	}
	return out
}

// exactFullCatalog writes a catalog in the extracted-text format with every
// column a real one has, whose every quote is the corpus's own text and
// whose every power is named in its article's words.
var exactSeparators = []string{"：", " ", "\u3000", "", "  "}

func exactFullCatalog(arts []exactArticle, spoil func(string) string) string {
	var b strings.Builder
	b.WriteString("\t某市医疗保障局权力清单和责任清单（2025年）\n\n")
	for _, h := range []string{"序号", "部门名称", "职权类型", "职权名称", "职权依据", "责任事项", "责任事项依据", "责任科室", "追责对象范围", "备注"} {
		b.WriteString("\t" + h + "\n")
	}
	for i, ea := range arts {
		typ := exactPowerTypes[i%len(exactPowerTypes)]
		cite := "《" + ea.s.Title + "》" + statutes.ArticleLabel(ea.a.Num, ea.a.Suffix)
		// Every quote form catalogs use: after a colon, a space, a
		// full-width space or nothing, in a numbered list or not.
		sep := exactSeparators[i%len(exactSeparators)]
		if strings.HasPrefix(ea.a.Text(), "《") {
			// 第五十一条 《民法通则》第一百四十六条…: read as two citations
			// by anyone; only a colon makes the second a quote.
			sep = "："
		}
		body := ea.a.Text()
		if spoil != nil {
			body = spoil(body)
		}
		quoted := cite + sep + body
		if pre := exactForm(ea, i/len(exactSeparators)); pre != "" && !strings.HasPrefix(body, "《") {
			// the article after an earlier citation of the same statute
			// in one of the forms catalogs use (同法, a bare 第Y条, a
			// second tagged citation, a run-on), or after a level tag
			s2 := sep
			if s2 == "" {
				s2 = "："
			}
			quoted = strings.Replace(pre, "@", statutes.ArticleLabel(ea.a.Num, ea.a.Suffix)+s2, 1) + body
		}
		if i%5 == 1 {
			quoted = "1." + quoted
		}
		// the duty basis cites the same article, quoting it in every
		// third entry
		duty := cite
		if i%3 == 0 {
			duty = quoted
		}
		name := "对" + strings.TrimSuffix(nameClause(ea.a), "的") + "的" + typ[1]
		fmt.Fprintf(&b, "\n\t%d\n\t某市医疗保障局\n\t%s\n\t%s\n\t%s\n\t%s\n\t%s\n\t%s\n\t承办人员、审核人员、批准人员及其他直接责任人员\n\t\n",
			i+1, typ[0], name, quoted, exactDuties, duty, exactOffices[i%len(exactOffices)])
	}
	return b.String()
}

// exactForm writes the text an article's citation follows in form k (with
// @ where its label and separator go), or "" for the plain form: a level
// tag, or the previous article of the statute quoted verbatim and then 同法
// after '；', 该法 on the next line, a bare label on the next line, a
// second tagged citation, or a run-on citation.
func exactForm(ea exactArticle, k int) string {
	title := ea.s.Title
	tag := ""
	if ea.s.Kind != "" {
		tag = "【" + string(ea.s.Kind) + "】"
	}
	form := k % 7
	if form == 0 {
		return ""
	}
	if form == 1 {
		if tag == "" {
			return ""
		}
		return tag + "《" + title + "》@"
	}
	prev := ea.v.Article(ea.a.Num-1, 0)
	if prev == nil || ea.a.Suffix != 0 || strings.HasPrefix(prev.Text(), "《") || !strings.HasSuffix(prev.Text(), "。") {
		return ""
	}
	first := "《" + title + "》" + prev.Label + "："
	open := strings.TrimSuffix(prev.Text(), "。")
	ref := ""
	for _, k := range []string{"条例", "办法", "规定", "细则", "法"} {
		if strings.HasSuffix(title, k) {
			ref = "同" + k
			break
		}
	}
	switch form {
	case 2:
		if ref == "" {
			return ""
		}
		return first + open + "；" + ref + "@"
	case 3:
		if ref == "" {
			return ""
		}
		return first + prev.Text() + "\n" + strings.Replace(ref, "同", "该", 1) + "@"
	case 4:
		return first + prev.Text() + "\n@"
	case 5:
		if tag == "" {
			return ""
		}
		return tag + first + prev.Text() + "\n" + tag + "《" + title + "》@"
	}
	return first + open + "《" + title + "》@"
}

// TestExactFullCatalogHasNoFinding: a catalog whose every quote is exact,
// sampled over the whole corpus with every column well formed, gets no
// finding at all from any rule, at any severity.
func TestExactFullCatalogHasNoFinding(t *testing.T) {
	c, err := defaultCorpus()
	if err != nil {
		t.Fatal(err)
	}
	asOf := time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC)
	arts := exactSample(c, 3000, asOf)
	if len(arts) < 3000 {
		t.Fatalf("only %d articles sampled", len(arts))
	}
	statutesSeen := map[*statutes.Statute]bool{}
	for _, ea := range arts {
		statutesSeen[ea.s] = true
	}
	if len(statutesSeen) < 300 {
		t.Fatalf("the sample reaches only %d statutes", len(statutesSeen))
	}
	t.Logf("%d articles of %d statutes", len(arts), len(statutesSeen))
	path := filepath.Join(t.TempDir(), "exact.txt")
	if err := os.WriteFile(path, []byte(exactFullCatalog(arts, nil)), 0o644); err != nil {
		t.Fatal(err)
	}
	cat, err := catalog.Read(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(cat.Entries) != len(arts) {
		t.Fatalf("%d entries read, %d written", len(cat.Entries), len(arts))
	}
	res, err := lint.Run(cat, lint.Options{Rules: All(), Corpus: c, Now: asOf})
	if err != nil {
		t.Fatal(err)
	}
	// Every quote here is the statute's own text and every column well
	// formed: any finding is a false alarm of its rule.
	for i, d := range res.Diagnostics {
		if i == 30 {
			t.Fatalf("... %d findings in all", len(res.Diagnostics))
		}
		where := "catalog"
		if d.Entry != nil {
			ref, _, _ := strings.Cut(cat.Entries[d.Entry.Index-1].Text(catalog.KeyBasis), "：")
			where = fmt.Sprintf("entry %d (%s)", d.Entry.Index, ref)
		}
		t.Errorf("%s %s %s %s: %s", where, d.Field, d.Rule, d.Severity, d.Message)
	}
}

// TestExactOneCharacterInEveryForm: the same quotes in every form, each
// with one character changed, give each entry exactly one warning or error
// (the mismatch on its basis), whatever the form.
func TestExactOneCharacterInEveryForm(t *testing.T) {
	c, err := defaultCorpus()
	if err != nil {
		t.Fatal(err)
	}
	asOf := time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC)
	arts := exactSample(c, 600, asOf)
	spoil := func(s string) string {
		rs := []rune(s)
		for k := len(rs) / 2; k < len(rs); k++ {
			if unicode.Is(unicode.Han, rs[k]) && rs[k] != '甲' && rs[k] != '乙' {
				if rs[k-1] == '甲' {
					rs[k] = '乙'
				} else {
					rs[k] = '甲'
				}
				return string(rs)
			}
		}
		return s
	}
	path := filepath.Join(t.TempDir(), "spoiled.txt")
	if err := os.WriteFile(path, []byte(exactFullCatalog(arts, spoil)), 0o644); err != nil {
		t.Fatal(err)
	}
	cat, err := catalog.Read(path)
	if err != nil {
		t.Fatal(err)
	}
	res, err := lint.Run(cat, lint.Options{Rules: All(), Corpus: c, Now: asOf})
	if err != nil {
		t.Fatal(err)
	}
	per := map[int][]string{}
	for _, d := range res.Diagnostics {
		if d.Severity == lint.Info || d.Entry == nil {
			continue
		}
		per[d.Entry.Index] = append(per[d.Entry.Index], d.Field+" "+d.Rule+": "+d.Message)
	}
	bad, ambiguous := 0, 0
	for i := range cat.Entries {
		got := per[i+1]
		basis, other := 0, 0
		for _, g := range got {
			switch {
			case strings.HasPrefix(g, "basis quote-"):
				basis++
			case strings.HasPrefix(g, "duty_basis quote-") && i%3 == 0:
				// the duty basis quotes the same spoiled text
			default:
				other++
			}
		}
		if basis == 1 && other == 0 {
			continue
		}
		if cs := cite.Parse(cat.Entries[i].Text(catalog.KeyBasis)); basis == 0 && other == 0 && len(cs) > 0 && cs[0].Quote == nil &&
			exactSeparators[i%len(exactSeparators)] == "" {
			// 第十条有关…: written straight after the article, a text that
			// opens with a joining word reads as running text, not a quote.
			ambiguous++
			continue
		}
		if bad++; bad <= 20 {
			t.Errorf("entry %d (%s): %d findings: %q", i+1, exactSeparators[i%len(exactSeparators)], len(got), got)
		}
	}
	if bad > 0 {
		t.Errorf("%d of %d spoiled quotes not reported exactly once", bad, len(cat.Entries))
	}
	if ambiguous*50 > len(cat.Entries) {
		t.Errorf("%d of %d quotes written without a separator not read as quotes", ambiguous, len(cat.Entries))
	}
	t.Logf("%d entries; %d quotes without a separator read as running text", len(cat.Entries), ambiguous)
}
