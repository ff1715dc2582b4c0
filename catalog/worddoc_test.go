package catalog

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"unicode/utf16"
)

// Builders of small Word 97 binary documents for tests: a compound file
// writer (streams of 4 KB or more, so no mini stream is needed) and a
// WordDocument/1Table writer laying out a FIB, the text, a piece table and
// PAPX FKPs. They write only what the reader reads.

// makeCFB writes a compound file holding the streams at its root: version
// 3 (512-byte sectors), or version 4 (4096-byte sectors) when they are
// large.
func makeCFB(t testing.TB, names []string, streams map[string][]byte) []byte {
	t.Helper()
	sec, major, shift := 512, uint16(3), uint16(9)
	size := 0
	for _, n := range names {
		size += len(streams[n])
	}
	if size > 4<<20 {
		sec, major, shift = 4096, 4, 12
	}
	// Sector plan: FAT sectors, the directory, then each stream.
	var body [][]byte
	dirEntries := 1 + len(names)
	dirSecs := (dirEntries*128 + sec - 1) / sec
	streamSecs := make([]int, len(names))
	total := dirSecs
	for i, n := range names {
		s := streams[n]
		if len(s) < 4096 {
			t.Fatalf("stream %s: %d bytes, the builder needs 4096 or more", n, len(s))
		}
		streamSecs[i] = (len(s) + sec - 1) / sec
		total += streamSecs[i]
	}
	fatSecs := 1
	for (total+fatSecs)*4 > fatSecs*sec {
		fatSecs++
	}
	if fatSecs > 109 {
		t.Fatal("too large for the builder")
	}
	fat := make([]uint32, fatSecs*sec/4)
	for i := range fat {
		fat[i] = 0xFFFFFFFF
	}
	next := 0
	chain := func(n int) int {
		start := next
		for i := range n {
			fat[start+i] = uint32(start + i + 1)
		}
		fat[start+n-1] = 0xFFFFFFFE
		next += n
		return start
	}
	for i := range fatSecs {
		fat[i] = 0xFFFFFFFD
	}
	next = fatSecs
	dirStart := chain(dirSecs)
	starts := make([]int, len(names))
	for i := range names {
		starts[i] = chain(streamSecs[i])
	}

	hdr := make([]byte, sec)
	copy(hdr, oleMagic)
	le := binary.LittleEndian
	le.PutUint16(hdr[24:], 0x3E)
	le.PutUint16(hdr[26:], major)
	le.PutUint16(hdr[28:], 0xFFFE)
	le.PutUint16(hdr[30:], shift)
	le.PutUint16(hdr[32:], 6)
	if major == 4 {
		le.PutUint32(hdr[40:], uint32(dirSecs))
	}
	le.PutUint32(hdr[44:], uint32(fatSecs))
	le.PutUint32(hdr[48:], uint32(dirStart))
	le.PutUint32(hdr[56:], 4096)
	le.PutUint32(hdr[60:], 0xFFFFFFFE)
	le.PutUint32(hdr[68:], 0xFFFFFFFE)
	for i := range 109 {
		v := uint32(0xFFFFFFFF)
		if i < fatSecs {
			v = uint32(i)
		}
		le.PutUint32(hdr[76+4*i:], v)
	}

	fatBytes := make([]byte, len(fat)*4)
	for i, v := range fat {
		le.PutUint32(fatBytes[4*i:], v)
	}
	body = append(body, fatBytes)

	dir := make([]byte, dirSecs*sec)
	entry := func(i int, name string, typ byte, child, right uint32, start int, size int) {
		e := dir[i*128 : (i+1)*128]
		u := utf16.Encode([]rune(name))
		for j, c := range u {
			le.PutUint16(e[2*j:], c)
		}
		le.PutUint16(e[64:], uint16(2*len(u)+2))
		e[66], e[67] = typ, 1
		le.PutUint32(e[68:], 0xFFFFFFFF)
		le.PutUint32(e[72:], right)
		le.PutUint32(e[76:], child)
		le.PutUint32(e[116:], uint32(start))
		le.PutUint32(e[120:], uint32(size))
	}
	for i := 1 + len(names); i < dirSecs*sec/128; i++ {
		e := dir[i*128:]
		le.PutUint32(e[68:], 0xFFFFFFFF)
		le.PutUint32(e[72:], 0xFFFFFFFF)
		le.PutUint32(e[76:], 0xFFFFFFFF)
	}
	child := uint32(0xFFFFFFFF)
	if len(names) > 0 {
		child = 1
	}
	entry(0, "Root Entry", 5, child, 0xFFFFFFFF, 0xFFFFFFFE, 0)
	for i, n := range names {
		right := uint32(0xFFFFFFFF)
		if i+1 < len(names) {
			right = uint32(i + 2)
		}
		entry(i+1, n, 2, 0xFFFFFFFF, right, starts[i], len(streams[n]))
	}
	body = append(body, dir)
	for _, n := range names {
		s := streams[n]
		pad := make([]byte, (len(s)+sec-1)/sec*sec)
		copy(pad, s)
		body = append(body, pad)
	}
	return append(hdr, bytes.Join(body, nil)...)
}

// wpara is one paragraph of a test document: its text (control characters
// such as field marks included), its mark (0x0D, or 0x07 for a cell or
// row end) and its paragraph sprms.
type wpara struct {
	text  string
	mark  uint16
	sprms []byte
}

