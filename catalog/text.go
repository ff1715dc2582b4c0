package catalog

import (
	"strings"
	"unicode"
)

// The extracted-text format (see testdata/seeds/README.md): a line that
// starts with a TAB (after optional spaces) starts a table cell; the lines
// that follow without a TAB continue it. Rows are not marked: they are
// rebuilt from the header's width, using the 序号 values to stay aligned when
// a row is short.

// textCell is a cell of an extracted-text file.
type textCell struct {
	text    string // the cell's lines joined with "\n", without trailing blank lines
	line    int    // 1-based line of the cell's first character
	lineCol int    // 1-based column, in code points, of that character
	// gapBefore is true when a blank line separates the cell from the one
	// before: extractors end table rows so (but a cell's paragraphs are
	// separated so too, so it is a hint, not a row mark).
	gapBefore bool
}

// maxTextHeaderWidth bounds the header search: no catalog has 60 columns.
const maxTextHeaderWidth = 60

// readText reads the extracted-text format.
func readText(data []byte, name string, syn *Synonyms) (*Catalog, error) {
	src, err := decodeText(data, Loc{})
	if err != nil {
		return nil, err
	}
	cells, loose, err := splitTextCells(src)
	if err != nil {
		return nil, err
	}
	c := &Catalog{Path: name, Format: "txt"}
	if textKV(c, cells, loose, syn) {
		return c, nil
	}

	h, width := findTextHeader(cells, syn)
	if h < 0 {
		return nil, inputErr(Loc{}, "no table header found (a run of TAB-started cells such as 序号, 权力名称, 权力依据); 未找到表头")
	}
	// The title: the first non-blank cell above the header, else the first
	// non-blank line before any cell.
	for _, tc := range cells[:h] {
		if strings.TrimFunc(tc.text, isSpaceLike) != "" {
			c.Title = tc.text
			c.TitleField = &Field{Key: KeyTitle, Text: tc.text, Loc: Loc{File: name, Line: tc.line, LineCol: tc.lineCol}}
			break
		}
	}
	if c.TitleField == nil {
		for _, l := range loose {
			if strings.TrimFunc(l.text, isSpaceLike) != "" {
				c.Title = l.text
				c.TitleField = &Field{Key: KeyTitle, Text: l.text, Loc: Loc{File: name, Line: l.line, LineCol: l.lineCol}}
				break
			}
		}
	}

	header := make([]rawCell, width)
	for i, tc := range cells[h : h+width] {
		header[i] = rawCell{Text: tc.text, Loc: Loc{File: name, Row: 1, Col: i + 1, Line: tc.line, LineCol: tc.lineCol}}
	}
	seqCol := -1
	for i, hc := range header {
		if k, _ := syn.Lookup(hc.Text); k == KeySeq {
			seqCol = i
			break
		}
	}
	headerNorm := make([]string, width)
	for i, hc := range header {
		headerNorm[i] = normalizeHeader(hc.Text)
	}

	var rows []rawRow
	data0 := h + width
	for p := data0; p < len(cells); {
		if repeatsHeader(cells[p:], headerNorm) {
			p += width // a header repeated at a page break
			continue
		}
		end := textRowEnd(cells, p, width, seqCol)
		row := rawRow{Short: end-p < width}
		for i, tc := range cells[p:end] {
			row.Cells = append(row.Cells, rawCell{Text: tc.text, Loc: Loc{File: name, Row: len(rows) + 2, Col: i + 1, Line: tc.line, LineCol: tc.lineCol}})
		}
		rows = append(rows, row)
		p = end
	}
	if n := len(rows); n > 0 {
		if last := &rows[n-1].Cells[len(rows[n-1].Cells)-1]; stopsMidSentence(last.Text) {
			last.Cut = true
		}
	}
	buildEntries(c, header, rows, syn)
	return c, nil
}

// stopsMidSentence reports a text that ends inside a sentence: on a
// character or a mark that a sentence goes on after; a short value (a cell
// of a few characters) or a number ends where it ends.
func stopsMidSentence(s string) bool {
	s = strings.TrimRightFunc(s, isSpaceLike)
	rs := []rune(s)
	if len(rs) < 12 {
		return false
	}
	r := rs[len(rs)-1]
	return unicode.Is(unicode.Han, r) || strings.ContainsRune("，,、：:《“（(", r)
}

// maxTextCells bounds the cells of an extracted-text file: a cell costs
// about 130 bytes, a line "\t" two. Twice maxGridCells: a text cell is
// lighter than a grid cell.
const maxTextCells = 2 * maxGridCells

// maxLooseLines bounds the non-blank lines kept from before the first cell
// (only the first is used, as the title).
const maxLooseLines = 64

