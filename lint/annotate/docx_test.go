package annotate_test

import (
	"archive/zip"
	"bytes"
	"strconv"
	"strings"
	"testing"

	"github.com/citelint/citelint/catalog"
	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/annotate"
)

// A catalog whose cells are written the awkward ways Word writes them: a
// field split over runs with different formatting, several w:t in a run,
// entities, paragraphs, line breaks, an empty self-closing paragraph, a
// text box; a bookmark id and a reviewer's comment already in it.
const trickyDocument = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:v="urn:schemas-microsoft-com:vml"><w:body>
<w:p><w:bookmarkStart w:id="7" w:name="_GoBack"/><w:r><w:t>某局权力清单</w:t></w:r><w:bookmarkEnd w:id="7"/></w:p>
<w:tbl><w:tblPr/><w:tblGrid/>
<w:tr><w:tc><w:p><w:r><w:t>序号</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>职权名称</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>职权依据</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>责任科室</w:t></w:r></w:p></w:tc></w:tr>
<w:tr><w:tc><w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t>1</w:t></w:r></w:p></w:tc>
<w:tc><w:p><w:r w:rsidR="00AB"><w:rPr><w:b/></w:rPr><w:t>行政</w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve">检查 &amp; </w:t><w:t>处罚</w:t></w:r></w:p></w:tc>
<w:tc><w:p><w:commentRangeStart w:id="3"/><w:r><w:t>《社会保险法》第八十七条</w:t></w:r><w:commentRangeEnd w:id="3"/><w:r><w:commentReference w:id="3"/></w:r></w:p><w:p><w:r><w:t>第二段</w:t><w:br/><w:t>换行</w:t></w:r></w:p></w:tc>
<w:tc><w:p/></w:tc></w:tr>
<w:tr><w:tc><w:p><w:r><w:t>2</w:t></w:r></w:p></w:tc>
<w:tc><w:p><w:r><w:t>框外</w:t></w:r><w:r><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>框内</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p></w:tc>
<w:tc><w:p><w:r><w:t>《社会保险法》第八十六条</w:t></w:r></w:p></w:tc>
<w:tc><w:p><w:r><w:t>基金监管股</w:t></w:r></w:p></w:tc></w:tr>
</w:tbl><w:sectPr/></w:body></w:document>`

const trickyComments = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:comment w:id="3" w:author="张三" w:date="2025-03-01T00:00:00Z" w:initials="ZS"><w:p><w:r><w:t>请核对条文</w:t></w:r></w:p></w:comment></w:comments>`

