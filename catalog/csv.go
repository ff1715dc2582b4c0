package catalog

import (
	"encoding/csv"
	"errors"
	"io"
	"strings"
	"unicode/utf8"
)

// readCSV reads a CSV file: UTF-8 with or without BOM, else GB18030; comma
// separated (semicolon or TAB when the first line has no comma). Quotes are
// read leniently, as spreadsheet programs write them.
func readCSV(data []byte, name string, syn *Synonyms) (*Catalog, error) {
	src, err := decodeText(data, Loc{})
	if err != nil {
		return nil, err
	}
	r := csv.NewReader(strings.NewReader(src))
	r.LazyQuotes = true
	r.FieldsPerRecord = -1
	r.Comma = csvComma(src)
	lines := strings.Split(src, "\n")
	t := gridTable{Name: ""}
	textBytes := 0
	for rec := 1; ; rec++ {
		fields, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, &InputError{Loc: Loc{Row: rec, Line: pe.Line, LineCol: pe.Column}, Msg: "malformed CSV", Err: pe.Err}
			}
			return nil, &InputError{Loc: Loc{Row: rec}, Msg: "malformed CSV", Err: err}
		}
		if len(fields) > maxGridCols {
			fields = fields[:maxGridCols]
		}
		row := make([]gridCell, len(fields))
		for i, f := range fields {
			textBytes += len(f)
			line, col := r.FieldPos(i)
			row[i] = gridCell{Text: f, Loc: Loc{File: name, Row: rec, Col: i + 1, Line: line, LineCol: csvLineCol(lines, line, col)}}
		}
		if textBytes > maxTextBytes {
			return nil, inputErr(Loc{Row: rec}, "more than %d MB of text", maxTextBytes>>20)
		}
		t.Rows = append(t.Rows, row)
	}
	c := &Catalog{Path: name, Format: FormatCSV}
	if err := buildFromGrid(c, []gridTable{t}, syn); err != nil {
		return nil, err
	}
	return c, nil
}

// csvComma picks the separator from the first non-blank line.
func csvComma(src string) rune {
	for _, l := range strings.Split(src, "\n") {
		if blank(l) {
			continue
		}
		if strings.ContainsRune(l, ',') {
			return ','
		}
		if strings.Count(l, "\t") > strings.Count(l, ";") {
			return '\t'
		}
		if strings.ContainsRune(l, ';') {
			return ';'
		}
		return ','
	}
	return ','
}

// csvLineCol turns encoding/csv's byte column of a field's start into the
// code-point column of its first character (past an opening quote).
func csvLineCol(lines []string, line, byteCol int) int {
	if line < 1 || line > len(lines) || byteCol < 1 {
		return 0
	}
	l := lines[line-1]
	off := byteCol - 1
	if off > len(l) {
		off = len(l)
	}
	col := utf8.RuneCountInString(l[:off]) + 1
	if off < len(l) && l[off] == '"' {
		col++
	}
	return col
}
