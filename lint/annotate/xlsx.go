package annotate

import (
	"bytes"
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/citelint/citelint/catalog"
	"github.com/citelint/citelint/lint"
)

// Fills of cells with findings, by the highest severity among them.
var severityFill = map[lint.Severity]string{
	lint.Error:   "FFC7CE", // light red
	lint.Warning: "FFEB9C", // yellow
	lint.Info:    "DDEBF7", // light blue
}

// Limits for excelize, as the reader's (catalog/xlsx.go): all parts
// together, and the size of a part kept in memory (larger ones go to a
// temporary file).
const (
	maxUnzipTotal = 256 << 20
	xlsxInMemory  = 4 << 20
)

// The size of a comment's box, in pixels: room for a message and a quote.
const (
	commentWidth  = 360
	commentHeight = 200
)

// xlsxCell gathers the findings of one cell.
type xlsxCell struct {
	sheet, cell string
	row, col    int
	severity    lint.Severity
	texts       []string
}

func annotateXlsx(src []byte, cat *catalog.Catalog, diags []lint.Diagnostic) (out []byte, err error) {
	// excelize panics on some malformed workbooks (the reader guards the
	// same way): a broken file is an error, never a crash.
	defer func() {
		if r := recover(); r != nil {
			out, err = nil, fmt.Errorf("unreadable .xlsx file (%v)", r)
		}
	}()
	if len(diags) == 0 {
		return slices.Clone(src), nil
	}
	f, err := excelize.OpenReader(bytes.NewReader(src), excelize.Options{UnzipSizeLimit: maxUnzipTotal, UnzipXMLSizeLimit: xlsxInMemory})
	if err != nil {
		return nil, fmt.Errorf("not a valid .xlsx file: %w", err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return nil, fmt.Errorf("the workbook has no sheet")
	}
	cells := map[string]*xlsxCell{}
	for i := range diags {
		d := &diags[i]
		loc := catalog.Loc{Sheet: sheets[0], Row: 1, Col: 1}
		if t, ok := targetOf(cat, d); ok && t.field.Loc.Row > 0 && t.field.Loc.Col > 0 {
			loc = t.field.Loc
		}
		if _, err := f.GetSheetIndex(loc.Sheet); err != nil || !slices.Contains(sheets, loc.Sheet) {
			return nil, fmt.Errorf("finding on sheet %q, which the workbook does not have", loc.Sheet)
		}
		name, err := excelize.CoordinatesToCellName(loc.Col, loc.Row)
		if err != nil {
			return nil, fmt.Errorf("finding at row %d, column %d: %w", loc.Row, loc.Col, err)
		}
		key := loc.Sheet + "!" + name
		c := cells[key]
		if c == nil {
			c = &xlsxCell{sheet: loc.Sheet, cell: name, row: loc.Row, col: loc.Col, severity: d.Severity}
			cells[key] = c
		}
		c.severity = max(c.severity, d.Severity)
		c.texts = append(c.texts, strings.Join(commentParagraphs(d, ""), "\n"))
	}
	order := make([]*xlsxCell, 0, len(cells))
	for _, c := range cells {
		order = append(order, c)
	}
	slices.SortFunc(order, func(a, b *xlsxCell) int {
		return cmp.Or(cmp.Compare(slices.Index(sheets, a.sheet), slices.Index(sheets, b.sheet)),
			cmp.Compare(a.row, b.row), cmp.Compare(a.col, b.col))
	})
	existing := map[string]excelize.Comment{}
	for _, s := range sheets {
		cs, err := f.GetComments(s)
		if err != nil {
			return nil, fmt.Errorf("sheet %s: comments: %w", s, err)
		}
		for _, c := range cs {
			existing[s+"!"+c.Cell] = c
		}
	}
	fills := map[[2]int]int{} // (style, severity) → new style
	for _, c := range order {
		if err := addCellComment(f, c, existing); err != nil {
			return nil, err
		}
		if err := fillCell(f, c, fills); err != nil {
			return nil, err
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, fmt.Errorf("write workbook: %w", err)
	}
	return buf.Bytes(), nil
}

// addCellComment writes the cell's findings in one comment. A comment the
// cell already has is kept: its text comes first, then ours.
func addCellComment(f *excelize.File, c *xlsxCell, existing map[string]excelize.Comment) error {
	text := validXML(strings.Join(c.texts, "\n\n"))
	cm := excelize.Comment{Author: Author, Cell: c.cell, Width: commentWidth, Height: commentHeight}
	if old, ok := existing[c.sheet+"!"+c.cell]; ok {
		if err := f.DeleteComment(c.sheet, c.cell); err != nil {
			return fmt.Errorf("sheet %s cell %s: %w", c.sheet, c.cell, err)
		}
		cm.Paragraph = append(cm.Paragraph, excelize.RichTextRun{Text: old.Text})
		cm.Paragraph = append(cm.Paragraph, old.Paragraph...)
		cm.Paragraph = append(cm.Paragraph, excelize.RichTextRun{Text: "\n\n" + text})
	} else {
		cm.Paragraph = []excelize.RichTextRun{{Text: text}}
	}
	if err := f.AddComment(c.sheet, cm); err != nil {
		return fmt.Errorf("sheet %s cell %s: comment: %w", c.sheet, c.cell, err)
	}
	return nil
}

// fillCell colors the cell by its findings' highest severity, keeping the
// rest of its style (font, borders, wrapping).
func fillCell(f *excelize.File, c *xlsxCell, fills map[[2]int]int) error {
	id, err := f.GetCellStyle(c.sheet, c.cell)
	if err != nil {
		return fmt.Errorf("sheet %s cell %s: style: %w", c.sheet, c.cell, err)
	}
	key := [2]int{id, int(c.severity)}
	nid, ok := fills[key]
	if !ok {
		st, err := f.GetStyle(id)
		if err != nil || st == nil {
			st = &excelize.Style{}
		}
		st.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{severityFill[c.severity]}}
		if nid, err = f.NewStyle(st); err != nil {
			return fmt.Errorf("sheet %s cell %s: style: %w", c.sheet, c.cell, err)
		}
		fills[key] = nid
	}
	if err := f.SetCellStyle(c.sheet, c.cell, c.cell, nid); err != nil {
		return fmt.Errorf("sheet %s cell %s: style: %w", c.sheet, c.cell, err)
	}
	return nil
}
