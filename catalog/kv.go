package catalog

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// Key/value item pages: many catalogs print one power per table (or per
// block of a sheet, or per run of an extracted text) as label/value pairs,
//
//	事项名称 | 对未依法缴纳社会保险费的处罚
//	事项类型 | 行政处罚          (or: 事项类型 | 行政处罚 | 实施主体 | …)
//	设定依据 | 《中华人民共和国社会保险法》第八十六条 …
//
// Such a table is one entry whose fields are keyed by their labels, read
// with the header vocabulary (synonyms.txt). The field's place is the value
// cell's, so findings point at what a reviewer has to fix.

// LayoutKV is Catalog.Layout for key/value item pages.
const LayoutKV = "kv"

// kvPair is one label and its value.
type kvPair struct {
	label, value rawCell
	// cont marks a label cell that continues a vertical merge: a second
	// value of the label above, not a new label.
	cont bool
}

// kvBlock is the pairs of one item.
type kvBlock struct{ pairs []kvPair }

// kvScore measures how much a run of cells reads as key/value pairs.
type kvScore struct {
	pairs        int // label/value pairs
	known        int // pairs whose label has a role
	headerValues int // pairs whose value is itself a header (a header row read as pairs)
	likeHeader   int // pairs whose value reads like a header (Synonyms.HeaderLike)
	stray        int // cells (or rows) that are not part of a pair
	roles        map[Key]bool
}

func (s *kvScore) add(label, value string, syn *Synonyms) {
	s.pairs++
	if k, ok := syn.Lookup(label); ok {
		s.known++
		if s.roles == nil {
			s.roles = map[Key]bool{}
		}
		s.roles[k] = true
	}
	if exactHeader(value, syn) {
		s.headerValues++
	}
	if syn.HeaderLike(value) {
		s.likeHeader++
	}
}

// strong reports an unmistakable key/value layout: three roles or more,
// the power's name or basis among them, most labels known, no header row,
// few cells outside the pairs.
func (s *kvScore) strong() bool {
	return s.known >= 3 && len(s.roles) >= 3 && (s.roles[KeyName] || s.roles[KeyBasis]) &&
		s.known*2 >= s.pairs && s.headerValues*5 <= s.pairs && s.stray*4 <= s.pairs
}

// clearlyNot reports a run that cannot become key/value any more: many
// cells outside pairs (a table's rows), so reading on is wasted.
func (s *kvScore) clearlyNot() bool {
	return s.stray > 16 && s.stray*4 > s.pairs
}

// weak reports pairs only, with known labels: a key/value table in a
// document whose other tables are unmistakably so (a page's table cut in
// two, an item with few fields).
func (s *kvScore) weak() bool {
	return s.known >= 1 && s.stray == 0 && s.headerValues == 0 && s.known*2 >= s.pairs
}

// exactHeader reports a cell that is exactly a known header (事项名称,
// 设定依据 …), never a value.
func exactHeader(s string, syn *Synonyms) bool {
	k, ok := syn.exact[normalizeHeader(s)]
	return ok && k != KeyUnknown
}

// labelish reports a cell that can be a label: short, no citation, no
// sentence, not a number.
func labelish(s string) bool {
	n := normalizeHeader(s)
	if n == "" || utf8.RuneCountInString(n) > maxHeaderLikeRunes {
		return false
	}
	if strings.ContainsAny(n, "《》。；;，,") || strings.Contains(n, "清单") || articleMark.MatchString(n) {
		return false
	}
	_, isSeq := seqValue(n)
	return !isSeq
}

// kvHeadingRow marks the column heads some item tables print above their
// pairs (项目 | 内容): not a pair.
func kvHeadingRow(label, value string) bool {
	switch normalizeHeader(label) {
	case "项目", "栏目", "类别", "要素", "字段", "名称", "事项":
		switch normalizeHeader(value) {
		case "内容", "具体内容", "详细内容", "说明", "信息", "值":
			return true
		}
	}
	return false
}

// blockBuilder cuts pairs into items: an item ends at a blank row, a
// heading, or a label it already has.
type blockBuilder struct {
	blocks []kvBlock
	cur    kvBlock
	seen   map[string]bool
}