// docOpts vary how the builder lays out the document.
type docOpts struct {
	pieceChars int  // split the text into pieces of this many characters (0: one piece)
	compress   bool // store pieces whose characters are all below 0x80 as 8-bit
	flags      uint16
	nFib       uint16
	hugeOver   int      // PAPX with more sprm bytes than this go to the Data stream (0: 200)
	deleted    [][2]int // CP ranges [start, end) marked as tracked deletions
	// patch, when set, changes the streams before they are written.
	patch func(wd, tbl []byte)
}

// Sprm encoders.
func sprmBool(sprm uint16, v bool) []byte {
	b := []byte{byte(sprm), byte(sprm >> 8), 0}
	if v {
		b[2] = 1
	}
	return b
}

func sprmInt32(sprm uint16, v int32) []byte {
	b := []byte{byte(sprm), byte(sprm >> 8), 0, 0, 0, 0}
	binary.LittleEndian.PutUint32(b[2:], uint32(v))
	return b
}

// tdefTable encodes sprmTDefTable: cell boundaries and each cell's tcgrf.
func tdefTable(bounds []int16, flags []uint16) []byte {
	var op []byte
	op = append(op, byte(len(bounds)-1))
	for _, b := range bounds {
		op = binary.LittleEndian.AppendUint16(op, uint16(b))
	}
	for _, f := range flags {
		tc := make([]byte, 20)
		binary.LittleEndian.PutUint16(tc, f)
		op = append(op, tc...)
	}
	out := binary.LittleEndian.AppendUint16(nil, sprmTDefTable)
	out = binary.LittleEndian.AppendUint16(out, uint16(len(op)+1))
	return append(out, op...)
}

var (
	inCell = sprmBool(sprmPFInTable, true)
	rowEnd = append(sprmBool(sprmPFInTable, true), sprmBool(sprmPFTtp, true)...)
)

// docTable turns rows of cell texts into paragraphs: cell paragraphs split
// at "\r", each cell ended by 0x07, each row by a TTP mark carrying extra
// (e.g. a tdefTable).
func docTable(rows [][]string, extra ...[]byte) []wpara {
	var ps []wpara
	for i, r := range rows {
		for _, c := range r {
			parts := splitCR(c)
			for _, p := range parts[:len(parts)-1] {
				ps = append(ps, wpara{text: p, mark: chParaEnd, sprms: inCell})
			}
			ps = append(ps, wpara{text: parts[len(parts)-1], mark: chCellMark, sprms: inCell})
		}
		end := append([]byte(nil), rowEnd...)
		if i < len(extra) {
			end = append(end, extra[i]...)
		}
		ps = append(ps, wpara{mark: chCellMark, sprms: end})
	}
	return ps
}

