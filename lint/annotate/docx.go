package annotate

import (
	"archive/zip"
	"bytes"
	"cmp"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/citelint/citelint/catalog"
	"github.com/citelint/citelint/lint"
)

// Part size limits, as the reader's (catalog/zipparts.go).
const (
	maxMainPart  = 128 << 20
	maxOtherPart = 16 << 20
)

const (
	relComments  = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
	relOfficeDoc = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
	ctComments   = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
	ctRels       = "application/vnd.openxmlformats-package.relationships+xml"
	nsRels       = "http://schemas.openxmlformats.org/package/2006/relationships"
)

// docxComment is one comment to write: its id, its anchor in a block and
// its paragraphs.
type docxComment struct {
	id    int
	paras []string
}

func annotateDocx(src []byte, cat *catalog.Catalog, diags []lint.Diagnostic) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(src), int64(len(src)))
	if err != nil {
		return nil, fmt.Errorf("not a valid .docx (zip) file: %w", err)
	}
	files := map[string]*zip.File{}
	for _, f := range zr.File {
		files[f.Name] = f
	}
	mainName := mainPart(files)
	if mainName == "" {
		return nil, errors.New("not a Word document: the archive has no word/document.xml")
	}
	doc, err := readPart(files[mainName], maxMainPart)
	if err != nil {
		return nil, err
	}
	walk, err := walkDocument(doc)
	if err != nil {
		return nil, err
	}
	relsName := path.Join(path.Dir(mainName), "_rels", path.Base(mainName)+".rels")
	var rels []byte
	if f := files[relsName]; f != nil {
		if rels, err = readPart(f, maxOtherPart); err != nil {
			return nil, err
		}
	}
	commentsName, err := commentsTarget(rels, mainName)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", relsName, err)
	}
	var comments []byte
	if commentsName != "" {
		if f := files[commentsName]; f != nil {
			if comments, err = readPart(f, maxOtherPart); err != nil {
				return nil, err
			}
		}
	}
	maxID, err := maxCommentID(comments)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", commentsName, err)
	}
	next := max(maxID, walk.maxID) + 1

	// Anchor every finding.
	pl := newPlacer(walk)
	var cs []docxComment
	for i := range diags {
		d := &diags[i]
		id := next + i
		note := ""
		b, a, e, ok := locate(walk, cat, d)
		switch {
		case !ok:
			b, note = nil, noteNoPlace
		case b.complex || a < 0:
			note = noteWholeCell
		}
		if b == nil {
			if walk.first == nil {
				return nil, errors.New("document.xml has no paragraph to anchor comments on")
			}
			pl.whole(id, &block{paras: []*paraInfo{walk.first}})
		} else if note != "" || a < 0 {
			pl.whole(id, b)
		} else {
			pl.span(id, b, a, e)
		}
		cs = append(cs, docxComment{id: id, paras: commentParagraphs(d, note)})
	}
	if len(cs) == 0 {
		return slices.Clone(src), nil
	}
	newDoc, err := pl.apply(doc)
	if err != nil {
		return nil, err
	}

	replaced := map[string][]byte{mainName: newDoc}
	var added []string
	if commentsName == "" || files[commentsName] == nil {
		if commentsName == "" {
			commentsName = freePartName(files, path.Join(path.Dir(mainName), "comments.xml"))
			newRels, err := addRelationship(rels, relPath(mainName, commentsName))
			if err != nil {
				return nil, fmt.Errorf("%s: %w", relsName, err)
			}
			if files[relsName] == nil {
				added = append(added, relsName)
			}
			replaced[relsName] = newRels
		}
		replaced[commentsName] = newCommentsPart(cs)
		added = append(added, commentsName)
		ct, err := readPart(files["[Content_Types].xml"], maxOtherPart)
		if err != nil {
			return nil, err
		}
		if ct, err = addOverride(ct, "/"+commentsName); err != nil {
			return nil, fmt.Errorf("[Content_Types].xml: %w", err)
		}
		replaced["[Content_Types].xml"] = ct
	} else {
		out, err := appendComments(comments, cs)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", commentsName, err)
		}
		replaced[commentsName] = out
	}
	return writeZip(zr, replaced, added)
}

