package gen

import (
	"archive/zip"
	"bufio"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/citelint/citelint/catalog"
)

// Formats the writers produce, by file extension.
var Formats = []string{"txt", "docx", "xlsx", "csv"}

// cells returns the catalog's header names and its rows of cell texts in
// header order.
func cells(c *catalog.Catalog) (head []string, rows [][]string) {
	for _, col := range c.Header {
		head = append(head, col.Name)
	}
	for _, e := range c.Entries {
		r := make([]string, len(c.Header))
		for j, col := range c.Header {
			if f := e.Field(col.Key); f != nil {
				r[j] = f.Text
			}
		}
		rows = append(rows, r)
	}
	return head, rows
}

// WriteTXT writes the catalog as extracted text (testdata/seeds/README.md):
// a TAB starts each cell and the cell's further lines follow without one;
// the title, the header and each row are separated by a blank line. A cell
// whose text cannot be written so (an empty line inside it, or a line that
// starts with a TAB) is an error.
func WriteTXT(w io.Writer, c *catalog.Catalog) error {
	bw := bufio.NewWriter(w)
	cell := func(s string) error {
		for i, line := range strings.Split(s, "\n") {
			if i > 0 && (line == "" || strings.HasPrefix(line, "\t")) {
				return fmt.Errorf("write txt: cell %q cannot be written as extracted text", s)
			}
		}
		bw.WriteString("\t")
		bw.WriteString(s)
		bw.WriteString("\n")
		return nil
	}
	if c.Title != "" {
		if err := cell(c.Title); err != nil {
			return err
		}
		bw.WriteString("\n")
	}
	head, rows := cells(c)
	for _, h := range head {
		if err := cell(h); err != nil {
			return err
		}
	}
	for _, r := range rows {
		bw.WriteString("\n")
		for _, s := range r {
			if err := cell(s); err != nil {
				return err
			}
		}
	}
	return bw.Flush()
}

// WriteCSV writes the catalog as CSV, UTF-8 with a byte-order mark (as Excel
// saves it): the title in the first record padded to the header's width,
// then the header, then a record per entry.
func WriteCSV(w io.Writer, c *catalog.Catalog) error {
	bw := bufio.NewWriter(w)
	bw.WriteString("\ufeff")
	cw := csv.NewWriter(bw)
	cw.UseCRLF = true
	head, rows := cells(c)
	if c.Title != "" {
		t := make([]string, len(head))
		t[0] = c.Title
		cw.Write(t)
	}
	cw.Write(head)
	for _, r := range rows {
		cw.Write(r)
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	return bw.Flush()
}

// WriteXLSX writes the catalog as an Excel workbook: one sheet, the title in
// a merged first row, the header in the second, an entry per row after.
func WriteXLSX(w io.Writer, c *catalog.Catalog) error {
	f := excelize.NewFile()
	defer f.Close()
	const sheet = "Sheet1"
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return fmt.Errorf("write xlsx: %w", err)
	}
	head, rows := cells(c)
	wrap, err := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	if err != nil {
		return fmt.Errorf("write xlsx: %w", err)
	}
	rowNum := 1
	put := func(vals []string) error {
		cellsOut := make([]any, len(vals))
		for i, v := range vals {
			cellsOut[i] = excelize.Cell{StyleID: wrap, Value: v}
		}
		ref, err := excelize.CoordinatesToCellName(1, rowNum)
		if err != nil {
			return err
		}
		rowNum++
		return sw.SetRow(ref, cellsOut)
	}
	if c.Title != "" {
		if err := put([]string{c.Title}); err != nil {
			return fmt.Errorf("write xlsx: %w", err)
		}
		last, _ := excelize.CoordinatesToCellName(len(head), 1)
		if err := sw.MergeCell("A1", last); err != nil {
			return fmt.Errorf("write xlsx: %w", err)
		}
	}
	if err := put(head); err != nil {
		return fmt.Errorf("write xlsx: %w", err)
	}
	for _, r := range rows {
		for _, s := range r {
			if utf8.RuneCountInString(s) > excelize.TotalCellChars {
				return fmt.Errorf("write xlsx: a cell of %d characters exceeds Excel's limit of %d", utf8.RuneCountInString(s), excelize.TotalCellChars)
			}
		}
		if err := put(r); err != nil {
			return fmt.Errorf("write xlsx: %w", err)
		}
	}
	if err := sw.Flush(); err != nil {
		return fmt.Errorf("write xlsx: %w", err)
	}
	if err := f.Write(w); err != nil {
		return fmt.Errorf("write xlsx: %w", err)
	}
	return nil
}

