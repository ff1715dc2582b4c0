package catalog

import (
	"regexp"
	"slices"
	"strings"
)

// The table formats (.docx, .xlsx, .csv) lay their cells on a grid; one
// builder finds the header, the title and the entries in all of them.

// gridCell is a cell on its table's grid.
type gridCell struct {
	Text string
	Loc  Loc
	// Covered marks a grid column covered by a horizontal merge: Text and
	// Loc are the merge origin's, but the cell is not a field of its own.
	Covered bool
	// Span is the number of grid columns an origin cell covers (0 or 1: one).
	Span int
	// Merged marks a cell that continues a vertical merge: Text and Loc are
	// the origin's (the value printed once for several rows).
	Merged bool
}

// gridTable is one table: a docx table, an xlsx sheet, a CSV file.
type gridTable struct {
	Name string
	Rows [][]gridCell
	// Lead holds text before the table that can be the title (the docx
	// paragraphs before the first table).
	Lead []rawCell
	// Padded is set for spreadsheets, whose rows have no end of their own:
	// a row with fewer cells than the header has blank cells, it is not
	// short.
	Padded bool
}

// maxHeaderScan is how far down a table the header is looked for (title
// rows and notes come first).
const maxHeaderScan = 30

// maxGridCols bounds the width of a row: catalogs have about ten columns.
const maxGridCols = 512

// maxGridCells bounds the cells (merged and covered ones, and empty rows,
// included) a reader lays on its grids and the cells merged ranges touch. A
// cell costs about a hundred bytes of memory but only a few bytes of
// input (an empty <w:tc/>, a gridSpan, a line of commas), so without this
// bound a 300 KB .docx took 10 GB. A million cells is 100,000 rows of ten
// columns (a catalog has hundreds of rows); the grid then holds about 100
// MB, which the garbage collector may let grow to twice that.
const maxGridCells = 1 << 20

// cellBudget counts the cells a reader lays out against maxGridCells.
type cellBudget struct{ left int }

func newCellBudget() *cellBudget { return &cellBudget{left: maxGridCells} }

// take counts n more cells (at least 1: an empty row costs memory too).
func (b *cellBudget) take(n int) *InputError {
	b.left -= max(n, 1)
	if b.left < 0 {
		return inputErr(Loc{}, "more than %d table cells (merged, covered and empty ones included), more than any catalog has", maxGridCells)
	}
	return nil
}

func blank(s string) bool { return strings.TrimFunc(s, isSpaceLike) == "" }

// attachmentLabel matches the "附件1" line above a document's title.
var attachmentLabel = regexp.MustCompile(`^\s*附\s*件\s*[0-9０-９一二三四五六七八九十]*\s*[:：]?\s*$`)

// headerGroup is a header and the rows read under it.
type headerGroup struct {
	header []rawCell
	norm   []string
	rows   []rawRow
}

// buildFromGrid fills c from tables: the first header found sets the
// catalog's header; later tables that repeat it (a table split across pages)
// continue it, tables without a header and of the same width continue it,
// tables with another header start a new group of entries.
func buildFromGrid(c *Catalog, tables []gridTable, syn *Synonyms) error {
	if gridKV(c, tables, syn) {
		return nil
	}
	var groups []*headerGroup
	setTitle := func(cell rawCell) {
		if c.TitleField == nil && !blank(cell.Text) && !attachmentLabel.MatchString(cell.Text) {
			c.Title = cell.Text
			c.TitleField = &Field{Key: KeyTitle, Text: cell.Text, Loc: cell.Loc}
		}
	}
	for _, t := range tables {
		if len(groups) == 0 {
			for _, l := range t.Lead {
				setTitle(l)
			}
		}
		h := findGridHeader(t.Rows, syn)
		var g *headerGroup
		start := 0
		switch {
		case h >= 0:
			if len(groups) == 0 {
				for _, r := range t.Rows[:h] {
					if cell, _, ok := soleCell(r); ok {
						setTitle(rawCell{Text: cell.Text, Loc: cell.Loc})
						break
					}
				}
			}
			header, n := combineHeader(t.Rows, h, syn)
			start = h + n
			norm := normalizeAll(header)
			if last := lastGroup(groups); last != nil && slices.Equal(last.norm, norm) {
				g = last
			} else {
				g = &headerGroup{header: header, norm: norm}
				groups = append(groups, g)
			}
		default:
			last := lastGroup(groups)
			if last == nil || tableWidth(t.Rows) != len(last.header) {
				continue // a table that is not part of the catalog
			}
			g = last
		}
		for _, r := range t.Rows[start:] {
			if isHeaderRow(r, syn) || isSectionRow(r, len(g.header)) {
				continue
			}
			g.rows = append(g.rows, toRawRow(r, len(g.header), t.Padded))
		}
	}
	if len(groups) == 0 {
		return inputErr(Loc{}, "no table header found (a row of headers such as 序号, 权力名称, 权力依据); 未找到表头")
	}
	buildEntries(c, groups[0].header, groups[0].rows, syn)
	for _, g := range groups[1:] {
		appendEntries(c, mapHeader(g.header, g.rows, syn), g.rows)
	}
	return nil
}

