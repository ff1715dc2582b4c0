package main

import (
	"archive/zip"
	"io"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

const kvData = "../../testdata/kv/"

// Key/value item pages (a table per power, label | value) read end to end:
// the catalog command shows the layout and the labels' roles, lint finds
// the one wrong quote of each file and nothing else, and the annotated copy
// has its comment in the value cell of that item.
func TestKVPagesEndToEnd(t *testing.T) {
	for _, tc := range []struct {
		file  string
		entry int
	}{
		{"renshe.kv.docx", 2}, // 第八十六条: 一倍 written 二倍
		{"renshe.kv.xlsx", 3}, // 第八十八条: 五倍 written 三倍
	} {
		t.Run(tc.file, func(t *testing.T) {
			in := copyFile(t, kvData+tc.file, t.TempDir())
			out, stderr, code := runCLI(t, "catalog", in)
			if code != 0 {
				t.Fatalf("catalog: exit %d: %s", code, stderr)
			}
			for _, want := range []string{": 3 条", "版式: 键值页", "栏目: 职权名称=name  职权类型=type  序号=seq  实施主体=department  承办机构=office  设定依据=basis  责任事项=duties  追责情形=accountable  办理时限=?"} {
				if !strings.Contains(out, want) {
					t.Errorf("catalog output lacks %q:\n%s", want, out)
				}
			}

			r := lintJSON(t, in)
			if len(r.Files) != 1 || r.Files[0].Entries != 3 {
				t.Fatalf("report %+v, want one file of 3 entries", r.Files)
			}
			var found []string
			for _, d := range r.Files[0].Diagnostics {
				if d.Severity == "info" {
					continue
				}
				entry := 0
				if d.Entry != nil {
					entry = d.Entry.Index
				}
				found = append(found, d.Rule+"@"+strconv.Itoa(entry)+"/"+d.Field)
			}
			if want := "quote-mismatch@" + strconv.Itoa(tc.entry) + "/basis"; strings.Join(found, " ") != want {
				t.Errorf("warnings and errors %v, want just %s", found, want)
			}

			dir := filepath.Join(t.TempDir(), "annotated")
			if _, stderr, code := runCLI(t, "lint", "--annotate", dir, in); code != 1 {
				t.Fatalf("lint --annotate: exit %d: %s", code, stderr)
			}
			copyPath := filepath.Join(dir, strings.Replace(tc.file, ".kv.", ".kv.citelint.", 1))
			if strings.HasSuffix(tc.file, ".xlsx") {
				checkKVXlsxComment(t, copyPath)
			} else {
				checkKVDocxComment(t, copyPath, tc.entry)
			}
		})
	}
}

// checkKVXlsxComment: the one comment is on the value cell of item 3's
// 设定依据 (B28: the title, a blank row, nine rows per item, a blank row
// between items).
func checkKVXlsxComment(t *testing.T, path string) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	comments, err := f.GetComments("行政处罚")
	if err != nil {
		t.Fatal(err)
	}
	var cells []string
	for _, c := range comments {
		cells = append(cells, c.Cell)
	}
	if strings.Join(cells, " ") != "B28" {
		t.Errorf("comments on %v, want B28 (the value of item 3's 设定依据)", cells)
	}
	if v, _ := f.GetCellValue("行政处罚", "A28"); v != "设定依据" {
		t.Errorf("A28 is %q, want the label 设定依据", v)
	}
}

var (
	wTag     = regexp.MustCompile(`<[^>]*>`)
	tblStart = regexp.MustCompile(`<w:tbl>`)
)

// checkKVDocxComment: the one comment's range lies in the value cell of
// the item's table, inside the 设定依据 text.
func checkKVDocxComment(t *testing.T, path string, table int) {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var doc string
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(rc)
			rc.Close()
			doc = string(b)
		}
	}
	start := strings.Index(doc, "<w:commentRangeStart ")
	end := strings.Index(doc, "<w:commentRangeEnd ")
	if start < 0 || end < start || strings.Count(doc, "<w:commentRangeStart ") != 1 {
		t.Fatalf("want one comment range in the document")
	}
	if n := len(tblStart.FindAllStringIndex(doc[:start], -1)); n != table {
		t.Errorf("the comment is in table %d, want %d", n, table)
	}
	// The cell holding the range: from its <w:tc> to its </w:tc>.
	cellStart := strings.LastIndex(doc[:start], "<w:tc>")
	cellEnd := strings.Index(doc[end:], "</w:tc>")
	if cellStart < 0 || cellEnd < 0 {
		t.Fatal("the comment range is not in a table cell")
	}
	cell := wTag.ReplaceAllString(doc[cellStart:end+cellEnd], "")
	if !strings.HasPrefix(cell, "《中华人民共和国社会保险法》第八十六条") {
		t.Errorf("the comment is in the cell %q, want the 设定依据 value", cell)
	}
	covered := wTag.ReplaceAllString(doc[start:end], "")
	if covered == "" || !strings.Contains(cell, covered) {
		t.Errorf("the comment covers %q", covered)
	}
}
