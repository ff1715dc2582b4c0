package gen

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/citelint/citelint/catalog"
)

// Key/value item pages: the same catalog written one entry per table (or
// block, or sheet) of label/value pairs, as many published catalogs print
// their items (事项名称 | 对…的处罚, 设定依据 | 《…》第…条 …). The labels are
// the catalog's header names, so every layout family has a key/value form.

// KVForms are the key/value forms the writers produce: extracted text
// (label and value cells in turn), .docx (a table per entry, short fields
// two to a row), .xlsx (blocks of label/value rows separated by a blank
// row), .xlsx with a sheet per entry ("sheets.xlsx") and .csv (blocks of
// records).
var KVForms = []string{"txt", "docx", "xlsx", "sheets.xlsx", "csv"}

// kvPairs are an entry's labels and values, in the catalog's column order.
func kvPairs(c *catalog.Catalog, e *catalog.Entry) (labels, values []string, keys []catalog.Key) {
	for _, col := range c.Header {
		v := ""
		if f := e.Field(col.Key); f != nil {
			v = f.Text
		}
		labels = append(labels, col.Name)
		values = append(values, v)
		keys = append(keys, col.Key)
	}
	return labels, values, keys
}

// WriteKVTXT writes the catalog as the extracted text of key/value pages:
// the title, then for each entry its label and value cells in turn, entries
// separated by a blank line.
func WriteKVTXT(w io.Writer, c *catalog.Catalog) error {
	bw := bufio.NewWriter(w)
	cell := func(s string) error {
		for i, line := range strings.Split(s, "\n") {
			if i > 0 && (line == "" || strings.HasPrefix(line, "\t")) {
				return fmt.Errorf("write kv txt: cell %q cannot be written as extracted text", s)
			}
		}
		bw.WriteString("\t" + s + "\n")
		return nil
	}
	if c.Title != "" {
		if err := cell(c.Title); err != nil {
			return err
		}
	}
	for i := range c.Entries {
		bw.WriteString("\n")
		labels, values, _ := kvPairs(c, &c.Entries[i])
		for j := range labels {
			if err := cell(labels[j]); err != nil {
				return err
			}
			if err := cell(values[j]); err != nil {
				return err
			}
		}
	}
	return bw.Flush()
}

