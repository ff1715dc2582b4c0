package index

import (
	"math"
	"reflect"
	"testing"
	"unicode/utf8"
)

const art88 = "以欺诈、伪造证明材料或者其他手段骗取社会保险待遇的，由社会保险行政部门责令退回骗取的社会保险金，处骗取金额二倍以上五倍以下的罚款。"

func TestCompare(t *testing.T) {
	tests := []struct {
		name     string
		quote    string
		text     string
		coverage float64
		exact    bool
		spans    []Span
	}{
		{
			name:     "whole article",
			quote:    art88,
			text:     art88,
			coverage: 1, exact: true,
			spans: []Span{{0, utf8.RuneCountInString(art88)}},
		},
		{
			name:     "prefix of the article",
			quote:    "以欺诈、伪造证明材料或者其他手段骗取社会保险待遇",
			text:     art88,
			coverage: 1, exact: true,
			spans: []Span{{0, 24}},
		},
		{
			name:     "middle of the article",
			quote:    "责令退回骗取的社会保险金",
			text:     art88,
			coverage: 1, exact: true,
			spans: []Span{{35, 47}},
		},
		{
			name:     "width, spaces, line breaks and quote marks are folded",
			quote:    " “处骗取金额２倍 以上” ",
			text:     "处骗取金额2倍\n以上五倍以下",
			coverage: 1, exact: true,
			spans: []Span{{0, 10}},
		},
		{
			name:     "skipped clause: every part found, not as one run",
			quote:    "以欺诈、伪造证明材料或者其他手段骗取社会保险待遇的，处骗取金额二倍以上五倍以下的罚款。",
			text:     art88,
			coverage: 1, exact: false,
			spans: []Span{{0, 26}, {48, 65}},
		},
		{
			name:     "one wrong character",
			quote:    "处骗取金额三倍以上五倍以下的罚款",
			text:     art88,
			coverage: 15.0 / 16, // 处骗取金额 + 倍以上五倍以下的罚款
			spans:    []Span{{48, 53}, {54, 64}},
		},
		{
			name:     "runs shorter than MinRun do not count",
			quote:    "应当罚款甲乙",
			text:     "应当丙丁罚款",
			coverage: 0,
		},
		{
			name:     "a clause the quote repeats counts once",
			quote:    "责令改正责令改正",
			text:     "责令改正，给予警告",
			coverage: 0.5,
			spans:    []Span{{0, 4}},
		},
		{
			name:     "short quote must match whole",
			quote:    "罚款",
			text:     "处以罚款",
			coverage: 1, exact: true,
			spans: []Span{{2, 4}},
		},
		{
			name:     "short quote absent",
			quote:    "罚金",
			text:     "处以罚款",
			coverage: 0,
		},
		{
			name:     "empty quote",
			quote:    " “” ",
			text:     art88,
			coverage: 0,
		},
		{
			name:     "longest tile wins over an earlier shorter one",
			quote:    "社会保险行政部门责令退回",
			text:     "社会保险金。由社会保险行政部门责令退回",
			coverage: 1, exact: true,
			spans: []Span{{7, 19}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Compare(tt.quote, tt.text)
			if math.Abs(got.Coverage-tt.coverage) > 1e-9 {
				t.Errorf("Coverage = %v (%d/%d), want %v", got.Coverage, got.Covered, got.Length, tt.coverage)
			}
			if got.Exact != tt.exact {
				t.Errorf("Exact = %v, want %v", got.Exact, tt.exact)
			}
			if !reflect.DeepEqual(got.Spans, tt.spans) {
				t.Errorf("Spans = %v, want %v", got.Spans, tt.spans)
			}
		})
	}
}

// The spans of a match cover, in the untouched text, exactly the runes the
// tiles cover in the folded text, and lie on rune boundaries.
func TestCompareSpansInText(t *testing.T) {
	text := "第一款　以欺诈、伪造证明材料或者其他手段\n骗取社会保险待遇的，由社会保险行政部门责令退回。"
	m := Compare("伪造证明材料或者其他手段骗取社会保险待遇", text)
	if !m.Exact || len(m.Spans) != 1 {
		t.Fatalf("Compare = %+v, want one exact span", m)
	}
	r := []rune(text)
	got := string(r[m.Spans[0].Start:m.Spans[0].End])
	if want := "伪造证明材料或者其他手段\n骗取社会保险待遇"; got != want {
		t.Errorf("span text = %q, want %q", got, want)
	}
}

func TestNormalizeQuery(t *testing.T) {
	tests := []struct{ in, want string }{
		{"  “罚款” ", "罚款"},
		{"ＡＢＣ，１２３", "abc,123"},
		{"处　以\n罚 款", "处以罚款"},
		{"「第八十八条」", "第八十八条"},
	}
	for _, tt := range tests {
		if got := NormalizeQuery(tt.in); got != tt.want {
			t.Errorf("NormalizeQuery(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzCompare(f *testing.F) {
	f.Add(art88, art88)
	f.Add("责令改正责令改正", "责令改正，给予警告")
	f.Add("ａ b", "A\u3000B")
	f.Fuzz(func(t *testing.T, quote, text string) {
		m := Compare(quote, text)
		if m.Coverage < 0 || m.Coverage > 1 || m.Covered > m.Length {
			t.Fatalf("Coverage %v (%d/%d) out of range", m.Coverage, m.Covered, m.Length)
		}
		n := utf8.RuneCountInString(text)
		prev := -1
		for _, s := range m.Spans {
			if s.Start <= prev || s.End <= s.Start || s.End > n {
				t.Fatalf("bad spans %v for text of %d runes", m.Spans, n)
			}
			prev = s.End
		}
		if m.Exact && m.Coverage != 1 {
			t.Fatalf("Exact with Coverage %v", m.Coverage)
		}
	})
}
