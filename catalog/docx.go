package catalog

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
)

// Limits for .docx (see zipparts.go for the archive's): elements never nest
// deeper than maxXMLDepth, the text kept never exceeds maxTextBytes, a cell
// spans at most maxSpan grid columns.
const (
	maxXMLDepth  = 256
	maxTextBytes = 64 << 20
	maxSpan      = 64
)

const (
	nsW  = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsMC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
)

// readDocx reads the tables of a Word document.
func readDocx(data []byte, name string, syn *Synonyms) (*Catalog, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, &InputError{Msg: "not a valid .docx (zip) file", Err: err}
	}
	member := docxMain(zr)
	if member == nil {
		return nil, inputErr(Loc{}, "not a Word document: the archive has no word/document.xml")
	}
	rc, err := openPart(member, maxMainPart)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	p := &docxParser{
		dec:   xml.NewDecoder(rc),
		src:   rc,
		name:  name,
		cells: newCellBudget(),
	}
	tables, err := p.body()
	if err != nil {
		return nil, err
	}
	if len(tables) == 0 {
		return nil, inputErr(Loc{}, "the document has no table; citelint reads catalogs laid out as tables (文档中没有表格)")
	}
	c := &Catalog{Path: name, Format: FormatDocx}
	if err := buildFromGrid(c, tables, syn); err != nil {
		return nil, err
	}
	return c, nil
}

// docxMain finds the main document part: the target of the package's
// officeDocument relationship, else word/document.xml.
func docxMain(zr *zip.Reader) *zip.File {
	byName := map[string]*zip.File{}
	for _, f := range zr.File {
		byName[f.Name] = f
	}
	if rels := byName["_rels/.rels"]; rels != nil && rels.UncompressedSize64 < 1<<20 {
		if rc, err := openPart(rels, 1<<20); err == nil {
			var doc struct {
				Rels []struct {
					Type   string `xml:"Type,attr"`
					Target string `xml:"Target,attr"`
				} `xml:"Relationship"`
			}
			err := xml.NewDecoder(rc).Decode(&doc)
			rc.Close()
			if err == nil {
				for _, r := range doc.Rels {
					if strings.HasSuffix(r.Type, "/officeDocument") {
						if f := byName[strings.TrimPrefix(path.Clean("/"+r.Target), "/")]; f != nil {
							return f
						}
					}
				}
			}
		}
	}
	return byName["word/document.xml"]
}

// docxParser walks document.xml as a stream of tokens.
type docxParser struct {
	dec       *xml.Decoder
	src       *partReader
	name      string
	depth     int
	textBytes int
	tables    int // top-level tables seen
	paras     int // body paragraphs seen
	cells     *cellBudget
	inTabs    bool // inside w:pPr/w:tabs, whose w:tab are tab stops
}

func (p *docxParser) token() (xml.Token, error) {
	tok, err := p.dec.Token()
	if err != nil {
		return nil, p.decodeError(err)
	}
	switch tok.(type) {
	case xml.StartElement:
		p.depth++
		if p.depth > maxXMLDepth {
			return nil, inputErr(Loc{}, "document.xml nests elements deeper than %d", maxXMLDepth)
		}
	case xml.EndElement:
		p.depth--
	}
	return tok, nil
}

// decodeError turns an error of the decoder into an input error: a limit
// of the part if it broke one, else a truncated or malformed document.
func (p *docxParser) decodeError(err error) error {
	if e := p.src.Err(); e != nil {
		return e
	}
	if err == io.EOF {
		return inputErr(Loc{}, "document.xml ends too early (truncated file?)")
	}
	var ie *InputError
	if errors.As(err, &ie) {
		return err
	}
	return &InputError{Msg: "document.xml is not well-formed XML", Err: err}
}

func (p *docxParser) addText(n int) error {
	p.textBytes += n
	if p.textBytes > maxTextBytes {
		return inputErr(Loc{}, "more than %d MB of text in the document", maxTextBytes>>20)
	}
	return nil
}

// skip consumes the rest of the element just started.
func (p *docxParser) skip() error {
	for level := 1; level > 0; {
		tok, err := p.token()
		if err != nil {
			return err
		}
		switch tok.(type) {
		case xml.StartElement:
			level++
		case xml.EndElement:
			level--
		}
	}
	return nil
}

