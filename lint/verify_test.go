package lint

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/citelint/citelint/catalog"
	"github.com/citelint/citelint/statutes"
	"github.com/citelint/citelint/statutes/cite"
)

// A tiny corpus: a law with a 2020 version and a partial 2010 one, another
// law, and a rule whose text is not bundled.
var verifyCorpus = fstest.MapFS{
	"甲法@2020-01-01.txt": {Data: []byte(`citelint-statute 1
id: 甲法
title: 中华人民共和国甲法
short: 甲法
kind: 法律
issuer: 全国人民代表大会常务委员会
verified: true
source: test
version: 2020-01-01
effective: 2020-01-01
text: full
version-verified: true
version-source: test
articles: 6

第一条 为了规范甲事务，制定本法。
第二条 违反本法规定，骗取甲基金的，由甲部门责令退回，处骗取金额二倍以上五倍以下的罚款。
第三条 甲部门实施检查，可以采取下列措施：
  （一）进入现场检查；
  （二）询问有关人员。
第四条 违反本法第三条规定，拒绝检查的，由甲部门责令改正，处一万元以上五万元以下的罚款。
第五条 违反本法第一条规定，谎报情况的，由甲部门责令改正，处二万元以上十万元以下的罚款。
第六条 甲部门应当每年公布检查计划。
检查计划应当载明检查的范围、方式和时间安排。
`)},
	"甲法修正案@2021-01-01.txt": {Data: []byte(`citelint-statute 1
id: 甲法修正案
title: 中华人民共和国甲法修正案
short: 甲法修正案
kind: 法律
issuer: 全国人民代表大会常务委员会
verified: true
source: test
version: 2021-01-01
effective: 2021-01-01
text: full
version-verified: true
version-source: test
articles: 1

第一条 甲法增加一条，作为第九条。内容如下：
\第九条 甲部门应当公开检查结果。
`)},
	"甲法@2010-01-01.txt": {Data: []byte(`citelint-statute 1
id: 甲法
title: 中华人民共和国甲法
short: 甲法
kind: 法律
issuer: 全国人民代表大会常务委员会
verified: true
source: test
version: 2010-01-01
effective: 2010-01-01
until: 2020-01-01
text: partial
version-verified: true
version-source: test
articles: 1

第二条 违反本法规定，骗取甲基金的，由甲部门责令退回，处骗取金额一倍以上三倍以下的罚款。
`)},
	"乙条例@2015-01-01.txt": {Data: []byte(`citelint-statute 1
id: 乙条例
title: 乙条例
kind: 行政法规
issuer: 国务院
docno: 国务院令第1号
verified: true
source: test
version: 2015-01-01
effective: 2015-01-01
text: full
version-verified: true
version-source: test
articles: 1

第一条 乙机构应当建立健全内部管理制度，定期向社会公开有关信息并接受监督。
`)},
	"丙办法@2018-01-01.txt": {Data: []byte(`citelint-statute 1
id: 丙办法
title: 丙办法
kind: 部门规章
issuer: 某部
verified: true
source: test
version: 2018-01-01
effective: 2018-01-01
text: none
version-verified: true
version-source: test
articles: 0
`)},
}

func verifyPass(t *testing.T, asOf time.Time, aliases map[string]string) *Pass {
	t.Helper()
	c, err := statutes.Load(verifyCorpus)
	if err != nil {
		t.Fatal(err)
	}
	return &Pass{Corpus: c, Config: &Config{Aliases: aliases}, AsOf: asOf}
}

func verifyOne(t *testing.T, p *Pass, text string) (*catalog.Field, *Verification) {
	t.Helper()
	f := &catalog.Field{Key: catalog.KeyBasis, Text: text}
	cs := p.Citations(f)
	if len(cs) != 1 {
		t.Fatalf("%q: %d citations", text, len(cs))
	}
	return f, p.Verify(f, cs[0])
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
			p := verifyPass(t, tt.asOf, nil)
			_, v := verifyOne(t, p, tt.text)
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
			p := verifyPass(t, in2025, nil)
			f := &catalog.Field{Key: catalog.KeyBasis, Text: tt.text}
			vs := p.Verifications(f)
			var got []Outcome
			for _, v := range vs {
				for _, q := range v.Quotes {
					got = append(got, q.Outcome)
				}
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("outcomes = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestVerifyResolutionAndCache(t *testing.T) {
	in2025 := time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC)
	p := verifyPass(t, in2025, map[string]string{"老甲法": "中华人民共和国甲法"})
	f, v := verifyOne(t, p, "《老甲法》第二条")
	if v.Statute == nil || v.Statute.ID != "甲法" {
		t.Fatalf("alias not used: %+v %v", v.Statute, v.Err)
	}
	if again := p.Verify(f, p.Citations(f)[0]); again != v {
		t.Error("second Verify did not return the cached verification")
	}
	_, v = verifyOne(t, p, "《丁法》第二条")
	if v.Statute != nil || !errors.Is(v.Err, statutes.ErrUnknownStatute) {
		t.Errorf("unknown title: %+v %v", v.Statute, v.Err)
	}
	_, v = verifyOne(t, p, "《甲法》第三条第（三）项")
	if len(v.Articles) != 1 || !errors.Is(v.Articles[0].Err, statutes.ErrItemNotFound) {
		t.Errorf("missing item: %+v", v.Articles)
	}
	_, v = verifyOne(t, p, "《丙办法》第五条")
	if v.TextBundled || !errors.Is(v.Articles[0].Err, statutes.ErrNotBundled) {
		t.Errorf("metadata-only: bundled=%v err=%v", v.TextBundled, v.Articles[0].Err)
	}
	var none *Pass = &Pass{}
	if none.Verify(f, cite.Citation{}) != nil {
		t.Error("Verify without a corpus should return nil")
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

// TestResolutions: Resolutions agrees with Verifications on everything but
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
		full := verifyPass(t, in2025, nil)
		shallow := &Pass{Corpus: full.Corpus, Config: full.Config, AsOf: full.AsOf}
		f := &catalog.Field{Key: catalog.KeyBasis, Text: text}
		vs, rs := full.Verifications(f), shallow.Resolutions(f)
		if len(vs) != len(rs) || len(vs) == 0 {
			t.Fatalf("%q: %d verifications, %d resolutions", text, len(vs), len(rs))
		}
		for i, v := range vs {
			r := rs[i]
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
