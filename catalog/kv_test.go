package catalog

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// fieldsOf lists an entry's fields as "key@place=text" (place: sheet
// row,col or line:col), for comparing whole entries.
func fieldsOf(e Entry) []string {
	var out []string
	for _, f := range e.Fields {
		place := fmt.Sprintf("%s %d,%d", f.Loc.Sheet, f.Loc.Row, f.Loc.Col)
		if f.Loc.Line > 0 {
			place = fmt.Sprintf("%d:%d", f.Loc.Line, f.Loc.LineCol)
		}
		k := string(f.Key)
		if k == "" {
			k = "?"
		}
		out = append(out, k+"@"+place+"="+f.Text)
	}
	return out
}

// A Word document of key/value tables: a table per power, the item's
// heading merged over it, short fields two to a row, a label merged down
// over two values, a label without a role, a table cut in two at a page
// break.
func TestKVDocx(t *testing.T) {
	span := func(n int) string { return fmt.Sprintf(`<w:gridSpan w:val="%d"/>`, n) }
	restart, cont := `<w:vMerge w:val="restart"/>`, `<w:vMerge/>`
	body := wp("附件1") + wp("某区人力资源和社会保障局行政职权事项表") +
		wtbl(
			wtr(wtc(span(4), wp("行政处罚事项"))),
			wtr(wtc("", wp("事项名称")), wtc(span(3), wp("对未依法缴纳社会保险费的处罚"))),
			wtr(wtc("", wp("事项类型")), wtc("", wp("行政处罚")), wtc("", wp("序号")), wtc("", wp("1"))),
			wtr(wtc(restart, wp("设定依据")), wtc(span(3), wp("《中华人民共和国社会保险法》第八十六条"))),
			wtr(wtc(cont, ""), wtc(span(3), wp("《社会保险费征缴暂行条例》第十三条"))),
			wtr(wtc("", wp("实施主体")), wtc("", wp("某区人社局")), wtc("", wp("承办机构")), wtc("", wp(""))),
			wtr(wtc("", wp("责任事项")), wtc(span(3), wp("1.受理责任")+wp("2.审查责任"))),
			wtr(wtc("", wp("办理时限")), wtc(span(3), wp("二十日"))),
		) +
		wp("") +
		wtbl(
			plainRow("事项名称", "对用人单位遵守劳动保障法律的检查"),
			plainRow("事项类型", "行政检查"),
			plainRow("序号", "2"),
			plainRow("设定依据", "《劳动保障监察条例》第十一条"),
		) +
		wtbl(
			plainRow("责任事项", "1.检查责任"),
			plainRow("承办机构", "监察科"),
		)
	c, err := readBytes(t, makeDocx(t, body), "kv.docx")
	if err != nil {
		t.Fatal(err)
	}
	if c.Layout != LayoutKV || len(c.Entries) != 2 {
		t.Fatalf("layout %q, %d entries, want kv and 2", c.Layout, len(c.Entries))
	}
	if c.Title != "某区人力资源和社会保障局行政职权事项表" {
		t.Errorf("title %q", c.Title)
	}
	wantHeader := []Key{KeyName, KeyType, KeySeq, KeyBasis, KeyDepartment, KeyOffice, KeyDuties, KeyUnknown}
	if got := headerKeys(c); !reflect.DeepEqual(got, wantHeader) {
		t.Errorf("header keys %v, want %v", got, wantHeader)
	}
	want1 := []string{
		"name@表1 2,2=对未依法缴纳社会保险费的处罚",
		"type@表1 3,2=行政处罚",
		"seq@表1 3,4=1",
		"basis@表1 4,2=《中华人民共和国社会保险法》第八十六条",
		"basis@表1 5,2=《社会保险费征缴暂行条例》第十三条",
		"department@表1 6,2=某区人社局",
		"office@表1 6,4=",
		"duties@表1 7,2=1.受理责任\n2.审查责任",
		"?@表1 8,2=二十日",
	}
	if got := fieldsOf(c.Entries[0]); !reflect.DeepEqual(got, want1) {
		t.Errorf("entry 1:\n got %q\nwant %q", got, want1)
	}
	want2 := []string{
		"name@表2 1,2=对用人单位遵守劳动保障法律的检查",
		"type@表2 2,2=行政检查",
		"seq@表2 3,2=2",
		"basis@表2 4,2=《劳动保障监察条例》第十一条",
		"duties@表3 1,2=1.检查责任",
		"office@表3 2,2=监察科",
	}
	if got := fieldsOf(c.Entries[1]); !reflect.DeepEqual(got, want2) {
		t.Errorf("entry 2 (a table cut in two):\n got %q\nwant %q", got, want2)
	}
	if c.Entries[0].Seq != "1" || c.Entries[1].Seq != "2" {
		t.Errorf("seqs %q %q", c.Entries[0].Seq, c.Entries[1].Seq)
	}
	if col := c.Header[len(c.Header)-1]; col.Name != "办理时限" {
		t.Errorf("last label %+v", col)
	}
}

