package catalog

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf16"

	"github.com/richardlehane/mscfb"
	"golang.org/x/text/encoding/charmap"
)

// Word 97-2003 binary documents (.doc, and the .wps files WPS saves in the
// same format), read after [MS-DOC]:
//
//   - the Compound File (OLE) container is opened with mscfb; the document
//     is its WordDocument stream, and the 0Table or 1Table stream the FIB's
//     fWhichTblStm names;
//   - the FIB gives ccpText (the length of the main text) and the places of
//     the CLX (piece table) and of PlcBtePapx (paragraph properties);
//   - the piece table maps character positions (CP) to the bytes holding
//     them: CP1252 when a piece is compressed, UTF-16LE otherwise;
//   - tables live in the text: a cell ends with 0x07, and a row with one
//     more 0x07 whose paragraph has the fTtp property. The second 0x07
//     alone cannot be trusted (an empty last cell is "…\x07\x07" too), so
//     every paragraph mark is looked up in the PAPX FKPs for sprmPFInTable,
//     sprmPFTtp, sprmPItap (nested tables) and, on the row's end, the
//     sprmTDefTable that gives the cells' boundaries (horizontal spans) and
//     their vertical merges. The PAPX of a row's end is often too large for
//     its page (LibreOffice writes one for every row of the fixtures): it is
//     then a sprmPHugePapx pointing into the Data stream;
//   - fields keep their result and lose their instructions (0x13 begin,
//     0x14 separator, 0x15 end); pictures and objects (0x01, 0x08) go;
//     0x0B is a line break, as is 0x0C inside a cell;
//   - tracked deletions (sprmCFRMarkDel in the CHPX FKPs of PlcBteChpx, or
//     in a piece's Prm) are left out, as the .docx reader leaves out w:del.
//
// Encrypted or obfuscated files and Word 6.0/95 or older are refused with
// the way to convert them. Paragraph properties are read as written on the
// paragraph (PAPX and Prm), not from its style: Word, WPS and LibreOffice
// write the table marks directly.
//
// Everything read from the file is bounded by the stream it lies in, and
// the text by maxDocChars: a damaged or hostile file is an input error.

// Limits for .doc files.
const (
	maxDocChars  = 16 << 20 // characters of main text
	maxDocPieces = 1 << 18  // pieces in the piece table
	maxDocFields = 1 << 10  // nesting of fields
	fkpSize      = 512
)

// FIB flags (FibBase, offset 0x0A).
const (
	fibEncrypted   = 0x0100
	fibWhichTblStm = 0x0200
	fibObfuscated  = 0x8000
)

// Sprms the reader needs.
const (
	sprmPFInTable        = 0x2416
	sprmPFTtp            = 0x2417
	sprmPFInnerTableCell = 0x244B
	sprmPFInnerTtp       = 0x244C
	sprmPItap            = 0x6649
	sprmPDtap            = 0x664A
	sprmPHugePapx        = 0x6646
	sprmCFRMarkDel       = 0x0800
	sprmPChgTabs         = 0xC615
	sprmTDefTable        = 0xD608
	sprmTVertMerge       = 0xD62B
)

// Special characters of the text stream.
const (
	chCellMark   = 0x07
	chParaEnd    = 0x0D
	chLineBreak  = 0x0B
	chPageBreak  = 0x0C
	chFieldBegin = 0x13
	chFieldSep   = 0x14
	chFieldEnd   = 0x15
)

// docHint is how to turn a .doc citelint cannot read into one it can.
const docHint = "open it in Word or WPS and 另存为 .docx, or run: soffice --headless --convert-to docx FILE"

func docErr(format string, args ...any) *InputError {
	return inputErr(Loc{}, "%s; %s", fmt.Sprintf(format, args...), docHint)
}

// oleFormat is the format of a file in an OLE compound container: Word
// documents are read; spreadsheets and presentations are refused.
func oleFormat(ext string) (string, error) {
	switch ext {
	case ".et", ".xls", ".dps", ".ppt":
		return "", legacyError(ext)
	}
	return FormatDoc, nil
}

// legacyNotOLE explains a .doc or .wps file that is not a compound file:
// often a web page or RTF saved under that name.
func legacyNotOLE(data []byte, ext string) error {
	if ext == ".doc" || ext == ".wps" {
		head := bytes.ToLower(bytes.TrimLeft(data[:min(len(data), 2048)], " \t\r\n\ufeff"))
		switch {
		case bytes.Contains(head, []byte("<html")) || bytes.Contains(head, []byte("<!doctype html")) ||
			bytes.Contains(head, []byte("mime-version:")):
			return inputErr(Loc{}, "this %s file is a web page (HTML or MHT) saved under a Word name; %s", ext, docHint)
		case bytes.Contains(head, []byte("<?xml")):
			return inputErr(Loc{}, "this %s file is Word XML, not a Word 97-2003 document; %s", ext, docHint)
		}
	}
	return legacyError(ext)
}

