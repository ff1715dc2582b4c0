package data

import (
	"strings"
	"testing"
)

func TestDefaultPowerTypes(t *testing.T) {
	pt, err := DefaultPowerTypes()
	if err != nil {
		t.Fatal(err)
	}
	// RULES.md lists ten standard categories.
	want := []string{"行政许可", "行政处罚", "行政强制", "行政征收", "行政给付", "行政检查", "行政确认", "行政奖励", "行政裁决", "其他行政权力"}
	if strings.Join(pt.Standard, ",") != strings.Join(want, ",") {
		t.Errorf("standard types = %v, want %v", pt.Standard, want)
	}
	if got := pt.Aliases["其他行政职权"]; got != "其他行政权力" {
		t.Errorf("alias 其他行政职权 → %q, want 其他行政权力", got)
	}
}

func TestParsePowerTypesErrors(t *testing.T) {
	for _, tc := range []struct{ name, text, want string }{
		{"empty", "# nothing\n", "empty list"},
		{"dup", "行政许可\n行政许可\n", "listed twice"},
		{"alias of unknown", "行政许可\n甲 = 乙\n", "not a standard type"},
		{"bad alias", "行政许可\n = 行政许可\n", "want"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParsePowerTypes(tc.text)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want it to mention %q", err, tc.want)
			}
		})
	}
}

func TestDefaultLists(t *testing.T) {
	cats, err := DefaultCategories()
	if err != nil {
		t.Fatal(err)
	}
	if !contains(cats, "行政执法") || !contains(cats, "公共服务") {
		t.Errorf("categories %v lack 行政执法/公共服务", cats)
	}
	suf, err := DefaultOfficeSuffixes()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"科", "股", "室", "处"} {
		if !contains(suf, s) {
			t.Errorf("office suffixes %v lack %q", suf, s)
		}
	}
	if _, err := ParseList("x", "a\na\n"); err == nil {
		t.Error("duplicate list item accepted")
	}
}

func TestDefaultArtifacts(t *testing.T) {
	res, err := DefaultArtifacts()
	if err != nil {
		t.Fatal(err)
	}
	match := func(s string) bool {
		for _, re := range res {
			if re.MatchString(s) {
				return true
			}
		}
		return false
	}
	for _, s := range []string{"[bookmark: _GoBack]标题", "{ PAGEREF _Toc12345 \\h }", "见 \\* MERGEFORMAT", "[image: 图片1]", "_Hlk12345"} {
		if !match(s) {
			t.Errorf("%q not recognised as an artifact", s)
		}
	}
	for _, s := range []string{"《中华人民共和国社会保险法》第八十七条", "[2018]22号", "(2025年)", "HYPERLINK的含义"} {
		if match(s) {
			t.Errorf("%q wrongly taken for an artifact", s)
		}
	}
	if _, err := ParseArtifacts("(\n"); err == nil {
		t.Error("bad regexp accepted")
	}
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}