// splitTextCells cuts the text into cells; loose are the non-blank lines
// before the first cell (they can hold a title). A cell's text is a slice
// of src when its lines end in "\n" alone: no copy, and no slice of lines
// (16 bytes for each byte of a file of blank lines).
func splitTextCells(src string) (cells, loose []textCell, err error) {
	var cur textCell
	inCell := false
	// start and end delimit the current cell's text in src: from past its
	// TAB to the end of its last line that is not blank (extractors end
	// rows with blank lines: they are not the cell's).
	var start, end int
	blankSince := false
	flush := func() {
		if !inCell {
			return
		}
		cur.text = src[start:end]
		if strings.Contains(cur.text, "\r\n") {
			cur.text = strings.ReplaceAll(cur.text, "\r\n", "\n")
		}
		cells = append(cells, cur)
		inCell = false
	}
	for i, off := 0, 0; off < len(src) || off == 0; i++ {
		lineEnd := len(src)
		next := len(src) + 1
		if j := strings.IndexByte(src[off:], '\n'); j >= 0 {
			lineEnd, next = off+j, off+j+1
		}
		if lineEnd > off && src[lineEnd-1] == '\r' {
			lineEnd--
		}
		l := src[off:lineEnd]
		spaces := len(l) - len(strings.TrimLeft(l, " "))
		switch {
		case spaces < len(l) && l[spaces] == '\t':
			flush()
			if len(cells) >= maxTextCells {
				return nil, nil, inputErr(Loc{Line: i + 1}, "more than %d cells, more than any catalog has", maxTextCells)
			}
			cur, inCell = textCell{line: i + 1, lineCol: spaces + 2, gapBefore: blankSince}, true
			blankSince = false
			start, end = off+spaces+1, lineEnd
		case inCell:
			if strings.TrimFunc(l, isSpaceLike) != "" {
				end = lineEnd
				blankSince = false
			} else {
				blankSince = true
			}
		case len(loose) < maxLooseLines && strings.TrimFunc(l, isSpaceLike) != "":
			loose = append(loose, textCell{text: l, line: i + 1, lineCol: 1})
		}
		if next > len(src) {
			break
		}
		off = next
	}
	flush()
	return cells, loose, nil
}

// findTextHeader returns the index of the header's first cell and its width,
// or -1. The header is the first run of header-like cells (see
// Synonyms.HeaderLike) that names at least two roles, one of them the
// power's name or basis (or three roles). It runs until the data begins: a
// 序号 value, a cell that is not header-like (two such cells are let
// through when header-like ones follow, for odd headers inside a long
// row), or a blank line once the run has its roles.
func findTextHeader(cells []textCell, syn *Synonyms) (start, width int) {
	for h := 0; h < len(cells); h++ {
		if !syn.HeaderLike(cells[h].text) {
			continue
		}
		end, roles, core := h, 0, false
		for j := h; j < len(cells) && j-h < maxTextHeaderWidth; j++ {
			if j > h && cells[j].gapBefore && (roles >= 2 || roles == 0) {
				break // the header ends, or a title above it did
			}
			if !syn.HeaderLike(cells[j].text) {
				if _, isSeq := seqValue(cells[j].text); isSeq || j-end >= 2 || blank(cells[j].text) && j == end {
					break
				}
				continue
			}
			end = j + 1
			if k, ok := syn.Lookup(cells[j].text); ok {
				roles++
				if k == KeyName || k == KeyBasis {
					core = true
				}
			}
		}
		if roles >= 3 || roles >= 2 && core {
			return h, end - h
		}
		h = max(h, end-1)
	}
	return -1, 0
}

// textRowEnd returns the end (exclusive) of the row that starts at cell p.
// Normally a row is width cells long; when the 序号 of the next row is not
// where it should be, the next row starts at the cell holding the expected
// 序号 (this row was short, or had extra cells).
func textRowEnd(cells []textCell, p, width, seqCol int) int {
	end := p + width
	if end > len(cells) {
		end = len(cells)
	}
	if seqCol < 0 || p+seqCol >= len(cells) {
		return end
	}
	cur, ok := seqValue(cells[p+seqCol].text)
	if !ok {
		return end
	}
	if end+seqCol < len(cells) {
		if _, ok := seqValue(cells[end+seqCol].text); ok {
			return end // aligned (even when 序号 jumps)
		}
	}
	limit := p + seqCol + 2*width
	if limit > len(cells) {
		limit = len(cells)
	}
	for q := p + seqCol + 1; q < limit; q++ {
		if v, ok := seqValue(cells[q].text); ok && v == cur+1 && q-seqCol > p {
			return q - seqCol
		}
	}
	return end
}

// repeatsHeader reports whether the cells starting here repeat the header.
func repeatsHeader(cells []textCell, headerNorm []string) bool {
	if len(cells) < len(headerNorm) {
		return false
	}
	for i, h := range headerNorm {
		if normalizeHeader(cells[i].text) != h {
			return false
		}
	}
	return true
}
