package vocab

import (
	"testing"

	"github.com/citelint/citelint/catalog"
)

func cat(cols []catalog.Key, rows ...[]string) *catalog.Catalog {
	c := &catalog.Catalog{}
	for _, k := range cols {
		c.Header = append(c.Header, catalog.Column{Key: k, Name: string(k)})
	}
	for i, r := range rows {
		e := catalog.Entry{Index: i + 1}
		for j, s := range r {
			e.Fields = append(e.Fields, catalog.Field{Key: cols[j], Text: s})
		}
		c.Entries = append(c.Entries, e)
	}
	return c
}

func TestPowerType(t *testing.T) {
	v, err := New([]string{"行政征用"})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		in, want string
		ok       bool
	}{
		{"行政处罚", "行政处罚", true},
		{" 行政 处罚\n", "行政处罚", true},
		{"其他行政职权", "其他行政权力", true},
		{"行政征用", "行政征用", true},
		{"行政执法", "", false},
		{"行政处份", "", false},
	} {
		got, ok := v.PowerType(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("PowerType(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
	if !v.Category("公共服务") || v.Category("行政检查") {
		t.Error("Category")
	}
}

func TestAnalyze(t *testing.T) {
	v, err := New(nil)
	if err != nil {
		t.Fatal(err)
	}
	cols := []catalog.Key{catalog.KeyType, catalog.KeyName}
	shifted := cat(cols, []string{"行政执法", "行政检查"}, []string{"行政执法", "行政处罚"}, []string{"公共服务", "行政奖励"})
	l := v.Analyze(shifted)
	if !l.TypeHoldsCategories || !l.NameHoldsTypes || l.TypesIn != catalog.KeyName {
		t.Errorf("shifted catalog: %+v", l)
	}
	normal := cat(cols, []string{"行政处罚", "对骗取医保基金的处罚"}, []string{"行政检查", "对医疗救助的监督检查"})
	l = v.Analyze(normal)
	if l.TypeHoldsCategories || l.NameHoldsTypes || l.TypesIn != catalog.KeyType {
		t.Errorf("normal catalog: %+v", l)
	}
	if got := Values(shifted, catalog.KeyName, 2); len(got) != 2 || got[0] != "行政检查" {
		t.Errorf("Values = %v", got)
	}
}
