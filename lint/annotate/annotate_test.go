package annotate_test

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/citelint/citelint/catalog"
	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/annotate"
	"github.com/citelint/citelint/rules"
	"github.com/citelint/citelint/statutes"
)

var (
	corpusOnce sync.Once
	corpus     *statutes.Corpus
	corpusErr  error
)

// lintFile reads and lints a catalog as `citelint lint` does.
func lintFile(t *testing.T, path string) (*catalog.Catalog, lint.FileResult, []byte) {
	t.Helper()
	corpusOnce.Do(func() { corpus, corpusErr = statutes.Default() })
	if corpusErr != nil {
		t.Fatal(corpusErr)
	}
	cat, err := catalog.Read(path)
	if err != nil {
		t.Fatal(err)
	}
	fr, err := lint.Run(cat, lint.Options{Rules: rules.All(), Corpus: corpus})
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return cat, fr, src
}

func fixture(name string) string { return filepath.Join("..", "..", "testdata", "fixtures", name) }

func TestCopyName(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"a/b/x.docx", "x.citelint.docx"},
		{"清单.xlsx", "清单.citelint.xlsx"},
		{"x.y.DOCX", "x.y.citelint.DOCX"},
	} {
		if got := annotate.CopyName(tc.in); got != tc.want {
			t.Errorf("CopyName(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	for f, want := range map[string]bool{"docx": true, "xlsx": true, "txt": false, "csv": false, "doc": false} {
		if annotate.Supported(f) != want {
			t.Errorf("Supported(%q) = %v", f, !want)
		}
	}
}

// docxComment is a comment read back from an annotated copy.
type docxComment struct {
	id, author string
	text       string // the comment's text, paragraphs joined with "\n"
	anchor     string // the document text between its range start and end
	closed     bool   // a range end was found
	referenced bool   // a w:commentReference was found
}

// readComments parses comments.xml and document.xml of a .docx: each
// comment (in the order of comments.xml) with its text and the text its
// range covers (paragraphs joined by "\n").
func readComments(t *testing.T, data []byte) []*docxComment {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	part := func(name string) []byte {
		for _, f := range zr.File {
			if f.Name == name {
				rc, err := f.Open()
				if err != nil {
					t.Fatal(err)
				}
				defer rc.Close()
				b, err := io.ReadAll(rc)
				if err != nil {
					t.Fatal(err)
				}
				return b
			}
		}
		t.Fatalf("no part %s", name)
		return nil
	}
	const w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	attr := func(se xml.StartElement, local string) string {
		for _, a := range se.Attr {
			if a.Name.Space == w && a.Name.Local == local {
				return a.Value
			}
		}
		return ""
	}
	var list []*docxComment
	out := map[string]*docxComment{}
	dec := xml.NewDecoder(bytes.NewReader(part("word/comments.xml")))
	var cur *docxComment
	var paras []string
	inT := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		switch x := tok.(type) {
		case xml.StartElement:
			switch {
			case x.Name.Space == w && x.Name.Local == "comment":
				cur = &docxComment{id: attr(x, "id"), author: attr(x, "author")}
				if out[cur.id] != nil {
					t.Fatalf("two comments with id %s", cur.id)
				}
				out[cur.id] = cur
				list = append(list, cur)
				paras = nil
			case x.Name.Space == w && x.Name.Local == "p":
				paras = append(paras, "")
			case x.Name.Space == w && x.Name.Local == "t":
				inT = true
			}
		case xml.EndElement:
			if x.Name.Space == w && x.Name.Local == "t" {
				inT = false
			}
			if x.Name.Space == w && x.Name.Local == "comment" {
				cur.text = strings.Join(paras, "\n")
				cur = nil
			}
		case xml.CharData:
			if inT && len(paras) > 0 {
				paras[len(paras)-1] += string(x)
			}
		}
	}
	// Document text inside each open range. Paragraph marks count as "\n"
	// between paragraphs of a range.
	dec = xml.NewDecoder(bytes.NewReader(part("word/document.xml")))
	open := map[string]*strings.Builder{}
	inT = false
	pDepth := 0
	skip := 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		switch x := tok.(type) {
		case xml.StartElement:
			if skip > 0 {
				skip++
				continue
			}
			if x.Name.Space != w {
				continue
			}
			switch x.Name.Local {
			case "p":
				pDepth++
			case "delText", "instrText", "del":
				skip = 1
			case "commentRangeStart":
				open[attr(x, "id")] = &strings.Builder{}
			case "commentRangeEnd":
				id := attr(x, "id")
				if c, ok := out[id]; ok && open[id] != nil {
					c.anchor, c.closed = open[id].String(), true
				}
				delete(open, id)
			case "commentReference":
				if c := out[attr(x, "id")]; c != nil {
					c.referenced = true
				}
			case "t":
				inT = true
			case "tab":
				for _, b := range open {
					b.WriteByte('\t')
				}
			case "br", "cr":
				for _, b := range open {
					b.WriteByte('\n')
				}
			}
		case xml.EndElement:
			if skip > 0 {
				skip--
				continue
			}
			if x.Name.Space == w && x.Name.Local == "t" {
				inT = false
			}
			if x.Name.Space == w && x.Name.Local == "p" {
				// (a paragraph in a text box is run into its paragraph's
				// text, as the reader does)
				if pDepth--; pDepth == 0 {
					for _, b := range open {
						b.WriteByte('\n')
					}
				}
			}
		case xml.CharData:
			if inT && skip == 0 {
				for _, b := range open {
					b.Write(x)
				}
			}
		}
	}
	return list
}

