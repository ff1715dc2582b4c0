package catalog

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

var (
	seed000 = filepath.Join("..", "testdata", "seeds", "000_cc42e2149e1dc4a3.txt")
	seed003 = filepath.Join("..", "testdata", "seeds", "003_63d24b8c8a735c5c.txt")
)

func keysOf(e Entry) []Key {
	var ks []Key
	for _, f := range e.Fields {
		ks = append(ks, f.Key)
	}
	return ks
}

func headerKeys(c *Catalog) []Key {
	var ks []Key
	for _, col := range c.Header {
		ks = append(ks, col.Key)
	}
	return ks
}

func seqs(c *Catalog) []string {
	var s []string
	for _, e := range c.Entries {
		s = append(s, e.Seq)
	}
	return s
}

func countTo(n int) []string {
	var s []string
	for i := 1; i <= n; i++ {
		s = append(s, itoa(i))
	}
	return s
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}

func TestReadTextSeed000(t *testing.T) {
	c, err := Read(seed000)
	if err != nil {
		t.Fatal(err)
	}
	if c.Format != FormatText {
		t.Errorf("format %q", c.Format)
	}
	wantHeader := []Key{KeySeq, KeyType, KeyName, KeyBasis, KeyDuties, KeyDutyBasis, KeyOffice, KeyAccountable, KeyNote}
	if got := headerKeys(c); !reflect.DeepEqual(got, wantHeader) {
		t.Errorf("header keys %v, want %v", got, wantHeader)
	}
	if c.Header[3].Name != "权力依据" || c.Header[7].Name != "追责对象范围" {
		t.Errorf("header names folded wrong: %q %q", c.Header[3].Name, c.Header[7].Name)
	}
	if got := seqs(c); !reflect.DeepEqual(got, countTo(20)) {
		t.Errorf("seqs %v", got)
	}
	// The title cell, debris included, is the title and not an entry.
	if !strings.HasPrefix(c.Title, "[bookmark: _GoBack]六盘水市") || !strings.HasSuffix(c.Title, "(2025年)") {
		t.Errorf("title %q", c.Title)
	}
	if c.TitleField == nil || c.TitleField.Text != c.Title || c.TitleField.Key != KeyTitle ||
		c.TitleField.Loc.Line != 1 || c.TitleField.Loc.LineCol != 2 {
		t.Errorf("title field %+v", c.TitleField)
	}
	for _, e := range c.Entries[:19] {
		if e.Short || !reflect.DeepEqual(keysOf(e), wantHeader) {
			t.Errorf("entry %d: short %v keys %v", e.Index, e.Short, keysOf(e))
		}
	}
	last := c.Entries[19]
	if !last.Short || !reflect.DeepEqual(keysOf(last), wantHeader[:6]) {
		t.Errorf("last entry: short %v keys %v; want short with %v", last.Short, keysOf(last), wantHeader[:6])
	}
	// Blank lines inside a cell are kept (entry 3's basis).
	if b := c.Entries[2].Text(KeyBasis); !strings.Contains(b, "\n\n（一）") {
		t.Errorf("entry 3 basis lost its blank lines: %q", b)
	}
	// The page-number debris of entry 20 stays in the text.
	if b := last.Text(KeyBasis); !strings.Contains(b, "原\n 9  则上") {
		t.Errorf("entry 20 basis: %q", b)
	}
	if c.Entries[10].Text(KeyOffice) != "基金监管科" {
		t.Errorf("entry 11 office %q", c.Entries[10].Text(KeyOffice))
	}
}

func TestReadTextSeed003(t *testing.T) {
	c, err := Read(seed003)
	if err != nil {
		t.Fatal(err)
	}
	want := []Key{KeySeq, KeyDepartment, KeyType, KeyName, KeyBasis, KeyDuties, KeyDutyBasis, KeyOffice, KeyAccountable}
	if got := headerKeys(c); !reflect.DeepEqual(got, want) {
		t.Errorf("header keys %v, want %v", got, want)
	}
	if c.Header[0].Name != "序号" || c.Header[4].Name != "职权依据（具体到条款内容）" {
		t.Errorf("header names %q %q", c.Header[0].Name, c.Header[4].Name)
	}
	if got := seqs(c); !reflect.DeepEqual(got, countTo(12)) {
		t.Errorf("seqs %v", got)
	}
	if c.Title != "" || c.TitleField != nil {
		t.Errorf("title %q", c.Title)
	}
	// Mapped by header, not "fixed": the 职权类型 column holds 行政执法.
	if got := c.Entries[0].Text(KeyType); got != "行政执法" {
		t.Errorf("entry 1 type %q", got)
	}
	if got := c.Entries[0].Text(KeyName); got != "行政检查" {
		t.Errorf("entry 1 name %q", got)
	}
	for _, e := range c.Entries {
		if e.Short || !reflect.DeepEqual(keysOf(e), want) {
			t.Errorf("entry %d: short %v keys %v", e.Index, e.Short, keysOf(e))
		}
	}
}

