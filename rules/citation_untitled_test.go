package rules

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/citelint/citelint/catalog"
	"github.com/citelint/citelint/lint"
)

// TestUntitledArticle: a basis that quotes an article without naming its
// statute is a citation-format warning, which names the statute when the
// corpus holds the quoted words; an entry that names its statute in
// another field, or a basis that is only a label, is not reported.
func TestUntitledArticle(t *testing.T) {
	c, err := defaultCorpus()
	if err != nil {
		t.Fatal(err)
	}
	art86 := "用人单位未按时足额缴纳社会保险费的，由社会保险费征收机构责令限期缴纳或者补足，并自欠缴之日起，按日加收万分之五的滞纳金；逾期仍不缴纳的，由有关行政部门处欠缴数额一倍以上三倍以下的罚款。"
	rows := [][2]string{
		{"第八十六条" + art86, ""},
		{"1.第八十六条 " + art86, ""},
		{"第十二条 本市各级行政机关应当依照本规定的程序办理某某事项并于五日内答复当事人。", ""},
		{"第八十六条" + art86, "《中华人民共和国社会保险法》第八十六条"},
		{"第八十六条", ""},
	}
	var b strings.Builder
	b.WriteString("\t某市人力资源和社会保障局权力清单（2025年）\n\n\t序号\n\t职权类型\n\t职权名称\n\t职权依据\n\t责任事项依据\n\n")
	for i, r := range rows {
		b.WriteString("\t" + string(rune('1'+i)) + "\n\t行政处罚\n\t对用人单位未按时足额缴纳社会保险费的处罚\n\t" + r[0] + "\n\t" + r[1] + "\n\n")
	}
	path := filepath.Join(t.TempDir(), "untitled.txt")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	cat, err := catalog.Read(path)
	if err != nil {
		t.Fatal(err)
	}
	res, err := lint.Run(cat, lint.Options{Rules: []*lint.Rule{citationFormatRule}, Corpus: c, Now: time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	got := map[int]string{}
	for _, d := range res.Diagnostics {
		got[d.Entry.Index] += d.Message
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
