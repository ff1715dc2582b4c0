package rules

import (
	"strings"
	"testing"
)

// TestUnknownLocalStatute: a local regulation the corpus lacks is named as
// not held, and the regulations of other places with the same title are
// not offered as close titles; a national statute with a close title is.
func TestUnknownLocalStatute(t *testing.T) {
	got, _ := lintRows(t, unknownStatuteRule, "某县应急管理局权力清单（2025年）", "行政处罚", "对违法行为的处罚", []string{"职权依据"}, [][]string{
		{"《河北省安全生产条例》第八十二条"},
		{"《湖北省城市市容和环境卫生管理条例》第四十二条"},
	})
	if want := "法规库未收录地方性法规、规章或规范性文件《河北省安全生产条例》，未能核对。"; got[1] != want {
		t.Errorf("entry 1: %q, want %q (no other province's 安全生产条例)", got[1], want)
	}
	if m := got[2]; !strings.Contains(m, "相近的有《城市市容和环境卫生管理条例》") || strings.Contains(m, "浙江省") {
		t.Errorf("entry 2: %q, want the national regulation and no other province's", m)
	}
}