// readWordDoc reads the tables of a Word 97-2003 document.
func readWordDoc(data []byte, name string, syn *Synonyms) (c *Catalog, err error) {
	// mscfb reads hostile input too: a panic in it is a broken file.
	defer func() {
		if r := recover(); r != nil {
			c, err = nil, docErr("damaged compound (OLE) file (%v)", r)
		}
	}()
	streams, err := oleStreams(data)
	if err != nil {
		return nil, err
	}
	return readWordStreams(streams, name, syn)
}

// readWordStreams reads a Word document from the streams of its container.
func readWordStreams(streams map[string][]byte, name string, syn *Synonyms) (*Catalog, error) {
	d, err := openWordDoc(streams, name)
	if err != nil {
		return nil, err
	}
	tables, err := d.tables()
	if err != nil {
		return nil, err
	}
	if len(tables) == 0 {
		return nil, inputErr(Loc{}, "the document has no table; citelint reads catalogs laid out as tables (文档中没有表格)")
	}
	c := &Catalog{Path: name, Format: FormatDoc}
	if err := buildFromGrid(c, tables, syn); err != nil {
		return nil, err
	}
	return c, nil
}

// wordDoc is a Word document's main text with what is needed to find each
// paragraph's properties.
type wordDoc struct {
	name string
	wd   []byte             // the WordDocument stream
	data []byte             // the Data stream (PAPX too large for their page)
	huge map[uint32]overlay // huge PAPX read, by offset in data
	prms map[int]overlay    // what each of prcs a piece uses sets, read once
	// deleted marks, one bit per CP, the characters of tracked deletions
	// (nil when there are none).
	deleted []uint64
	text    []uint16    // the main text, one UTF-16 code unit per CP
	pieces  []wordPiece // ordered by CP
	prcs    [][]byte    // the grpprls a Prm1 points to
	runs    []papxRun   // ordered by fcStart
	// props holds the distinct paragraph properties runs point to (most
	// paragraphs of a catalog share a few), byPapx finds them by PAPX.
	props  []paraProps
	byPapx map[string]int32
}

// wordPiece is one piece of the piece table: CPs [cpStart, cpEnd) are at
// byte fc of the WordDocument stream, one byte (compressed) or two per CP.
type wordPiece struct {
	cpStart, cpEnd uint32
	fc             uint32
	compressed     bool
	prm            uint16
}

// papxRun gives the paragraph properties of the paragraphs whose marks lie
// in [fcStart, fcEnd) of the WordDocument stream.
type papxRun struct {
	fcStart, fcEnd uint32
	props          int32 // index in wordDoc.props; -1: none
}

// paraProps are the paragraph properties the reader uses.
type paraProps struct {
	inTable, ttp        bool
	innerCell, innerTtp bool
	itap                int32
	hasItap             bool
	bounds              []int16      // cell boundaries (sprmTDefTable), len = cells+1
	cellFlags           []uint16     // TC80 flags of each cell
	vertMerges          map[int]byte // sprmTVertMerge: cell → vertMerge value
}

// openWordDoc checks the FIB and reads the text and paragraph properties.
func openWordDoc(streams map[string][]byte, name string) (*wordDoc, error) {
	wd, ok := streams["WordDocument"]
	if !ok {
		return nil, notWordDoc(streams, strings.ToLower(filepath.Ext(name)))
	}
	if len(wd) < 0x1A2+8 {
		return nil, docErr("damaged Word document: the WordDocument stream is %d bytes, too short for its header (FIB)", len(wd))
	}
	if ident := le16(wd, 0); ident != 0xA5EC {
		return nil, docErr("not a Word 97-2003 document (FIB signature %#04x)", ident)
	}
	nFib := le16(wd, 2)
	if nFib < 0xC0 {
		return nil, docErr("Word 6.0/95 or older document (nFib %#x): citelint reads Word 97-2003 .doc files", nFib)
	}
	// Fast-saved (fComplex) files need nothing special: the text is read
	// through the piece table, as in any other.
	flags := le16(wd, 0x0A)
	if flags&(fibEncrypted|fibObfuscated) != 0 {
		return nil, docErr("password-protected (encrypted) Word document: remove the password first (文档已加密)")
	}
	csw := int(le16(wd, 32))
	pos := 34 + 2*csw
	if pos+2 > len(wd) {
		return nil, docErr("damaged Word document: FIB truncated")
	}
	cslw := int(le16(wd, pos))
	lw := pos + 2
	if cslw < 4 || lw+4*cslw+2 > len(wd) {
		return nil, docErr("damaged Word document: FIB truncated")
	}
	ccpText := le32(wd, lw+3*4)
	pos = lw + 4*cslw
	cbRgFcLcb := int(le16(wd, pos))
	fcLcb := pos + 2
	if cbRgFcLcb < 34 || fcLcb+8*34 > len(wd) {
		return nil, docErr("damaged Word document: FIB truncated")
	}
	pair := func(i int) (uint32, uint32) { return le32(wd, fcLcb+8*i), le32(wd, fcLcb+8*i+4) }
	fcChpx, lcbChpx := pair(12)
	fcPapx, lcbPapx := pair(13)
	fcClx, lcbClx := pair(33)

	tblName := "0Table"
	if flags&fibWhichTblStm != 0 {
		tblName = "1Table"
	}
	tbl, ok := streams[tblName]
	if !ok {
		return nil, docErr("damaged Word document: no %s stream", tblName)
	}
	if ccpText > maxDocChars {
		return nil, docErr("the document's text is longer than %d characters", maxDocChars)
	}
	d := &wordDoc{name: name, wd: wd, data: streams["Data"]}
	clx, err := slice(tbl, fcClx, lcbClx, tblName, "piece table (CLX)")
	if err != nil {
		return nil, err
	}
	if err := d.readPieces(clx); err != nil {
		return nil, err
	}
	if err := d.readText(ccpText); err != nil {
		return nil, err
	}
	plc, err := slice(tbl, fcPapx, lcbPapx, tblName, "paragraph properties (PlcBtePapx)")
	if err != nil {
		return nil, err
	}
	if err := d.readPapx(plc); err != nil {
		return nil, err
	}
	if plc, err = slice(tbl, fcChpx, lcbChpx, tblName, "character properties (PlcBteChpx)"); err != nil {
		return nil, err
	}
	if err := d.readDeletions(plc); err != nil {
		return nil, err
	}
	return d, nil
}

