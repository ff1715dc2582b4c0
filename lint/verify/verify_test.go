package verify

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/citelint/citelint/catalog"
	"github.com/citelint/citelint/statutes"
	"github.com/citelint/citelint/statutes/cite"
)

// testCorpus is a tiny corpus (testdata/corpus): a law with a 2020
// version and a partial 2010 one, an amendment quoting the article it
// adds, another statute, and a rule whose text is not bundled.
func testCorpus(t testing.TB) *statutes.Corpus {
	t.Helper()
	c, err := statutes.Load(os.DirFS("testdata/corpus"))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func verifyOne(t *testing.T, vr *Verifier, asOf time.Time, text string) (*catalog.Field, *Verification) {
	t.Helper()
	f := &catalog.Field{Key: catalog.KeyBasis, Text: text}
	cs := cite.Parse(f.Text)
	if len(cs) != 1 {
		t.Fatalf("%q: %d citations", text, len(cs))
	}
	return f, vr.Verify(f, cs[0], asOf)
}

const (
	art2 = "违反本法规定，骗取甲基金的，由甲部门责令退回，处骗取金额二倍以上五倍以下的罚款。"
	art4 = "违反本法第三条规定，拒绝检查的，由甲部门责令改正，处一万元以上五万元以下的罚款。"
	art5 = "违反本法第一条规定，谎报情况的，由甲部门责令改正，处二万元以上十万元以下的罚款。"
)

func TestVerifyOutcomes(t *testing.T) {
	in2025 := time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name    string
		asOf    time.Time
		text    string
		outcome Outcome
		source  string // the source article's label, for misattributed/superseded
	}{
		{"exact", in2025, "《中华人民共和国甲法》第二条：违反本法规定，骗取甲基金的，由甲部门责令退回，处骗取金额二倍以上五倍以下的罚款。", QuoteOK, ""},
		{"one 项", in2025, "《甲法》第三条：（二）询问有关人员。", QuoteOK, ""},
		{"mismatch", in2025, "《甲法》第二条：违反本法规定，骗取甲基金的，由甲部门责令退回，处骗取金额二倍以上五倍以下罚款。", QuoteMismatch, ""},
		{"truncated", in2025, "《甲法》第二条：违反本法规定，骗取甲基金的，由甲部门责令退回。", QuoteTruncated, ""},
		{"superseded", in2025, "《甲法》第二条：违反本法规定，骗取甲基金的，由甲部门责令退回，处骗取金额一倍以上三倍以下的罚款。", QuoteSuperseded, "第二条"},
		{"the old wording when it was in force", time.Date(2015, 6, 1, 0, 0, 0, 0, time.UTC),
			"《甲法》第二条：违反本法规定，骗取甲基金的，由甲部门责令退回，处骗取金额一倍以上三倍以下的罚款。", QuoteOK, ""},
		{"misattributed within the statute", in2025, "《甲法》第一条：甲部门实施检查，可以采取下列措施：（一）进入现场检查；（二）询问有关人员。", QuoteMisattributed, "第三条"},
		{"misattributed to another statute", in2025, "《甲法》第一条：乙机构应当建立健全内部管理制度，定期向社会公开有关信息并接受监督。", QuoteMisattributed, "第一条"},
		{"one 项 with its lead-in", in2025, "《甲法》第三条第（一）项：甲部门实施检查，可以采取下列措施：（一）进入现场检查；", QuoteOK, ""},
		{"one 项 without its label", in2025, "《甲法》第三条第（二）项：询问有关人员。", QuoteOK, ""},
		{"two 项 under their lead-in written once", in2025, "《甲法》第三条第（一）项、第（二）项：甲部门实施检查，可以采取下列措施：（一）进入现场检查；（二）询问有关人员。", QuoteOK, ""},
		{"one 项 with a wrong word", in2025, "《甲法》第三条第（二）项：（二）询问相关人员。", QuoteMismatch, ""},
		{"the neighbouring article, worded alike", in2025, "《甲法》第四条：违反本法第一条规定，谎报情况的，由甲部门责令改正，处二万元以上十万元以下的罚款。", QuoteMisattributed, "第五条"},
		{"labels inside the cited text", in2025, "《甲法修正案》第一条：甲法增加一条，作为第九条。内容如下：\n第九条 甲部门应当公开检查结果。", QuoteOK, ""},
		{"the whole article quoted for one 款", in2025, "《甲法》第六条第一款：甲部门应当每年公布检查计划。检查计划应当载明检查的范围、方式和时间安排。", QuoteOK, ""},
		{"the whole article quoted for one 项", in2025, "《甲法》第三条第（二）项：甲部门实施检查，可以采取下列措施：（一）进入现场检查；（二）询问有关人员。", QuoteOK, ""},
		{"another 款 of the cited article", in2025, "《甲法》第六条第一款：检查计划应当载明检查的范围、方式和时间安排。", QuoteMisattributed, "第六条"},
		{"ellipsis typed as dots", in2025, "《甲法》第二条：违反本法规定···由甲部门责令退回，处骗取金额二倍以上五倍以下的罚款。", QuoteOK, ""},
		{"text not bundled", in2025, "《丙办法》第五条：丙机构应当如何如何。", QuoteUnverifiable, ""},
		{"article does not exist", in2025, "《甲法》第九条：什么都行。", QuoteNotChecked, ""},
		{"far longer than the article", in2025, "《甲法》第二条：" + strings.Repeat(art2, 100), QuoteTooLong, ""},
		{"longer than any article", in2025, "《甲法》第二条至第六条：" + strings.Repeat("甲", MaxQuote+1), QuoteTooLong, ""},
		{"two articles for one: compared", in2025, "《甲法》第四条：" + art4 + art5, QuoteMisattributed, "第五条"},
		{"a paraphrase: not compared", in2025, "《甲法》第二条 对骗取基金的行为，甲部门可以要求返还并给予罚款处理。", QuoteNotChecked, ""},
		{"the article with text of its own: compared", in2025, "《甲法》第二条：" + art2 + "另有规定的从其规定，并报上级机关备案。", QuoteMismatch, ""},
		{"text not bundled, however long", in2025, "《丙办法》第五条：" + strings.Repeat("丙", MaxQuote+1), QuoteUnverifiable, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, v := verifyOne(t, New(testCorpus(t), Options{}), tt.asOf, tt.text)
			if v.Statute == nil {
				t.Fatalf("unresolved: %v", v.Err)
			}
			if len(v.Quotes) != 1 {
				t.Fatalf("%d quotes", len(v.Quotes))
			}
			q := v.Quotes[0]
			if q.Outcome != tt.outcome {
				t.Fatalf("outcome = %v, want %v (result %+v)", q.Outcome, tt.outcome, q.Result)
			}
			if tt.source != "" {
				if q.Source == nil || q.Source.Article.Label != tt.source {
					t.Fatalf("source = %+v, want %s", q.Source, tt.source)
				}
				if strings.Contains(tt.name, "款") && q.Source.Paragraph != 2 {
					t.Errorf("source 款 = %d, want 2", q.Source.Paragraph)
				}
			}
		})
	}
}