func splitCR(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		if s[i] == '\r' {
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}

// makeDoc writes a Word 97 document with the paragraphs as its main text.
func makeDoc(t testing.TB, paras []wpara, o docOpts) []byte {
	t.Helper()
	le := binary.LittleEndian
	// The text, and each paragraph's end (in CPs).
	var text []uint16
	var ends []int
	for _, p := range paras {
		text = append(text, utf16.Encode([]rune(p.text))...)
		text = append(text, p.mark)
		ends = append(ends, len(text))
	}
	// Pieces, laid one after the other from byte 2048.
	type piece struct {
		cpS, cpE   int
		fc         int
		compressed bool
	}
	var pieces []piece
	wd := make([]byte, 2048)
	step := o.pieceChars
	if step <= 0 {
		step = len(text)
	}
	for s := 0; s < len(text); s += step {
		e := min(s+step, len(text))
		p := piece{cpS: s, cpE: e, fc: len(wd), compressed: o.compress}
		for _, c := range text[s:e] {
			if c >= 0x80 {
				p.compressed = false
			}
		}
		for _, c := range text[s:e] {
			if p.compressed {
				wd = append(wd, byte(c))
			} else {
				wd = le.AppendUint16(wd, c)
			}
		}
		pieces = append(pieces, p)
	}
	fcOf := func(cp int) int {
		for _, p := range pieces {
			if cp >= p.cpS && cp < p.cpE {
				if p.compressed {
					return p.fc + cp - p.cpS
				}
				return p.fc + 2*(cp-p.cpS)
			}
		}
		t.Fatalf("cp %d outside the pieces", cp)
		return 0
	}
	// One PAPX run per paragraph: from its first byte to just past its
	// mark's last byte (a run may span pieces: the reader looks up marks).
	type run struct {
		fcS, fcE int
		grpprl   []byte
	}
	var runs []run
	var dataStream []byte
	hugeOver := o.hugeOver
	if hugeOver == 0 {
		hugeOver = 200
	}
	prev := 0
	for i, p := range paras {
		markFC := fcOf(ends[i] - 1)
		width := 2
		for _, pc := range pieces {
			if ends[i]-1 >= pc.cpS && ends[i]-1 < pc.cpE && pc.compressed {
				width = 1
			}
		}
		start := fcOf(prev)
		g := p.sprms
		if len(g) > hugeOver {
			off := len(dataStream)
			dataStream = le.AppendUint16(dataStream, uint16(len(g)))
			dataStream = append(dataStream, g...)
			g = sprmInt32(sprmPHugePapx, int32(off))
		}
		// Runs must be ascending and contiguous per page: a mark in an
		// earlier piece than the paragraph's start gets a run of its own.
		if start > markFC {
			start = markFC
		}
		runs = append(runs, run{fcS: start, fcE: markFC + width, grpprl: g})
		prev = ends[i]
	}
	// FKP pages after the text, 512-aligned.
	for len(wd)%fkpSize != 0 {
		wd = append(wd, 0)
	}
	var pageFCs []int
	var pns []int
	for i := 0; i < len(runs); {
		page := make([]byte, fkpSize)
		top := fkpSize - 1 // PAPX grow down from here
		n := 0
		var offs []byte
		for i+n < len(runs) {
			r := runs[i+n]
			size := 2 + len(r.grpprl)
			papx := []byte{}
			if size%2 == 1 {
				papx = append(papx, byte((size+1)/2))
			} else {
				papx = append(papx, 0, byte(size/2))
			}
			papx = append(papx, 0, 0) // istd
			papx = append(papx, r.grpprl...)
			newTop := (top - len(papx)) &^ 1
			if 4*(n+2)+13*(n+1) > newTop || n == 0x1D {
				break
			}
			copy(page[newTop:], papx)
			top = newTop
			offs = append(offs, byte(newTop/2))
			n++
		}
		if n == 0 {
			t.Fatal("a PAPX too large for a page")
		}
		for k := range n {
			le.PutUint32(page[4*k:], uint32(runs[i+k].fcS))
		}
		le.PutUint32(page[4*n:], uint32(runs[i+n-1].fcE))
		for k := range n {
			page[4*(n+1)+13*k] = offs[k]
		}
		page[fkpSize-1] = byte(n)
		pageFCs = append(pageFCs, runs[i].fcS)
		pns = append(pns, len(wd)/fkpSize)
		wd = append(wd, page...)
		i += n
	}
	pageFCs = append(pageFCs, runs[len(runs)-1].fcE)

	// Character properties: runs split where deletions start and end,
	// CHPX FKP pages of up to 100 runs.
	width := func(cp int) int {
		for _, pc := range pieces {
			if cp >= pc.cpS && cp < pc.cpE && pc.compressed {
				return 1
			}
		}
		return 2
	}
	cuts := map[int]bool{0: true, len(text): true}
	for _, r := range o.deleted {
		cuts[r[0]], cuts[r[1]] = true, true
	}
	var cpCuts []int
	for cp := range cuts {
		if cp >= 0 && cp <= len(text) {
			cpCuts = append(cpCuts, cp)
		}
	}
	sort.Ints(cpCuts)
	isDel := func(cp int) bool {
		for _, r := range o.deleted {
			if cp >= r[0] && cp < r[1] {
				return true
			}
		}
		return false
	}
	type crun struct {
		fcS, fcE int
		del      bool
	}
	var cruns []crun
	for i := 0; i+1 < len(cpCuts); i++ {
		a, b := cpCuts[i], cpCuts[i+1]
		cruns = append(cruns, crun{fcOf(a), fcOf(b-1) + width(b-1), isDel(a)})
	}
	var chpxFCs, chpxPns []int
	for i := 0; i < len(cruns); i += 100 {
		n := min(100, len(cruns)-i)
		page := make([]byte, fkpSize)
		for k := range n {
			le.PutUint32(page[4*k:], uint32(cruns[i+k].fcS))
		}
		le.PutUint32(page[4*n:], uint32(cruns[i+n-1].fcE))
		// One CHPX for every deleted run: sprmCFRMarkDel on.
		copy(page[fkpSize-6:], []byte{3, 0x00, 0x08, 0x01})
		for k := range n {
			if cruns[i+k].del {
				page[4*(n+1)+k] = (fkpSize - 6) / 2
			}
		}
		page[fkpSize-1] = byte(n)
		chpxFCs = append(chpxFCs, cruns[i].fcS)
		chpxPns = append(chpxPns, len(wd)/fkpSize)
		wd = append(wd, page...)
	}
	chpxFCs = append(chpxFCs, cruns[len(cruns)-1].fcE)

	// The table stream: CLX then PlcBtePapx.
	var tbl []byte
	clxAt := len(tbl)
	tbl = append(tbl, 0x02)
	lcb := 4*(len(pieces)+1) + 8*len(pieces)
	tbl = le.AppendUint32(tbl, uint32(lcb))
	for _, p := range pieces {
		tbl = le.AppendUint32(tbl, uint32(p.cpS))
	}
	tbl = le.AppendUint32(tbl, uint32(len(text)))
	for _, p := range pieces {
		fc := uint32(p.fc)
		if p.compressed {
			fc = uint32(p.fc*2) | 0x40000000
		}
		tbl = le.AppendUint16(tbl, 0)
		tbl = le.AppendUint32(tbl, fc)
		tbl = le.AppendUint16(tbl, 0)
	}
	clxLen := len(tbl) - clxAt
	papxAt := len(tbl)
	for _, fc := range pageFCs {
		tbl = le.AppendUint32(tbl, uint32(fc))
	}
	for _, pn := range pns {
		tbl = le.AppendUint32(tbl, uint32(pn))
	}
	papxLen := len(tbl) - papxAt
	chpxAt := len(tbl)
	for _, fc := range chpxFCs {
		tbl = le.AppendUint32(tbl, uint32(fc))
	}
	for _, pn := range chpxPns {
		tbl = le.AppendUint32(tbl, uint32(pn))
	}
	chpxLen := len(tbl) - chpxAt

	// The FIB.
	nFib := o.nFib
	if nFib == 0 {
		nFib = 0xC1
	}
	le.PutUint16(wd[0:], 0xA5EC)
	le.PutUint16(wd[2:], nFib)
	le.PutUint16(wd[10:], o.flags|fibWhichTblStm)
	le.PutUint16(wd[32:], 14)
	le.PutUint16(wd[62:], 22)
	le.PutUint32(wd[64+3*4:], uint32(len(text)))
	le.PutUint16(wd[152:], 93)
	pair := func(i, fc, lcb int) {
		le.PutUint32(wd[154+8*i:], uint32(fc))
		le.PutUint32(wd[154+8*i+4:], uint32(lcb))
	}
	pair(12, chpxAt, chpxLen)
	pair(13, papxAt, papxLen)
	pair(33, clxAt, clxLen)

	wd, tbl = pad4k(wd), pad4k(tbl)
	if o.patch != nil {
		o.patch(wd, tbl)
	}
	streams := map[string][]byte{"WordDocument": wd, "1Table": tbl}
	names := []string{"WordDocument", "1Table"}
	if dataStream != nil {
		streams["Data"] = pad4k(dataStream)
		names = append(names, "Data")
	}
	return makeCFB(t, names, streams)
}

func pad4k(b []byte) []byte {
	for len(b) < 4096 {
		b = append(b, 0)
	}
	return b
}

// Tests.

// sameEntries compares two catalogs read from different formats: title,
// header, and every field's key, column, text and place (file aside).
func sameEntries(t *testing.T, got, want *Catalog) {
	t.Helper()
	if got.Title != want.Title {
		t.Errorf("title %q, want %q", got.Title, want.Title)
	}
	if (got.TitleField == nil) != (want.TitleField == nil) ||
		got.TitleField != nil && got.TitleField.Loc.Sheet != want.TitleField.Loc.Sheet {
		t.Errorf("title field %+v, want %+v", got.TitleField, want.TitleField)
	}
	if !reflect.DeepEqual(got.Header, want.Header) {
		t.Errorf("header %+v\nwant %+v", got.Header, want.Header)
	}
	if len(got.Entries) != len(want.Entries) {
		t.Fatalf("%d entries, want %d", len(got.Entries), len(want.Entries))
	}
	for i, we := range want.Entries {
		ge := got.Entries[i]
		if ge.Seq != we.Seq || ge.Short != we.Short || len(ge.Fields) != len(we.Fields) {
			t.Errorf("entry %d: seq %q short %v %d fields, want %q %v %d", i+1, ge.Seq, ge.Short, len(ge.Fields), we.Seq, we.Short, len(we.Fields))
			continue
		}
		for j, wf := range we.Fields {
			gf := ge.Fields[j]
			wl, gl := wf.Loc, gf.Loc
			wl.File, gl.File = "", ""
			if gf.Key != wf.Key || gf.Column != wf.Column || gf.Text != wf.Text || gl != wl {
				t.Errorf("entry %d field %d:\n got %q %q %q %+v\nwant %q %q %q %+v", i+1, j+1,
					gf.Key, gf.Column, gf.Text, gl, wf.Key, wf.Column, wf.Text, wl)
			}
		}
	}
}

func readDocBytes(t testing.TB, data []byte, name string) (*Catalog, error) {
	t.Helper()
	return ReadFrom(bytes.NewReader(data), name, "")
}

func TestReadDocFixtures(t *testing.T) {
	for _, base := range []string{"zhongshan-2025", "zhuzhou"} {
		t.Run(base, func(t *testing.T) {
			dir := filepath.Join("..", "testdata", "fixtures")
			want, err := Read(filepath.Join(dir, base+".docx"))
			if err != nil {
				t.Fatal(err)
			}
			got, err := Read(filepath.Join(dir, base+".doc"))
			if err != nil {
				t.Fatal(err)
			}
			if got.Format != FormatDoc {
				t.Errorf("format %q", got.Format)
			}
			// The .doc files were saved without the blanks that end some
			// paragraphs in the .docx: fold trailing blanks, compare all else.
			for _, c := range []*Catalog{want, got} {
				for i := range c.Entries {
					for j := range c.Entries[i].Fields {
						f := &c.Entries[i].Fields[j]
						f.Text = trimLineEnds(f.Text)
					}
				}
			}
			sameEntries(t, got, want)
		})
	}
}

func trimLineEnds(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t")
	}
	return strings.Join(lines, "\n")
}

