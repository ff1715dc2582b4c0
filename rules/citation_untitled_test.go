package rules

import (
	"testing"

	"github.com/citelint/citelint/lint"
)

// TestUntitledArticle: a basis that quotes an article without naming its
// statute is a citation-format warning, which names the statute when the
// corpus holds the quoted words; an entry that names its statute in
// another field, or a basis that is only a label, is not reported.
func TestUntitledArticle(t *testing.T) {
	art86 := "用人单位未按时足额缴纳社会保险费的，由社会保险费征收机构责令限期缴纳或者补足，并自欠缴之日起，按日加收万分之五的滞纳金；逾期仍不缴纳的，由有关行政部门处欠缴数额一倍以上三倍以下的罚款。"
	rows := [][]string{
		{"第八十六条" + art86, ""},
		{"1.第八十六条 " + art86, ""},
		{"第十二条 本市各级行政机关应当依照本规定的程序办理某某事项并于五日内答复当事人。", ""},
		{"第八十六条" + art86, "《中华人民共和国社会保险法》第八十六条"},
		{"第八十六条", ""},
	}
	got, diags := lintRows(t, citationFormatRule, "某市人力资源和社会保障局权力清单（2025年）", "行政处罚", "对用人单位未按时足额缴纳社会保险费的处罚",
		[]string{"职权依据", "责任事项依据"}, rows)
	for _, d := range diags {
		if d.Severity != lint.Warning || d.Field != "basis" {
			t.Errorf("entry %d: %s on %s", d.Entry.Index, d.Severity, d.Field)
		}
	}
	named := "依据只写了条文序号“第八十六条”，没有写明是哪部法规的条文；所引文字是《中华人民共和国社会保险法》第八十六条的原文。"
	want := map[int]string{1: named, 2: named, 3: "依据只写了条文序号“第十二条”，没有写明是哪部法规的条文。"}
	for i := 1; i <= len(rows); i++ {
		if got[i] != want[i] {
			t.Errorf("entry %d: %q, want %q", i, got[i], want[i])
		}
	}
}
