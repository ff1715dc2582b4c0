package rules

import (
	"strings"
	"testing"
)

// TestStrayQuoteOfTheStatute: an unpaired closing mark that the statute
// itself prints (as the corpus holds it) is not the catalog's stray
// character; the same mark after a quote of an article without one is.
func TestStrayQuoteOfTheStatute(t *testing.T) {
	c, err := defaultCorpus()
	if err != nil {
		t.Fatal(err)
	}
	art20, err := c.Resolve("重庆市林地保护管理条例")
	if err != nil {
		t.Fatal(err)
	}
	a := art20.Current().Article(20, 0)
	if a == nil || !strings.HasSuffix(a.Text(), "用于异地造林。”") {
		t.Fatalf("the corpus text changed: %v", a)
	}
	rows := [][]string{
		{"《重庆市林地保护管理条例》第二十条：" + a.Text()},
		{"《中华人民共和国社会保险法》第八十七条：社会保险经办机构以及医疗机构、药品经营单位等社会保险服务机构以欺诈、伪造证明材料或者其他手段骗取社会保险基金支出的，由社会保险行政部门责令退回骗取的社会保险金，处骗取金额二倍以上五倍以下的罚款；属于社会保险服务机构的，解除服务协议；直接负责的主管人员和其他直接责任人员有执业资格的，依法吊销其执业资格。”"},
	}
	_, diags := lintRows(t, strayCharacterRule, "某区林业局权力清单（2025年）", "行政检查", "林地保护监督检查", []string{"职权依据"}, rows)
	var got []int
	for _, d := range diags {
		got = append(got, d.Entry.Index)
	}
	if len(got) != 1 || got[0] != 2 {
		t.Errorf("stray-character on entries %v, want on entry 2 only", got)
	}
}
