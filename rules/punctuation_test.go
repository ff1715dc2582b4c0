package rules

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"

	"github.com/citelint/citelint/catalog"
)

// enumCloseRE is the definition enumClose implements by reading back from
// the parenthesis (a regexp anchored at the end reads the whole prefix).
var enumCloseRE = regexp.MustCompile(`(?:^|[\s。；：，;:,])(?:[0-9一二三四五六七八九十]{1,3}|[a-zA-Z])$`)

func TestEnumClose(t *testing.T) {
	cases := []string{
		"", "1", "12", "123", "1234", "a", "ab", "A", "一", "十二", "一二三四",
		"：1", "；一", "，a", "。b", "x1", "(1", "（一", " 1", "\n2", "\t3", "第1", "a1", "1a",
		"详见：（一", "一、二", "共3", "，123", "，1234", "；ab",
	}
	alphabet := []rune("0123456789一二三四五六七八九十abZ \n，。；：;:,（）第条x")
	r := rand.New(rand.NewPCG(1, 2))
	for range 5000 {
		var b strings.Builder
		for range r.IntN(8) {
			b.WriteRune(alphabet[r.IntN(len(alphabet))])
		}
		cases = append(cases, b.String())
	}
	for _, c := range cases {
		s := c + ")"
		i := len(c)
		if got, want := enumClose(s, i), enumCloseRE.MatchString(s[:i]); got != want {
			t.Errorf("enumClose(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestParseSmallNumber(t *testing.T) {
	for s, want := range map[string]int{
		"1": 1, "12": 12, "一": 1, "九": 9, "十": 10, "十一": 11, "二十": 20, "二十三": 23, "九十九": 99,
		"一二": 0, "一二三": 0, "二十三四": 0, "〇": 0,
	} {
		if got := parseSmallNumber(s); got != want {
			t.Errorf("parseSmallNumber(%q) = %d, want %d", s, got, want)
		}
	}
}

// TestRuneCursor: places asked in order, out of order and out of range
// convert as relatedSpan does.
func TestRuneCursor(t *testing.T) {
	f := &catalog.Field{Text: "第一条，a,b；中文😀,\n（一）甲,乙"}
	var at []int // the offsets of the runes, and the end
	for i := range f.Text {
		at = append(at, i)
	}
	at = append(at, len(f.Text))
	rc := runeCursor{s: f.Text}
	for _, sp := range [][2]int{{0, 3}, {3, 6}, {9, 10}, {9, 10}, {2, 8}, {12, 19}, {18, 19}, {7, 5}} {
		start, end := at[sp[0]], at[sp[1]]
		if got, want := *rc.span(start, end), *relatedSpan(f, start, end); got != want {
			t.Errorf("span(%d, %d) = %v, want %v", start, end, got, want)
		}
	}
	if got, want := *rc.span(-2, len(f.Text)+5), *relatedSpan(f, -2, len(f.Text)+5); got != want {
		t.Errorf("out of range: %v, want %v", got, want)
	}
}