// oleStreams returns the streams of a Word document at the root of the
// compound file, and empty ones for the streams that tell other kinds of
// files.
func oleStreams(data []byte) (map[string][]byte, error) {
	r, err := mscfb.New(bytes.NewReader(data))
	if err != nil {
		return nil, docErr("damaged compound (OLE) file: %v", err)
	}
	streams := map[string][]byte{}
	total := int64(0)
	for f, err := r.Next(); err == nil; f, err = r.Next() {
		if len(f.Path) != 0 || f.Size <= 0 {
			continue
		}
		if _, dup := streams[f.Name]; dup {
			continue
		}
		switch f.Name {
		case "WordDocument", "0Table", "1Table", "Data":
		case "Workbook", "Book", "EncryptedPackage", "PowerPoint Document":
			streams[f.Name] = []byte{} // what the file is, for the message
			continue
		default:
			continue
		}
		// A stream cannot be larger than the file holding it.
		total += f.Size
		if total > int64(len(data)) {
			return nil, docErr("damaged compound (OLE) file: stream %s claims %d bytes in a %d-byte file", f.Name, f.Size, len(data))
		}
		buf := make([]byte, f.Size)
		if _, err := io.ReadFull(f, buf); err != nil {
			return nil, docErr("damaged compound (OLE) file: stream %s: %v", f.Name, err)
		}
		streams[f.Name] = buf
	}
	return streams, nil
}

// notWordDoc explains a compound file without a WordDocument stream.
func notWordDoc(streams map[string][]byte, ext string) error {
	switch {
	case streams["EncryptedPackage"] != nil:
		return docErr("password-protected (encrypted) Office document: remove the password first (文档已加密)")
	case streams["Workbook"] != nil || streams["Book"] != nil:
		return legacyError(".xls")
	case streams["PowerPoint Document"] != nil:
		return inputErr(Loc{}, "a PowerPoint presentation, not a catalog: export its tables to .docx or .xlsx")
	}
	if ext == ".wps" {
		return legacyError(ext) // a WPS Writer file of its own older format
	}
	return inputErr(Loc{}, "compound (OLE) file without a Word document in it; %s", docHint)
}

func le16(b []byte, i int) uint16 { return binary.LittleEndian.Uint16(b[i:]) }
func le32(b []byte, i int) uint32 { return binary.LittleEndian.Uint32(b[i:]) }

// slice returns b[off:off+n], or an error naming the structure when it
// does not lie inside the stream.
func slice(b []byte, off, n uint32, stream, what string) ([]byte, error) {
	if n == 0 {
		return nil, docErr("damaged Word document: no %s", what)
	}
	end := uint64(off) + uint64(n)
	if end > uint64(len(b)) {
		return nil, docErr("damaged Word document: the %s (offset %d, %d bytes) lies outside the %d-byte %s stream", what, off, n, len(b), stream)
	}
	return b[off:end], nil
}

