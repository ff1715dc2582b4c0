package catalog

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"regexp"
	"sort"
	"strings"

	"github.com/xuri/excelize/v2"
)

// maxSheetRows bounds the rows read from one sheet (Excel's own limit is
// 1,048,576; a catalog has hundreds).
const maxSheetRows = 1 << 20

// xlsxInMemory is the size from which excelize keeps a worksheet or the
// shared strings in a temporary file rather than in memory. Shared strings
// in memory cost excelize about 400 bytes each (a 15 MB table of tiny
// strings took 380 MB), in a temporary file about 110.
const xlsxInMemory = 4 << 20

// maxSharedStrings bounds the shared strings of a workbook: a catalog of
// 100,000 rows has fewer than a million distinct cell texts.
const maxSharedStrings = 1 << 20

// isXlsxMain tells the parts of a workbook that hold its cells.
func isXlsxMain(name string) bool {
	n := strings.ToLower(name)
	return n == "xl/sharedstrings.xml" || strings.HasPrefix(n, "xl/worksheets/") && strings.HasSuffix(n, ".xml")
}

// readXlsx reads every visible sheet of an Excel workbook, each as a table.
func readXlsx(data []byte, name string, syn *Synonyms) (c *Catalog, err error) {
	// excelize is a large dependency reading hostile input: a panic in it
	// must still be an input error, not a crash.
	defer func() {
		if r := recover(); r != nil {
			c, err = nil, inputErr(Loc{}, "unreadable .xlsx file (%v)", r)
		}
	}()
	// The archive is checked, and every sheet streamed through
	// partReader (looking for merged ranges), before excelize inflates it.
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, &InputError{Msg: "not a readable .xlsx file", Err: err}
	}
	if err := checkParts(zr, isXlsxMain); err != nil {
		return nil, err
	}
	merges, err := xlsxMergeRanges(zr)
	if err != nil {
		return nil, err
	}
	if err := checkSharedStrings(zr); err != nil {
		return nil, err
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit:    maxUnzipTotal,
		UnzipXMLSizeLimit: xlsxInMemory,
	})
	if err != nil {
		return nil, &InputError{Msg: "not a readable .xlsx file", Err: err}
	}
	defer f.Close()
	cells := newCellBudget()
	var tables []gridTable
	for _, sheet := range f.GetSheetList() {
		if visible, err := f.GetSheetVisible(sheet); err == nil && !visible {
			continue
		}
		t, err := xlsxSheet(f, sheet, name, merges, cells)
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

func xlsxSheet(f *excelize.File, sheet, name string, merges map[string][]mergeRange, cells *cellBudget) (gridTable, error) {
	t := gridTable{Name: sheet, Padded: true}
	rows, err := f.Rows(sheet)
	if err != nil {
		return t, &InputError{Loc: Loc{Sheet: sheet}, Msg: "unreadable sheet", Err: err}
	}
	defer rows.Close()
	textBytes := 0
	rowNum := 0
	// rowNums[i] is the sheet row of t.Rows[i] (blank rows are not kept).
	var rowNums []int
	for rows.Next() {
		rowNum++
		if rowNum > maxSheetRows {
			return t, inputErr(Loc{Sheet: sheet}, "more than %d rows", maxSheetRows)
		}
		cols, err := rows.Columns()
		if err != nil {
			return t, &InputError{Loc: Loc{Sheet: sheet, Row: rowNum}, Msg: "unreadable row", Err: err}
		}
		// excelize pads a row with blanks up to its last cell with a
		// value: a cell at column XFD costs 16,384 strings. The padding
		// counts against the budget (and bounds the time) before it is
		// cut off.
		if len(cols) > 0 {
			if err := cells.take(len(cols)); err != nil {
				err.Loc = Loc{Sheet: sheet, Row: rowNum}
				return t, err
			}
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
		rowNums = append(rowNums, rowNum)
		t.Rows = append(t.Rows, row)
	}
	if err := rows.Error(); err != nil {
		return t, &InputError{Loc: Loc{Sheet: sheet}, Msg: "unreadable sheet", Err: err}
	}
	// excelize's GetMergeCells loads the whole sheet as a tree (seconds
	// and gigabytes for a large sheet): the ranges are scanned for instead.
	for _, m := range merges[sheet] {
		if err := applyMerge(&t, rowNums, m, name, sheet, cells); err != nil {
			return t, err
		}
	}
	return t, nil
}

// applyMerge lays a merged range on the grid: the origin spans the columns
// of its row; the rows below repeat the origin's text in its first column
// (a value printed once for several rows) and are covered elsewhere. The
// cells a range touches count against cells: ranges may overlap, and
// each may cover the whole sheet.
func applyMerge(t *gridTable, rowNums []int, m mergeRange, name, sheet string, cells *cellBudget) error {
	c1, r1, err1 := excelize.CellNameToCoordinates(m.from)
	c2, r2, err2 := excelize.CellNameToCoordinates(m.to)
	if err := errors.Join(err1, err2); err != nil {
		return &InputError{Loc: Loc{Sheet: sheet}, Msg: fmt.Sprintf("bad merged range %s:%s", m.from, m.to), Err: err}
	}
	if c2 > maxGridCols {
		c2 = maxGridCols
	}
	if c1 > c2 || r1 > r2 {
		return nil
	}
	first := sort.SearchInts(rowNums, r1) // the first kept row in the range
	origin := gridCell{Loc: Loc{File: name, Sheet: sheet, Row: r1, Col: c1}}
	if first < len(rowNums) && rowNums[first] == r1 && c1-1 < len(t.Rows[first]) {
		origin = t.Rows[first][c1-1]
	}
	for ri := first; ri < len(rowNums) && rowNums[ri] <= r2; ri++ {
		r := rowNums[ri]
		if err := cells.take(c2 - c1 + 1); err != nil {
			err.Loc = Loc{Sheet: sheet, Row: r}
			return err
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

// mergeRange is a merged range of a sheet, "A1" to "F1".
type mergeRange struct{ from, to string }

var mergeCellRe = regexp.MustCompile(`^<(?:[A-Za-z0-9_]+:)?mergeCell\b[^>]*?\bref="([A-Z]{1,3}[0-9]{1,7}):([A-Z]{1,3}[0-9]{1,7})"`)

// xlsxMergeRanges finds the merged ranges of every sheet, by sheet name,
// scanning the sheets' XML as a stream.
func xlsxMergeRanges(zr *zip.Reader) (map[string][]mergeRange, error) {
	files := map[string]*zip.File{}
	for _, f := range zr.File {
		files[f.Name] = f
	}
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			ID   string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if err := decodeMember(files["xl/workbook.xml"], &wb); err != nil {
		return nil, err
	}
	if err := decodeMember(files["xl/_rels/workbook.xml.rels"], &rels); err != nil {
		return nil, err
	}
	targets := map[string]string{}
	for _, r := range rels.Rels {
		t := r.Target
		if strings.HasPrefix(t, "/") {
			t = strings.TrimPrefix(t, "/")
		} else {
			t = path.Join("xl", t)
		}
		targets[r.ID] = t
	}
	out := map[string][]mergeRange{}
	for _, s := range wb.Sheets {
		f := files[targets[s.ID]]
		if f == nil {
			continue
		}
		ranges, err := scanMerges(f)
		if err != nil {
			return nil, err
		}
		out[s.Name] = ranges
	}
	return out, nil
}

func decodeMember(f *zip.File, v any) error {
	if f == nil {
		return nil // excelize reports what is missing
	}
	rc, err := openPart(f, maxOtherPart)
	if err != nil {
		return err
	}
	defer rc.Close()
	if err := xml.NewDecoder(rc).Decode(v); err != nil && err != io.EOF {
		if e := rc.Err(); e != nil {
			return e
		}
		return &InputError{Msg: f.Name + " is not well-formed XML", Err: err}
	}
	return nil
}

// scanMerges streams a sheet's XML looking for <mergeCell ref="…"/>.
func scanMerges(f *zip.File) ([]mergeRange, error) {
	r, err := openPart(f, maxMainPart)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	var out []mergeRange
	buf := make([]byte, 0, 1<<20)
	chunk := make([]byte, 1<<20)
	const keep = 512 // longer than any <mergeCell …/> element
	for {
		n, err := io.ReadFull(r, chunk)
		buf = append(buf, chunk[:n]...)
		end := len(buf)
		if err == nil {
			// Leave the tail for the next round: an element may be cut.
			if i := bytes.LastIndexByte(buf[max(0, end-keep):], '<'); i >= 0 {
				end = max(0, end-keep) + i
			}
		}
		// bytes.Index is fast; the expression only runs where it hits.
		for rest := buf[:end]; ; {
			i := bytes.Index(rest, []byte("mergeCell"))
			if i < 0 {
				break
			}
			start := bytes.LastIndexByte(rest[:i], '<')
			if start < 0 {
				start = i
			}
			win := rest[start:min(len(rest), i+keep)]
			if m := mergeCellRe.FindSubmatch(win); m != nil && bytes.HasPrefix(win, m[0][:1]) {
				out = append(out, mergeRange{string(m[1]), string(m[2])})
				if len(out) > 1<<20 {
					return nil, inputErr(Loc{}, "%s has more than a million merged ranges", f.Name)
				}
			}
			rest = rest[i+len("mergeCell"):]
		}
		buf = append(buf[:0], buf[end:]...)
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			return out, nil
		}
		if err != nil {
			var ie *InputError
			if errors.As(err, &ie) {
				return nil, err
			}
			return nil, &InputError{Msg: "read " + f.Name, Err: err}
		}
	}
}

// checkSharedStrings streams the shared strings table (through partReader)
// and refuses more than maxSharedStrings items. Items are counted by their
// start tags, <si or <x:si (counting the end tags too when prefixed:
// a bound, not a count).
func checkSharedStrings(zr *zip.Reader) error {
	var sst *zip.File
	for _, f := range zr.File {
		if strings.EqualFold(f.Name, "xl/sharedStrings.xml") {
			sst = f
		}
	}
	if sst == nil {
		return nil
	}
	r, err := openPart(sst, maxMainPart)
	if err != nil {
		return err
	}
	defer r.Close()
	buf := make([]byte, 1<<20)
	items := 0
	var tail []byte // the end of the previous chunk: a tag may be cut
	for {
		n, err := io.ReadFull(r, buf)
		chunk := append(tail, buf[:n]...)
		items += bytes.Count(chunk, []byte("<si")) + bytes.Count(chunk, []byte(":si"))
		if items > maxSharedStrings {
			return inputErr(Loc{}, "%s has more than %d shared strings, more than any catalog", sst.Name, maxSharedStrings)
		}
		// keep the last 2 bytes: "<s" or ":s" completed by the next chunk
		// is counted then, and nothing is counted twice
		k := min(2, len(chunk))
		tail = append(tail[:0:0], chunk[len(chunk)-k:]...)
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			return nil
		}
		if err != nil {
			var ie *InputError
			if errors.As(err, &ie) {
				return err
			}
			return &InputError{Msg: "read " + sst.Name, Err: err}
		}
	}
}
