package statutes

import "testing"

func TestParseNumber(t *testing.T) {
	cases := []struct {
		in   string
		want int
		ok   bool
	}{
		{"一", 1, true}, {"十", 10, true}, {"十一", 11, true}, {"二十", 20, true},
		{"二十一", 21, true}, {"一百", 100, true}, {"一百零四", 104, true},
		{"一百一十", 110, true}, {"一百十", 110, true}, {"八十七", 87, true},
		{"一千零一", 1001, true}, {"两千", 2000, true}, {"一万零五", 10005, true},
		{"一〇四", 104, true}, {"104", 104, true}, {"１０４", 104, true},
		{"零", 0, true}, {"壹佰", 100, true},
		{"", 0, false}, {"百", 0, false}, {"一二十", 0, false}, {"十百", 0, false},
		{"abc", 0, false}, {"一点", 0, false}, {"零十", 0, false}, {"99999999999", 0, false},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			got, err := ParseNumber(c.in)
			if (err == nil) != c.ok || (c.ok && got != c.want) {
				t.Errorf("ParseNumber(%q) = %d, %v; want %d, ok=%v", c.in, got, err, c.want, c.ok)
			}
		})
	}
}

func TestFormatNumber(t *testing.T) {
	cases := map[int]string{
		1: "一", 10: "十", 11: "十一", 20: "二十", 87: "八十七", 100: "一百", 104: "一百零四",
		110: "一百一十", 119: "一百一十九", 1000: "一千", 1001: "一千零一", 1010: "一千零一十",
		10005: "一万零五", 12345: "一万二千三百四十五", 20000: "二万",
	}
	for n, want := range cases {
		if got := FormatNumber(n); got != want {
			t.Errorf("FormatNumber(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestNumberRoundTrip(t *testing.T) {
	for n := 0; n <= 20000; n++ {
		s := FormatNumber(n)
		got, err := ParseNumber(s)
		if err != nil || got != n {
			t.Fatalf("ParseNumber(FormatNumber(%d)=%q) = %d, %v", n, s, got, err)
		}
	}
}

func TestArticleLabel(t *testing.T) {
	cases := []struct {
		in          string
		num, suffix int
		ok          bool
	}{
		{"第八十七条", 87, 0, true}, {"第87条", 87, 0, true}, {"第十条之一", 10, 1, true},
		{"87", 87, 0, true}, {"第一百零四条", 104, 0, true}, {"第条", 0, 0, false}, {"第零条", 0, 0, false},
		{"第十条之", 0, 0, false},
	}
	for _, c := range cases {
		n, s, err := ParseArticleLabel(c.in)
		if (err == nil) != c.ok || n != c.num || s != c.suffix {
			t.Errorf("ParseArticleLabel(%q) = %d, %d, %v", c.in, n, s, err)
		}
	}
	if got := ArticleLabel(10, 1); got != "第十条之一" {
		t.Errorf("ArticleLabel(10,1) = %q", got)
	}
}

func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"一百零四", "十", "104", "一万零五", "一〇四", "第十条之一"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := ParseNumber(s)
		if err != nil {
			return
		}
		if n < 0 || n > maxNumber {
			t.Fatalf("ParseNumber(%q) = %d out of range", s, n)
		}
		// Whatever parses must format to something that parses back to the same number.
		if back, err := ParseNumber(FormatNumber(n)); err != nil || back != n {
			t.Fatalf("round trip of %d (from %q) gave %d, %v", n, s, back, err)
		}
	})
}
