package annotate

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

const (
	nsW  = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsMC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
)

// Limits of the walk, as the reader's (catalog/docx.go): a document the
// reader accepted passes them.
const (
	maxXMLDepth = 256
	maxGridCols = 512
	maxSpan     = 64
)

// pieceKind says what a piece of a block's text comes from.
type pieceKind int

const (
	pText pieceKind = iota // the text of a w:t
	pSym                   // w:br, w:cr, w:tab or w:noBreakHyphen: one character
	pPara                  // the "\n" between two paragraphs of a cell
)

// piece is a stretch of a block's text and where it lies in document.xml.
type piece struct {
	kind       pieceKind
	start, end int // bytes into the block's text
	run        *runInfo
	t          *tInfo // pText
	// elemStart and elemEnd are the raw offsets of the element (pText,
	// pSym); for pPara, para is the index of the paragraph after it.
	elemStart, elemEnd int
	para               int
}

// runInfo is a w:r holding text.
type runInfo struct {
	start, end int    // raw offsets of the whole element
	startTag   []byte // its start tag as written
	rPr        []byte // its w:rPr as written, or nil
	qname      string // its name as written ("w:r")
	first      int    // index of its first piece in the block
	last       int    // index of its last piece
}

// tInfo is a w:t and its text.
type tInfo struct {
	start, end int // raw offsets of the whole element
	qname      string
	text       string
}

// paraInfo is a paragraph of a block.
type paraInfo struct {
	startTagEnd  int // raw offset just after the start tag
	contentStart int // after the start tag and w:pPr
	endTagStart  int // raw offset of the end tag; startTagEnd when self-closing
	selfClosing  bool
	qname        string
}

// block is a table cell or a body paragraph: a unit the reader turns into
// one field's text.
type block struct {
	text   strings.Builder
	pieces []piece
	paras  []*paraInfo
	// complex marks text the walk cannot split safely (text in a text box,
	// a w:t that is not a run's child): its anchors fall back to the whole
	// block.
	complex bool
}

// blockKey locates a block as catalog.Loc does: Sheet "表N" with Row and
// Col for table cells, "正文第N段" for body paragraphs.
type blockKey struct {
	sheet    string
	row, col int
}

// docWalk tokenizes document.xml and records each block's text and pieces.
type docWalk struct {
	raw    []byte
	dec    *xml.Decoder
	depth  int
	off    int // raw offset of the current token's start
	end    int // raw offset just after it
	tables int
	paras  int
	inTabs bool
	blocks map[blockKey]*block
	// maxID is the largest w:id in the document (comments share the
	// number space of annotations in Word's eyes).
	maxID int
	// prefix is the prefix bound to the WordprocessingML namespace on the
	// root element, "" when it is not bound there.
	prefix string
	first  *paraInfo // the body's first paragraph
}

func walkDocument(raw []byte) (*docWalk, error) {
	w := &docWalk{raw: raw, dec: xml.NewDecoder(bytes.NewReader(raw)), blocks: map[blockKey]*block{}, maxID: -1}
	if err := w.body(); err != nil {
		return nil, fmt.Errorf("document.xml: %w", err)
	}
	return w, nil
}

func isW(n xml.Name, local string) bool { return n.Space == nsW && n.Local == local }

func wAttr(se xml.StartElement, local string) (string, bool) {
	for _, a := range se.Attr {
		if a.Name.Local == local && (a.Name.Space == nsW || a.Name.Space == "") {
			return a.Value, true
		}
	}
	return "", false
}

func (w *docWalk) token() (xml.Token, error) {
	w.off = int(w.dec.InputOffset())
	tok, err := w.dec.Token()
	if err != nil {
		if err == io.EOF {
			return nil, err
		}
		return nil, fmt.Errorf("not well-formed XML: %w", err)
	}
	w.end = int(w.dec.InputOffset())
	switch t := tok.(type) {
	case xml.StartElement:
		w.depth++
		if w.depth > maxXMLDepth {
			return nil, fmt.Errorf("elements nest deeper than %d", maxXMLDepth)
		}
		for _, a := range t.Attr {
			if a.Name.Local == "id" && a.Name.Space == nsW {
				if n, err := strconv.Atoi(a.Value); err == nil && n > w.maxID {
					w.maxID = n
				}
			}
		}
		if w.depth == 1 {
			for _, a := range t.Attr {
				if a.Name.Space == "xmlns" && a.Value == nsW {
					w.prefix = a.Name.Local
				}
			}
		}
	case xml.EndElement:
		w.depth--
	}
	return tok, nil
}