// TestReadDocStructures builds, as a .doc, the document TestDocxStructures
// builds as a .docx, and wants the same catalog: title paragraphs, a title
// row spanning the table, a two-level header with horizontal and vertical
// merges, section rows, line breaks and paragraphs in cells, a nested
// table, a table continued after a page with its header repeated, a short
// row, and a table of another kind.
func TestReadDocStructures(t *testing.T) {
	span := func(n int) string { return fmt.Sprintf(`<w:gridSpan w:val="%d"/>`, n) }
	restart := `<w:vMerge w:val="restart"/>`
	cont := `<w:vMerge/>`
	header := wtr(
		wtc(restart, wp("序 号")),
		wtc(restart, wp("权力类型")),
		wtc(restart, wp("权力名称")),
		wtc(span(2), wp("依据")),
		wtc(restart, wp("备注")),
	)
	sub := wtr(
		wtc(cont, wp("")),
		wtc(cont, wp("")),
		wtc(cont, wp("")),
		wtc("", wp("法律依据")),
		wtc("", wp("责任事项依据")),
		wtc(cont, wp("")),
	)
	body := wp("附件2") + wp("某局权力清单") + wp("说明：本表") +
		wtbl(
			wtr(wtc(span(6), wp("某局权力清单（表内标题）"))),
			header, sub,
			wtr(wtc(span(6), wp("一、行政处罚"))),
			wtr(
				wtc("", wp("1")),
				wtc(restart, wp("行政处罚")),
				wtc("", `<w:p><w:r><w:t>对甲的处罚</w:t><w:br/><w:t>（含乙）</w:t></w:r></w:p>`),
				wtc("", wp("《甲法》第一条")+wp("《乙法》第二条")),
				wtc("", wp("《丙法》第三条")),
				wtc("", wp("")),
			),
			wtr(
				wtc("", wp("2")),
				wtc(cont, wp("")),
				wtc("", `<w:p><w:r><w:t>对丙</w:t><w:tab/><w:t>的处罚</w:t></w:r></w:p>`),
				wtc("", wtbl(plainRow("《丁法》第四条", "嵌套"))+wp("")),
				wtc("", wp("")),
				wtc("", wp("")),
			),
		) +
		wp("") +
		wtbl(
			header, sub,
			wtr(
				wtc("", wp("3")),
				wtc("", wp("行政检查")),
				wtc("", wp("对丁的检查")),
				wtc("", wp("《戊法》第五条")),
				wtc("", wp("")),
				wtc("", wp("无")),
			),
			wtr(wtc("", wp("4")), wtc("", wp("行政检查"))),
		) +
		wtbl(plainRow("单位（盖章）", "日期"))
	want, err := readDocBytes(t, makeDocx(t, body), "s.docx")
	if err != nil {
		t.Fatal(err)
	}

	// The same as a .doc: cell boundaries on a grid of 100-twip columns.
	const vRestart, vCont = tcVertMerge | tcVertRestart, tcVertMerge
	grid := func(edges ...int16) []int16 { return edges }
	full := tdefTable(grid(0, 600), []uint16{0})
	headerDef := tdefTable(grid(0, 100, 200, 300, 500, 600), []uint16{vRestart, vRestart, vRestart, 0, vRestart})
	subDef := tdefTable(grid(0, 100, 200, 300, 400, 500, 600), []uint16{vCont, vCont, vCont, 0, 0, vCont})
	six := tdefTable(grid(0, 100, 200, 300, 400, 500, 600), make([]uint16, 6))
	row1Def := tdefTable(grid(0, 100, 200, 300, 400, 500, 600), []uint16{0, vRestart, 0, 0, 0, 0})
	row2Def := tdefTable(grid(0, 100, 200, 300, 400, 500, 600), []uint16{0, vCont, 0, 0, 0, 0})
	para := func(s string) wpara { return wpara{text: s, mark: chParaEnd} }
	var ps []wpara
	ps = append(ps, para("附件2"), para("某局权力清单"), para("说明：本表"))
	ps = append(ps, docTable([][]string{
		{"某局权力清单（表内标题）"},
		{"序 号", "权力类型", "权力名称", "依据", "备注"},
		{"", "", "", "法律依据", "责任事项依据", ""},
		{"一、行政处罚"},
		{"1", "行政处罚", "对甲的处罚\v（含乙）", "《甲法》第一条\r《乙法》第二条", "《丙法》第三条", ""},
	}, full, headerDef, subDef, full, row1Def)...)
	// Row 2 holds a nested table in its fourth cell.
	inner := func(s string, ttp bool) wpara {
		g := append(sprmInt32(sprmPItap, 2), sprmBool(sprmPFInnerTableCell, true)...)
		if ttp {
			g = append(sprmInt32(sprmPItap, 2), sprmBool(sprmPFInnerTtp, true)...)
		}
		return wpara{text: s, mark: chParaEnd, sprms: append(g, inCell...)}
	}
	cellEnd := func(s string) wpara { return wpara{text: s, mark: chCellMark, sprms: inCell} }
	ps = append(ps, cellEnd("2"), cellEnd(""), cellEnd("对丙\t的处罚"),
		inner("《丁法》第四条", false), inner("嵌套", false), inner("", true),
		cellEnd(""), cellEnd(""), cellEnd(""),
		wpara{mark: chCellMark, sprms: append(append([]byte(nil), rowEnd...), row2Def...)})
	ps = append(ps, para(""))
	ps = append(ps, docTable([][]string{
		{"序 号", "权力类型", "权力名称", "依据", "备注"},
		{"", "", "", "法律依据", "责任事项依据", ""},
		{"3", "行政检查", "对丁的检查", "《戊法》第五条", "", "无"},
		{"4", "行政检查"},
	}, headerDef, subDef, six, tdefTable(grid(0, 100, 200), make([]uint16, 2)))...)
	ps = append(ps, para(""))
	ps = append(ps, docTable([][]string{{"单位（盖章）", "日期"}})...)
	ps = append(ps, para(""))

	for name, o := range map[string]docOpts{
		"one piece":       {},
		"pieces":          {pieceChars: 7},
		"8-bit pieces":    {pieceChars: 3, compress: true},
		"PAPX in Data":    {hugeOver: 8},
		"one-char pieces": {pieceChars: 1, compress: true},
	} {
		t.Run(name, func(t *testing.T) {
			got, err := readDocBytes(t, makeDoc(t, ps, o), "s.doc")
			if err != nil {
				t.Fatal(err)
			}
			sameEntries(t, got, want)
		})
	}
}

