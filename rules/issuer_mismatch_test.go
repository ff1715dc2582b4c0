package rules

import (
	"fmt"
	"strings"
	"testing"
)

func TestParseOrderNos(t *testing.T) {
	tests := []struct {
		in   string
		want string // issuers/num/raw per order, "|" between orders
	}{
		{"劳动和社会保障部令第16号", "劳动和社会保障部/16/劳动和社会保障部令第16号"},
		{"原劳动部令第16号", "劳动部/16/原劳动部令第16号"},
		{"中华人民共和国主席令第三十八号", "主席/38/中华人民共和国主席令第三十八号"},
		// Joint orders keep every issuer.
		{"国务院、中央军事委员会令第288号", "国务院+中央军事委员会/288/国务院、中央军事委员会令第288号"},
		{"中华人民共和国国务院、中华人民共和国中央军事委员会令第288号", "国务院+中央军事委员会/288/中华人民共和国国务院、中华人民共和国中央军事委员会令第288号"},
		{"海关总署、公安部令第7号", "海关总署+公安部/7/海关总署、公安部令第7号"},
		// Dates before issuers belong to the version history.
		{"2000年7月24日国务院、中央军事委员会令第288号公布", "国务院+中央军事委员会/288/国务院、中央军事委员会令第288号"},
		{"2004年4月30日中华人民共和国国务院令第406号公布", "国务院/406/中华人民共和国国务院令第406号"},
		{"国务院令第649号公布，根据2019年3月2日国务院令第709号修订", "国务院/649/国务院令第649号|国务院/709/国务院令第709号"},
		{"根据国务院令第709号修订", "国务院/709/根据国务院令第709号"},
		// A 、 joining two orders or two steps of a history joins no issuers.
		{"国家教育委员会令第8号、国家体育运动委员会令第11号", "国家教育委员会/8/国家教育委员会令第8号|国家体育运动委员会/11/国家体育运动委员会令第11号"},
		{"国务院常务会议通过、国务院令第258号发布", "国务院/258/国务院令第258号"},
		{"1998年12月26日国务院第11次常务会议通过、1999年1月22日国务院令第258号发布", "国务院/258/国务院令第258号"},
		{"令第5号", "/5/令第5号"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			var got []string
			for _, d := range parseOrderNos(tt.in) {
				got = append(got, fmt.Sprintf("%s/%d/%s", strings.Join(d.issuers, "+"), d.num, d.raw))
			}
			if g := strings.Join(got, "|"); g != tt.want {
				t.Errorf("parseOrderNos(%q) = %q, want %q", tt.in, g, tt.want)
			}
		})
	}
}

func TestShareIssuer(t *testing.T) {
	known := parseOrderNos("国务院、中央军事委员会令第288号")[0]
	tests := []struct {
		written string
		same    bool
	}{
		{"国务院令第288号", true},
		{"中央军事委员会令第288号", true},
		{"国务院、中央军事委员会令第288号", true},
		{"2000年7月24日中华人民共和国国务院、中华人民共和国中央军事委员会令第288号公布", true},
		{"公安部令第288号", false},
	}
	for _, tt := range tests {
		if got := shareIssuer(known, parseOrderNos(tt.written)[0]); got != tt.same {
			t.Errorf("shareIssuer(%q) = %v, want %v", tt.written, got, tt.same)
		}
	}
	if shareIssuer(parseOrderNos("劳动和社会保障部令第16号")[0], parseOrderNos("原劳动部令第16号")[0]) {
		t.Error("原劳动部令第16号 shares an issuer with 劳动和社会保障部令第16号")
	}
}
