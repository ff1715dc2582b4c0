package rules

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
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