// mainPart is the target of the package's officeDocument relationship,
// else word/document.xml (as catalog.docxMain).
func mainPart(files map[string]*zip.File) string {
	if f := files["_rels/.rels"]; f != nil {
		if data, err := readPart(f, 1<<20); err == nil {
			var doc relationships
			if xml.Unmarshal(data, &doc) == nil {
				for _, r := range doc.Rels {
					if strings.HasSuffix(r.Type, "/officeDocument") {
						if n := strings.TrimPrefix(path.Clean("/"+r.Target), "/"); files[n] != nil {
							return n
						}
					}
				}
			}
		}
	}
	if files["word/document.xml"] != nil {
		return "word/document.xml"
	}
	return ""
}

type relationships struct {
	Rels []struct {
		ID         string `xml:"Id,attr"`
		Type       string `xml:"Type,attr"`
		Target     string `xml:"Target,attr"`
		TargetMode string `xml:"TargetMode,attr"`
	} `xml:"Relationship"`
}

func readPart(f *zip.File, limit int64) ([]byte, error) {
	if f == nil {
		return nil, errors.New("a part of the document is missing")
	}
	if f.UncompressedSize64 > uint64(limit) {
		return nil, fmt.Errorf("%s: part larger than %d MB", f.Name, limit>>20)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", f.Name, err)
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, limit+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", f.Name, err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%s: part larger than %d MB", f.Name, limit>>20)
	}
	return data, nil
}

// commentsTarget is the comments part the main part's relationships name,
// "" when none.
func commentsTarget(rels []byte, mainName string) (string, error) {
	if rels == nil {
		return "", nil
	}
	var doc relationships
	if err := xml.Unmarshal(rels, &doc); err != nil {
		return "", fmt.Errorf("not well-formed XML: %w", err)
	}
	for _, r := range doc.Rels {
		if r.Type == relComments && r.TargetMode != "External" {
			if strings.HasPrefix(r.Target, "/") {
				return strings.TrimPrefix(path.Clean(r.Target), "/"), nil
			}
			return strings.TrimPrefix(path.Clean("/"+path.Join(path.Dir(mainName), r.Target)), "/"), nil
		}
	}
	return "", nil
}

// relPath is target relative to the directory of source (both part names).
func relPath(source, target string) string {
	dir := path.Dir(source) + "/"
	if dir == "./" {
		return target
	}
	if strings.HasPrefix(target, dir) {
		return strings.TrimPrefix(target, dir)
	}
	return "/" + target
}

func freePartName(files map[string]*zip.File, name string) string {
	if files[name] == nil {
		return name
	}
	base := strings.TrimSuffix(name, ".xml")
	for i := 2; ; i++ {
		if n := base + strconv.Itoa(i) + ".xml"; files[n] == nil {
			return n
		}
	}
}

// maxCommentID is the largest w:id of the existing comments, -1 if none.
func maxCommentID(comments []byte) (int, error) {
	maxID := -1
	if comments == nil {
		return maxID, nil
	}
	dec := xml.NewDecoder(bytes.NewReader(comments))
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return maxID, nil
		}
		if err != nil {
			return 0, fmt.Errorf("not well-formed XML: %w", err)
		}
		if se, ok := tok.(xml.StartElement); ok {
			for _, a := range se.Attr {
				if a.Name.Local == "id" && a.Name.Space == nsW {
					if n, err := strconv.Atoi(a.Value); err == nil && n > maxID {
						maxID = n
					}
				}
			}
		}
	}
}

// locate finds the block of a diagnostic's field and the byte range of its
// text there; a < 0 when the block is found but its text is not the
// field's (the anchor then covers the block).
func locate(w *docWalk, cat *catalog.Catalog, d *lint.Diagnostic) (b *block, a, e int, ok bool) {
	t, ok := targetOf(cat, d)
	if !ok {
		return nil, 0, 0, false
	}
	loc := t.field.Loc
	b = w.blocks[blockKey{loc.Sheet, loc.Row, loc.Col}]
	if b == nil {
		return nil, 0, 0, false
	}
	if b.text.String() != t.field.Text {
		return b, -1, -1, true
	}
	return b, t.start, t.end, true
}

// slotKind says how markers are put at a place of document.xml.
type slotKind int

const (
	sRaw   slotKind = iota // between elements of paragraph content: inserted as they are
	sSplit                 // between two children of a run: the run is closed and reopened
	sText                  // inside a w:t: the w:t (and its run) is split
)

type slotKey struct {
	kind slotKind
	pos  int // raw offset; for sText the w:t's start
	k    int // sText: byte offset into the w:t's text
}

type slot struct {
	key  slotKey
	run  *runInfo
	t    *tInfo
	para *paraInfo // sRaw inside a self-closing paragraph
	// marks in the order they come: ends of ranges started elsewhere,
	// then starts, then ends of ranges that start here too.
	starts, ends []int
}