// A workbook of key/value blocks: separated by blank rows on one sheet, a
// label whose value cell is empty, a sheet per item.
func TestKVXlsx(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	setRow(t, f, "Sheet1", 1, "某市市场监督管理局行政检查事项")
	must(t, f.MergeCell("Sheet1", "A1", "B1"))
	setRow(t, f, "Sheet1", 3, "事项名称", "对食品生产经营的监督检查")
	setRow(t, f, "Sheet1", 4, "事项类型", "行政检查")
	setRow(t, f, "Sheet1", 5, "检查依据", "《中华人民共和国食品安全法》第一百一十条")
	setRow(t, f, "Sheet1", 6, "承办机构") // value left empty
	setRow(t, f, "Sheet1", 8, "事项名称", "对特种设备的监督检查")
	setRow(t, f, "Sheet1", 9, "事项类型", "行政检查")
	setRow(t, f, "Sheet1", 10, "检查依据", "《中华人民共和国特种设备安全法》第六十一条")
	setRow(t, f, "Sheet1", 11, "承办机构", "特种设备科")
	_, err := f.NewSheet("3")
	must(t, err)
	setRow(t, f, "3", 1, "事项名称", "对计量器具的监督检查")
	setRow(t, f, "3", 2, "事项类型", "行政检查")
	setRow(t, f, "3", 3, "检查依据", "《中华人民共和国计量法》第十八条")
	c, err := readBytes(t, xlsxBytes(t, f), "kv.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	if c.Layout != LayoutKV || len(c.Entries) != 3 {
		t.Fatalf("layout %q, %d entries, want kv and 3", c.Layout, len(c.Entries))
	}
	if c.Title != "某市市场监督管理局行政检查事项" {
		t.Errorf("title %q", c.Title)
	}
	want := [][]string{
		{"name@Sheet1 3,2=对食品生产经营的监督检查", "type@Sheet1 4,2=行政检查", "basis@Sheet1 5,2=《中华人民共和国食品安全法》第一百一十条", "office@Sheet1 6,2="},
		{"name@Sheet1 8,2=对特种设备的监督检查", "type@Sheet1 9,2=行政检查", "basis@Sheet1 10,2=《中华人民共和国特种设备安全法》第六十一条", "office@Sheet1 11,2=特种设备科"},
		{"name@3 1,2=对计量器具的监督检查", "type@3 2,2=行政检查", "basis@3 3,2=《中华人民共和国计量法》第十八条"},
	}
	for i, w := range want {
		if got := fieldsOf(c.Entries[i]); !reflect.DeepEqual(got, w) {
			t.Errorf("entry %d:\n got %q\nwant %q", i+1, got, w)
		}
	}
}

// CSV key/value blocks without blank rows between them: a label an item
// already has starts the next item; a four-column row holds two pairs.
func TestKVCSV(t *testing.T) {
	src := "事项名称,对甲的处罚,,\n" +
		"事项类型,行政处罚,实施主体,某局\n" +
		"设定依据,\"《甲法》第一条\n《甲法实施条例》第二条\",,\n" +
		"事项名称,对乙的处罚,,\n" +
		"事项类型,行政处罚,实施主体,某局\n" +
		"设定依据,《乙法》第三条,,\n"
	c, err := readBytes(t, []byte(src), "kv.csv")
	if err != nil {
		t.Fatal(err)
	}
	if c.Layout != LayoutKV || len(c.Entries) != 2 {
		t.Fatalf("layout %q, %d entries, want kv and 2", c.Layout, len(c.Entries))
	}
	want := []string{"name@5:6=对乙的处罚", "type@6:6=行政处罚", "department@6:16=某局", "basis@7:6=《乙法》第三条"}
	if got := fieldsOf(c.Entries[1]); !reflect.DeepEqual(got, want) {
		t.Errorf("entry 2:\n got %q\nwant %q", got, want)
	}
	if l := c.Entries[1].Field(KeyDepartment).Loc; l.Row != 5 || l.Col != 4 {
		t.Errorf("department of entry 2 at record %d field %d, want 5 and 4", l.Row, l.Col)
	}
	if f := c.Entries[0].Field(KeyBasis); f.Loc.Line != 3 || f.Loc.LineCol != 7 || !strings.Contains(f.Text, "\n") {
		t.Errorf("multi-line value %+v", f)
	}
}