// must is token for walks inside an element: the end of input is an error.
func (w *docWalk) must() (xml.Token, error) {
	tok, err := w.token()
	if err == io.EOF {
		return nil, errors.New("ends too early (truncated file?)")
	}
	return tok, err
}

// qname is the element name as written at the current start tag.
func (w *docWalk) qname() string {
	s := w.raw[w.off:w.end]
	if len(s) < 2 || s[0] != '<' {
		return ""
	}
	s = s[1:]
	i := bytes.IndexAny(s, " \t\r\n/>")
	if i < 0 {
		return ""
	}
	return string(s[:i])
}

func (w *docWalk) skip() error {
	for level := 1; level > 0; {
		tok, err := w.must()
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

// body mirrors docxParser.body: top-level tables, and body paragraphs
// counted as the reader counts them.
func (w *docWalk) body() error {
	for {
		tok, err := w.token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch {
		case isW(se.Name, "tbl"):
			w.tables++
			if err := w.table(fmt.Sprintf("表%d", w.tables), nil); err != nil {
				return err
			}
		case isW(se.Name, "p"):
			w.paras++
			b := &block{}
			w.blocks[blockKey{sheet: fmt.Sprintf("正文第%d段", w.paras)}] = b
			p, err := w.paragraph(b)
			if err != nil {
				return err
			}
			if w.first == nil {
				w.first = p
			}
		case se.Name.Space == nsMC && se.Name.Local == "Fallback":
			if err := w.skip(); err != nil {
				return err
			}
		}
	}
}

// table mirrors docxParser.table. into is the cell a nested table's
// paragraphs belong to (nil for a top-level table).
func (w *docWalk) table(name string, into *block) error {
	rows := 0
	for level := 1; level > 0; {
		tok, err := w.must()
		if err != nil {
			return err
		}
		switch se := tok.(type) {
		case xml.StartElement:
			level++
			switch {
			case isW(se.Name, "tr"):
				rows++
				if err := w.row(name, rows, into); err != nil {
					return err
				}
				level--
			case isW(se.Name, "tblPr"), isW(se.Name, "tblGrid"):
				if err := w.skip(); err != nil {
					return err
				}
				level--
			}
		case xml.EndElement:
			level--
		}
	}
	return nil
}

// row mirrors docxParser.row's column count (gridBefore, gridSpan).
func (w *docWalk) row(table string, rowNum int, into *block) error {
	col := 0
	for level := 1; level > 0; {
		tok, err := w.must()
		if err != nil {
			return err
		}
		switch se := tok.(type) {
		case xml.StartElement:
			level++
			switch {
			case isW(se.Name, "gridBefore"):
				if v, ok := wAttr(se, "val"); ok {
					n, _ := strconv.Atoi(v)
					for i := 0; i < n && col < maxGridCols; i++ {
						col++
					}
				}
			case isW(se.Name, "tc"):
				b := into
				if b == nil {
					b = &block{}
				}
				span, err := w.cell(b)
				if err != nil {
					return err
				}
				level--
				if col >= maxGridCols {
					continue
				}
				if into == nil {
					w.blocks[blockKey{table, rowNum, col + 1}] = b
				}
				col += span
			}
		case xml.EndElement:
			level--
		}
	}
	return nil
}

// cell mirrors docxParser.cell: paragraphs joined by "\n", nested tables'
// paragraphs among them.
func (w *docWalk) cell(b *block) (span int, err error) {
	span = 1
	for level := 1; level > 0; {
		tok, err := w.must()
		if err != nil {
			return 0, err
		}
		switch se := tok.(type) {
		case xml.StartElement:
			level++
			switch {
			case isW(se.Name, "gridSpan"):
				if v, ok := wAttr(se, "val"); ok {
					if n, err := strconv.Atoi(v); err == nil && n > 1 {
						span = min(n, maxSpan)
					}
				}
			case isW(se.Name, "p"):
				if _, err := w.paragraph(b); err != nil {
					return 0, err
				}
				level--
			case isW(se.Name, "tbl"):
				if err := w.table("", b); err != nil {
					return 0, err
				}
				level--
			case se.Name.Space == nsMC && se.Name.Local == "Fallback":
				if err := w.skip(); err != nil {
					return 0, err
				}
				level--
			}
		case xml.EndElement:
			level--
		}
	}
	return span, nil
}

// runParents are the elements a run may sit in for comment markers to go
// beside it.
var runParents = map[string]bool{
	"p": true, "hyperlink": true, "ins": true, "moveTo": true, "smartTag": true,
	"sdtContent": true, "fldSimple": true, "customXml": true, "dir": true, "bdo": true,
}

// paragraph mirrors docxParser.paragraph (its start tag just read) and
// records the pieces of text it adds to b.
func (w *docWalk) paragraph(b *block) (*paraInfo, error) {
	p := &paraInfo{startTagEnd: w.end, qname: w.qname()}
	p.contentStart = p.startTagEnd
	if len(b.paras) > 0 {
		b.pieces = append(b.pieces, piece{kind: pPara, start: b.text.Len(), end: b.text.Len() + 1, para: len(b.paras)})
		b.text.WriteByte('\n')
	}
	b.paras = append(b.paras, p)
	// stack holds the open elements below the paragraph.
	var stack []xml.Name
	var run *runInfo
	runDepth := 0 // len(stack) just after the run opened; 0 outside a run
	rPrStart := -1
	var t *tInfo
	var text strings.Builder
	parent := func() xml.Name {
		if len(stack) < 2 {
			return xml.Name{Space: nsW, Local: "p"}
		}
		return stack[len(stack)-2]
	}
	// addPiece records the element just closed (still on the stack).
	addPiece := func(kind pieceKind, s string, start, end int) {
		if run == nil || runDepth != len(stack)-1 {
			b.complex = true // only a run's own children can be split off
		}
		pc := piece{kind: kind, start: b.text.Len(), end: b.text.Len() + len(s), run: run, elemStart: start, elemEnd: end}
		b.text.WriteString(s)
		if run != nil {
			if run.first < 0 {
				run.first = len(b.pieces)
			}
			run.last = len(b.pieces)
		}
		b.pieces = append(b.pieces, pc)
	}
	symStart := -1
	for level := 1; level > 0; {
		tok, err := w.must()
		if err != nil {
			return nil, err
		}
		switch se := tok.(type) {
		case xml.StartElement:
			level++
			stack = append(stack, se.Name)
			switch {
			case isW(se.Name, "r"):
				if run == nil {
					run = &runInfo{start: w.off, startTag: bytes.Clone(w.raw[w.off:w.end]), qname: w.qname(), first: -1, last: -1}
					runDepth = len(stack)
					if par := parent(); par.Space != nsW || !runParents[par.Local] {
						b.complex = true
					}
				} else {
					b.complex = true // a run in a run: a text box
				}
			case isW(se.Name, "rPr") && run != nil && len(stack) == runDepth+1:
				rPrStart = w.off
			case isW(se.Name, "t"):
				t = &tInfo{start: w.off, qname: w.qname()}
				text.Reset()
			case isW(se.Name, "br"), isW(se.Name, "cr"), isW(se.Name, "noBreakHyphen"):
				symStart = w.off
			case isW(se.Name, "tab"):
				if !w.inTabs {
					symStart = w.off
				}
			case isW(se.Name, "tabs"):
				w.inTabs = true
			case isW(se.Name, "p"):
				b.complex = true // a paragraph in a paragraph: a text box
			case isW(se.Name, "delText"), isW(se.Name, "instrText"), isW(se.Name, "del"), isW(se.Name, "moveFrom"),
				se.Name.Space == nsMC && se.Name.Local == "Fallback":
				if err := w.skip(); err != nil {
					return nil, err
				}
				level--
				stack = stack[:len(stack)-1]
			}
		case xml.EndElement:
			level--
			if level == 0 {
				p.endTagStart = w.off
				if w.off == w.end { // <w:p/>
					p.selfClosing = true
					p.endTagStart = p.startTagEnd
				}
				break
			}
			switch {
			case isW(se.Name, "pPr") && len(stack) == 1:
				p.contentStart = w.end
			case isW(se.Name, "rPr") && rPrStart >= 0 && len(stack) == runDepth+1:
				run.rPr = bytes.Clone(w.raw[rPrStart:w.end])
				rPrStart = -1
			case isW(se.Name, "t") && t != nil:
				t.end = w.end
				t.text = text.String()
				if t.text != "" {
					addPiece(pText, t.text, t.start, t.end)
					b.pieces[len(b.pieces)-1].t = t
				}
				t = nil
			case isW(se.Name, "br"), isW(se.Name, "cr"):
				addPiece(pSym, "\n", symStart, w.end)
			case isW(se.Name, "noBreakHyphen"):
				addPiece(pSym, "-", symStart, w.end)
			case isW(se.Name, "tab"):
				if !w.inTabs {
					addPiece(pSym, "\t", symStart, w.end)
				}
			case isW(se.Name, "tabs"):
				w.inTabs = false
			case isW(se.Name, "r") && run != nil && len(stack) == runDepth:
				run.end = w.end
				run = nil
				runDepth = 0
			}
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if t != nil {
				text.Write(se)
			}
		}
	}
	return p, nil
}