func isW(e xml.Name, local string) bool { return e.Space == nsW && e.Local == local }

func attr(se xml.StartElement, local string) (string, bool) {
	for _, a := range se.Attr {
		if a.Name.Local == local && (a.Name.Space == nsW || a.Name.Space == "") {
			return a.Value, true
		}
	}
	return "", false
}

// body reads the document: the tables, and the paragraphs before the first
// one (the title is among them).
func (p *docxParser) body() ([]gridTable, error) {
	var tables []gridTable
	var lead []rawCell
	for {
		tok, err := p.dec.Token()
		if err == io.EOF {
			if len(tables) == 0 && p.depth != 0 {
				return nil, inputErr(Loc{}, "document.xml ends too early (truncated file?)")
			}
			return tables, nil
		}
		if err != nil {
			return nil, p.decodeError(err)
		}
		switch se := tok.(type) {
		case xml.StartElement:
			p.depth++
			if p.depth > maxXMLDepth {
				return nil, inputErr(Loc{}, "document.xml nests elements deeper than %d", maxXMLDepth)
			}
			switch {
			case isW(se.Name, "tbl"):
				p.tables++
				t, err := p.table(fmt.Sprintf("表%d", p.tables))
				if err != nil {
					return nil, err
				}
				if len(tables) == 0 {
					t.Lead = lead
				}
				tables = append(tables, t)
			case isW(se.Name, "p"):
				p.paras++
				text, err := p.paragraph()
				if err != nil {
					return nil, err
				}
				if len(tables) == 0 && len(lead) < 20 {
					lead = append(lead, rawCell{Text: text, Loc: Loc{File: p.name, Sheet: fmt.Sprintf("正文第%d段", p.paras)}})
				}
			case se.Name.Space == nsMC && se.Name.Local == "Fallback":
				if err := p.skip(); err != nil {
					return nil, err
				}
			}
		case xml.EndElement:
			p.depth--
		}
	}
}

// paragraph reads a w:p (its start already consumed) into text: runs, w:br
// and w:cr as "\n", w:tab as "\t"; deleted text and field codes are left out.
func (p *docxParser) paragraph() (string, error) {
	var b strings.Builder
	inT := false
	for level := 1; level > 0; {
		tok, err := p.token()
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			level++
			switch {
			case isW(t.Name, "t"):
				inT = true
			case isW(t.Name, "br"), isW(t.Name, "cr"):
				b.WriteByte('\n')
			case isW(t.Name, "tab"):
				if !p.inTabs {
					b.WriteByte('\t')
				}
			case isW(t.Name, "tabs"):
				p.inTabs = true
			case isW(t.Name, "noBreakHyphen"):
				b.WriteByte('-')
			case isW(t.Name, "delText"), isW(t.Name, "instrText"), isW(t.Name, "del"), isW(t.Name, "moveFrom"),
				t.Name.Space == nsMC && t.Name.Local == "Fallback":
				if err := p.skip(); err != nil {
					return "", err
				}
				level--
			}
		case xml.EndElement:
			level--
			if isW(t.Name, "t") {
				inT = false
			}
			if isW(t.Name, "tabs") {
				p.inTabs = false
			}
		case xml.CharData:
			if inT {
				if err := p.addText(len(t)); err != nil {
					return "", err
				}
				b.Write(t)
			}
		}
	}
	return b.String(), nil
}

// table reads a w:tbl (its start already consumed) onto a grid.
func (p *docxParser) table(name string) (gridTable, error) {
	t := gridTable{Name: name}
	// origins[col] is the cell that started a vertical merge in that column.
	origins := map[int]gridCell{}
	for level := 1; level > 0; {
		tok, err := p.token()
		if err != nil {
			return t, err
		}
		switch se := tok.(type) {
		case xml.StartElement:
			level++
			if isW(se.Name, "tr") {
				row, err := p.row(name, len(t.Rows)+1, origins)
				if err != nil {
					return t, err
				}
				level--
				if err := p.cells.take(len(row)); err != nil {
					return t, err
				}
				t.Rows = append(t.Rows, row)
			} else if isW(se.Name, "tblPr") || isW(se.Name, "tblGrid") {
				if err := p.skip(); err != nil {
					return t, err
				}
				level--
			}
		case xml.EndElement:
			level--
		}
	}
	return t, nil
}

