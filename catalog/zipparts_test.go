package catalog

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"
	"testing/iotest"
)

// TestPartReaderTokens runs the token scanner over documents with a token
// limit of 64 bytes, reading whole and a byte at a time (every boundary
// between reads).
func TestPartReaderTokens(t *testing.T) {
	long := strings.Repeat("医", 30) // 90 bytes
	short := strings.Repeat("a", 50)
	tests := []struct {
		name string
		doc  string
		want string // "" for no error
	}{
		{"short tokens", `<?xml version="1.0"?><a><b x="1">` + short + `</b><b>` + short + `</b></a>`, ""},
		{"long text", `<a><b>` + long + `</b></a>`, "XML token"},
		{"long text after a tag", `<a>` + short + `<b/>` + short + `</a>`, ""},
		{"long attribute", `<a x="` + long + `"/>`, "XML token"},
		{"short comment", `<a><!-- ` + short + ` --><b/></a>`, ""},
		{"comment with tags inside", `<a><!-- <b/><b/><b/><b/><b/><b/><b/><b/><b/><b/><b/><b/><b/><b/><b/> --></a>`, "XML token"},
		{"text after a comment", `<a><!--x-->` + short + `</a>`, ""},
		{"CDATA with tags inside", `<a><![CDATA[<b/><b/><b/><b/><b/><b/><b/><b/><b/><b/><b/><b/><b/><b/>]]></a>`, "XML token"},
		{"short CDATA", `<a><![CDATA[<b>]]>` + short + `</a>`, ""},
		{"processing instruction", `<?pi <b/><b/><b/><b/><b/><b/><b/><b/><b/><b/><b/><b/><b/><b/><b/><b/><b/><b/> ?><a/>`, "XML token"},
		{"DTD", `<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>`, "DTD"},
		{"ENTITY", `<!ENTITY e "x"><a/>`, "DTD"},
	}
	for _, tt := range tests {
		for _, oneByte := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/one-byte=%v", tt.name, oneByte), func(t *testing.T) {
				var r io.Reader = &partReader{rc: io.NopCloser(strings.NewReader(tt.doc)), name: "x.xml",
					left: 1 << 20, limit: 1 << 20, tokenLimit: 64}
				if oneByte {
					r = iotest.OneByteReader(r)
				}
				got, err := io.ReadAll(r)
				switch {
				case tt.want == "" && err != nil:
					t.Errorf("%v", err)
				case tt.want == "" && string(got) != tt.doc:
					t.Errorf("read %q, want the document unchanged", got)
				case tt.want != "" && (err == nil || !errors.Is(err, ErrInput) || !strings.Contains(err.Error(), tt.want)):
					t.Errorf("error %v, want an ErrInput saying %q", err, tt.want)
				}
			})
		}
	}
}

// TestPartReaderLimit: past its limit a part fails (archive/zip would
// refuse it anyway, past the size it declares).
func TestPartReaderLimit(t *testing.T) {
	r := &partReader{rc: io.NopCloser(strings.NewReader(strings.Repeat("<a/>", 100))), name: "x.xml", left: 399, limit: 399, tokenLimit: 64}
	if _, err := io.ReadAll(r); err == nil || !strings.Contains(err.Error(), "zip bomb") {
		t.Errorf("error %v, want a zip bomb", err)
	}
	r = &partReader{rc: io.NopCloser(strings.NewReader(strings.Repeat("<a/>", 100))), name: "x.xml", left: 400, limit: 400, tokenLimit: 64}
	if b, err := io.ReadAll(r); err != nil || len(b) != 400 {
		t.Errorf("exactly at the limit: %d bytes, %v", len(b), err)
	}
}

// declaredZip builds a zip whose members declare the given sizes (and
// hold a few bytes): checkParts must refuse before inflating anything.
func declaredZip(t testing.TB, sizes map[string]uint64) []byte {
	t.Helper()
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, name := range sortedStrings(mapKeys(sizes)) {
		w, err := zw.CreateRaw(&zip.FileHeader{Name: name, Method: zip.Store, UncompressedSize64: sizes[name], CompressedSize64: 4})
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte("<a/>"))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

func mapKeys[V any](m map[string]V) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	return ks
}