// placer gathers the markers of every comment by place.
type placer struct {
	w     *docWalk
	slots map[slotKey]*slot
}

func newPlacer(w *docWalk) *placer { return &placer{w: w, slots: map[slotKey]*slot{}} }

func (pl *placer) at(s slot) *slot {
	if got := pl.slots[s.key]; got != nil {
		return got
	}
	ns := s
	pl.slots[s.key] = &ns
	return &ns
}

func rawSlot(pos int, para *paraInfo) slot {
	s := slot{key: slotKey{kind: sRaw, pos: pos}}
	if para != nil && para.selfClosing {
		s.para = para
	}
	return s
}

// whole anchors comment id on all of b's paragraphs.
func (pl *placer) whole(id int, b *block) {
	first, last := b.paras[0], b.paras[len(b.paras)-1]
	s := pl.at(rawSlot(first.contentStart, first))
	s.starts = append(s.starts, id)
	s = pl.at(rawSlot(last.endTagStart, last))
	s.ends = append(s.ends, id)
}

// span anchors comment id on b's text [a, e).
func (pl *placer) span(id int, b *block, a, e int) {
	s := pl.at(b.startSlot(a))
	s.starts = append(s.starts, id)
	if e > a {
		// (an empty range closes where it opens: the slot ending the
		// text before it may lie before the one opening the text after)
		s = pl.at(b.endSlot(e))
	}
	s.ends = append(s.ends, id)
}

// startSlot is where a range starting at byte a of the block's text opens.
func (b *block) startSlot(a int) slot {
	if len(b.pieces) == 0 {
		return rawSlot(b.paras[0].contentStart, b.paras[0])
	}
	if a >= b.text.Len() {
		return b.after(len(b.pieces) - 1)
	}
	i, _ := slices.BinarySearchFunc(b.pieces, a, func(p piece, a int) int {
		if p.end <= a {
			return -1
		}
		if p.start > a {
			return 1
		}
		return 0
	})
	p := &b.pieces[i]
	if a == p.start {
		return b.before(i)
	}
	return slot{key: slotKey{kind: sText, pos: p.t.start, k: a - p.start}, run: p.run, t: p.t}
}

// endSlot is where a range ending at byte e of the block's text closes.
func (b *block) endSlot(e int) slot {
	if len(b.pieces) == 0 {
		return rawSlot(b.paras[0].contentStart, b.paras[0])
	}
	if e <= 0 {
		return b.before(0)
	}
	i, _ := slices.BinarySearchFunc(b.pieces, e, func(p piece, e int) int {
		if p.end < e {
			return -1
		}
		if p.start >= e {
			return 1
		}
		return 0
	})
	p := &b.pieces[i]
	if e == p.end {
		return b.after(i)
	}
	return slot{key: slotKey{kind: sText, pos: p.t.start, k: e - p.start}, run: p.run, t: p.t}
}

func (b *block) before(i int) slot {
	p := &b.pieces[i]
	switch {
	case p.kind == pPara:
		prev := b.paras[p.para-1]
		return rawSlot(prev.endTagStart, prev)
	case p.run.first == i:
		return rawSlot(p.run.start, nil)
	}
	return slot{key: slotKey{kind: sSplit, pos: p.elemStart}, run: p.run}
}

func (b *block) after(i int) slot {
	p := &b.pieces[i]
	switch {
	case p.kind == pPara:
		next := b.paras[p.para]
		return rawSlot(next.contentStart, next)
	case p.run.last == i:
		return rawSlot(p.run.end, nil)
	}
	return slot{key: slotKey{kind: sSplit, pos: p.elemEnd}, run: p.run}
}

// edit replaces del bytes at pos with text; edits at one place apply in
// order.
type edit struct {
	pos, del int
	order    int
	text     string
}

// Orders of edits at one offset: markers, then a w:t's rewrite (which
// starts there), then the end tag of a paragraph that was self-closing.
const (
	orderMarks = iota
	orderRewrite
	orderClose
)

// marks renders a slot's markers.
func (pl *placer) marks(s *slot) string {
	var b strings.Builder
	starts := map[int]bool{}
	for _, id := range s.starts {
		starts[id] = true
	}
	slices.Sort(s.starts)
	slices.Sort(s.ends)
	for _, id := range s.ends {
		if !starts[id] {
			b.WriteString(pl.end(id))
		}
	}
	for _, id := range s.starts {
		b.WriteString(pl.start(id))
	}
	for _, id := range s.ends {
		if starts[id] {
			b.WriteString(pl.end(id))
		}
	}
	return b.String()
}