func lastGroup(gs []*headerGroup) *headerGroup {
	if len(gs) == 0 {
		return nil
	}
	return gs[len(gs)-1]
}

func tableWidth(rows [][]gridCell) int {
	w := 0
	for _, r := range rows {
		if len(r) > w {
			w = len(r)
		}
	}
	return w
}

func normalizeAll(cells []rawCell) []string {
	n := make([]string, len(cells))
	for i, c := range cells {
		n[i] = normalizeHeader(c.Text)
	}
	return n
}

// rowStats counts a row's own non-blank cells and those that are headers.
func rowStats(r []gridCell, syn *Synonyms) (nonEmpty, known int) {
	for _, c := range r {
		if c.Covered || c.Merged || blank(c.Text) {
			continue
		}
		nonEmpty++
		if _, ok := syn.Lookup(c.Text); ok {
			known++
		}
	}
	return nonEmpty, known
}

// findGridHeader returns the index of the header row or -1: the first row
// (among the first few) with three known headers, or two and nothing else.
func findGridHeader(rows [][]gridCell, syn *Synonyms) int {
	for i, r := range rows {
		if i >= maxHeaderScan {
			break
		}
		nonEmpty, known := rowStats(r, syn)
		if known >= 3 || (known >= 2 && known == nonEmpty) {
			return i
		}
	}
	return -1
}

// isHeaderRow reports a row made of headers only: the header repeated at a
// page break, or the second level of a two-level header.
func isHeaderRow(r []gridCell, syn *Synonyms) bool {
	nonEmpty, known := rowStats(r, syn)
	if known == 0 || known != nonEmpty {
		return false
	}
	if len(r) > 0 {
		if _, ok := seqValue(r[0].Text); ok {
			return false
		}
	}
	return known >= 2
}

// soleCell returns the only non-blank cell of a row (a title, a note, a
// section heading).
func soleCell(r []gridCell) (gridCell, int, bool) {
	var found gridCell
	at, n := -1, 0
	for i, c := range r {
		if c.Covered || blank(c.Text) {
			continue
		}
		found, at = c, i
		n++
	}
	return found, at, n == 1
}

// isSectionRow reports a row that is a heading or a note inside the table:
// one cell merged across several columns ("一、行政处罚", "注：…"), or, where
// merges are unknown (CSV), one long non-number in the first column.
func isSectionRow(r []gridCell, width int) bool {
	cell, at, ok := soleCell(r)
	if !ok || cell.Merged || width < 3 {
		return false
	}
	if cell.Span > 1 {
		return true
	}
	if _, isSeq := seqValue(cell.Text); isSeq || at != 0 {
		return false
	}
	t := strings.TrimFunc(cell.Text, isSpaceLike)
	return strings.HasPrefix(t, "注") || strings.HasPrefix(t, "说明") || strings.HasPrefix(t, "备注")
}