func TestCheckParts(t *testing.T) {
	main := func(n string) bool { return n == "main.xml" }
	for _, tt := range []struct {
		name  string
		sizes map[string]uint64
		want  string
	}{
		{"small", map[string]uint64{"main.xml": 4, "styles.xml": 4}, ""},
		{"main at its limit", map[string]uint64{"main.xml": maxMainPart}, ""},
		{"main over", map[string]uint64{"main.xml": maxMainPart + 1}, "main.xml is more than 128 MiB uncompressed"},
		{"other xml over", map[string]uint64{"styles.xml": maxOtherPart + 1}, "styles.xml is more than 16 MiB"},
		{"total over", map[string]uint64{"main.xml": maxMainPart, "a.xml": maxOtherPart, "b.xml": maxOtherPart,
			"c.xml": maxOtherPart, "d.xml": maxOtherPart, "e.xml": maxOtherPart, "f.xml": maxOtherPart,
			"g.xml": maxOtherPart, "h.xml": maxOtherPart, "i.xml": 1}, "the archive is more than 256 MiB"},
		{"huge declared sizes", map[string]uint64{"main.xml": 1 << 62, "b.png": 1 << 62}, "b.png is more than 16 MiB"},
		// a 20 MB picture that does not deflate is paid for by the file's bytes
		{"picture that deflates a thousandfold", map[string]uint64{"media/image1.png": maxOtherPart + 1}, "image1.png is more than 16 MiB"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			data := declaredZip(t, tt.sizes)
			zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
			if err != nil {
				t.Fatal(err)
			}
			err = checkParts(zr, main)
			if tt.want == "" {
				if err != nil {
					t.Errorf("%v", err)
				}
				return
			}
			if err == nil || !errors.Is(err, ErrInput) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want %q", err, tt.want)
			}
		})
	}
	// A picture that does not deflate much may be larger.
	pic := make([]byte, maxOtherPart+1<<20)
	for i := range pic {
		pic[i] = byte(i*7919 ^ i>>8*31) // does not deflate much
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	w, _ := zw.Create("media/image1.png")
	w.Write(pic)
	zw.Close()
	zr, err := zip.NewReader(bytes.NewReader(out.Bytes()), int64(out.Len()))
	if err != nil {
		t.Fatal(err)
	}
	if f := zr.File[0]; f.UncompressedSize64 >= minBombRatio*f.CompressedSize64 {
		t.Fatalf("the test picture deflates %d to %d", f.UncompressedSize64, f.CompressedSize64)
	}
	if err := checkParts(zr, main); err != nil {
		t.Errorf("a large picture: %v", err)
	}
}

// allocatedMB reads data and returns the error and the megabytes
// allocated meanwhile (garbage included): what a reader costs, bounded
// however large the input claims to be.
func allocatedMB(t *testing.T, data []byte, name string) (error, uint64) {
	t.Helper()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	_, err := ReadFrom(bytes.NewReader(data), name, "")
	runtime.ReadMemStats(&after)
	return err, (after.TotalAlloc - before.TotalAlloc) >> 20
}

// TestDocxBombs: documents that inflate or lay out far more than they
// weigh end in an input error naming the file, with memory bounded.
func TestDocxBombs(t *testing.T) {
	if testing.Short() {
		t.Skip("builds documents of tens of megabytes")
	}
	hdr := plainRow("序号", "职权类型", "职权名称", "职权依据", "责任科室")
	spanRow := wtr(strings.Repeat(wtc(`<w:gridSpan w:val="64"/>`, wp("1")), 8))
	emptyRow := `<w:tr>` + strings.Repeat(`<w:tc/>`, 512) + `</w:tr>`
	for _, tt := range []struct {
		name  string
		data  []byte
		want  string
		maxMB uint64
	}{
		{"one text run of 40 MB", makeDocx(t, wtbl(hdr, wtr(wtc("", `<w:p><w:r><w:t>`+strings.Repeat("医", 40<<20/3)+`</w:t></w:r></w:p>`)))),
			"word/document.xml has an XML token", 120},
		{"40 MB comment", makeDocx(t, wtbl(hdr)+"<!--"+strings.Repeat("<w:p/>", 40<<20/6)+"-->"),
			"word/document.xml has an XML token", 120},
		// a few bytes of XML make a hundred bytes of grid each
		{"cells spanning 64 columns", makeDocx(t, wtbl(hdr+strings.Repeat(spanRow, maxGridCells/512+1))), "table cells", 600},
		{"empty cells", makeDocx(t, wtbl(hdr+strings.Repeat(emptyRow, maxGridCells/512+1))), "table cells", 600},
		{"empty rows", makeDocx(t, wtbl(hdr+strings.Repeat(`<w:tr/>`, maxGridCells+1))), "table cells", 600},
		{"declared 1 TB", zipBomb(t, "word/document.xml", 1<<40, 1<<20), "zip bomb", 20},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err, mb := allocatedMB(t, tt.data, "bomb.docx")
			if err == nil || !errors.Is(err, ErrInput) || !strings.Contains(err.Error(), "bomb.docx") || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want an ErrInput naming bomb.docx and saying %q", err, tt.want)
			}
			if mb > tt.maxMB {
				t.Errorf("allocated %d MB, want at most %d", mb, tt.maxMB)
			}
		})
	}
}