func (b *blockBuilder) end() {
	if len(b.cur.pairs) > 0 {
		b.blocks = append(b.blocks, b.cur)
	}
	b.cur = kvBlock{}
	b.seen = nil
}

func (b *blockBuilder) add(p kvPair) {
	n := normalizeHeader(p.label.Text)
	if !p.cont && b.seen[n] {
		b.end()
	}
	if b.seen == nil {
		b.seen = map[string]bool{}
	}
	b.seen[n] = true
	b.cur.pairs = append(b.cur.pairs, p)
}

// gridKVTable reads a table as key/value pairs: labels in the odd grid
// cells of a row (label | value, or label | value | label | value), a
// value spanning the rest of the row. tabular is set when a row is a
// table header (three known headers): the table is not key/value.
func gridKVTable(t gridTable, syn *Synonyms) (blocks []kvBlock, title *rawCell, sc kvScore, tabular bool) {
	var bb blockBuilder
	prevRow := 0
	var origins []gridCell
	for _, r := range t.Rows {
		if sc.clearlyNot() {
			return nil, nil, sc, false
		}
		origins = origins[:0]
		nonBlank, exact := 0, 0
		rowNum := 0
		for _, c := range r {
			if !c.Merged && !c.Covered && rowNum == 0 {
				rowNum = c.Loc.Row
			}
			if c.Covered {
				continue
			}
			origins = append(origins, c)
			if !blank(c.Text) && !c.Merged {
				nonBlank++
				if exactHeader(c.Text, syn) {
					exact++
				}
			}
		}
		if exact >= 3 {
			return nil, nil, sc, true
		}
		// Spreadsheets drop blank rows: a gap in the row numbers is one.
		if t.Padded && prevRow > 0 && rowNum > prevRow+1 {
			bb.end()
		}
		if rowNum > 0 {
			prevRow = rowNum
		}
		if nonBlank == 0 {
			bb.end()
			continue
		}
		if len(origins) > 4 {
			sc.stray++ // a row of a table that is not key/value
			bb.end()
			continue
		}
		if first := origins[0]; nonBlank == 1 && !first.Merged && !blank(first.Text) {
			// One cell: a label with an empty value (a spreadsheet does
			// not keep the blank cell after it), or a heading over the
			// pairs (the item's name, 基本信息, a title).
			if first.Span > 1 || !labelish(first.Text) || !lookupOK(syn, first.Text) {
				if title == nil && len(bb.blocks) == 0 && len(bb.cur.pairs) == 0 {
					title = &rawCell{Text: first.Text, Loc: first.Loc}
				}
				bb.end()
				continue
			}
		}
		for i := 0; i < len(origins); i += 2 {
			label := origins[i]
			var value gridCell
			if i+1 < len(origins) {
				value = origins[i+1]
			} else {
				// no value cell: the value is empty, at the label's right
				value = gridCell{Loc: label.Loc}
				value.Loc.Col++
			}
			if blank(label.Text) {
				if !blank(value.Text) {
					sc.stray++
				}
				continue
			}
			if kvHeadingRow(label.Text, value.Text) {
				continue
			}
			if !labelish(label.Text) {
				sc.stray++
				continue
			}
			sc.add(label.Text, value.Text, syn)
			bb.add(kvPair{
				label: rawCell{Text: label.Text, Loc: label.Loc},
				value: rawCell{Text: value.Text, Loc: value.Loc},
				cont:  label.Merged,
			})
		}
	}
	bb.end()
	return bb.blocks, title, sc, false
}