// TestTextLocations checks that every field's text sits in the file exactly
// where its location says: line Line from code point LineCol, one file line
// per line of the text.
func TestTextLocations(t *testing.T) {
	for _, path := range []string{seed000, seed003} {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(string(data), "\n")
		c, err := Read(path)
		if err != nil {
			t.Fatal(err)
		}
		fields := []*Field{}
		if c.TitleField != nil {
			fields = append(fields, c.TitleField)
		}
		for i := range c.Entries {
			for j := range c.Entries[i].Fields {
				fields = append(fields, &c.Entries[i].Fields[j])
			}
		}
		for _, f := range fields {
			checkTextLoc(t, lines, f)
		}
	}
}

func checkTextLoc(t *testing.T, lines []string, f *Field) {
	t.Helper()
	if f.Loc.Line < 1 || f.Loc.Line > len(lines) || f.Loc.LineCol < 1 {
		t.Errorf("%v: bad location", f.Loc)
		return
	}
	for i, tl := range strings.Split(f.Text, "\n") {
		fl := lines[f.Loc.Line-1+i]
		if i == 0 {
			rs := []rune(fl)
			if f.Loc.LineCol-1 > len(rs) {
				t.Errorf("%v: column past the line", f.Loc)
				return
			}
			fl = string(rs[f.Loc.LineCol-1:])
		}
		if fl != tl {
			t.Errorf("%v line +%d: file has %q, text has %q", f.Loc, i, fl, tl)
			return
		}
	}
}