// Extracted text of key/value pages: label and value cells in turn, or a
// label and its value in one cell (设定依据：…); positions are the values'.
func TestKVText(t *testing.T) {
	src := "\t某局行政处罚事项\n" +
		"\n" +
		"\t事项名称\n" + // line 3
		"\t对甲的处罚\n" +
		"\t事项类型\n" +
		"\t行政处罚\n" +
		"\t设定依据：《甲法》第一条：违反本法\n" + // line 7
		"规定的，处罚款。\n" +
		"\t承办机构\n" +
		"\t法规科\n" +
		"\n" +
		"\t事项名称\n" + // line 12
		"\t对乙的处罚\n" +
		"\t事项类型\n" +
		"\t行政处罚\n" +
		"\t设定依据\n" +
		"\t《乙法》第二条\n" +
		"\t承办机构\n" +
		"\t\n"
	c := readTextString(t, src)
	if c.Layout != LayoutKV || len(c.Entries) != 2 {
		t.Fatalf("layout %q, %d entries, want kv and 2", c.Layout, len(c.Entries))
	}
	if c.Title != "某局行政处罚事项" {
		t.Errorf("title %q", c.Title)
	}
	want := [][]string{
		{"name@4:2=对甲的处罚", "type@6:2=行政处罚", "basis@7:7=《甲法》第一条：违反本法\n规定的，处罚款。", "office@10:2=法规科"},
		{"name@13:2=对乙的处罚", "type@15:2=行政处罚", "basis@17:2=《乙法》第二条", "office@19:2="},
	}
	for i, w := range want {
		if got := fieldsOf(c.Entries[i]); !reflect.DeepEqual(got, w) {
			t.Errorf("entry %d:\n got %q\nwant %q", i+1, got, w)
		}
	}
	lines := strings.Split(src, "\n")
	for _, e := range c.Entries {
		for i := range e.Fields {
			if e.Fields[i].Text != "" {
				checkTextLoc(t, lines, &e.Fields[i])
			}
		}
	}
}

// Tables that are not key/value pages stay tables: a header row over data
// rows, however narrow, and a header whose names are not all known.
func TestKVNotTables(t *testing.T) {
	for name, src := range map[string]string{
		"two columns": "事项名称,设定依据\n对甲的处罚,《甲法》第一条\n对乙的处罚,《乙法》第二条\n对丙的处罚,《丙法》第三条\n",
		"four columns, one row": "序号,权责事项,设定依据,实施主体和责任主体\n" +
			"1,企业名称使用的监督检查,《企业名称登记管理规定》第二条,信用监督管理处\n",
		"header of known names": "序号,事项名称,事项类型,设定依据\n1,对甲的处罚,行政处罚,《甲法》第一条\n",
	} {
		c, err := readBytes(t, []byte(src), "t.csv")
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if c.Layout != "" {
			t.Errorf("%s: read as key/value pages", name)
		}
	}
	txt := "\t序号\n\t权责事项\n\t设定依据\n\t实施主体和责任主体\n\t备注\n\n" +
		"\t1\n\t企业名称使用的监督检查\n\t《企业名称登记管理规定》第二条\n\t信用监督管理处\n\t市级\n"
	if c := readTextString(t, txt); c.Layout != "" || len(c.Entries) != 1 {
		t.Errorf("extracted table read as layout %q with %d entries", c.Layout, len(c.Entries))
	}
}

// No catalog of the test data that is a table is read as key/value pages
// (the key/value examples are named so).
func TestKVTestdataTables(t *testing.T) {
	var n int
	err := filepath.Walk(filepath.Join("..", "testdata"), func(p string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		switch strings.ToLower(filepath.Ext(p)) {
		case ".txt", ".docx", ".xlsx", ".csv", ".doc":
		default:
			return nil
		}
		c, err := Read(p)
		if err != nil {
			return nil // hostile and broken files are other tests'
		}
		n++
		if kv := strings.Contains(filepath.Base(p), "kv"); (c.Layout == LayoutKV) != kv {
			t.Errorf("%s: layout %q", p, c.Layout)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 20 {
		t.Errorf("only %d catalogs read", n)
	}
}