// simpleDoc is a small catalog: a title, a header and two rows.
func simpleDoc() []wpara {
	ps := []wpara{{text: "某局权力清单", mark: chParaEnd}}
	ps = append(ps, docTable([][]string{
		{"序号", "权力名称", "权力依据", "备注"},
		{"1", "对甲的处罚", "《甲法》第一条", ""},
		{"2", "对乙的检查", "", ""},
	})...)
	return append(ps, wpara{mark: chParaEnd})
}

// TestReadDocEmptyCells: a row whose last cells are empty ends
// "…\x07\x07\x07": the second 0x07 is not the row's end, the TTP mark is.
func TestReadDocEmptyCells(t *testing.T) {
	c, err := readDocBytes(t, makeDoc(t, simpleDoc(), docOpts{}), "e.doc")
	if err != nil {
		t.Fatal(err)
	}
	if c.Title != "某局权力清单" || len(c.Entries) != 2 {
		t.Fatalf("title %q, %d entries", c.Title, len(c.Entries))
	}
	for i, e := range c.Entries {
		if len(e.Fields) != 4 || e.Short {
			t.Errorf("entry %d: %d fields, short %v: %+v", i+1, len(e.Fields), e.Short, e.Fields)
		}
	}
	if f := c.Entries[1].Field(KeyName); f == nil || f.Text != "对乙的检查" || f.Loc.Sheet != "表1" || f.Loc.Row != 3 || f.Loc.Col != 2 {
		t.Errorf("entry 2 name: %+v", f)
	}
}

