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

// TestUnknownLocalStatute: a local regulation the corpus lacks is named as
// not held, and the regulations of other places with the same title are
// not offered as close titles; a national statute with a close title is.
func TestUnknownLocalStatute(t *testing.T) {
	c, err := defaultCorpus()
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	b.WriteString("\t某县应急管理局权力清单（2025年）\n\n\t序号\n\t职权类型\n\t职权名称\n\t职权依据\n\n")
	for i, basis := range []string{
		"《河北省安全生产条例》第八十二条",
		"《湖北省城市市容和环境卫生管理条例》第四十二条",
	} {
		b.WriteString("\t" + string(rune('1'+i)) + "\n\t行政处罚\n\t对违法行为的处罚\n\t" + basis + "\n\n")
	}
	path := filepath.Join(t.TempDir(), "local.txt")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	cat, err := catalog.Read(path)
	if err != nil {
		t.Fatal(err)
	}
	res, err := lint.Run(cat, lint.Options{Rules: []*lint.Rule{unknownStatuteRule}, Corpus: c, Now: time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	got := map[int]string{}
	for _, d := range res.Diagnostics {
		got[d.Entry.Index] += d.Message
	}
	if want := "法规库未收录地方性法规、规章或规范性文件《河北省安全生产条例》，未能核对。"; got[1] != want {
		t.Errorf("entry 1: %q, want %q (no other province's 安全生产条例)", got[1], want)
	}
	if m := got[2]; !strings.Contains(m, "相近的有《城市市容和环境卫生管理条例》") || strings.Contains(m, "浙江省") {
		t.Errorf("entry 2: %q, want the national regulation and no other province's", m)
	}
}
