package catalog

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

func xlsxBytes(t testing.TB, f *excelize.File) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func setRow(t testing.TB, f *excelize.File, sheet string, row int, vals ...any) {
	t.Helper()
	cell, _ := excelize.CoordinatesToCellName(1, row)
	if err := f.SetSheetRow(sheet, cell, &vals); err != nil {
		t.Fatal(err)
	}
}

func TestXlsxStructures(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	s1 := "Sheet1"
	// A merged title row, a note, then the header.
	setRow(t, f, s1, 1, "某局权力清单")
	must(t, f.MergeCell(s1, "A1", "F1"))
	setRow(t, f, s1, 2, "", "", "", "", "", "")
	setRow(t, f, s1, 3, "序号", "权力类型", "职权名称", "责任事项", "", "备 注")
	must(t, f.MergeCell(s1, "D3", "E3"))
	setRow(t, f, s1, 4, "", "", "", "内容", "依据", "")
	setRow(t, f, s1, 5, 1, "行政处罚", "对甲的处罚", "1.立案责任\n2.调查责任", "《甲法》第一条", "")
	setRow(t, f, s1, 6, 2, "", "对乙的处罚", "同上", "《乙法》第二条", "无")
	must(t, f.MergeCell(s1, "B5", "B6")) // 权力类型 printed once for two rows
	setRow(t, f, s1, 7, "二、行政检查")
	must(t, f.MergeCell(s1, "A7", "F7"))
	setRow(t, f, s1, 8, 3, "行政检查", "对丙的检查") // trailing cells empty
	// The second sheet continues the table, repeating the header.
	s2 := "续表"
	if _, err := f.NewSheet(s2); err != nil {
		t.Fatal(err)
	}
	setRow(t, f, s2, 1, "序号", "权力类型", "职权名称", "责任事项", "", "备 注")
	must(t, f.MergeCell(s2, "D1", "E1"))
	setRow(t, f, s2, 2, "", "", "", "内容", "依据", "")
	setRow(t, f, s2, 3, 4, "行政强制", "对丁的强制", "", "《丁法》第四条", "")
	// A hidden sheet is not read.
	s3 := "hidden"
	if _, err := f.NewSheet(s3); err != nil {
		t.Fatal(err)
	}
	setRow(t, f, s3, 1, "序号", "权力名称", "权力依据")
	setRow(t, f, s3, 2, 99, "隐藏", "《隐法》第一条")
	must(t, f.SetSheetVisible(s3, false))

	c, err := readBytes(t, xlsxBytes(t, f), "s.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	if c.Title != "某局权力清单" || c.TitleField.Loc.Row != 1 || c.TitleField.Loc.Sheet != s1 {
		t.Errorf("title %q %+v", c.Title, c.TitleField)
	}
	want := []Key{KeySeq, KeyType, KeyName, KeyDuties, KeyDutyBasis, KeyNote}
	if got := headerKeys(c); !reflect.DeepEqual(got, want) {
		t.Fatalf("header %+v", c.Header)
	}
	if got := seqs(c); !reflect.DeepEqual(got, []string{"1", "2", "3", "4"}) {
		t.Fatalf("seqs %v", got)
	}
	e1, e2, e3, e4 := c.Entries[0], c.Entries[1], c.Entries[2], c.Entries[3]
	if e1.Text(KeyDuties) != "1.立案责任\n2.调查责任" {
		t.Errorf("wrapped text %q", e1.Text(KeyDuties))
	}
	if ty := e2.Field(KeyType); ty == nil || ty.Text != "行政处罚" || ty.Loc.Row != 5 || ty.Loc.Col != 2 {
		t.Errorf("merged type %+v", ty)
	}
	if e3.Short || len(e3.Fields) != 6 || e3.Field(KeyNote).Loc.Col != 6 {
		t.Errorf("entry 3: short %v fields %+v", e3.Short, e3.Fields)
	}
	if f := e4.Field(KeyDutyBasis); f == nil || f.Loc.Sheet != s2 || f.Loc.Row != 3 || f.Loc.Col != 5 {
		t.Errorf("entry 4 duty basis %+v", f)
	}
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// makeBigXlsx writes a sheet of n entries with a streaming writer.
func makeBigXlsx(t testing.TB, n int) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	must(t, sw.SetRow("A1", []any{"序号", "权力类型", "权力名称", "权力依据", "责任事项", "责任科室"}))
	for i := 1; i <= n; i++ {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		must(t, sw.SetRow(cell, []any{i, "行政处罚", fmt.Sprintf("对第%d种违法行为的处罚", i),
			fmt.Sprintf("《中华人民共和国社会保险法》第%d条：用人单位不办理社会保险登记的，由社会保险行政部门责令限期改正。", i%100+1),
			"1.立案责任：决定是否立案。\n2.调查责任：执法人员不得少于2人。", "基金监管股"}))
	}
	must(t, sw.Flush())
	return xlsxBytes(t, f)
}

func TestXlsx100000Rows(t *testing.T) {
	if testing.Short() {
		t.Skip("large sheet")
	}
	data := makeBigXlsx(t, 100000)
	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	c, err := readBytes(t, data, "big.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	elapsed := time.Since(start)
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	if len(c.Entries) != 100000 || c.Entries[99999].Seq != "100000" {
		t.Fatalf("%d entries, last %q", len(c.Entries), c.Entries[len(c.Entries)-1].Seq)
	}
	t.Logf("100,000 rows: %v, heap in use after %d MB", elapsed, after.HeapInuse>>20)
	if after.HeapInuse > 1<<30 {
		t.Errorf("heap %d MB", after.HeapInuse>>20)
	}
}

func TestXlsxHostile(t *testing.T) {
	good := makeBigXlsx(t, 3)
	for name, data := range map[string][]byte{
		"truncated": good[:len(good)/2],
		"no header": func() []byte {
			f := excelize.NewFile()
			defer f.Close()
			setRow(t, f, "Sheet1", 1, "甲", "乙")
			return xlsxBytes(t, f)
		}(),
		"declared bomb":  zipBomb(t, "xl/workbook.xml", 1<<40, 1<<20),
		"not a workbook": makeZip(t, map[string]string{"xl/workbook.xml": "<x", "[Content_Types].xml": "<Types/>"}),
	} {
		t.Run(name, func(t *testing.T) {
			_, err := readBytes(t, data, "h.xlsx")
			if err == nil {
				t.Fatal("no error")
			}
			if !errors.Is(err, ErrInput) || !strings.Contains(err.Error(), "h.xlsx") {
				t.Errorf("%v: want ErrInput naming the file", err)
			}
		})
	}
}
