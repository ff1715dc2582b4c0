package quote

import (
	"strings"
	"testing"
)

func BenchmarkAlignTruncated(b *testing.B) {
	c := cand(art104)
	q := "违反本法规定，以欺诈、伪造证明材料或者其他手段骗取基本医疗保险待遇，由县级以上人民政府医疗保障主管部门依照有关社会保险的法律、行政法规规定给予行政处罚。"
	for b.Loop() {
		Align(q, c)
	}
}

func BenchmarkAlignUnrelatedLong(b *testing.B) {
	// Worst case: long unrelated texts over a small alphabet.
	x := strings.Repeat("的，的。规定应当", 500)
	y := strings.Repeat("应当的规定，。的", 500)
	c := PrepareText(x)
	for b.Loop() {
		Align(y, c)
	}
}