// gridKV reads tables of key/value pairs into c and reports whether it did:
// when some table is unmistakably key/value and no table has a header row
// of a tabular catalog.
func gridKV(c *Catalog, tables []gridTable, syn *Synonyms) bool {
	type kvTable struct {
		blocks []kvBlock
		title  *rawCell
		sc     kvScore
	}
	var kts []kvTable
	strong := false
	for _, t := range tables {
		blocks, title, sc, tabular := gridKVTable(t, syn)
		if tabular {
			return false
		}
		switch {
		case sc.strong():
			strong = true
		case sc.weak():
		default:
			if findGridHeader(t.Rows, syn) >= 0 {
				return false // a tabular catalog's table
			}
			continue // a table that is not part of the catalog
		}
		kts = append(kts, kvTable{blocks, title, sc})
	}
	if !strong {
		return false
	}
	for _, t := range tables {
		for _, l := range t.Lead {
			if c.TitleField == nil && !blank(l.Text) && !attachmentLabel.MatchString(l.Text) {
				c.Title, c.TitleField = l.Text, &Field{Key: KeyTitle, Text: l.Text, Loc: l.Loc}
			}
		}
	}
	var blocks []kvBlock
	for _, kt := range kts {
		if c.TitleField == nil && kt.title != nil && !blank(kt.title.Text) && !attachmentLabel.MatchString(kt.title.Text) {
			c.Title, c.TitleField = kt.title.Text, &Field{Key: KeyTitle, Text: kt.title.Text, Loc: kt.title.Loc}
		}
		blocks = append(blocks, kt.blocks...)
	}
	buildKV(c, blocks, syn)
	return true
}

// buildKV turns items into entries: the labels, in the order they first
// appear, are the catalog's header; each item is an entry whose fields are
// its values in page order. An item without name or basis whose labels the
// item before does not have continues it (a page's table cut in two).
func buildKV(c *Catalog, blocks []kvBlock, syn *Synonyms) {
	c.Layout = LayoutKV
	var items []kvBlock
	for _, b := range blocks {
		if n := len(items); n > 0 && !blockHas(b, syn, KeyName, KeyBasis) && !labelsOverlap(items[n-1], b) {
			items[n-1].pairs = append(items[n-1].pairs, b.pairs...)
			continue
		}
		if !blockHasRole(b, syn) {
			continue // no label with a role: not an item
		}
		items = append(items, b)
	}
	// The header: one column per label.
	index := map[string]int{}
	var header []rawCell
	for _, b := range items {
		for _, p := range b.pairs {
			n := normalizeHeader(p.label.Text)
			if _, ok := index[n]; !ok {
				index[n] = len(header)
				header = append(header, p.label)
			}
		}
	}
	// For inferring roles by content: each item's first value of a label.
	rows := make([]rawRow, len(items))
	for i, b := range items {
		rows[i].Cells = make([]rawCell, len(header))
		for j := range rows[i].Cells {
			rows[i].Cells[j].Absent = true
		}
		for _, p := range b.pairs {
			ci := index[normalizeHeader(p.label.Text)]
			if rows[i].Cells[ci].Absent {
				rows[i].Cells[ci] = p.value
			}
		}
	}
	c.Header = mapHeader(header, rows, syn)
	for _, b := range items {
		e := Entry{Index: len(c.Entries) + 1}
		for _, p := range b.pairs {
			col := c.Header[index[normalizeHeader(p.label.Text)]]
			e.Fields = append(e.Fields, Field{Key: col.Key, Column: col.Name, Text: p.value.Text, Loc: p.value.Loc, Cut: p.value.Cut})
		}
		if f := e.Field(KeySeq); f != nil {
			e.Seq = strings.TrimFunc(f.Text, isSpaceLike)
		}
		c.Entries = append(c.Entries, e)
	}
}

func blockHas(b kvBlock, syn *Synonyms, keys ...Key) bool {
	for _, p := range b.pairs {
		if k, ok := syn.Lookup(p.label.Text); ok {
			for _, want := range keys {
				if k == want {
					return true
				}
			}
		}
	}
	return false
}

func blockHasRole(b kvBlock, syn *Synonyms) bool {
	for _, p := range b.pairs {
		if _, ok := syn.Lookup(p.label.Text); ok {
			return true
		}
	}
	return false
}

func labelsOverlap(a, b kvBlock) bool {
	seen := map[string]bool{}
	for _, p := range a.pairs {
		seen[normalizeHeader(p.label.Text)] = true
	}
	for _, p := range b.pairs {
		if seen[normalizeHeader(p.label.Text)] {
			return true
		}
	}
	return false
}

