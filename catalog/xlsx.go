package catalog

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/xuri/excelize/v2"
)

// maxSheetRows bounds the rows read from one sheet (Excel's own limit is
// 1,048,576; a catalog has hundreds).
const maxSheetRows = 1 << 20

// readXlsx reads every visible sheet of an Excel workbook, each as a table.
func readXlsx(data []byte, name string, syn *Synonyms) (c *Catalog, err error) {
	// excelize is a large dependency reading hostile input: a panic in it
	// must still be an input error, not a crash.
	defer func() {
		if r := recover(); r != nil {
			c, err = nil, inputErr(Loc{}, "unreadable .xlsx file (%v)", r)
		}
	}()
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit:    maxXMLBytes,
		UnzipXMLSizeLimit: 16 << 20,
	})
	if err != nil {
		return nil, &InputError{Msg: "not a readable .xlsx file", Err: err}
	}
	defer f.Close()
	var tables []gridTable
	for _, sheet := range f.GetSheetList() {
		if visible, err := f.GetSheetVisible(sheet); err == nil && !visible {
			continue
		}
		t, err := xlsxSheet(f, sheet, name)
		if err != nil {
			return nil, err
		}
		tables = append(tables, t)
	}
	if len(tables) == 0 {
		return nil, inputErr(Loc{}, "the workbook has no visible sheet")
	}
	c = &Catalog{Path: name, Format: FormatXlsx}
	if err := buildFromGrid(c, tables, syn); err != nil {
		return nil, err
	}
	return c, nil
}

func xlsxSheet(f *excelize.File, sheet, name string) (gridTable, error) {
	t := gridTable{Name: sheet, Padded: true}
	rows, err := f.Rows(sheet)
	if err != nil {
		return t, &InputError{Loc: Loc{Sheet: sheet}, Msg: "unreadable sheet", Err: err}
	}
	defer rows.Close()
	textBytes := 0
	rowNum := 0
	// byRow[r] is the index in t.Rows of sheet row r (blank rows are not kept).
	byRow := map[int]int{}
	for rows.Next() {
		rowNum++
		if rowNum > maxSheetRows {
			return t, inputErr(Loc{Sheet: sheet}, "more than %d rows", maxSheetRows)
		}
		cols, err := rows.Columns()
		if err != nil {
			return t, &InputError{Loc: Loc{Sheet: sheet, Row: rowNum}, Msg: "unreadable row", Err: err}
		}
		if len(cols) > maxGridCols {
			cols = cols[:maxGridCols]
		}
		empty := true
		for _, v := range cols {
			textBytes += len(v)
			if v != "" {
				empty = false
			}
		}
		if textBytes > maxTextBytes {
			return t, inputErr(Loc{Sheet: sheet}, "more than %d MB of text", maxTextBytes>>20)
		}
		if empty {
			continue
		}
		row := make([]gridCell, len(cols))
		for i, v := range cols {
			row[i] = gridCell{Text: v, Loc: Loc{File: name, Sheet: sheet, Row: rowNum, Col: i + 1}}
		}
		byRow[rowNum] = len(t.Rows)
		t.Rows = append(t.Rows, row)
	}
	if err := rows.Error(); err != nil {
		return t, &InputError{Loc: Loc{Sheet: sheet}, Msg: "unreadable sheet", Err: err}
	}
	merges, err := f.GetMergeCells(sheet)
	if err != nil {
		return t, &InputError{Loc: Loc{Sheet: sheet}, Msg: "unreadable merged cells", Err: err}
	}
	for _, m := range merges {
		if err := applyMerge(&t, byRow, m, name, sheet); err != nil {
			return t, err
		}
	}
	return t, nil
}

// applyMerge lays a merged range on the grid: the origin spans the columns
// of its row; the rows below repeat the origin's text in its first column
// (a value printed once for several rows) and are covered elsewhere.
func applyMerge(t *gridTable, byRow map[int]int, m excelize.MergeCell, name, sheet string) error {
	c1, r1, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
	c2, r2, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
	if err := errors.Join(err1, err2); err != nil {
		return &InputError{Loc: Loc{Sheet: sheet}, Msg: fmt.Sprintf("bad merged range %s:%s", m.GetStartAxis(), m.GetEndAxis()), Err: err}
	}
	if c2 > maxGridCols {
		c2 = maxGridCols
	}
	if c1 > c2 || r1 > r2 {
		return nil
	}
	origin := gridCell{Text: m.GetCellValue(), Loc: Loc{File: name, Sheet: sheet, Row: r1, Col: c1}}
	if oi, ok := byRow[r1]; ok && c1-1 < len(t.Rows[oi]) {
		origin = t.Rows[oi][c1-1]
	}
	for r := r1; r <= r2; r++ {
		ri, ok := byRow[r]
		if !ok {
			continue // a blank row: nothing to repeat the value in
		}
		row := t.Rows[ri]
		for len(row) < c2 {
			row = append(row, gridCell{Loc: Loc{File: name, Sheet: sheet, Row: r, Col: len(row) + 1}})
		}
		for c := c1; c <= c2; c++ {
			cell := &row[c-1]
			switch {
			case r == r1 && c == c1:
				cell.Span = c2 - c1 + 1
			case c == c1:
				*cell = gridCell{Text: origin.Text, Loc: origin.Loc, Merged: true, Span: c2 - c1 + 1}
			default:
				*cell = gridCell{Text: origin.Text, Loc: origin.Loc, Covered: true, Merged: r > r1}
			}
		}
		t.Rows[ri] = row
	}
	return nil
}