// el opens an element of WordprocessingML: with the document's prefix, or
// with a declaration of its own when the root binds none.
func (pl *placer) el(local string) (open, pfx string) {
	if pl.w.prefix != "" {
		return "<" + pl.w.prefix + ":" + local, pl.w.prefix + ":"
	}
	return `<w:` + local + ` xmlns:w="` + nsW + `"`, "w:"
}

func (pl *placer) start(id int) string {
	open, p := pl.el("commentRangeStart")
	return open + ` ` + p + `id="` + strconv.Itoa(id) + `"/>`
}

func (pl *placer) end(id int) string {
	open, p := pl.el("commentRangeEnd")
	ropen, _ := pl.el("r")
	return open + ` ` + p + `id="` + strconv.Itoa(id) + `"/>` +
		ropen + `><` + p + `commentReference ` + p + `id="` + strconv.Itoa(id) + `"/></` + p + `r>`
}

// apply writes the markers into document.xml.
func (pl *placer) apply(doc []byte) ([]byte, error) {
	var edits []edit
	texts := map[*tInfo][]*slot{}
	closed := map[*paraInfo]bool{}
	for _, s := range pl.slots {
		m := pl.marks(s)
		switch s.key.kind {
		case sRaw:
			edits = append(edits, edit{pos: s.key.pos, order: orderMarks, text: m})
			if p := s.para; p != nil && !closed[p] {
				closed[p] = true
				edits = append(edits,
					edit{pos: p.startTagEnd - 2, del: 2, order: orderRewrite, text: ">"},
					edit{pos: p.startTagEnd, order: orderClose, text: "</" + p.qname + ">"})
			}
		case sSplit:
			edits = append(edits, edit{pos: s.key.pos, order: orderMarks,
				text: "</" + s.run.qname + ">" + m + string(s.run.startTag) + string(s.run.rPr)})
		case sText:
			texts[s.t] = append(texts[s.t], s)
		}
	}
	for t, ss := range texts {
		slices.SortFunc(ss, func(a, b *slot) int { return cmp.Compare(a.key.k, b.key.k) })
		var b strings.Builder
		openT := "<" + t.qname + ` xml:space="preserve">`
		closeT := "</" + t.qname + ">"
		b.WriteString(openT)
		prev := 0
		for _, s := range ss {
			b.WriteString(escapeText(t.text[prev:s.key.k]))
			b.WriteString(closeT + "</" + s.run.qname + ">")
			b.WriteString(pl.marks(s))
			b.Write(s.run.startTag)
			b.Write(s.run.rPr)
			b.WriteString(openT)
			prev = s.key.k
		}
		b.WriteString(escapeText(t.text[prev:]))
		b.WriteString(closeT)
		edits = append(edits, edit{pos: t.start, del: t.end - t.start, order: orderRewrite, text: b.String()})
	}
	slices.SortFunc(edits, func(a, b edit) int {
		return cmp.Or(cmp.Compare(a.pos, b.pos), cmp.Compare(a.order, b.order), cmp.Compare(a.text, b.text))
	})
	var out bytes.Buffer
	out.Grow(len(doc) + len(edits)*120)
	at := 0
	for _, e := range edits {
		if e.pos < at || e.pos+e.del > len(doc) {
			return nil, errors.New("document.xml: comment anchors overlap (internal error)")
		}
		out.Write(doc[at:e.pos])
		out.WriteString(e.text)
		at = e.pos + e.del
	}
	out.Write(doc[at:])
	return out.Bytes(), nil
}

// escapeText escapes text for element content.
func escapeText(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", "\r", "&#xD;").Replace(validXML(s))
}

func escapeAttr(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "\n", "&#xA;", "\r", "&#xD;", "\t", "&#x9;").Replace(validXML(s))
}

// commentXML renders comments with prefix p ("w:").
func commentXML(cs []docxComment, decl string) string {
	var b strings.Builder
	for _, c := range cs {
		fmt.Fprintf(&b, `<w:comment%s w:id="%d" w:author="%s" w:date="%s" w:initials="%s">`,
			decl, c.id, escapeAttr(Author), CommentDate, escapeAttr(Initials))
		for i, p := range c.paras {
			b.WriteString("<w:p>")
			if i == 0 {
				b.WriteString("<w:r><w:annotationRef/></w:r>")
			}
			b.WriteString(`<w:r><w:t xml:space="preserve">` + escapeText(p) + `</w:t></w:r></w:p>`)
		}
		b.WriteString("</w:comment>")
	}
	return b.String()
}