// TestReadDocText: fields keep their result and drop their instructions
// (nested too), objects and optional hyphens go, line and page breaks in
// cells are line breaks, characters outside the BMP survive.
func TestReadDocText(t *testing.T) {
	ps := []wpara{
		{text: "\x13 TITLE \x14某局权力清单\x15\x01", mark: chParaEnd},
	}
	ps = append(ps, docTable([][]string{
		{"序号", "权力名称", "权力依据"},
		{"1", "对\x13 IF \x13 PAGE \x14 1\x15 = 1 \x14甲\x15的处罚\x13 TOC \\o \x15\x08", "\x13 HYPERLINK \"http://x\" \x14《甲法》\x15第一条\v第二款\f续"},
		{"2", "非\x1e断\x1f字\t𠀀", "《乙法》第二条\r第三条"},
	})...)
	ps = append(ps, wpara{mark: chParaEnd})
	c, err := readDocBytes(t, makeDoc(t, ps, docOpts{}), "f.doc")
	if err != nil {
		t.Fatal(err)
	}
	if c.Title != "某局权力清单" {
		t.Errorf("title %q", c.Title)
	}
	want := [][2]string{
		{"对甲的处罚", "《甲法》第一条\n第二款\n续"},
		{"非-断字\t𠀀", "《乙法》第二条\n第三条"},
	}
	if len(c.Entries) != len(want) {
		t.Fatalf("%d entries", len(c.Entries))
	}
	for i, w := range want {
		e := c.Entries[i]
		if e.Text(KeyName) != w[0] || e.Text(KeyBasis) != w[1] {
			t.Errorf("entry %d: %q %q, want %q %q", i+1, e.Text(KeyName), e.Text(KeyBasis), w[0], w[1])
		}
	}
}

func TestReadDocWps(t *testing.T) {
	c, err := readDocBytes(t, makeDoc(t, simpleDoc(), docOpts{}), "wps-saved.wps")
	if err != nil {
		t.Fatal(err)
	}
	if c.Format != FormatDoc || len(c.Entries) != 2 {
		t.Errorf("format %q, %d entries", c.Format, len(c.Entries))
	}
}

