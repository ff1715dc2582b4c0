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
	lines := &lineCursor{src: src, line: 1}
	t := gridTable{Name: ""}
	cells := newCellBudget()
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
		if err := cells.take(len(fields)); err != nil {
			err.Loc = Loc{Row: rec}
			return nil, err
		}
		if len(fields) > maxGridCols {
			fields = fields[:maxGridCols]
		}
		row := make([]gridCell, len(fields))
		for i, f := range fields {
			textBytes += len(f)
			line, col := r.FieldPos(i)
			lc := 0
			if line >= 1 {
				lc = csvLineCol(lines.text(line), col)
			}
			row[i] = gridCell{Text: f, Loc: Loc{File: name, Row: rec, Col: i + 1, Line: line, LineCol: lc}}
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
	for rest := src; rest != ""; {
		l := rest
		if i := strings.IndexByte(rest, '\n'); i >= 0 {
			l, rest = rest[:i], rest[i+1:]
		} else {
			rest = ""
		}
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

// lineCursor finds the text of a line of src by walking forward from the
// last line asked for: encoding/csv reports fields in order, so the walk
// is linear in all, with no slice of every line (16 bytes for each byte of
// a file of blank lines).
type lineCursor struct {
	src   string
	line  int // the line starting at src[start:]
	start int
}

// text returns line n (1-based) without its "\n", or "" past the end.
func (c *lineCursor) text(n int) string {
	if n < c.line {
		c.line, c.start = 1, 0
	}
	for c.line < n {
		i := strings.IndexByte(c.src[c.start:], '\n')
		if i < 0 {
			return ""
		}
		c.start += i + 1
		c.line++
	}
	l := c.src[c.start:]
	if i := strings.IndexByte(l, '\n'); i >= 0 {
		l = l[:i]
	}
	return l
}

// csvLineCol turns encoding/csv's byte column of a field's start on line
// l into the code-point column of its first character (past an opening
// quote).
func csvLineCol(l string, byteCol int) int {
	if byteCol < 1 {
		return 0
	}
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
