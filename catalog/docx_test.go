package catalog

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

const docxHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>`
const docxTail = `</w:body></w:document>`

// makeDocx builds a minimal .docx around a document body.
func makeDocx(t testing.TB, body string) []byte {
	t.Helper()
	return makeZip(t, map[string]string{
		"[Content_Types].xml": `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
		"_rels/.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
		"word/document.xml": docxHead + body + docxTail,
	})
}

func makeZip(t testing.TB, files map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	for _, n := range sortedStrings(names) {
		w, err := zw.Create(n)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(files[n])); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func sortedStrings(s []string) []string {
	out := append([]string(nil), s...)
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}

// XML builders for tests.
func wp(text string) string {
	return `<w:p><w:r><w:t xml:space="preserve">` + text + `</w:t></w:r></w:p>`
}

func wtc(props, content string) string {
	return `<w:tc><w:tcPr>` + props + `</w:tcPr>` + content + `</w:tc>`
}

func wtr(cells ...string) string { return `<w:tr>` + strings.Join(cells, "") + `</w:tr>` }

func wtbl(rows ...string) string {
	return `<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/></w:tblPr><w:tblGrid><w:gridCol w:w="900"/></w:tblGrid>` + strings.Join(rows, "") + `</w:tbl>`
}

func plainRow(texts ...string) string {
	var cells []string
	for _, t := range texts {
		cells = append(cells, wtc("", wp(t)))
	}
	return wtr(cells...)
}

func readBytes(t testing.TB, data []byte, name string) (*Catalog, error) {
	t.Helper()
	return ReadFrom(bytes.NewReader(data), name, "")
}

func TestDocxStructures(t *testing.T) {
	span := func(n int) string { return fmt.Sprintf(`<w:gridSpan w:val="%d"/>`, n) }
	restart := `<w:vMerge w:val="restart"/>`
	cont := `<w:vMerge/>`
	header := wtr(
		wtc(restart, wp("序 号")),
		wtc(restart, wp("权力类型")),
		wtc(restart, wp("权力名称")),
		wtc(span(2), wp("依据")),
		wtc(restart, wp("备注")),
	)
	sub := wtr(
		wtc(cont, wp("")),
		wtc(cont, wp("")),
		wtc(cont, wp("")),
		wtc("", wp("法律依据")),
		wtc("", wp("责任事项依据")),
		wtc(cont, wp("")),
	)
	body := wp("附件2") + wp("某局权力清单") +
		`<w:p><w:r><w:t>说明：本表</w:t></w:r></w:p>` +
		wtbl(
			wtr(wtc(span(6), wp("某局权力清单（表内标题）"))),
			header, sub,
			wtr(wtc(span(6), wp("一、行政处罚"))),
			wtr(
				wtc("", wp("1")),
				wtc(restart, wp("行政处罚")),
				wtc("", `<w:p><w:r><w:t>对甲的处罚</w:t><w:br/><w:t>（含乙）</w:t></w:r></w:p>`),
				wtc("", wp("《甲法》第一条")+wp("《乙法》第二条")),
				wtc("", wp("《丙法》第三条")),
				wtc("", wp("")),
			),
			wtr(
				wtc("", wp("2")),
				wtc(cont, wp("")),
				wtc("", `<w:p><w:r><w:t>对丙</w:t><w:tab/><w:t>的处罚</w:t></w:r><w:del><w:r><w:delText>删去</w:delText></w:r></w:del></w:p>`),
				wtc("", wtbl(plainRow("《丁法》第四条", "嵌套"))+wp("")),
				wtc("", wp("")),
				wtc("", wp("")),
			),
		) +
		wp("") +
		// The table continues on the next page, repeating the header.
		wtbl(
			header, sub,
			wtr(
				wtc("", wp("3")),
				wtc("", wp("行政检查")),
				wtc("", wp("对丁的检查")),
				wtc("", wp("《戊法》第五条")),
				wtc("", wp("")),
				wtc("", wp("无")),
			),
			// A row cut short.
			wtr(wtc("", wp("4")), wtc("", wp("行政检查"))),
		) +
		// A table of another kind: no header, other width: not entries.
		wtbl(plainRow("单位（盖章）", "日期"))
	c, err := readBytes(t, makeDocx(t, body), "s.docx")
	if err != nil {
		t.Fatal(err)
	}
	if c.Title != "某局权力清单" || c.TitleField.Loc.Sheet != "正文第2段" {
		t.Errorf("title %q at %+v", c.Title, c.TitleField.Loc)
	}
	wantKeys := []Key{KeySeq, KeyType, KeyName, KeyBasis, KeyDutyBasis, KeyNote}
	if got := headerKeys(c); !reflect.DeepEqual(got, wantKeys) {
		t.Fatalf("header keys %v, want %v (%+v)", got, wantKeys, c.Header)
	}
	if c.Header[0].Name != "序号" || c.Header[3].Name != "法律依据" {
		t.Errorf("header names %+v", c.Header)
	}
	if got := seqs(c); !reflect.DeepEqual(got, []string{"1", "2", "3", "4"}) {
		t.Fatalf("seqs %v", got)
	}
	e1, e2, e3, e4 := c.Entries[0], c.Entries[1], c.Entries[2], c.Entries[3]
	if e1.Text(KeyName) != "对甲的处罚\n（含乙）" || e1.Text(KeyBasis) != "《甲法》第一条\n《乙法》第二条" {
		t.Errorf("entry 1: %q %q", e1.Text(KeyName), e1.Text(KeyBasis))
	}
	// A vertically merged cell gives every row its value, from its origin.
	ty := e2.Field(KeyType)
	if ty == nil || ty.Text != "行政处罚" || ty.Loc != e1.Field(KeyType).Loc {
		t.Errorf("entry 2 type %+v", ty)
	}
	if e2.Text(KeyName) != "对丙\t的处罚" {
		t.Errorf("entry 2 name %q", e2.Text(KeyName))
	}
	if e2.Text(KeyBasis) != "《丁法》第四条\n嵌套\n" {
		t.Errorf("entry 2 nested table %q", e2.Text(KeyBasis))
	}
	if e3.Text(KeyNote) != "无" || e3.Field(KeyBasis).Loc.Sheet != "表2" || e3.Field(KeyBasis).Loc.Row != 3 || e3.Field(KeyBasis).Loc.Col != 4 {
		t.Errorf("entry 3: %+v", e3)
	}
	if !e4.Short || len(e4.Fields) != 2 {
		t.Errorf("entry 4: short %v, %d fields", e4.Short, len(e4.Fields))
	}
	if e1.Short || e3.Short {
		t.Error("full rows marked short")
	}
}

func TestDocxHostile(t *testing.T) {
	fixture, err := os.ReadFile(filepath.Join("..", "testdata", "fixtures", "zhuzhou.docx"))
	if err != nil {
		t.Fatal(err)
	}
	deep := strings.Repeat("<w:sdt>", 1000) + strings.Repeat("</w:sdt>", 1000)
	for name, data := range map[string][]byte{
		"no tables":         makeDocx(t, wp("只有正文，没有表格")),
		"no header":         makeDocx(t, wtbl(plainRow("甲", "乙", "丙"), plainRow("1", "2", "3"))),
		"truncated zip":     fixture[:len(fixture)/2],
		"truncated xml":     makeDocx(t, "")[:0],
		"not xml":           makeZip(t, map[string]string{"word/document.xml": "\x00\x01 not xml"}),
		"xml cut short":     makeZip(t, map[string]string{"word/document.xml": docxHead + wtbl(plainRow("序号", "权力名称", "权力依据"))[:60]}),
		"deep nesting":      makeDocx(t, deep),
		"not a zip":         []byte("序号,权力名称\n1,甲\n"),
		"no document.xml":   makeZip(t, map[string]string{"word/other.xml": "<x/>"}),
		"declared bomb":     zipBomb(t, "word/document.xml", 1<<40, 1<<20),
		"undeclared bomb":   zipBomb(t, "word/document.xml", 100, 8<<20),
		"empty":             {},
		"huge span":         makeDocx(t, wtbl(wtr(wtc(`<w:gridSpan w:val="2000000000"/>`, wp("序号"))))),
		"bad utf-8 in text": makeDocx(t, wtbl(plainRow("序号", "权力名称", "\xff\xfe"))),
	} {
		t.Run(name, func(t *testing.T) {
			_, err := readBytes(t, data, "h.docx")
			if err == nil {
				t.Fatal("no error")
			}
			if !errors.Is(err, ErrInput) || !strings.Contains(err.Error(), "h.docx") {
				t.Errorf("%v: want ErrInput naming the file", err)
			}
		})
	}
}

// zipBomb builds a zip whose member declares size declared and inflates to
// actual bytes of "<".
func zipBomb(t testing.TB, member string, declared uint64, actual int) []byte {
	t.Helper()
	var raw bytes.Buffer
	{
		// Deflate actual bytes with a throwaway zip writer, then take its
		// compressed stream.
		var tmp bytes.Buffer
		zw := zip.NewWriter(&tmp)
		w, err := zw.Create("x")
		if err != nil {
			t.Fatal(err)
		}
		chunk := bytes.Repeat([]byte("<"), 1<<16)
		for n := 0; n < actual; n += len(chunk) {
			w.Write(chunk[:min(len(chunk), actual-n)])
		}
		zw.Close()
		zr, err := zip.NewReader(bytes.NewReader(tmp.Bytes()), int64(tmp.Len()))
		if err != nil {
			t.Fatal(err)
		}
		rc, err := zr.File[0].OpenRaw()
		if err != nil {
			t.Fatal(err)
		}
		raw.ReadFrom(rc)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	w, err := zw.CreateRaw(&zip.FileHeader{Name: member, Method: zip.Deflate, UncompressedSize64: declared, CompressedSize64: uint64(raw.Len())})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(raw.Bytes())
	zw.Close()
	return out.Bytes()
}