// TestVerifyJointQuotes: a quote that runs up to the next citation on its
// line may leave out its closing '。' (…罚款；同法第五条 …); one that ends a
// line before the next citation may not.
func TestVerifyJointQuotes(t *testing.T) {
	in2025 := time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC)
	open2 := strings.TrimSuffix(art2, "。")
	for _, tt := range []struct {
		name string
		text string
		want []Outcome
	}{
		{"同法 after '；'", "《甲法》第二条 " + open2 + "；同法第五条 " + art5, []Outcome{QuoteOK, QuoteOK}},
		{"run-on", "《甲法》第二条 " + open2 + "《甲法》第五条 " + art5, []Outcome{QuoteOK, QuoteOK}},
		{"a slip in the 同法 quote", "《甲法》第二条 " + open2 + "；同法第五条 " + strings.Replace(art5, "二万元", "三万元", 1), []Outcome{QuoteOK, QuoteMismatch}},
		{"the closing mark dropped before a line break", "《甲法》第二条：" + open2 + "\n同法第五条：" + art5, []Outcome{QuoteMismatch, QuoteOK}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			vr := New(testCorpus(t), Options{})
			f := &catalog.Field{Key: catalog.KeyBasis, Text: tt.text}
			var got []Outcome
			for _, c := range cite.Parse(f.Text) {
				for _, q := range vr.Verify(f, c, in2025).Quotes {
					got = append(got, q.Outcome)
				}
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("outcomes = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestVerifyResolution(t *testing.T) {
	in2025 := time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC)
	vr := New(testCorpus(t), Options{Aliases: map[string]string{"老甲法": "中华人民共和国甲法"}})
	_, v := verifyOne(t, vr, in2025, "《老甲法》第二条")
	if v.Statute == nil || v.Statute.ID != "甲法" {
		t.Fatalf("alias not used: %+v %v", v.Statute, v.Err)
	}
	_, v = verifyOne(t, vr, in2025, "《丁法》第二条")
	if v.Statute != nil || !errors.Is(v.Err, statutes.ErrUnknownStatute) {
		t.Errorf("unknown title: %+v %v", v.Statute, v.Err)
	}
	_, v = verifyOne(t, vr, in2025, "《甲法》第三条第（三）项")
	if len(v.Articles) != 1 || !errors.Is(v.Articles[0].Err, statutes.ErrItemNotFound) {
		t.Errorf("missing item: %+v", v.Articles)
	}
	_, v = verifyOne(t, vr, in2025, "《丙办法》第五条")
	if v.TextBundled || !errors.Is(v.Articles[0].Err, statutes.ErrNotBundled) {
		t.Errorf("metadata-only: bundled=%v err=%v", v.TextBundled, v.Articles[0].Err)
	}
	if _, err := New(testCorpus(t), Options{}).Resolve("老甲法"); !errors.Is(err, statutes.ErrUnknownStatute) {
		t.Errorf("alias of another verifier used: %v", err)
	}
}

func TestTooLong(t *testing.T) {
	tests := []struct {
		quote, cited int
		want         bool
	}{
		{100, 100, false},
		{2000, 1, false},   // the slack: a few articles quoted for a short one
		{2809, 100, true},  // past 8 times the cited text and the slack
		{2800, 100, false}, // at the bound
		{MaxQuote, 10_000, false},
		{MaxQuote + 1, 10_000, true}, // longer than anything is checked
	}
	for _, tt := range tests {
		if got := tooLong(tt.quote, tt.cited); got != tt.want {
			t.Errorf("tooLong(%d, %d) = %v, want %v", tt.quote, tt.cited, got, tt.want)
		}
	}
}

// TestResolutions: Resolution agrees with Verify on everything but
// the quotes it does not compare.
func TestResolutions(t *testing.T) {
	in2025 := time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC)
	for _, text := range []string{
		"《中华人民共和国甲法》第二条：" + art2,
		"《甲法》第二条：违反本法规定，骗取甲基金的，由甲部门责令退回。",
		"《甲法》第一条：乙机构应当建立健全内部管理制度，定期向社会公开有关信息并接受监督。",
		"《甲法修正案》第一条：甲法增加一条，作为第九条。内容如下：\n第九条 甲部门应当公开检查结果。",
		"《丙办法》第五条：丙机构应当如何如何。",
		"《丙办法》第五条、第六条",
		"《甲法》第九条：什么都行。",
		"《甲法》第二条、第四条：第二条 " + art2 + "第四条 " + art4,
		"《丁法》第二条：什么都行。",
		"《甲法》第二条：" + strings.Repeat(art2, 100),
	} {
		c := testCorpus(t)
		full, shallow := New(c, Options{}), New(c, Options{})
		f := &catalog.Field{Key: catalog.KeyBasis, Text: text}
		cs := cite.Parse(f.Text)
		if len(cs) == 0 {
			t.Fatalf("%q: no citation", text)
		}
		for _, c := range cs {
			v, r := full.Verify(f, c, in2025), shallow.Resolution(f, c, in2025)
			if r.Statute != v.Statute || r.Version != v.Version || fmt.Sprint(r.Err) != fmt.Sprint(v.Err) ||
				len(r.Articles) != len(v.Articles) || len(r.Parts) != len(v.Parts) {
				t.Errorf("%.40q: resolution and verification differ: %v/%v %v/%v %d/%d articles %d/%d parts",
					text, r.Statute, v.Statute, r.Err, v.Err, len(r.Articles), len(v.Articles), len(r.Parts), len(v.Parts))
				continue
			}
			var want []QuoteCheck
			for _, q := range v.Quotes {
				if q.Outcome == QuoteNotChecked || q.Outcome == QuoteUnverifiable {
					want = append(want, q)
				}
			}
			if len(r.Quotes) != len(want) {
				t.Errorf("%.40q: %d quotes resolved, want %d", text, len(r.Quotes), len(want))
				continue
			}
			for j, q := range r.Quotes {
				if q.Outcome != want[j].Outcome || q.Part.Span != want[j].Part.Span || len(q.Articles) != len(want[j].Articles) {
					t.Errorf("%.40q: quote %d: %v %v, want %v %v", text, j, q.Outcome, q.Part.Span, want[j].Outcome, want[j].Part.Span)
				}
			}
		}
	}
}

// TestVerifierConcurrent: one verifier used by many goroutines at once (the
// files and entries of a run) gives every citation the verdict a verifier
// of its own gives it (go test -race checks the sharing).
func TestVerifierConcurrent(t *testing.T) {
	in2025 := time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC)
	texts := []string{
		"《中华人民共和国甲法》第二条：" + art2,
		"《甲法》第二条：违反本法规定，骗取甲基金的，由甲部门责令退回。",
		"《甲法》第二条：违反本法规定，骗取甲基金的，由甲部门责令退回，处骗取金额一倍以上三倍以下的罚款。",
		"《甲法》第一条：乙机构应当建立健全内部管理制度，定期向社会公开有关信息并接受监督。",
		"《甲法》第四条：" + art5,
		"《甲法》第六条第一款：检查计划应当载明检查的范围、方式和时间安排。",
		"《丙办法》第五条：丙机构应当如何如何。",
		"《丁法》第二条：什么都行。",
	}
	c := testCorpus(t)
	verdict := func(vr *Verifier, text string) string {
		f := &catalog.Field{Key: catalog.KeyBasis, Text: text}
		var out []string
		for _, ct := range cite.Parse(text) {
			v := vr.Verify(f, ct, in2025)
			out = append(out, fmt.Sprint(v.Statute != nil, v.Err))
			for _, q := range v.Quotes {
				src := ""
				if q.Source != nil {
					src = q.Source.Article.Label
				}
				out = append(out, q.Outcome.String()+src)
			}
		}
		return strings.Join(out, " ")
	}
	want := make([]string, len(texts))
	for i, text := range texts {
		want[i] = verdict(New(c, Options{}), text)
	}
	shared := New(c, Options{})
	var wg sync.WaitGroup
	got := make([]string, 8*len(texts))
	for g := range got {
		wg.Go(func() { got[g] = verdict(shared, texts[(g*3)%len(texts)]) })
	}
	wg.Wait()
	for g, v := range got {
		if w := want[(g*3)%len(texts)]; v != w {
			t.Errorf("goroutine %d: %s, want %s", g, v, w)
		}
	}
}