// inlineLabel is a label written before its value in one cell
// (事项名称：对…的处罚).
var inlineLabel = regexp.MustCompile(`^[ \x{3000}]*([^：:\t\n《]{1,24}?)[ \x{3000}]*[：:\t][ \x{3000}\t]*`)

// textKV reads an extracted text as key/value pairs, a label cell followed
// by its value cell (or a cell holding both, 事项名称：…), and reports
// whether the text is unmistakably so.
func textKV(c *Catalog, cells []textCell, loose []textCell, syn *Synonyms) bool {
	var bb blockBuilder
	var sc kvScore
	var title *textCell
	pairs := 0
	// The value's place: its line and column, and as in a two-column
	// table, row (the pair's number in its item) and column 2.
	cell := func(tc textCell, text string, skip int) rawCell {
		return rawCell{Text: text, Loc: Loc{File: c.Path, Col: 2, Line: tc.line, LineCol: tc.lineCol + skip}}
	}
	add := func(p kvPair) {
		bb.add(p)
		bb.cur.pairs[len(bb.cur.pairs)-1].value.Loc.Row = len(bb.cur.pairs)
	}
	for p := 0; p < len(cells); {
		if sc.clearlyNot() {
			return false
		}
		tc := cells[p]
		switch {
		case labelish(tc.text) && p+1 < len(cells) && !(exactHeader(cells[p+1].text, syn) && labelish(cells[p+1].text)):
			v := cells[p+1]
			sc.add(tc.text, v.text, syn)
			add(kvPair{label: rawCell{Text: tc.text, Loc: Loc{File: c.Path, Line: tc.line, LineCol: tc.lineCol}}, value: cell(v, v.text, 0)})
			pairs++
			p += 2
			continue
		}
		if m := inlineLabel.FindStringSubmatchIndex(tc.text); m != nil && labelish(tc.text[m[2]:m[3]]) && lookupOK(syn, tc.text[m[2]:m[3]]) {
			label := tc.text[m[2]:m[3]]
			sc.add(label, tc.text[m[1]:], syn)
			add(kvPair{label: rawCell{Text: label, Loc: Loc{File: c.Path, Line: tc.line, LineCol: tc.lineCol + utf8.RuneCountInString(tc.text[:m[2]])}},
				value: cell(tc, tc.text[m[1]:], utf8.RuneCountInString(tc.text[:m[1]]))})
			pairs++
			p++
			continue
		}
		// a heading or a title between items, or a cell of a table
		if !blank(tc.text) {
			if pairs == 0 && title == nil {
				title = &cells[p]
			} else {
				sc.stray++
			}
		}
		bb.end()
		p++
	}
	bb.end()
	// Extracted text has no rows to tell pairs from a header: the values
	// must not read like headers, and a run of headers at the top that
	// the tabular reader takes (序号, 权责事项, 设定依据 …) is a table.
	if !sc.strong() || sc.likeHeader*4 > sc.pairs || textTabular(cells, syn) {
		return false
	}
	// The last value of an extract cut mid-sentence is cut, not wrong.
	if n := len(bb.blocks); n > 0 {
		b := &bb.blocks[n-1]
		if last := &b.pairs[len(b.pairs)-1]; stopsMidSentence(last.value.Text) {
			last.value.Cut = true
		}
	}
	if title == nil {
		for i := range loose {
			if !blank(loose[i].text) {
				title = &loose[i]
				break
			}
		}
	}
	if title != nil {
		c.Title = title.text
		c.TitleField = &Field{Key: KeyTitle, Text: title.text, Loc: Loc{File: c.Path, Line: title.line, LineCol: title.lineCol}}
	}
	buildKV(c, bb.blocks, syn)
	return true
}

// textTabular reports an extracted text whose header (findTextHeader) is
// a run of three header cells or more, two of them known: a table's header
// row, not labels and values.
func textTabular(cells []textCell, syn *Synonyms) bool {
	h, width := findTextHeader(cells, syn)
	if h < 0 || width < 3 {
		return false
	}
	known := 0
	for _, tc := range cells[h : h+width] {
		if !syn.HeaderLike(tc.text) {
			return false
		}
		if lookupOK(syn, tc.text) {
			known++
		}
	}
	return known >= 2
}
