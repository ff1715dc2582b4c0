package text

import (
	"regexp"
	"testing"
	"unicode"
)

func TestFold(t *testing.T) {
	s := "第五条\u3000社会 保险\n经办"
	f := Fold(s)
	if f.Text != "第五条社会保险经办" {
		t.Fatalf("Fold text = %q", f.Text)
	}
	// "社会保险" in the folded text maps back to "社会 保险" in s.
	i := len("第五条")
	j := i + len("社会保险")
	if got := s[f.OrigStart(i):f.Orig(j)]; got != "社会 保险" {
		t.Errorf("mapped back to %q, want %q", got, "社会 保险")
	}
	if got := f.Orig(len(f.Text)); got != len(s) {
		t.Errorf("end maps to %d, want %d", got, len(s))
	}
	if Fold("").Orig(0) != 0 {
		t.Error("empty text")
	}
}

// TestFoldOffsets holds Fold's map back to the byte-by-byte one it
// stands for: off[i] the original offset of the folded text's byte i,
// off[len] the end of the last kept rune.
func TestFoldOffsets(t *testing.T) {
	for _, s := range []string{
		"", " ", "\u3000\n", "abc", "社会保险", " 社会", "社会 ", "  社 会\n\n保\u3000险  ",
		"a b  c\td", "第五条\u3000社会 保险\n经办", "\u2002x\u2002", "x\r\ny",
	} {
		var off []int
		end := 0
		for i, r := range s {
			if !IsSpace(r) {
				for k := 0; k < len(string(r)); k++ {
					off = append(off, i+k)
				}
				end = i + len(string(r))
			}
		}
		off = append(off, end)
		f := Fold(s)
		if len(f.Text) != len(off)-1 {
			t.Fatalf("%q: folded to %q", s, f.Text)
		}
		for i := -1; i <= len(f.Text)+1; i++ {
			wantStart := off[min(max(i, 0), len(off)-1)]
			wantEnd := off[0]
			switch {
			case i >= len(off)-1:
				wantEnd = off[len(off)-1]
			case i > 0:
				wantEnd = off[i-1] + 1
			}
			if got := f.OrigStart(i); got != wantStart {
				t.Errorf("%q: OrigStart(%d) = %d, want %d", s, i, got, wantStart)
			}
			if got := f.Orig(i); got != wantEnd {
				t.Errorf("%q: Orig(%d) = %d, want %d", s, i, got, wantEnd)
			}
		}
	}
}

func TestDistance(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want int
	}{
		{"基金监管科", "基金监管股", 1},
		{"基金监管科", "基金监管科", 0},
		{"", "科", 1},
		{"基金监管科", "基金管理科", 2},
	} {
		if got := Distance(tc.a, tc.b); got != tc.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestFindStray(t *testing.T) {
	artifacts := JoinPatterns([]*regexp.Regexp{regexp.MustCompile(`\[bookmark:[^\]\n]*\]`), regexp.MustCompile(`\b_GoBack\b`)})
	for _, tc := range []struct {
		name  string
		in    string
		short bool
		want  []string // the stray pieces, in order
		kinds []StrayKind
	}{
		{"bookmark", "[bookmark: _GoBack]六盘水市(2025年)", false, []string{"[bookmark: _GoBack]"}, []StrayKind{Artifact}},
		{"emoji with echoed colon", "第2、29条：🍩:\n各级", false, []string{"🍩:"}, []StrayKind{Pictograph}},
		{"emoji alone", "监督🍩检查", false, []string{"🍩"}, []StrayKind{Pictograph}},
		{"page number", "拨付医保费用。原\n 9  则上，应当", false, []string{"\n 9  "}, []StrayKind{PageNumber}},
		{"page number own line", "原\n- 9 -\n则上", false, []string{"\n- 9 -\n"}, []StrayKind{PageNumber}},
		{"page number bare line", "原\n9\n则上", false, []string{"\n9\n"}, []StrayKind{PageNumber}},
		{"number glued to text", "原\n9则上", false, nil, nil},
		{"five digits", "原\n 12345  则上", false, nil, nil},
		{"after punctuation", "拨付。\n 9  则上", false, nil, nil},
		{"list numbered with spaces", "1 负责受理工作\n2 负责审核工作", false, nil, nil},
		{"page 2 of running text", "原\n 2  则上", false, []string{"\n 2  "}, []StrayKind{PageNumber}},
		{"document number broken", "医保办发〔2018〕\n22 号)", false, nil, nil},
		{"number with counter", "应当在\n30 个工作日内", false, nil, nil},
		{"numbered list", "决定是否立案。\n2.调查责任", false, nil, nil},
		{"stray ascii quote", "给予行政处罚。\"", false, []string{"\""}, []StrayKind{StrayQuote}},
		{"paired ascii quotes", "称\"稽核\"。", false, nil, nil},
		{"stray closing quote", "处罚。”", false, []string{"”"}, []StrayKind{StrayQuote}},
		{"closed quote", "“进行监督检查。”", false, nil, nil},
		{"zero width", "行政\u200b处罚", false, []string{"\u200b"}, []StrayKind{Invisible}},
		{"control", "行政\x07处罚", false, []string{"\x07"}, []StrayKind{Control}},
		{"private use", "行政\ue000处罚", false, []string{"\ue000"}, []StrayKind{PrivateUse}},
		{"replacement", "行政\ufffd处罚", false, []string{"\ufffd"}, []StrayKind{Replacement}},
		{"en space in short field", "1\u2002", true, []string{"\u2002"}, []StrayKind{OddSpace}},
		{"article label space", "第二条\u3000本办法所称稽核", false, nil, nil},
		{"ideographic space run", "本办法\u3000\u3000所称", false, []string{"\u3000\u3000"}, []StrayKind{OddSpace}},
		{"ideographic space in short field", "基金\u3000监管股", true, []string{"\u3000"}, []StrayKind{OddSpace}},
		{"plain text", "《中华人民共和国社会保险法》第87、88条：社会保险经办机构", false, nil, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := FindStray(tc.in, StrayOptions{Artifacts: artifacts, Short: tc.short})
			if len(got) != len(tc.want) {
				t.Fatalf("FindStray(%q) = %v, want %q", tc.in, got, tc.want)
			}
			for i, g := range got {
				if g.Text(tc.in) != tc.want[i] || g.Kind != tc.kinds[i] {
					t.Errorf("piece %d = %q kind %d, want %q kind %d", i, g.Text(tc.in), g.Kind, tc.want[i], tc.kinds[i])
				}
				if Describe(g, tc.in) == "" {
					t.Errorf("no description for %v", g)
				}
			}
		})
	}
}

// TestIsSpace holds the fast paths to unicode.IsSpace.
func TestIsSpace(t *testing.T) {
	for r := rune(0); r <= 0x10FFFF; r++ {
		if IsSpace(r) != unicode.IsSpace(r) {
			t.Fatalf("IsSpace(%U) = %v", r, IsSpace(r))
		}
	}
}