// replaceParts copies the zip data, replacing (or adding) the named parts.
func replaceParts(t testing.TB, data []byte, parts map[string]string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	write := func(name string, r io.Reader) {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.Copy(w, r); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range zr.File {
		if _, ok := parts[f.Name]; ok {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		write(f.Name, rc)
		rc.Close()
	}
	for _, name := range sortedStrings(mapKeys(parts)) {
		write(name, strings.NewReader(parts[name]))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

const (
	sheetHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` +
		`<row r="1"><c r="A1" t="inlineStr"><is><t>序号</t></is></c><c r="B1" t="inlineStr"><is><t>职权依据</t></is></c></row>`
	sheetTail = `</sheetData></worksheet>`
)

// TestXlsxBombs: workbooks that inflate, lay out or make excelize
// allocate far more than they weigh end in an input error naming the
// file, quickly and with memory bounded.
func TestXlsxBombs(t *testing.T) {
	if testing.Short() {
		t.Skip("builds workbooks of tens of megabytes")
	}
	base := makeBigXlsx(t, 3)
	sheet := func(body string) []byte {
		return replaceParts(t, base, map[string]string{"xl/worksheets/sheet1.xml": sheetHead + body + sheetTail})
	}
	var far strings.Builder // a value at column XFD in every row
	for i := 2; i < 20000; i++ {
		fmt.Fprintf(&far, `<row r="%d"><c r="XFD%d" t="inlineStr"><is><t>x</t></is></c></row>`, i, i)
	}
	sst := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
		strings.Repeat("<si><t>a</t></si>", maxSharedStrings+1) + `</sst>`
	for _, tt := range []struct {
		name  string
		data  []byte
		want  string
		maxMB uint64
	}{
		{"one cell of 40 MB", sheet(`<row r="2"><c r="A2" t="inlineStr"><is><t>` + strings.Repeat("医", 40<<20/3) + `</t></is></c></row>`),
			"xl/worksheets/sheet1.xml has an XML token", 120},
		// each range covers the sheet: 100,000 of them took hours
		{"overlapping merged ranges", replaceParts(t, base, map[string]string{"xl/worksheets/sheet1.xml": sheetHead +
			`<row r="2"><c r="A2" t="inlineStr"><is><t>1</t></is></c></row></sheetData><mergeCells>` +
			strings.Repeat(`<mergeCell ref="A1:SR1048576"/>`, 100000) + `</mergeCells></worksheet>`}), "table cells", 200},
		{"values at column XFD", sheet(far.String()), "table cells", 300},
		{"a million shared strings", replaceParts(t, base, map[string]string{"xl/sharedStrings.xml": sst}), "shared strings", 100},
		{"declared 1 TB", zipBomb(t, "xl/worksheets/sheet1.xml", 1<<40, 1<<20), "zip bomb", 20},
		{"styles of 20 MB", replaceParts(t, base, map[string]string{"xl/styles.xml": strings.Repeat(" ", 20<<20)}), "xl/styles.xml is more than 16 MiB", 100},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err, mb := allocatedMB(t, tt.data, "bomb.xlsx")
			if err == nil || !errors.Is(err, ErrInput) || !strings.Contains(err.Error(), "bomb.xlsx") || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want an ErrInput naming bomb.xlsx and saying %q", err, tt.want)
			}
			if mb > tt.maxMB {
				t.Errorf("allocated %d MB, want at most %d", mb, tt.maxMB)
			}
		})
	}
}

// TestTextBombs: text files whose lines or cells cost far more memory than
// their bytes end in an input error (or are read) with allocations a few
// times the file's size, not sixteen times or more.
func TestTextBombs(t *testing.T) {
	if testing.Short() {
		t.Skip("builds files of tens of megabytes")
	}
	const n = 20 << 20
	for _, tt := range []struct {
		name, file, data, want string
		maxMB                  uint64 // 0: a few times the file's size
	}{
		{"blank lines", "b.txt", strings.Repeat("\n", n), "no table header", 0},
		{"blank lines", "b.csv", "序号,职权名称,职权依据\n" + strings.Repeat("\n", n), "", 0},
		// 2 bytes a cell: bounded by the number of cells
		{"cells of a TAB", "c.txt", strings.Repeat("\t\n", maxTextCells+1), "more than 2097152 cells", 450},
		{"lines of commas", "c.csv", "序号,职权名称,职权依据\n" + strings.Repeat(strings.Repeat(",", 511)+"\n", n/512), "table cells", 0},
		{"a cell of blank lines", "d.txt", "\t序号\n\t职权名称\n\t职权依据\n\t1\n\t对甲的处罚\n\t《甲法》第一条" + strings.Repeat("\n", n) + "x", "", 0},
	} {
		t.Run(tt.file, func(t *testing.T) {
			err, mb := allocatedMB(t, []byte(tt.data), tt.file)
			if tt.want == "" && err != nil {
				t.Errorf("%v", err)
			}
			if tt.want != "" && (err == nil || !errors.Is(err, ErrInput) || !strings.Contains(err.Error(), tt.file) || !strings.Contains(err.Error(), tt.want)) {
				t.Errorf("error %v, want an ErrInput naming %s and saying %q", err, tt.file, tt.want)
			}
			limit := tt.maxMB
			if limit == 0 {
				limit = uint64(6*len(tt.data)>>20 + 150)
			}
			if mb > limit {
				t.Errorf("allocated %d MB for %d MB, want at most %d", mb, len(tt.data)>>20, limit)
			}
		})
	}
}
