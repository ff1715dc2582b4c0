package editdist

import "testing"

func TestDistance(t *testing.T) {
	cases := []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"基金监管股", "基金监管股", 0}, {"基金监管科", "基金监管股", 1},
		{"", "行政处罚", 4}, {"quote-mismatch", "quote-mismatc", 1}, {"给于", "给予", 1},
		{"行政检查", "检查行政", 4}, {"kitten", "sitting", 3},
	}
	for _, c := range cases {
		if got := Distance(c.a, c.b); got != c.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
		if got := Distance(c.b, c.a); got != c.want {
			t.Errorf("Distance(%q, %q) = %d, want %d (symmetry)", c.b, c.a, got, c.want)
		}
	}
}