// WriteKVCSV writes the catalog as CSV key/value blocks: the title, then a
// label,value record per field, an empty record between entries.
func WriteKVCSV(w io.Writer, c *catalog.Catalog) error {
	bw := bufio.NewWriter(w)
	bw.WriteString("\ufeff")
	cw := csv.NewWriter(bw)
	cw.UseCRLF = true
	if c.Title != "" {
		cw.Write([]string{c.Title, ""})
	}
	for i := range c.Entries {
		cw.Write([]string{"", ""})
		labels, values, _ := kvPairs(c, &c.Entries[i])
		for j := range labels {
			cw.Write([]string{labels[j], values[j]})
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("write kv csv: %w", err)
	}
	return bw.Flush()
}

// WriteKVXLSX writes the catalog as one sheet of key/value blocks: the
// title in a merged first row, then per entry a row per field (label in A,
// value in B), a blank row between entries. With sheets, each entry has a
// sheet of its own instead (named by its 序号), the title over the first.
func WriteKVXLSX(w io.Writer, c *catalog.Catalog, sheets bool) error {
	f := excelize.NewFile()
	defer f.Close()
	wrap, err := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	if err != nil {
		return fmt.Errorf("write kv xlsx: %w", err)
	}
	var sw *excelize.StreamWriter
	rowNum := 1
	open := func(name string) error {
		if sw != nil {
			if err := sw.Flush(); err != nil {
				return err
			}
		}
		if name != "Sheet1" {
			if _, err := f.NewSheet(name); err != nil {
				return err
			}
		}
		var err error
		sw, err = f.NewStreamWriter(name)
		rowNum = 1
		return err
	}
	put := func(vals ...string) error {
		out := make([]any, len(vals))
		for i, v := range vals {
			if utf8.RuneCountInString(v) > excelize.TotalCellChars {
				return fmt.Errorf("a cell of %d characters exceeds Excel's limit of %d", utf8.RuneCountInString(v), excelize.TotalCellChars)
			}
			out[i] = excelize.Cell{StyleID: wrap, Value: v}
		}
		ref, _ := excelize.CoordinatesToCellName(1, rowNum)
		rowNum++
		if len(vals) == 0 {
			return nil // a blank row: nothing written
		}
		return sw.SetRow(ref, out)
	}
	err = func() error {
		if err := open("Sheet1"); err != nil {
			return err
		}
		if c.Title != "" {
			if err := put(c.Title); err != nil {
				return err
			}
			if err := sw.MergeCell("A1", "B1"); err != nil {
				return err
			}
		}
		for i := range c.Entries {
			e := &c.Entries[i]
			switch {
			case sheets && i > 0:
				if err := open(fmt.Sprintf("%d", e.Index)); err != nil {
					return err
				}
			case !sheets || c.Title != "":
				if err := put(); err != nil {
					return err
				}
			}
			labels, values, _ := kvPairs(c, e)
			for j := range labels {
				if err := put(labels[j], values[j]); err != nil {
					return err
				}
			}
		}
		return sw.Flush()
	}()
	if err == nil {
		err = f.Write(w)
	}
	if err != nil {
		return fmt.Errorf("write kv xlsx: %w", err)
	}
	return nil
}

// kvShort are the fields a key/value .docx prints two to a row (序号 and
// type, department and office); the others take a row of their own, the
// value spanning three columns.
var kvShort = map[catalog.Key]catalog.Key{catalog.KeySeq: catalog.KeyType, catalog.KeyDepartment: catalog.KeyOffice}

// WriteKVDOCX writes the catalog as a Word document of key/value tables:
// the title, then per entry a heading paragraph (its name) and a
// four-column table whose first row is a merged heading (职权信息表);
// short fields go two to a row (label | value | label | value), the others
// one to a row with the value merged across three columns.
func WriteKVDOCX(w io.Writer, c *catalog.Catalog) error {
	const labelW, valueW = 2000, 5285
	return writeDocx(w, "kv docx", func(d *docxBody) {
		if c.Title != "" {
			d.para(c.Title)
		}
		for i := range c.Entries {
			e := &c.Entries[i]
			labels, values, keys := kvPairs(c, e)
			at := map[catalog.Key]int{}
			for j, k := range keys {
				at[k] = j
			}
			d.para(fmt.Sprintf("%d. %s", e.Index, e.Text(catalog.KeyName)))
			d.table(labelW, valueW, labelW, valueW)
			d.bw.WriteString(`<w:tr>`)
			d.cell("职权信息表", 2*(labelW+valueW), 4)
			d.bw.WriteString(`</w:tr>`)
			done := map[int]bool{}
			for j := range labels {
				if done[j] {
					continue
				}
				d.bw.WriteString(`<w:tr>`)
				d.cell(labels[j], labelW, 1)
				if mate, ok := kvShort[keys[j]]; ok {
					if m, ok := at[mate]; ok && !done[m] {
						d.cell(values[j], valueW, 1)
						d.cell(labels[m], labelW, 1)
						d.cell(values[m], valueW, 1)
						done[m] = true
						d.bw.WriteString(`</w:tr>`)
						continue
					}
				}
				d.cell(values[j], 2*valueW+labelW, 3)
				d.bw.WriteString(`</w:tr>`)
			}
			d.bw.WriteString(`</w:tbl>`)
		}
	})
}

// WriteKV writes the catalog to path as key/value pages in form (one of
// KVForms).
func WriteKV(path, form string, c *catalog.Catalog) error {
	var fn func(io.Writer, *catalog.Catalog) error
	switch form {
	case "txt":
		fn = WriteKVTXT
	case "csv":
		fn = WriteKVCSV
	case "xlsx":
		fn = func(w io.Writer, c *catalog.Catalog) error { return WriteKVXLSX(w, c, false) }
	case "sheets.xlsx":
		fn = func(w io.Writer, c *catalog.Catalog) error { return WriteKVXLSX(w, c, true) }
	case "docx":
		fn = WriteKVDOCX
	default:
		return fmt.Errorf("write %s: unknown key/value form %q (want %s)", path, form, strings.Join(KVForms, ", "))
	}
	return writeFile(path, fn, c)
}

// WriteKVDir writes res as key/value pages, dir/NAME.kv.FORM for each form
// (all of KVForms when none), and dir/NAME.defects.json. It returns the
// paths of the catalogs written.
func WriteKVDir(dir, name string, res *Result, forms ...string) ([]string, error) {
	if len(forms) == 0 {
		forms = KVForms
	}
	return writeDir(dir, name, res, forms, func(form string) (string, error) {
		p := filepath.Join(dir, name+".kv."+form)
		return p, WriteKV(p, form, res.Catalog)
	})
}