func readTextString(t *testing.T, src string) *Catalog {
	t.Helper()
	c, err := ReadFrom(strings.NewReader(src), "t.txt", "")
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestTextRealignsShortRows(t *testing.T) {
	src := "\t某局权力清单\n\n" +
		"\t序号\n\t权力名称\n\t权力依据\n\t备注\n" +
		"\t1\n\t甲\n\t《甲法》第一条\n\t\n" +
		"\t2\n\t乙\n" + // cut short: no 依据, no 备注
		"\t3\n\t丙\n\t《丙法》第三条\n\t无\n" +
		"\t4\n\t丁\n\t《丁法》第四条\n\t无\n\t多余\n" + // one cell too many
		"\t5\n\t戊\n\t《戊法》第五条\n\t无\n"
	c := readTextString(t, src)
	if got := seqs(c); !reflect.DeepEqual(got, []string{"1", "2", "3", "4", "5"}) {
		t.Fatalf("seqs %v", got)
	}
	if c.Title != "某局权力清单" {
		t.Errorf("title %q", c.Title)
	}
	e2 := c.Entries[1]
	if !e2.Short || len(e2.Fields) != 2 || e2.Field(KeyBasis) != nil {
		t.Errorf("entry 2: short %v fields %v", e2.Short, keysOf(e2))
	}
	if c.Entries[2].Text(KeyName) != "丙" || c.Entries[2].Short {
		t.Errorf("entry 3 misaligned: %+v", c.Entries[2])
	}
	e4 := c.Entries[3]
	if len(e4.Fields) != 5 || e4.Fields[4].Key != KeyUnknown || e4.Fields[4].Text != "多余" {
		t.Errorf("entry 4 extra cell: %+v", e4.Fields)
	}
	if c.Entries[4].Text(KeyBasis) != "《戊法》第五条" {
		t.Errorf("entry 5 misaligned: %+v", c.Entries[4])
	}
}

func TestTextRepeatedHeaderAndCRLF(t *testing.T) {
	src := "\ufeff \t序 号\r\n\t事项名称\r\n\t设定依据\r\n" +
		"\t1\r\n\t甲\r\n\t《甲法》第一条\r\n续行\r\n\r\n" +
		"\t序号\r\n\t事项名称\r\n\t设定依据\r\n" +
		"\t2\r\n\t乙\r\n\t《乙法》第二条\r\n"
	c := readTextString(t, src)
	if got := seqs(c); !reflect.DeepEqual(got, []string{"1", "2"}) {
		t.Fatalf("seqs %v", got)
	}
	if got := c.Entries[0].Text(KeyBasis); got != "《甲法》第一条\n续行" {
		t.Errorf("basis %q", got)
	}
	if f := c.Entries[0].Field(KeySeq); f.Loc.Line != 4 || f.Loc.LineCol != 2 {
		t.Errorf("seq loc %+v", f.Loc)
	}
}

func TestTextGB18030(t *testing.T) {
	src := "\t序号\n\t权力名称\n\t权力依据\n\t1\n\t对某事的处罚\n\t《某法》第一条\n"
	enc, err := simplifiedchinese.GB18030.NewEncoder().String(src)
	if err != nil {
		t.Fatal(err)
	}
	if utf8.ValidString(enc) {
		t.Fatal("encoding did not change the bytes")
	}
	c := readTextString(t, enc)
	if len(c.Entries) != 1 || c.Entries[0].Text(KeyName) != "对某事的处罚" {
		t.Errorf("entries %+v", c.Entries)
	}
}

func TestTextErrors(t *testing.T) {
	for name, src := range map[string]string{
		"empty":     "",
		"no header": "\t甲\n\t乙\n\t丙\n",
		"binary":    "\x00\x01\x02\x03\tabc",
		"invalid":   "\t序号\n\t\xff\xfe\xfd\x80\x80\n",
	} {
		_, err := ReadFrom(strings.NewReader(src), "bad.txt", "")
		if err == nil {
			t.Errorf("%s: no error", name)
			continue
		}
		if !errors.Is(err, ErrInput) || !strings.Contains(err.Error(), "bad.txt") {
			t.Errorf("%s: %v: want ErrInput naming the file", name, err)
		}
	}
}

// TestReadTextLayouts reads header vocabularies published catalogs use
// beyond the seeds' (every column's role asserted) and marks a last cell
// that stops mid-sentence as cut.
func TestReadTextLayouts(t *testing.T) {
	row := func(cells ...string) string {
		var b strings.Builder
		for _, c := range cells {
			b.WriteString("\t" + c + "\n")
		}
		return b.String() + "\n"
	}
	for _, tc := range []struct {
		name    string
		header  []string
		want    []Key
		data    [][]string
		entries int
		cut     bool
	}{
		{"inspection list", []string{"序号", "行政检查事项名称", "依据"},
			[]Key{KeySeq, KeyName, KeyBasis},
			[][]string{{"1", "对单位履行消防安全职责情况的监督抽查", "《中华人民共和国消防法》第五十三条:消防救援机构应当对机关、团体、企业、事业等单位遵守消防法律、法规的情况依法进行监督检查。"},
				{"2", "对举报投诉的消防安全违法行为的核查", "《中华人民共和国消防法》第五十三条:消防救援机构应当对机关、团体"}}, 2, true},
		{"item page without 序号", []string{"实施主体", "层级", "事项名称", "违法行为", "依据", "裁量基准", "咨询电话"},
			[]Key{KeyDepartment, KeyUnknown, KeyName, KeyName, KeyBasis, KeyUnknown, KeyUnknown},
			[][]string{{"某市城市管理局", "县级", "工程建设管理", "未取得施工许可证擅自施工", "《中华人民共和国建筑法》第六十四条", "《某省裁量基准》", "0371-1234567"}}, 1, false},
		{"bases split by level", []string{"项目编码", "项目名称", "执法类别", "执法主体", "承办机(处 )", "法律", "行政法规", "部委规章", "实施对象", "收费依据和标准"},
			[]Key{KeySeq, KeyName, KeyType, KeyDepartment, KeyOffice, KeyBasis, KeyBasis, KeyBasis, KeyUnknown, KeyUnknown},
			[][]string{{"421001", "对违法行为的处罚", "行政处罚", "某县局", "政策法规股", "", "《食盐专营办法》第二十六条", "", "企业", "不收费"},
				{"421002", "对另一违法行为的处罚", "行政处罚", "某县局", "政策法规股", "", "《食盐专营办法》第二十七条", "", "企业", "不收费"}}, 2, false},
		{"standard column read by content", []string{"序号", "检查事项", "检查标准", "检查方式", "承办机构"},
			[]Key{KeySeq, KeyName, KeyBasis, KeyUnknown, KeyOffice},
			[][]string{{"1", "医疗机构资质管理检查", "1.《医疗机构管理条例》第二、三章", "现场检查", "医政科"}}, 1, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := "\t某局行政检查事项清单\n\n" + row(tc.header...)
			for _, d := range tc.data {
				src += row(d...)
			}
			c := readTextString(t, src)
			if len(c.Header) != len(tc.want) {
				t.Fatalf("header %v, want %d columns", c.Header, len(tc.want))
			}
			for i, col := range c.Header {
				if col.Key != tc.want[i] {
					t.Errorf("column %d %q: key %q, want %q", i+1, col.Name, col.Key, tc.want[i])
				}
			}
			if len(c.Entries) != tc.entries {
				t.Fatalf("%d entries, want %d", len(c.Entries), tc.entries)
			}
			last := c.Entries[len(c.Entries)-1].Fields
			if got := last[len(last)-1].Cut; got != tc.cut {
				t.Errorf("last cell cut = %v, want %v", got, tc.cut)
			}
			for _, e := range c.Entries[:len(c.Entries)-1] {
				for _, f := range e.Fields {
					if f.Cut {
						t.Errorf("entry %d %s: cut, but it is not the last cell", e.Index, f.Column)
					}
				}
			}
		})
	}
}