func newCommentsPart(cs []docxComment) []byte {
	return []byte(xml.Header[:len(xml.Header)-1] + "\r\n" +
		`<w:comments xmlns:w="` + nsW + `">` + commentXML(cs, "") + `</w:comments>`)
}

// appendComments adds comments at the end of an existing comments part,
// leaving its own as they are.
func appendComments(part []byte, cs []docxComment) ([]byte, error) {
	// Our comments declare the namespace themselves: the part may bind
	// another prefix (or the default namespace) to it.
	return insertBeforeRootEnd(part, commentXML(cs, ` xmlns:w="`+nsW+`"`))
}

// insertBeforeRootEnd inserts s as the root element's last content.
func insertBeforeRootEnd(part []byte, s string) ([]byte, error) {
	dec := xml.NewDecoder(bytes.NewReader(part))
	depth, rootEnd, selfClosing := 0, -1, false
	for {
		off := int(dec.InputOffset())
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("not well-formed XML: %w", err)
		}
		switch tok.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
			if depth == 0 {
				rootEnd = off
				selfClosing = int(dec.InputOffset()) == off
			}
		}
	}
	if rootEnd < 0 {
		return nil, errors.New("no root element")
	}
	var out bytes.Buffer
	if selfClosing {
		// <Types .../>: reopen it.
		i := bytes.LastIndex(part[:rootEnd], []byte("/>"))
		j := bytes.LastIndexByte(part[:i], '<')
		name := part[j+1:]
		name = name[:bytes.IndexAny(name, " \t\r\n/>")]
		out.Write(part[:i])
		out.WriteString(">" + s + "</" + string(name) + ">")
		out.Write(part[rootEnd:])
		return out.Bytes(), nil
	}
	out.Write(part[:rootEnd])
	out.WriteString(s)
	out.Write(part[rootEnd:])
	return out.Bytes(), nil
}

// addRelationship adds the comments relationship (target relative to the
// main part) to the main part's relationships, creating them if need be.
func addRelationship(rels []byte, target string) ([]byte, error) {
	if rels == nil {
		rels = []byte(xml.Header[:len(xml.Header)-1] + "\r\n" + `<Relationships xmlns="` + nsRels + `"></Relationships>`)
	}
	var doc relationships
	if err := xml.Unmarshal(rels, &doc); err != nil {
		return nil, fmt.Errorf("not well-formed XML: %w", err)
	}
	used := map[string]bool{}
	for _, r := range doc.Rels {
		used[r.ID] = true
	}
	id := "rIdCitelint"
	for i := 2; used[id]; i++ {
		id = "rIdCitelint" + strconv.Itoa(i)
	}
	return insertBeforeRootEnd(rels, `<Relationship xmlns="`+nsRels+`" Id="`+id+`" Type="`+relComments+`" Target="`+escapeAttr(target)+`"/>`)
}

// addOverride declares the comments part's content type.
func addOverride(ct []byte, partName string) ([]byte, error) {
	var doc struct {
		Overrides []struct {
			PartName string `xml:"PartName,attr"`
		} `xml:"Override"`
	}
	if err := xml.Unmarshal(ct, &doc); err != nil {
		return nil, fmt.Errorf("not well-formed XML: %w", err)
	}
	for _, o := range doc.Overrides {
		if strings.EqualFold(o.PartName, partName) {
			return ct, nil
		}
	}
	return insertBeforeRootEnd(ct, `<Override xmlns="http://schemas.openxmlformats.org/package/2006/content-types" PartName="`+escapeAttr(partName)+`" ContentType="`+ctComments+`"/>`)
}

// writeZip copies the archive, with the replaced parts' new content and the
// added parts at the end.
func writeZip(zr *zip.Reader, replaced map[string][]byte, added []string) ([]byte, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	stamp, _ := time.Parse(time.RFC3339, CommentDate)
	write := func(name string, modified time.Time) error {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: modified})
		if err != nil {
			return err
		}
		_, err = w.Write(replaced[name])
		return err
	}
	isAdded := map[string]bool{}
	for _, n := range added {
		isAdded[n] = true
	}
	for _, f := range zr.File {
		if _, ok := replaced[f.Name]; ok && !isAdded[f.Name] {
			if err := write(f.Name, f.Modified); err != nil {
				return nil, err
			}
			continue
		}
		if err := zw.Copy(f); err != nil {
			return nil, fmt.Errorf("copy %s: %w", f.Name, err)
		}
	}
	for _, n := range added {
		if err := write(n, stamp); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