// TestReadDocRefused: what the reader cannot read is refused with a way to
// convert it.
func TestReadDocRefused(t *testing.T) {
	big := func(b []byte) []byte { return pad4k(b) }
	hostile, err := os.ReadFile(filepath.Join("..", "testdata", "hostile", "ole-named.docx"))
	if err != nil {
		t.Fatal(err)
	}
	docx := []string{"另存为 .docx", "soffice --headless --convert-to docx"}
	for _, tc := range []struct {
		name string
		file string
		data []byte
		want []string
	}{
		{"encrypted", "a.doc", makeDoc(t, simpleDoc(), docOpts{flags: fibEncrypted}), append([]string{"encrypted"}, docx...)},
		{"obfuscated", "a.doc", makeDoc(t, simpleDoc(), docOpts{flags: fibObfuscated}), append([]string{"encrypted"}, docx...)},
		{"Word 95", "a.doc", makeDoc(t, simpleDoc(), docOpts{nFib: 0x65}), append([]string{"Word 6.0/95"}, docx...)},
		{"workbook named .doc", "a.doc", makeCFB(t, []string{"Workbook"}, map[string][]byte{"Workbook": big(nil)}),
			[]string{"另存为 .xlsx", "soffice --headless --convert-to xlsx"}},
		{".et", "a.et", makeCFB(t, []string{"Workbook"}, map[string][]byte{"Workbook": big(nil)}),
			[]string{"另存为 .xlsx", "soffice --headless --convert-to xlsx"}},
		{"other .wps", "a.wps", makeCFB(t, []string{"WPS"}, map[string][]byte{"WPS": big(nil)}), append([]string{".wps"}, docx...)},
		{"no Word stream", "a.doc", makeCFB(t, []string{"Contents"}, map[string][]byte{"Contents": big(nil)}), append([]string{"without a Word document"}, docx...)},
		{"encrypted docx", "a.docx", makeCFB(t, []string{"EncryptedPackage"}, map[string][]byte{"EncryptedPackage": big(nil)}), append([]string{"encrypted"}, docx...)},
		{"no table", "a.doc", makeDoc(t, []wpara{{text: "只有正文", mark: chParaEnd}}, docOpts{}), []string{"no table"}},
		{"web page", "a.doc", []byte("<html><body><table><tr><td>序号</td></tr></table></body></html>"), append([]string{"web page"}, docx...)},
		{"MHT", "a.doc", []byte("MIME-Version: 1.0\r\nContent-Type: multipart/related\r\n"), append([]string{"web page"}, docx...)},
		{"Word XML", "a.doc", []byte("<?xml version=\"1.0\"?><w:wordDocument/>"), append([]string{"Word XML"}, docx...)},
		{"zeroed OLE header", "a.docx", hostile, append([]string{"damaged compound"}, docx...)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := readDocBytes(t, tc.data, tc.file)
			if err == nil {
				t.Fatal("no error")
			}
			if !errors.Is(err, ErrInput) || !strings.Contains(err.Error(), tc.file) {
				t.Errorf("%v: want ErrInput naming the file", err)
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("%v: want %q in it", err, w)
				}
			}
		})
	}
}

// TestReadDocDamaged: structures pointing outside their streams, counts
// out of range and cut files are input errors, never panics.
func TestReadDocDamaged(t *testing.T) {
	le := binary.LittleEndian
	fib := func(off int, v uint32) func(wd, tbl []byte) {
		return func(wd, tbl []byte) { le.PutUint32(wd[off:], v) }
	}
	const fcClx, lcbClx, fcPapx, lcbPapx, ccpText = 154 + 8*33, 154 + 8*33 + 4, 154 + 8*13, 154 + 8*13 + 4, 64 + 12
	fixture, err := os.ReadFile(filepath.Join("..", "testdata", "fixtures", "zhuzhou.doc"))
	if err != nil {
		t.Fatal(err)
	}
	cases := map[string][]byte{
		"cut at 60%":      fixture[:len(fixture)*6/10],
		"cut at 600":      fixture[:600],
		"header only":     fixture[:512],
		"CLX outside":     makeDoc(t, simpleDoc(), docOpts{patch: fib(fcClx, 1<<30)}),
		"CLX huge":        makeDoc(t, simpleDoc(), docOpts{patch: fib(lcbClx, 0xFFFFFFFF)}),
		"no CLX":          makeDoc(t, simpleDoc(), docOpts{patch: fib(lcbClx, 0)}),
		"PAPX outside":    makeDoc(t, simpleDoc(), docOpts{patch: fib(fcPapx, 0xFFFFFFF0)}),
		"PAPX odd size":   makeDoc(t, simpleDoc(), docOpts{patch: fib(lcbPapx, 7)}),
		"text too long":   makeDoc(t, simpleDoc(), docOpts{patch: fib(ccpText, 0xFFFFFFFF)}),
		"text past piece": makeDoc(t, simpleDoc(), docOpts{patch: fib(ccpText, 1000)}),
		"FIB cut":         makeDoc(t, simpleDoc(), docOpts{patch: func(wd, tbl []byte) { le.PutUint16(wd[32:], 0xFFFF) }}),
		"not a FIB":       makeDoc(t, simpleDoc(), docOpts{patch: func(wd, tbl []byte) { le.PutUint16(wd[0:], 0x1234) }}),
		"piece outside": makeDoc(t, simpleDoc(), docOpts{patch: func(wd, tbl []byte) {
			le.PutUint32(tbl[1+4+4*2+2:], 0x3FFFFFF0) // the first piece's fc
		}}),
		"pieces backwards": makeDoc(t, simpleDoc(), docOpts{pieceChars: 5, patch: func(wd, tbl []byte) {
			le.PutUint32(tbl[1+4+8:], 1) // the third piece starts before the second
		}}),
		"unknown CLX entry": makeDoc(t, simpleDoc(), docOpts{patch: func(wd, tbl []byte) { tbl[0] = 0x07 }}),
		"FKP page outside": makeDoc(t, simpleDoc(), docOpts{patch: func(wd, tbl []byte) {
			off := le.Uint32(wd[fcPapx:])
			le.PutUint32(tbl[off+8:], 0x3FFFFF)
		}}),
		"FKP run count": makeDoc(t, simpleDoc(), docOpts{patch: func(wd, tbl []byte) {
			off := le.Uint32(wd[fcPapx:])
			pn := le.Uint32(tbl[off+8:])
			wd[pn*fkpSize+fkpSize-1] = 0xFF
		}}),
	}
	for name, data := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := readDocBytes(t, data, "d.doc")
			if err == nil {
				t.Fatal("no error")
			}
			if !errors.Is(err, ErrInput) || !strings.Contains(err.Error(), "d.doc") || !strings.Contains(err.Error(), "另存为 .docx") {
				t.Errorf("%v: want ErrInput naming the file, with the way to convert it", err)
			}
		})
	}
}