// makeDocx builds a .docx from its document part and, when comments is
// not "", a comments part with its relationship.
func makeDocx(t *testing.T, document, comments string) []byte {
	t.Helper()
	parts := []struct{ name, body string }{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
			map[bool]string{true: `<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>`}[comments != ""] + `</Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`},
		{"word/document.xml", document},
	}
	if comments != "" {
		parts = append(parts,
			struct{ name, body string }{"word/_rels/document.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>`},
			struct{ name, body string }{"word/comments.xml", comments})
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		w, err := zw.Create(p.name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(p.body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// finding is a hand-made diagnostic on the text want of a field: the span
// is where want first occurs (from the rune offset from).
type finding struct {
	entry int // 0: the title
	key   catalog.Key
	want  string
	empty bool // a zero-width span at the start of want
	// note: the comment must say it is on the whole cell
	whole bool
	// absent: the field is not in the entry (anchored on its first field)
	absent bool
}

func diagnosticFor(t *testing.T, cat *catalog.Catalog, f finding, i int) (lint.Diagnostic, string) {
	t.Helper()
	d := lint.Diagnostic{Rule: "test-rule", Severity: lint.Severity(i % 3), Field: string(f.key), Message: "问题" + strconv.Itoa(i)}
	var field *catalog.Field
	if f.entry == 0 {
		field = cat.TitleField
	} else {
		e := &cat.Entries[f.entry-1]
		d.Entry = &lint.EntryRef{Index: e.Index, Seq: e.Seq}
		field = e.Field(f.key)
		if f.absent {
			if field != nil {
				t.Fatalf("entry %d has a %s field", f.entry, f.key)
			}
			return d, e.Fields[0].Text
		}
	}
	if field == nil {
		t.Fatalf("no field %s in entry %d", f.key, f.entry)
	}
	d.Column = field.Column
	at := strings.Index(field.Text, f.want)
	if at < 0 {
		t.Fatalf("%q not in %q", f.want, field.Text)
	}
	start := len([]rune(field.Text[:at]))
	end := start + len([]rune(f.want))
	want := f.want
	if f.empty {
		end, want = start, ""
	}
	d.Span = lint.Span{Start: start, End: end}
	if f.whole {
		want = field.Text
	}
	return d, want
}

func TestDocxAnchors(t *testing.T) {
	src := makeDocx(t, trickyDocument, trickyComments)
	cat, err := catalog.ReadFrom(bytes.NewReader(src), "tricky.docx", "")
	if err != nil {
		t.Fatal(err)
	}
	if len(cat.Entries) != 2 || cat.Title != "某局权力清单" {
		t.Fatalf("the test catalog reads as %q with %d entries", cat.Title, len(cat.Entries))
	}
	findings := []finding{
		{entry: 1, key: catalog.KeyName, want: "检查 & 处"},     // starts and ends inside w:t elements of two runs
		{entry: 1, key: catalog.KeyName, want: "行政检查 & 处罚"},  // the whole field, over the same runs
		{entry: 1, key: catalog.KeyName, want: "处罚"},         // the second w:t of a run
		{entry: 1, key: catalog.KeyName, want: "政检"},         // across two runs
		{entry: 1, key: catalog.KeyBasis, want: "八十七条\n第二段"}, // across paragraphs, past a reviewer's comment
		{entry: 1, key: catalog.KeyBasis, want: "段\n换"},      // across a line break
		{entry: 1, key: catalog.KeyBasis, want: "\n换行"},      // starting at the line break
		{entry: 1, key: catalog.KeyBasis, want: "条\n"},       // ending at a paragraph's end
		{entry: 1, key: catalog.KeyBasis, want: "\n第二段"},     // starting at a paragraph's end
		{entry: 1, key: catalog.KeyOffice, want: ""},         // an empty cell (<w:p/>)
		{entry: 1, key: catalog.KeyName, want: "检查", empty: true},
		{entry: 1, key: catalog.KeyDuties, absent: true},
		{entry: 2, key: catalog.KeyName, want: "框内", whole: true}, // in a text box: the whole cell
		{entry: 0, key: catalog.KeyTitle, want: "权力"},
	}
	var fr lint.FileResult
	var wants []string
	for i, f := range findings {
		d, want := diagnosticFor(t, cat, f, i)
		fr.Diagnostics = append(fr.Diagnostics, d)
		wants = append(wants, want)
	}
	out, err := annotate.Annotate(src, cat.Format, cat, fr)
	if err != nil {
		t.Fatal(err)
	}
	cp, err := catalog.ReadFrom(bytes.NewReader(out), "tricky.docx", "")
	if err != nil {
		t.Fatalf("reading the copy back: %v", err)
	}
	if cp.Title != cat.Title || len(cp.Entries) != len(cat.Entries) {
		t.Fatalf("copy: %q, %d entries", cp.Title, len(cp.Entries))
	}
	for i := range cat.Entries {
		for j, f := range cat.Entries[i].Fields {
			if g := cp.Entries[i].Fields[j]; g != f {
				t.Errorf("entry %d field %d: copy %+v, original %+v", i+1, j, g, f)
			}
		}
	}
	cs := readComments(t, out)
	if len(cs) != len(findings)+1 {
		t.Fatalf("%d comments, want the reviewer's and %d", len(cs), len(findings))
	}
	if c := cs[0]; c.id != "3" || c.author != "张三" || c.text != "请核对条文" || c.anchor != "《社会保险法》第八十七条" || !c.referenced {
		t.Errorf("the reviewer's comment became %+v", *c)
	}
	for i, c := range cs[1:] {
		if id, _ := strconv.Atoi(c.id); id <= 7 {
			t.Errorf("comment %d has id %s, which the document already uses", i, c.id)
		}
		if c.author != annotate.Author || !c.closed || !c.referenced {
			t.Errorf("comment %d: %+v", i, *c)
		}
		if !strings.Contains(c.text, fr.Diagnostics[i].Message) {
			t.Errorf("comment %d = %q, want the message %q", i, c.text, fr.Diagnostics[i].Message)
		}
		if got := strings.Contains(c.text, "未能"); got != findings[i].whole {
			t.Errorf("comment %d = %q: says it could not be placed: %v, want %v", i, c.text, got, findings[i].whole)
		}
		if c.anchor != wants[i] {
			t.Errorf("comment %d (%q) anchored on %q, want %q", i, findings[i].want, c.anchor, wants[i])
		}
	}
	// Word wants each w:id once per kind of annotation; a second run gives
	// the same bytes.
	again, err := annotate.Annotate(src, cat.Format, cat, fr)
	if err != nil || !bytes.Equal(again, out) {
		t.Errorf("a second run differs (err %v)", err)
	}
}

// TestDocxNewCommentsPart checks the parts added to a document without
// comments: comments.xml, its relationship and its content type.
func TestDocxNewCommentsPart(t *testing.T) {
	src := makeDocx(t, trickyDocument, "")
	cat, err := catalog.ReadFrom(bytes.NewReader(src), "tricky.docx", "")
	if err != nil {
		t.Fatal(err)
	}
	d, _ := diagnosticFor(t, cat, finding{entry: 2, key: catalog.KeyBasis, want: "第八十六条"}, 0)
	out, err := annotate.Annotate(src, cat.Format, cat, lint.FileResult{Diagnostics: []lint.Diagnostic{d}})
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(out), int64(len(out)))
	if err != nil {
		t.Fatal(err)
	}
	read := func(name string) string {
		for _, f := range zr.File {
			if f.Name == name {
				rc, err := f.Open()
				if err != nil {
					t.Fatal(err)
				}
				defer rc.Close()
				var b bytes.Buffer
				if _, err := b.ReadFrom(rc); err != nil {
					t.Fatal(err)
				}
				return b.String()
			}
		}
		t.Fatalf("no part %s in the copy", name)
		return ""
	}
	if ct := read("[Content_Types].xml"); !strings.Contains(ct, `PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"`) {
		t.Errorf("[Content_Types].xml has no override for the comments: %s", ct)
	}
	if rels := read("word/_rels/document.xml.rels"); !strings.Contains(rels, `Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"`) {
		t.Errorf("no comments relationship: %s", rels)
	}
	cs := readComments(t, out)
	if len(cs) != 1 || cs[0].anchor != "第八十六条" || !strings.Contains(cs[0].text, d.Message) {
		t.Errorf("comments: %+v", cs)
	}
}

// TestAnnotateBadInput: a broken file is an error, never a panic.
func TestAnnotateBadInput(t *testing.T) {
	src := makeDocx(t, trickyDocument, "")
	cat, err := catalog.ReadFrom(bytes.NewReader(src), "tricky.docx", "")
	if err != nil {
		t.Fatal(err)
	}
	d, _ := diagnosticFor(t, cat, finding{entry: 2, key: catalog.KeyBasis, want: "第八十六条"}, 0)
	fr := lint.FileResult{Diagnostics: []lint.Diagnostic{d}}
	for name, data := range map[string][]byte{
		"not a zip":  []byte("PK\x03\x04 broken"),
		"truncated":  src[:len(src)/2],
		"broken xml": makeDocx(t, strings.Replace(trickyDocument, "</w:tbl>", "", 1), ""),
		"empty":      nil,
	} {
		for _, format := range []string{"docx", "xlsx"} {
			if _, err := annotate.Annotate(data, format, cat, fr); err == nil {
				t.Errorf("%s as %s: no error", name, format)
			}
		}
	}
	if _, err := annotate.Annotate(src, "csv", cat, fr); err == nil {
		t.Error("csv: no error")
	}
}

// TestAnnotateOddFindings: findings that point nowhere sensible (spans out
// of range, entries the catalog lacks, unknown fields) are still written,
// each as one comment, and never break the copy.
func TestAnnotateOddFindings(t *testing.T) {
	for _, name := range []string{"zhuzhou.docx", "zhongshan-2025.libreoffice.docx", "zhuzhou.xlsx"} {
		t.Run(name, func(t *testing.T) {
			cat, fr, src := lintFile(t, fixture(name))
			odd := []lint.Diagnostic{
				{Rule: "r", Message: "跨度为负", Entry: &lint.EntryRef{Index: 1}, Field: "name", Span: lint.Span{Start: -1, End: 5}},
				{Rule: "r", Message: "跨度越界", Entry: &lint.EntryRef{Index: 1}, Field: "name", Span: lint.Span{Start: 1 << 20, End: 1<<20 + 1}},
				{Rule: "r", Message: "跨度倒置", Entry: &lint.EntryRef{Index: 1}, Field: "name", Span: lint.Span{Start: 3, End: 1}},
				{Rule: "r", Message: "条目不存在", Entry: &lint.EntryRef{Index: 9999}, Field: "name"},
				{Rule: "r", Message: "栏目不存在", Field: "no-such-field"},
			}
			fr.Diagnostics = append(fr.Diagnostics, odd...)
			out, err := annotate.Annotate(src, cat.Format, cat, fr)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := catalog.ReadFrom(bytes.NewReader(out), name, ""); err != nil {
				t.Fatalf("reading the copy back: %v", err)
			}
			if cat.Format != catalog.FormatDocx {
				return
			}
			cs := readComments(t, out)
			if len(cs) != len(fr.Diagnostics) {
				t.Fatalf("%d comments, want %d", len(cs), len(fr.Diagnostics))
			}
			for i, d := range odd {
				c := cs[len(cs)-len(odd)+i]
				if !strings.Contains(c.text, d.Message) || !c.closed || !c.referenced {
					t.Errorf("comment for %q: %+v", d.Message, *c)
				}
			}
		})
	}
}