// combineHeader reads the header at row h, with a second level from row
// h+1 when there is one; n is the number of header rows.
func combineHeader(rows [][]gridCell, h int, syn *Synonyms) (header []rawCell, n int) {
	top := rows[h]
	width := len(top)
	var sub []gridCell
	if h+1 < len(rows) && isSubHeader(top, rows[h+1], syn) {
		sub = rows[h+1]
		if len(sub) > width {
			width = len(sub)
		}
	}
	spanned := spannedTop(top, sub != nil)
	header = make([]rawCell, width)
	for i := range header {
		var t, s gridCell
		if i < len(top) {
			t = top[i]
			if blank(t.Text) && spanned[i] {
				t = topCell(top, i)
			}
		}
		if i < len(sub) && !sub[i].Merged && !sub[i].Covered {
			s = sub[i]
		}
		header[i] = rawCell{Text: t.Text, Loc: t.Loc}
		if blank(s.Text) {
			continue
		}
		spans := i < len(spanned) && spanned[i]
		// The sub-header when it names the column by itself ("法律依据"
		// under "依据"), the two together when only they do ("依据" under
		// "责任事项").
		_, exact := syn.exact[normalizeHeader(s.Text)]
		switch {
		case exact:
			header[i] = rawCell{Text: s.Text, Loc: s.Loc}
		case spans && lookupOK(syn, t.Text+s.Text):
			header[i] = rawCell{Text: t.Text + s.Text, Loc: s.Loc}
		case lookupOK(syn, s.Text) || blank(t.Text) || spans:
			header[i] = rawCell{Text: s.Text, Loc: s.Loc}
		}
	}
	if sub != nil {
		return header, 2
	}
	return header, 1
}

// topCell is the top header cell over column i: its own, or the nearest
// non-blank one to its left.
func topCell(top []gridCell, i int) gridCell {
	for j := i; j >= 0; j-- {
		if !blank(top[j].Text) {
			return top[j]
		}
	}
	return top[i]
}

// spannedTop marks the top header cells that span several columns: merged
// (docx, xlsx), or, over a second header row, a cell followed by blank ones
// (a merge exported to CSV) and those blank ones.
func spannedTop(top []gridCell, twoLevel bool) []bool {
	sp := make([]bool, len(top))
	for i, c := range top {
		if c.Covered || c.Span > 1 {
			sp[i] = true
			continue
		}
		if !twoLevel || c.Merged {
			continue
		}
		if blank(c.Text) && i > 0 && (sp[i-1] || !blank(top[i-1].Text)) {
			sp[i] = true
			if !top[i-1].Merged {
				sp[i-1] = true
			}
		}
	}
	return sp
}

func lookupOK(syn *Synonyms, s string) bool {
	_, ok := syn.Lookup(s)
	return ok
}

// isSubHeader reports whether next is the second level of the header top:
// not data (no 序号 value first, no long text), and either headers only, or
// text under a header cell merged across columns.
func isSubHeader(top, next []gridCell, syn *Synonyms) bool {
	if len(next) > 0 {
		if _, ok := seqValue(next[0].Text); ok {
			return false
		}
	}
	nonEmpty, known := rowStats(next, syn)
	if nonEmpty == 0 {
		return false
	}
	if known == nonEmpty {
		return true
	}
	spanned := spannedTop(top, true)
	for i, c := range next {
		if c.Covered || c.Merged || blank(c.Text) {
			continue
		}
		if len([]rune(strings.TrimSpace(c.Text))) > maxContainsRunes || strings.ContainsRune(c.Text, '《') {
			return false
		}
		if i >= len(top) || !spanned[i] {
			return false
		}
	}
	return true
}

// toRawRow lays a grid row under a header of the given width. Covered cells
// are absent; a row with fewer cells than the header is short; cells past
// the header are kept when they hold text.
func toRawRow(r []gridCell, width int, padded bool) rawRow {
	if padded && len(r) > 0 && len(r) < width {
		last := r[len(r)-1].Loc
		for len(r) < width {
			r = append(r, gridCell{Loc: Loc{File: last.File, Sheet: last.Sheet, Row: last.Row, Col: len(r) + 1}})
		}
	}
	row := rawRow{Short: len(r) < width}
	n := len(r)
	for n > width && blank(r[n-1].Text) {
		n--
	}
	row.Cells = make([]rawCell, n)
	for i, c := range r[:n] {
		row.Cells[i] = rawCell{Text: c.Text, Loc: c.Loc, Absent: c.Covered}
	}
	return row
}