// cpRange finds s in the text of the paragraphs (marks included) and
// returns its CP range.
func cpRange(t *testing.T, ps []wpara, s string) [2]int {
	t.Helper()
	var all []rune
	for _, p := range ps {
		all = append(all, []rune(p.text)...)
		all = append(all, rune(p.mark))
	}
	i := strings.Index(string(all), s)
	if i < 0 {
		t.Fatalf("%q not in the document", s)
	}
	start := len([]rune(string(all)[:i]))
	return [2]int{start, start + len([]rune(s))}
}

// TestReadDocDeletions: tracked deletions are left out, as the .docx
// reader leaves out w:del: a word, a paragraph mark inside a cell, a whole
// row.
func TestReadDocDeletions(t *testing.T) {
	ps := []wpara{{text: "某局权力清单", mark: chParaEnd}}
	ps = append(ps, docTable([][]string{
		{"序号", "权力名称", "权力依据"},
		{"1", "对甲删去的处罚", "《甲法》第一条\r第二款"},
		{"2", "已删除的事项", "《乙法》第二条"},
		{"3", "对丙的检查", "《丙法》第三条"},
	})...)
	ps = append(ps, wpara{mark: chParaEnd})
	mark := cpRange(t, ps, "第一条\r")
	deleted := [][2]int{
		cpRange(t, ps, "删去"),
		{mark[1] - 1, mark[1]}, // the paragraph mark alone
		cpRange(t, ps, "2\a已删除的事项\a《乙法》第二条\a\a"),
	}
	for name, o := range map[string]docOpts{
		"one piece": {deleted: deleted},
		"pieces":    {deleted: deleted, pieceChars: 4, compress: true},
	} {
		t.Run(name, func(t *testing.T) {
			c, err := readDocBytes(t, makeDoc(t, ps, o), "del.doc")
			if err != nil {
				t.Fatal(err)
			}
			if got := seqs(c); !reflect.DeepEqual(got, []string{"1", "3"}) {
				t.Fatalf("seqs %v, want 1 and 3", got)
			}
			e := c.Entries[0]
			if e.Text(KeyName) != "对甲的处罚" || e.Text(KeyBasis) != "《甲法》第一条第二款" {
				t.Errorf("entry 1: %q %q", e.Text(KeyName), e.Text(KeyBasis))
			}
			if f := c.Entries[1].Field(KeyName); f.Text != "对丙的检查" || f.Loc.Row != 3 {
				t.Errorf("entry 2: %+v", f)
			}
		})
	}
	// The same catalog as .docx (the deleted row left out, its numbering
	// kept) reads the same.
	want, err := readDocBytes(t, makeDocx(t, wp("某局权力清单")+wtbl(
		plainRow("序号", "权力名称", "权力依据"),
		wtr(wtc("", wp("1")), wtc("", `<w:p><w:r><w:t>对甲</w:t></w:r><w:del><w:r><w:delText>删去</w:delText></w:r></w:del><w:r><w:t>的处罚</w:t></w:r></w:p>`), wtc("", wp("《甲法》第一条第二款"))),
		plainRow("3", "对丙的检查", "《丙法》第三条"),
	)), "del.docx")
	if err != nil {
		t.Fatal(err)
	}
	got, err := readDocBytes(t, makeDoc(t, ps, docOpts{deleted: deleted}), "del.doc")
	if err != nil {
		t.Fatal(err)
	}
	sameEntries(t, got, want)
}

// makeBigDoc writes a catalog of n entries as a Word 97 table of 9
// columns, the content makeBigDocx writes.
func makeBigDoc(t testing.TB, n int) []byte {
	t.Helper()
	rows := [][]string{{"序号", "权力类型", "权力名称", "权力依据", "责任事项", "责任事项依据", "责任科室", "追责对象范围", "备注"}}
	for i := 1; i <= n; i++ {
		rows = append(rows, []string{
			fmt.Sprint(i),
			"行政处罚",
			fmt.Sprintf("对第%d种违法行为的处罚", i),
			fmt.Sprintf("《中华人民共和国社会保险法》第%d条：用人单位不办理社会保险登记的，由社会保险行政部门责令限期改正；逾期不改正的，对用人单位处应缴社会保险费数额一倍以上三倍以下的罚款。", i%100+1),
			"1.立案责任：决定是否立案。\r2.调查责任：执法人员不得少于2人。\r3.审查责任：提出处理意见。",
			"《中华人民共和国行政处罚法》第17、42、43条",
			"基金监管股",
			"局法定代表人及分管领导、内设机构负责人、具体承办人",
			"",
		})
	}
	ps := []wpara{{text: "某局权力清单和责任清单", mark: chParaEnd}}
	ps = append(ps, docTable(rows)...)
	return makeDoc(t, append(ps, wpara{mark: chParaEnd}), docOpts{})
}

// BenchmarkReadDoc10k reads a 10,000-entry .doc (the target set for .docx
// and .xlsx: under 2 s and 300 MB).
func BenchmarkReadDoc10k(b *testing.B) {
	benchRead(b, makeBigDoc(b, 10000), "big.doc", 10000)
}