// spanText is the text a finding points at.
func spanText(t *testing.T, cat *catalog.Catalog, d lint.Diagnostic) (string, bool) {
	t.Helper()
	if d.Entry == nil || d.Span.End <= d.Span.Start {
		return "", false
	}
	e := cat.Entries[d.Entry.Index-1]
	for _, f := range e.Fields {
		if string(f.Key) == d.Field && f.Column == d.Column {
			rs := []rune(f.Text)
			return string(rs[d.Span.Start:d.Span.End]), true
		}
	}
	return "", false
}

func TestDocxReadBack(t *testing.T) {
	for _, name := range []string{"zhuzhou.docx", "zhuzhou.libreoffice.docx", "zhongshan-2025.docx", "zhongshan-2025.libreoffice.docx"} {
		t.Run(name, func(t *testing.T) {
			path := fixture(name)
			cat, fr, src := lintFile(t, path)
			if len(fr.Diagnostics) == 0 {
				t.Fatal("the fixture has no findings: nothing to annotate")
			}
			before := append([]byte(nil), src...)
			out, err := annotate.Annotate(src, cat.Format, cat, fr)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(src, before) {
				t.Fatal("Annotate changed its input")
			}
			again, err := annotate.Annotate(src, cat.Format, cat, fr)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(out, again) {
				t.Error("two runs gave different bytes")
			}
			// Our reader sees the same catalog in the copy.
			cp, err := catalog.ReadFrom(bytes.NewReader(out), path, "")
			if err != nil {
				t.Fatalf("reading the copy back: %v", err)
			}
			if cp.Title != cat.Title || len(cp.Entries) != len(cat.Entries) {
				t.Fatalf("copy: title %q, %d entries; original: %q, %d", cp.Title, len(cp.Entries), cat.Title, len(cat.Entries))
			}
			for i := range cat.Entries {
				a, b := cat.Entries[i], cp.Entries[i]
				if len(a.Fields) != len(b.Fields) {
					t.Fatalf("entry %d: %d fields in the copy, %d in the original", i+1, len(b.Fields), len(a.Fields))
				}
				for j := range a.Fields {
					if a.Fields[j] != b.Fields[j] {
						t.Fatalf("entry %d field %d differs:\n copy %+v\n orig %+v", i+1, j, b.Fields[j], a.Fields[j])
					}
				}
			}
			// One comment a finding, in order, on the finding's text.
			var cs []*docxComment
			for _, c := range readComments(t, out) {
				if c.author == annotate.Author {
					cs = append(cs, c)
				}
			}
			if len(cs) != len(fr.Diagnostics) {
				t.Fatalf("%d comments by %s, want one for each of the %d findings", len(cs), annotate.Author, len(fr.Diagnostics))
			}
			exact := 0
			for i, d := range fr.Diagnostics {
				c := cs[i]
				if !c.closed || !c.referenced {
					t.Errorf("comment %d: range end %v, reference %v; want both", i, c.closed, c.referenced)
				}
				if !strings.Contains(c.text, d.Message) || !strings.Contains(c.text, d.Expected) || !strings.Contains(c.text, d.Rule) {
					t.Errorf("comment %d = %q, want the message, rule and expected text of %+v", i, c.text, d)
				}
				want, ok := spanText(t, cat, d)
				if !ok {
					continue
				}
				if strings.Contains(c.text, "未能在单元格中定位") {
					t.Errorf("comment %d (%s) not anchored on its text %q", i, d.Rule, want)
					continue
				}
				if c.anchor != want {
					t.Errorf("comment %d (%s) anchored on %q, want %q", i, d.Rule, c.anchor, want)
				}
				exact++
			}
			if exact == 0 {
				t.Error("no comment anchored on a span")
			}
			t.Logf("%d comments, %d on the finding's exact text", len(fr.Diagnostics), exact)
		})
	}
}