// readPieces reads the CLX: Prc structures (grpprls for Prm1) and the Pcdt.
func (d *wordDoc) readPieces(clx []byte) error {
	bad := func(format string, args ...any) error {
		return docErr("damaged Word document: piece table: "+format, args...)
	}
	pos := 0
	for {
		if pos >= len(clx) {
			return bad("no Pcdt")
		}
		switch clx[pos] {
		case 0x01:
			if pos+3 > len(clx) {
				return bad("truncated Prc at %d", pos)
			}
			cb := int(int16(le16(clx, pos+1)))
			if cb < 0 || pos+3+cb > len(clx) {
				return bad("Prc at %d of %d bytes runs past the end", pos, cb)
			}
			if len(d.prcs) >= maxDocPieces {
				return bad("more than %d property sets (Prc)", maxDocPieces)
			}
			d.prcs = append(d.prcs, clx[pos+3:pos+3+cb])
			pos += 3 + cb
			continue
		case 0x02:
		default:
			return bad("unknown entry %#02x at %d", clx[pos], pos)
		}
		if pos+5 > len(clx) {
			return bad("truncated Pcdt")
		}
		lcb := uint64(le32(clx, pos+1))
		if lcb > uint64(len(clx)-pos-5) || lcb < 16 || (lcb-4)%12 != 0 {
			return bad("PlcPcd of %d bytes", lcb)
		}
		plc := clx[pos+5 : pos+5+int(lcb)]
		n := int((lcb - 4) / 12)
		if n > maxDocPieces {
			return bad("%d pieces (at most %d)", n, maxDocPieces)
		}
		d.pieces = make([]wordPiece, n)
		for i := range d.pieces {
			cpS, cpE := le32(plc, 4*i), le32(plc, 4*i+4)
			if cpE <= cpS || (i == 0 && cpS != 0) || (i > 0 && cpS != d.pieces[i-1].cpEnd) {
				return bad("piece %d covers characters %d to %d", i+1, cpS, cpE)
			}
			pcd := plc[4*(n+1)+8*i:]
			fc := le32(pcd, 2)
			p := wordPiece{cpStart: cpS, cpEnd: cpE, prm: le16(pcd, 6), compressed: fc&0x40000000 != 0}
			p.fc = fc & 0x3FFFFFFF
			size := uint64(cpE-cpS) * 2
			if p.compressed {
				p.fc /= 2
				size /= 2
			}
			if uint64(p.fc)+size > uint64(len(d.wd)) {
				return bad("piece %d (%d characters at byte %d) lies outside the %d-byte WordDocument stream", i+1, cpE-cpS, p.fc, len(d.wd))
			}
			d.pieces[i] = p
		}
		return nil
	}
}

// readText reads CPs [0, ccp) of the text through the piece table.
func (d *wordDoc) readText(ccp uint32) error {
	if n := len(d.pieces); n == 0 || d.pieces[n-1].cpEnd < ccp {
		return docErr("damaged Word document: the piece table does not cover the %d characters of the text", ccp)
	}
	d.text = make([]uint16, 0, ccp)
	for _, p := range d.pieces {
		if p.cpStart >= ccp {
			break
		}
		n := min(p.cpEnd, ccp) - p.cpStart
		if p.compressed {
			for _, b := range d.wd[p.fc : p.fc+n] {
				d.text = append(d.text, uint16(cp1252(b)))
			}
			continue
		}
		for i := uint32(0); i < n; i++ {
			d.text = append(d.text, le16(d.wd, int(p.fc+2*i)))
		}
	}
	return nil
}

// cp1252 decodes one byte of a compressed piece ([MS-DOC] 2.4.1 maps them
// as Windows-1252 does).
func cp1252(b byte) rune {
	if b < 0x80 {
		return rune(b)
	}
	return charmap.Windows1252.DecodeByte(b)
}