const (
	docxContentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`
	docxRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`
	docxDocRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`
	docxHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`
	docxTail = `<w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr></w:body></w:document>`
)

// docxBody is the document.xml of a .docx being written: paragraphs and
// tables, the first error kept.
type docxBody struct {
	bw  *bufio.Writer
	err error
}

// para writes one paragraph.
func (d *docxBody) para(s string) {
	d.bw.WriteString(`<w:p><w:r><w:t xml:space="preserve">`)
	if err := escapeXML(d.bw, s); err != nil && d.err == nil {
		d.err = err
	}
	d.bw.WriteString(`</w:t></w:r></w:p>`)
}

// table opens a bordered table with columns of these widths (twips).
func (d *docxBody) table(widths ...int) {
	d.bw.WriteString(`<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblBorders>`)
	for _, side := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
		fmt.Fprintf(d.bw, `<w:%s w:val="single" w:sz="4" w:space="0" w:color="000000"/>`, side)
	}
	d.bw.WriteString(`</w:tblBorders></w:tblPr><w:tblGrid>`)
	for _, w := range widths {
		fmt.Fprintf(d.bw, `<w:gridCol w:w="%d"/>`, w)
	}
	d.bw.WriteString(`</w:tblGrid>`)
}

// cell writes a table cell of width twips spanning span grid columns; each
// line of s is a paragraph of its own, as Word stores line breaks typed
// with Enter.
func (d *docxBody) cell(s string, width, span int) {
	fmt.Fprintf(d.bw, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/>`, width)
	if span > 1 {
		fmt.Fprintf(d.bw, `<w:gridSpan w:val="%d"/>`, span)
	}
	d.bw.WriteString(`</w:tcPr>`)
	for _, line := range strings.Split(s, "\n") {
		d.para(line)
	}
	d.bw.WriteString(`</w:tc>`)
}

// writeDocx writes a minimal Word document whose body body writes; what
// names the document in errors.
func writeDocx(w io.Writer, what string, body func(d *docxBody)) error {
	zw := zip.NewWriter(w)
	for _, p := range [][2]string{
		{"[Content_Types].xml", docxContentTypes},
		{"_rels/.rels", docxRels},
		{"word/_rels/document.xml.rels", docxDocRels},
	} {
		pw, err := zw.Create(p[0])
		if err == nil {
			_, err = io.WriteString(pw, p[1])
		}
		if err != nil {
			return fmt.Errorf("write %s: %w", what, err)
		}
	}
	dw, err := zw.Create("word/document.xml")
	if err != nil {
		return fmt.Errorf("write %s: %w", what, err)
	}
	d := &docxBody{bw: bufio.NewWriter(dw)}
	d.bw.WriteString(docxHead)
	body(d)
	d.bw.WriteString(docxTail)
	if err := d.bw.Flush(); err != nil {
		return fmt.Errorf("write %s: %w", what, err)
	}
	if d.err != nil {
		return fmt.Errorf("write %s: %w", what, d.err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("write %s: %w", what, err)
	}
	return nil
}

// WriteDOCX writes the catalog as a minimal Word document: the title as a
// paragraph, then one table whose first row is the header; each line of a
// cell is a paragraph of its own.
func WriteDOCX(w io.Writer, c *catalog.Catalog) error {
	return writeDocx(w, "docx", func(d *docxBody) {
		if c.Title != "" {
			d.para(c.Title)
		}
		head, rows := cells(c)
		width := 14570 / max(1, len(head))
		widths := make([]int, len(head))
		for i := range widths {
			widths[i] = width
		}
		d.table(widths...)
		for _, r := range append([][]string{head}, rows...) {
			d.bw.WriteString(`<w:tr>`)
			for _, s := range r {
				d.cell(s, width, 1)
			}
			d.bw.WriteString(`</w:tr>`)
		}
		d.bw.WriteString(`</w:tbl>`)
	})
}

// escapeXML writes s as XML character data; characters XML 1.0 cannot hold
// are an error (a .docx cannot carry them).
func escapeXML(w *bufio.Writer, s string) error {
	for _, r := range s {
		switch {
		case r == '<':
			w.WriteString("&lt;")
		case r == '>':
			w.WriteString("&gt;")
		case r == '&':
			w.WriteString("&amp;")
		case r == '\t' || r == '\n' || r == '\r' || (r >= 0x20 && r <= 0xD7FF) || (r >= 0xE000 && r <= 0xFFFD) || (r >= 0x10000 && r <= 0x10FFFF):
			w.WriteRune(r)
		default:
			return fmt.Errorf("character U+%04X cannot be written in XML", r)
		}
	}
	return nil
}

// Write writes the catalog to path in the format its extension names.
func Write(path string, c *catalog.Catalog) error {
	ext := strings.TrimPrefix(filepath.Ext(path), ".")
	var fn func(io.Writer, *catalog.Catalog) error
	switch ext {
	case "txt":
		fn = WriteTXT
	case "csv":
		fn = WriteCSV
	case "xlsx":
		fn = WriteXLSX
	case "docx":
		fn = WriteDOCX
	default:
		return fmt.Errorf("write %s: unknown format %q (want txt, docx, xlsx or csv)", path, ext)
	}
	return writeFile(path, fn, c)
}

// writeFile writes c to path with fn, reporting a failed close.
func writeFile(path string, fn func(io.Writer, *catalog.Catalog) error, c *catalog.Catalog) (err error) {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := f.Close(); err == nil && cerr != nil {
			err = cerr
		}
	}()
	if err := fn(f, c); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// WriteDir writes res as dir/NAME.txt, .docx, .xlsx, .csv (the formats
// listed, all when none) and dir/NAME.defects.json. It returns the paths of
// the catalogs written.
func WriteDir(dir, name string, res *Result, formats ...string) ([]string, error) {
	if len(formats) == 0 {
		formats = Formats
	}
	return writeDir(dir, name, res, formats, func(f string) (string, error) {
		p := filepath.Join(dir, name+"."+f)
		return p, Write(p, res.Catalog)
	})
}

// writeDir makes dir, writes one catalog per form with write (which
// returns the path it wrote) and dir/NAME.defects.json.
func writeDir(dir, name string, res *Result, forms []string, write func(form string) (string, error)) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	var paths []string
	for _, f := range forms {
		p, err := write(f)
		if err != nil {
			return nil, err
		}
		paths = append(paths, p)
	}
	b, err := json.MarshalIndent(res, "", "  ")
	if err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(dir, name+".defects.json"), append(b, '\n'), 0o644); err != nil {
		return nil, err
	}
	return paths, nil
}

// ReadDefects reads a defects file written by WriteDir.
func ReadDefects(path string) (*Result, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var r Result
	if err := json.Unmarshal(b, &r); err != nil {
		return nil, fmt.Errorf("read defects %s: %w", path, err)
	}
	if r.N == 0 {
		return nil, errors.New("read defects " + path + ": no entries")
	}
	return &r, nil
}