// row reads a w:tr (its start already consumed).
func (p *docxParser) row(table string, rowNum int, origins map[int]gridCell) ([]gridCell, error) {
	var row []gridCell
	col := 0
	for level := 1; level > 0; {
		tok, err := p.token()
		if err != nil {
			return nil, err
		}
		switch se := tok.(type) {
		case xml.StartElement:
			level++
			switch {
			case isW(se.Name, "gridBefore"):
				if v, ok := attr(se, "val"); ok {
					n, _ := strconv.Atoi(v)
					for i := 0; i < n && col < maxGridCols; i++ {
						row = append(row, gridCell{Loc: Loc{File: p.name, Sheet: table, Row: rowNum, Col: col + 1}})
						col++
					}
				}
			case isW(se.Name, "tc"):
				cell, span, vmerge, err := p.cell()
				if err != nil {
					return nil, err
				}
				level--
				if col >= maxGridCols {
					continue
				}
				cell.Loc = Loc{File: p.name, Sheet: table, Row: rowNum, Col: col + 1}
				switch vmerge {
				case "restart":
					origins[col] = cell
				case "continue":
					if o, ok := origins[col]; ok {
						cell.Text, cell.Loc, cell.Merged = o.Text, o.Loc, true
					}
				default:
					delete(origins, col)
				}
				if span > 1 {
					cell.Span = span
				}
				row = append(row, cell)
				for i := 1; i < span && col+i < maxGridCols; i++ {
					row = append(row, gridCell{Text: cell.Text, Loc: cell.Loc, Covered: true, Merged: cell.Merged})
				}
				col += span
			}
		case xml.EndElement:
			level--
		}
	}
	return row, nil
}

// cell reads a w:tc (its start already consumed): its paragraphs joined with
// "\n" (a nested table's cells become paragraphs too), its gridSpan and its
// vMerge ("restart", "continue" or "").
func (p *docxParser) cell() (cell gridCell, span int, vmerge string, err error) {
	// The text is built as it comes: a slice of paragraphs would cost 16
	// bytes for each 6-byte <w:p/>.
	var b strings.Builder
	paras := 0
	addPara := func(text string) error {
		if paras++; paras > 1 {
			if err := p.addText(1); err != nil {
				return err
			}
			b.WriteByte('\n')
		}
		b.WriteString(text)
		return nil
	}
	span = 1
	for level := 1; level > 0; {
		tok, err := p.token()
		if err != nil {
			return cell, 0, "", err
		}
		switch se := tok.(type) {
		case xml.StartElement:
			level++
			switch {
			case isW(se.Name, "gridSpan"):
				if v, ok := attr(se, "val"); ok {
					if n, err := strconv.Atoi(v); err == nil && n > 1 {
						span = min(n, maxSpan)
					}
				}
			case isW(se.Name, "vMerge"):
				vmerge = "continue"
				if v, _ := attr(se, "val"); v == "restart" {
					vmerge = "restart"
				}
			case isW(se.Name, "p"):
				text, err := p.paragraph()
				if err != nil {
					return cell, 0, "", err
				}
				level--
				if err := addPara(text); err != nil {
					return cell, 0, "", err
				}
			case isW(se.Name, "tbl"):
				nested, err := p.table("")
				if err != nil {
					return cell, 0, "", err
				}
				level--
				for _, r := range nested.Rows {
					for _, c := range r {
						if !c.Covered && !c.Merged {
							// counted again: each level of nesting copies it
							if err := p.addText(len(c.Text)); err != nil {
								return cell, 0, "", err
							}
							if err := addPara(c.Text); err != nil {
								return cell, 0, "", err
							}
						}
					}
				}
			case se.Name.Space == nsMC && se.Name.Local == "Fallback":
				if err := p.skip(); err != nil {
					return cell, 0, "", err
				}
				level--
			}
		case xml.EndElement:
			level--
		}
	}
	cell.Text = b.String()
	return cell, span, vmerge, nil
}
