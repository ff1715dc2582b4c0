package catalog

import (
	"testing"
)

func TestSynonymsEmbedded(t *testing.T) {
	s, err := ParseSynonyms(synonymsData)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		header string
		want   Key
	}{
		{"权力依据", KeyBasis}, {"职权依据", KeyBasis}, {"设定依据", KeyBasis}, {"实施依据", KeyBasis}, {"法律依据", KeyBasis},
		{"责任事项依据", KeyDutyBasis},
		{"责任科室", KeyOffice}, {"责任处室", KeyOffice}, {"责任股室", KeyOffice}, {"承办机构", KeyOffice},
		{"追责对象", KeyAccountable}, {"追责对象范围", KeyAccountable},
		{"权力类型", KeyType}, {"职权类型", KeyType},
		{"职权类别", KeyCategory},
		{"权力名称", KeyName}, {"职权名称", KeyName}, {"事项名称", KeyName},
		{"部门名称", KeyDepartment}, {"实施部门", KeyDepartment},
		{"序号", KeySeq}, {"备注", KeyNote}, {"责任事项", KeyDuties},
		// Spaces and line breaks inside header cells.
		{"权 力 依 据", KeyBasis},
		{"责\u2002任\u2002事\u2002项", KeyDuties},
		{"职权依据\n（具体到条款内容）", KeyBasis},
		{"追责对象\n范  围", KeyAccountable},
		{"序　号", KeySeq},
		{"责任事项依据(具体到条款内容)", KeyDutyBasis},
		{"权力名称：", KeyName},
		// Contained in a short header.
		{"权力名称及编码", KeyName},
	} {
		got, ok := s.Lookup(tc.header)
		if got != tc.want || !ok {
			t.Errorf("Lookup(%q) = %q, %v; want %q", tc.header, got, ok, tc.want)
		}
	}
	for _, h := range []string{"", "  ", "实施对象", "六盘水市钟山区医疗保障局权力清单和责任清单(2025年)",
		"备注：本清单所列事项依据截至2025年的法律法规规章，如有变动以最新规定为准"} {
		if got, ok := s.Lookup(h); ok {
			t.Errorf("Lookup(%q) = %q; want no match", h, got)
		}
	}
	if DefaultSynonyms() == nil {
		t.Error("no default synonyms")
	}
}

func TestParseSynonymsErrors(t *testing.T) {
	for _, data := range []string{
		"",
		"# only a comment\n",
		"basis 权力依据\n",
		"nonsense: 甲\n",
		"basis: 权力依据\nname: 权 力 依 据\n",
	} {
		if _, err := ParseSynonyms(data); err == nil {
			t.Errorf("ParseSynonyms(%q): no error", data)
		}
	}
}

func TestFoldSpace(t *testing.T) {
	for in, want := range map[string]string{
		"权 力 依 据":         "权力依据",
		"追责对象\n范  围":      "追责对象范围",
		"职权依据\n（具体到条款内容）": "职权依据（具体到条款内容）",
		" 序号 ":       "序号",
		"Item  name": "Item name",
	} {
		if got := foldSpace(in); got != want {
			t.Errorf("foldSpace(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSeqValue(t *testing.T) {
	for in, want := range map[string]int{"1": 1, " 12\u2002": 12, "\n\n13\u2002": 13, "３": 3, "4.": 4, "五": 5, "十二": 12, "二十": 20, "三十四": 34} {
		if got, ok := seqValue(in); !ok || got != want {
			t.Errorf("seqValue(%q) = %d, %v; want %d", in, got, ok, want)
		}
	}
	for _, in := range []string{"", "序号", "1a", "行政处罚", "1234567", "十十"} {
		if got, ok := seqValue(in); ok {
			t.Errorf("seqValue(%q) = %d; want no value", in, got)
		}
	}
}