// readDeletions finds the text of tracked deletions (sprmCFRMarkDel in the
// character properties or in a piece's Prm): it is left out, as the .docx
// reader leaves out w:del, so the catalog reads as with all changes
// accepted. Insertions are kept.
func (d *wordDoc) readDeletions(plc []byte) error {
	type fcRange struct{ start, end uint32 }
	var del []fcRange
	err := d.fkpPages(plc, "PlcBteChpx", "character", func(pn uint32, page []byte) error {
		crun := int(page[fkpSize-1])
		if crun == 0 || 4*(crun+1)+crun > fkpSize-1 {
			return docErr("damaged Word document: character properties page %d: %d runs", pn, crun)
		}
		for j := range crun {
			b := int(page[4*(crun+1)+j]) * 2
			if b == 0 || b >= fkpSize-1 {
				continue
			}
			cb := int(page[b])
			if b+1+cb > fkpSize-1 {
				return docErr("damaged Word document: character properties page %d: CHPX of %d bytes at %d", pn, cb, b)
			}
			if deletes(page[b+1 : b+1+cb]) {
				del = append(del, fcRange{le32(page, 4*j), le32(page, 4*j+4)})
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	pieceDel := func(p *wordPiece) bool {
		switch {
		case p.prm == 0:
			return false
		case p.prm&1 != 0:
			k := int(p.prm >> 1)
			return k < len(d.prcs) && deletes(d.prcs[k])
		}
		// Prm0: isprm 0x41 is sprmCFRMarkDel.
		isprm, val := (p.prm>>1)&0x7F, p.prm>>8
		return isprm == 0x41 && (val == 1 || val == 0x81)
	}
	any := len(del) > 0
	for i := range d.pieces {
		any = any || pieceDel(&d.pieces[i])
	}
	if !any {
		return nil
	}
	// Sorted and merged into disjoint ranges (a damaged file may have them
	// overlap), one search finds a character's.
	sort.Slice(del, func(i, j int) bool { return del[i].start < del[j].start })
	merged := del[:0]
	for _, r := range del {
		if k := len(merged) - 1; k >= 0 && r.start <= merged[k].end {
			merged[k].end = max(merged[k].end, r.end)
			continue
		}
		merged = append(merged, r)
	}
	d.deleted = make([]uint64, (len(d.text)+63)/64)
	for cp := range d.text {
		fc, p := d.fcOf(uint32(cp))
		gone := p != nil && pieceDel(p)
		if k := sort.Search(len(merged), func(k int) bool { return merged[k].end > fc }); k < len(merged) && merged[k].start <= fc {
			gone = true
		}
		if gone {
			d.deleted[cp/64] |= 1 << (cp % 64)
		}
	}
	return nil
}

// deletes reports a grpprl that marks text deleted (sprmCFRMarkDel on, or
// the opposite of a style's value, which is off).
func deletes(g []byte) bool {
	on := false
	for i := 0; i+2 <= len(g); {
		sprm := le16(g, i)
		n := sprmSize(sprm, g, i+2)
		if n < 0 {
			break
		}
		if sprm == sprmCFRMarkDel {
			on = g[i+2] == 1 || g[i+2] == 0x81
		}
		i += 2 + n
	}
	return on
}

func (d *wordDoc) isDeleted(cp int) bool {
	return d.deleted != nil && d.deleted[cp/64]&(1<<(cp%64)) != 0
}

// fkpPages calls fn once for each distinct FKP page a PlcBte (plcName:
// PlcBteChpx or PlcBtePapx) points to, in order; kind names the
// properties in errors.
func (d *wordDoc) fkpPages(plc []byte, plcName, kind string, fn func(pn uint32, page []byte) error) error {
	if len(plc) < 12 || (len(plc)-4)%8 != 0 {
		return docErr("damaged Word document: %s of %d bytes", plcName, len(plc))
	}
	n := (len(plc) - 4) / 8
	seen := map[uint32]bool{}
	for i := range n {
		pn := le32(plc, 4*(n+1)+4*i) & 0x3FFFFF
		if seen[pn] {
			continue
		}
		seen[pn] = true
		off := uint64(pn) * fkpSize
		if off+fkpSize > uint64(len(d.wd)) {
			return docErr("damaged Word document: %s properties page %d lies outside the WordDocument stream", kind, pn)
		}
		if err := fn(pn, d.wd[off:off+fkpSize]); err != nil {
			return err
		}
	}
	return nil
}

// readPapx reads the PAPX FKPs PlcBtePapx points to into runs sorted by FC.
func (d *wordDoc) readPapx(plc []byte) error {
	err := d.fkpPages(plc, "PlcBtePapx", "paragraph", func(pn uint32, page []byte) error {
		if err := d.readFkp(page); err != nil {
			return docErr("damaged Word document: paragraph properties page %d: %v", pn, err)
		}
		return nil
	})
	if err != nil {
		return err
	}
	sort.SliceStable(d.runs, func(i, j int) bool { return d.runs[i].fcStart < d.runs[j].fcStart })
	return nil
}

// readFkp reads one PapxFkp page.
func (d *wordDoc) readFkp(page []byte) error {
	crun := int(page[fkpSize-1])
	bx := 4 * (crun + 1)
	if crun == 0 || bx+13*crun > fkpSize-1 {
		return fmt.Errorf("%d runs", crun)
	}
	for i := range crun {
		run := papxRun{fcStart: le32(page, 4*i), fcEnd: le32(page, 4*i+4), props: -1}
		if run.fcEnd <= run.fcStart {
			continue
		}
		if b := int(page[bx+13*i]) * 2; b != 0 {
			if b >= fkpSize-1 {
				return fmt.Errorf("PAPX offset %d", b)
			}
			start, size := b+1, 2*int(page[b])-1
			if page[b] == 0 {
				start, size = b+2, 2*int(page[b+1])
			}
			if size < 2 || start+size > fkpSize-1 {
				return fmt.Errorf("PAPX of %d bytes at %d", size, b)
			}
			// The first two bytes are the style (istd); the sprms follow.
			papx := page[start+2 : start+size]
			k, ok := d.byPapx[string(papx)]
			if !ok {
				if d.byPapx == nil {
					d.byPapx = map[string]int32{}
				}
				k = int32(len(d.props))
				d.props = append(d.props, d.parseSprms(papx, true).p)
				d.byPapx[string(papx)] = k
			}
			run.props = k
		}
		d.runs = append(d.runs, run)
	}
	return nil
}

// sprmSize returns the size of the operand of the sprm at g[i:] (i points
// at the operand), or -1 when it runs past g.
func sprmSize(sprm uint16, g []byte, i int) int {
	var n int
	switch sprm >> 13 {
	case 0, 1:
		n = 1
	case 2, 4, 5:
		n = 2
	case 3:
		n = 4
	case 7:
		n = 3
	case 6:
		if i >= len(g) {
			return -1
		}
		switch sprm {
		case sprmTDefTable:
			if i+2 > len(g) {
				return -1
			}
			n = 2 + int(le16(g, i)) - 1
		case sprmPChgTabs:
			if g[i] != 255 {
				n = 1 + int(g[i])
				break
			}
			// cDel, rgdxaDel and rgdxaClose, cAdd, rgdxaAdd and rgtbdAdd.
			j := i + 1
			if j >= len(g) {
				return -1
			}
			j += 1 + 4*int(g[j])
			if j >= len(g) {
				return -1
			}
			j += 1 + 3*int(g[j])
			n = j - i
		default:
			n = 1 + int(g[i])
		}
	}
	if n < 0 || i+n > len(g) {
		return -1
	}
	return n
}

// Which properties a grpprl sets (an overlay applies only those).
const (
	setInTable = 1 << iota
	setTtp
	setInnerCell
	setInnerTtp
	setItap // sprmPItap: itap is absolute
	setDtap // sprmPDtap only: itap is a change
	setTDef
	setVertMerge
)

// overlay is what a grpprl sets: the properties and which of them.
type overlay struct {
	p   paraProps
	set uint16
}

// apply sets on p what o sets. Maps are copied, never shared.
func (o *overlay) apply(p *paraProps) {
	if o.set&setInTable != 0 {
		p.inTable = o.p.inTable
	}
	if o.set&setTtp != 0 {
		p.ttp = o.p.ttp
	}
	if o.set&setInnerCell != 0 {
		p.innerCell = o.p.innerCell
	}
	if o.set&setInnerTtp != 0 {
		p.innerTtp = o.p.innerTtp
	}
	switch {
	case o.set&setItap != 0:
		p.itap, p.hasItap = o.p.itap, true
	case o.set&setDtap != 0:
		p.itap, p.hasItap = p.itap+o.p.itap, true
	}
	if o.set&setTDef != 0 {
		p.bounds, p.cellFlags = o.p.bounds, o.p.cellFlags
	}
	if o.set&setVertMerge != 0 {
		m := make(map[int]byte, len(p.vertMerges)+len(o.p.vertMerges))
		for k, v := range p.vertMerges {
			m[k] = v
		}
		for k, v := range o.p.vertMerges {
			m[k] = v
		}
		p.vertMerges = m
	}
}

// parseSprms reads the paragraph and table sprms the reader uses; the rest
// are skipped. A grpprl cut short ends where it is cut.
func (d *wordDoc) parseSprms(g []byte, huge bool) overlay {
	var o overlay
	p := &o.p
	for i := 0; i+2 <= len(g); {
		sprm := le16(g, i)
		n := sprmSize(sprm, g, i+2)
		if n < 0 {
			break
		}
		op := g[i+2 : i+2+n]
		i += 2 + n
		switch sprm {
		case sprmPFInTable:
			p.inTable = op[0] != 0
			o.set |= setInTable
		case sprmPFTtp:
			p.ttp = op[0] != 0
			o.set |= setTtp
		case sprmPFInnerTableCell:
			p.innerCell = op[0] != 0
			o.set |= setInnerCell
		case sprmPFInnerTtp:
			p.innerTtp = op[0] != 0
			o.set |= setInnerTtp
		case sprmPItap:
			p.itap, p.hasItap = int32(le32(op, 0)), true
			o.set = o.set&^setDtap | setItap
		case sprmPDtap:
			p.itap += int32(le32(op, 0))
			p.hasItap = true
			if o.set&setItap == 0 {
				o.set |= setDtap
			}
		case sprmTDefTable:
			p.bounds, p.cellFlags = parseTDefTable(op[2:])
			o.set |= setTDef
		case sprmTVertMerge:
			if len(op) >= 3 {
				if p.vertMerges == nil {
					p.vertMerges = map[int]byte{}
				}
				p.vertMerges[int(op[1])] = op[2]
				o.set |= setVertMerge
			}
		case sprmPHugePapx:
			// The properties are in the Data stream: a PrcData (cbGrpprl,
			// grpprl) at the operand's offset. A huge PAPX is not followed
			// from another, and each is read once.
			if !huge {
				continue
			}
			off := le32(op, 0)
			h, ok := d.huge[off]
			if !ok {
				if uint64(off)+2 <= uint64(len(d.data)) {
					if end := uint64(off) + 2 + uint64(le16(d.data, int(off))); end <= uint64(len(d.data)) {
						h = d.parseSprms(d.data[off+2:end], false)
					}
				}
				if d.huge == nil {
					d.huge = map[uint32]overlay{}
				}
				d.huge[off] = h
			}
			h.apply(p)
			o.set |= h.set
		}
	}
	return o
}

// parseTDefTable reads a TDefTableOperand (after its cb): the cell
// boundaries and each cell's TC80 flags (tcgrf).
func parseTDefTable(op []byte) (bounds []int16, flags []uint16) {
	if len(op) < 1 {
		return nil, nil
	}
	n := int(op[0])
	if n == 0 || len(op) < 1+2*(n+1) {
		return nil, nil
	}
	bounds = make([]int16, n+1)
	for i := range bounds {
		bounds[i] = int16(le16(op, 1+2*i))
	}
	flags = make([]uint16, n)
	tcs := op[1+2*(n+1):]
	for i := range flags {
		if 20*i+2 <= len(tcs) {
			flags[i] = le16(tcs, 20*i)
		}
	}
	return bounds, flags
}

// fcOf returns the byte offset in the WordDocument stream of the character
// at cp, and its piece.
func (d *wordDoc) fcOf(cp uint32) (uint32, *wordPiece) {
	i := sort.Search(len(d.pieces), func(i int) bool { return d.pieces[i].cpEnd > cp })
	if i == len(d.pieces) {
		return 0, nil
	}
	p := &d.pieces[i]
	if p.compressed {
		return p.fc + (cp - p.cpStart), p
	}
	return p.fc + 2*(cp-p.cpStart), p
}

// propsAt returns the properties of the paragraph whose mark is at cp: the
// PAPX run holding the mark's byte, then the piece's Prm.
func (d *wordDoc) propsAt(cp uint32) paraProps {
	fc, piece := d.fcOf(cp)
	var p paraProps
	i := sort.Search(len(d.runs), func(i int) bool { return d.runs[i].fcEnd > fc })
	if i < len(d.runs) && d.runs[i].fcStart <= fc && d.runs[i].props >= 0 {
		p = d.props[d.runs[i].props]
	}
	if piece == nil || piece.prm == 0 {
		return p
	}
	if piece.prm&1 != 0 {
		if k := int(piece.prm >> 1); k < len(d.prcs) {
			o, ok := d.prms[k]
			if !ok {
				o = d.parseSprms(d.prcs[k], true)
				if d.prms == nil {
					d.prms = map[int]overlay{}
				}
				d.prms[k] = o
			}
			o.apply(&p)
		}
		return p
	}
	// Prm0: isprm 0x18 is sprmPFInTable, 0x19 sprmPFTtp.
	switch isprm, val := (piece.prm>>1)&0x7F, piece.prm>>8; isprm {
	case 0x18:
		p.inTable = val != 0
	case 0x19:
		p.ttp = val != 0
	}
	return p
}

// docRow is a table row as read from the text: its cells' text and the
// properties of its end mark (the cell boundaries and merges).
type docRow struct {
	cells []string
	props paraProps
}

// tables splits the text into the paragraphs before the first table (the
// title is among them) and the tables, laid on grids.
func (d *wordDoc) tables() ([]gridTable, error) {
	var (
		tables []gridTable
		lead   []rawCell
		paras  int      // body paragraphs seen
		rows   []docRow // the rows of the table being read
		inTbl  bool     // a table is being read
		cells  []string // the cells of the row being read
		cell   docCell  // the cell being read
		para   []rune   // the paragraph being read
		fields []bool   // per open field: true once its result began
		hidden int      // open fields whose result has not begun
		chars  int      // characters kept
	)
	endCell := func(text string) {
		cell.add(text)
		if len(cells) < maxGridCols {
			cells = append(cells, cell.b.String())
		}
		cell = docCell{}
	}
	endRow := func(props paraProps) {
		rows = append(rows, docRow{cells: cells, props: props})
		cells, cell = nil, docCell{}
	}
	endTable := func() {
		if !inTbl {
			return
		}
		if cell.paras > 0 {
			// A row never closed (a damaged or cut file): keep what it has.
			endCell("")
		}
		if len(cells) > 0 {
			endRow(paraProps{})
		}
		tables = append(tables, d.grid(fmt.Sprintf("表%d", len(tables)+1), rows))
		rows, inTbl = nil, false
	}
	for cp := 0; cp < len(d.text); cp++ {
		if d.isDeleted(cp) {
			continue
		}
		ch := d.text[cp]
		switch ch {
		case chFieldBegin:
			if len(fields) >= maxDocFields {
				return nil, docErr("damaged Word document: fields nested deeper than %d", maxDocFields)
			}
			fields = append(fields, false)
			hidden++
			continue
		case chFieldSep:
			if n := len(fields); n > 0 && !fields[n-1] {
				fields[n-1] = true
				hidden--
			}
			continue
		case chFieldEnd:
			if n := len(fields); n > 0 {
				if !fields[n-1] {
					hidden--
				}
				fields = fields[:n-1]
			}
			continue
		}
		// Text is shown when every open field is in its result.
		if ch != chParaEnd && ch != chCellMark && hidden > 0 {
			continue // a field's instructions
		}
		switch ch {
		case chParaEnd, chCellMark:
		case chLineBreak:
			para = append(para, '\n')
			continue
		case chPageBreak:
			// A page or section break: a line break inside a cell, the end
			// of a paragraph outside.
			if !inTbl {
				ch = chParaEnd
				break
			}
			para = append(para, '\n')
			continue
		case 0x09:
			para = append(para, '\t')
			continue
		case 0x1E:
			para = append(para, '-') // non-breaking hyphen
			continue
		default:
			if ch < 0x20 {
				// Pictures and objects (0x01, 0x08), note and annotation
				// references, optional hyphens (0x1F): nothing to read.
				continue
			}
			r := rune(ch)
			if utf16.IsSurrogate(r) {
				if ch < 0xDC00 && cp+1 < len(d.text) && d.text[cp+1] >= 0xDC00 && d.text[cp+1] < 0xE000 {
					r = utf16.DecodeRune(r, rune(d.text[cp+1]))
					cp++
				} else {
					r = utf8RuneError
				}
			}
			para = append(para, r)
			if chars++; chars > maxTextBytes/3 {
				return nil, inputErr(Loc{}, "more than %d MB of text in the document", maxTextBytes>>20)
			}
			continue
		}
		// A paragraph mark: its properties say where the paragraph belongs.
		p := d.propsAt(uint32(cp))
		itap := p.itap
		if !p.hasItap && p.inTable {
			itap = 1
		}
		if ch == chCellMark {
			itap = max(itap, 1) // 0x07 ends cells and rows only
		}
		text := string(para)
		para = para[:0]
		switch {
		case itap < 1:
			endTable()
			paras++
			if len(tables) == 0 && len(lead) < 20 {
				lead = append(lead, rawCell{Text: text, Loc: Loc{File: d.name, Sheet: fmt.Sprintf("正文第%d段", paras)}})
			}
			continue
		case !inTbl:
			inTbl = true
		}
		switch {
		case itap >= 2 || (ch == chParaEnd && (p.innerCell || p.innerTtp)):
			// A nested table: its cells become paragraphs of the outer
			// cell, as in .docx; its rows' end marks hold nothing.
			if !p.innerTtp {
				cell.add(text)
			}
		case ch == chCellMark && p.ttp:
			// The row's end: its own paragraph holds no text.
			if cell.paras > 0 || text != "" {
				endCell(text)
			}
			endRow(p)
			if len(rows) > maxSheetRows {
				return nil, inputErr(Loc{Sheet: fmt.Sprintf("表%d", len(tables)+1)}, "more than %d rows", maxSheetRows)
			}
		case ch == chCellMark:
			endCell(text)
		default:
			cell.add(text)
		}
	}
	endTable()
	if len(tables) > 0 {
		tables[0].Lead = lead
	}
	return tables, nil
}

const utf8RuneError = '\uFFFD'

// docCell is a cell being read: its paragraphs joined with "\n", as the
// .docx reader joins them.
type docCell struct {
	b     strings.Builder
	paras int
}

func (c *docCell) add(text string) {
	if c.paras > 0 {
		c.b.WriteByte('\n')
	}
	c.b.WriteString(text)
	c.paras++
}

// TC80 flags (tcgrf) of a cell in sprmTDefTable.
const (
	tcMerged      = 0x0002 // merged into the cell to its left
	tcVertMerge   = 0x0020 // part of a vertical merge
	tcVertRestart = 0x0040 // the first cell of a vertical merge
)

// grid lays a table's rows on its grid. The grid's columns are the cell
// boundaries of all its rows (as Word's own tblGrid is): a cell spanning
// several covers them like a docx gridSpan, a row starting right of the
// table's left edge has blank cells first (gridBefore). A vertically merged
// cell repeats its origin's text, as in the .docx reader. Rows whose end
// mark gives no boundaries for their cells are laid one cell per column.
func (d *wordDoc) grid(name string, rows []docRow) gridTable {
	t := gridTable{Name: name}
	var edges []int
	seen := map[int]bool{}
	fits := func(r docRow) bool { return len(r.props.bounds) == len(r.cells)+1 }
	for _, r := range rows {
		if !fits(r) || len(seen) > maxGridCols {
			continue
		}
		for _, b := range r.props.bounds {
			if !seen[int(b)] {
				seen[int(b)] = true
				edges = append(edges, int(b))
			}
		}
	}
	sort.Ints(edges)
	col := func(b int16) int { return sort.SearchInts(edges, int(b)) }
	origins := map[int]gridCell{}
	for i, r := range rows {
		rowNum := i + 1
		at := func(c int) Loc { return Loc{File: d.name, Sheet: name, Row: rowNum, Col: c + 1} }
		var out []gridCell
		for j, text := range r.cells {
			if len(out) >= maxGridCols {
				break
			}
			span, flags := 1, uint16(0)
			if fits(r) {
				b := r.props.bounds
				if start := col(b[j]); j == 0 {
					for len(out) < start && len(out) < maxGridCols {
						out = append(out, gridCell{Loc: at(len(out))})
					}
				}
				span = min(max(col(b[j+1])-col(b[j]), 1), maxSpan)
				flags = r.props.cellFlags[j]
				if v, ok := r.props.vertMerges[j]; ok {
					flags = flags&^(tcVertMerge|tcVertRestart) | uint16(v&3)<<5
				}
			}
			c := len(out)
			cell := gridCell{Text: text, Loc: at(c)}
			switch {
			case flags&tcMerged != 0 && c > 0:
				// Word 97 horizontal merge: the cell belongs to the one on its left.
				o := out[c-1]
				out = append(out, gridCell{Text: o.Text, Loc: o.Loc, Covered: true, Merged: o.Merged})
				continue
			case flags&(tcVertMerge|tcVertRestart) == tcVertMerge|tcVertRestart:
				origins[c] = cell
			case flags&tcVertMerge != 0:
				if o, ok := origins[c]; ok {
					cell.Text, cell.Loc, cell.Merged = o.Text, o.Loc, true
				}
			default:
				delete(origins, c)
			}
			if span > 1 {
				cell.Span = span
			}
			out = append(out, cell)
			for k := 1; k < span && len(out) < maxGridCols; k++ {
				out = append(out, gridCell{Text: cell.Text, Loc: cell.Loc, Covered: true, Merged: cell.Merged})
			}
		}
		t.Rows = append(t.Rows, out)
	}
	return t
}
