package catalog

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// docSeeds are the .doc fixtures and a few built documents.
func docSeeds(f *testing.F) [][]byte {
	var out [][]byte
	paths, _ := filepath.Glob(filepath.Join("..", "testdata", "fixtures", "*.doc"))
	more, _ := filepath.Glob(filepath.Join("..", "testdata", "catalog", "doc", "*.doc"))
	for _, p := range append(paths, more...) {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		out = append(out, data)
	}
	if len(out) < 2 {
		f.Fatalf("found %d .doc seeds", len(out))
	}
	out = append(out,
		makeDoc(f, simpleDoc(), docOpts{}),
		makeDoc(f, simpleDoc(), docOpts{pieceChars: 3, compress: true, hugeOver: 4}),
	)
	return out
}

// FuzzReadDoc reads anything as a .doc: the compound file, then the Word
// document in it.
func FuzzReadDoc(f *testing.F) {
	for _, d := range docSeeds(f) {
		f.Add(d)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := ReadFrom(bytes.NewReader(data), "f.doc", FormatDoc)
		if err != nil {
			return
		}
		checkCatalog(t, c, "f.doc")
	})
}

// FuzzWordStreams fuzzes the streams inside the container (mutating a
// compound file mostly breaks the container): the FIB, the piece table,
// the FKPs and the text.
func FuzzWordStreams(f *testing.F) {
	for _, d := range docSeeds(f) {
		streams, err := oleStreams(d)
		if err != nil {
			f.Fatal(err)
		}
		tbl := streams["1Table"]
		if tbl == nil {
			tbl = streams["0Table"]
		}
		f.Add(streams["WordDocument"], tbl, streams["Data"])
	}
	f.Fuzz(func(t *testing.T, wd, tbl, data []byte) {
		streams := map[string][]byte{"WordDocument": wd, "0Table": tbl, "1Table": tbl, "Data": data}
		c, err := readWordStreams(streams, "f.doc", DefaultSynonyms())
		if err != nil {
			return
		}
		checkCatalog(t, c, "f.doc")
	})
}

// FuzzDocParagraphs fuzzes the text and the paragraph properties of a
// well-formed document: control characters, fields, sprms.
func FuzzDocParagraphs(f *testing.F) {
	f.Add("序号\x07权力名称\x07权力依据\x07", []byte(nil), "1\x07甲\x13 X \x14乙\x15\x07《甲法》第一条\x07", rowEnd, false)
	f.Add("序号\x07权力名称\x07", tdefTable([]int16{0, 100, 300}, []uint16{0x60, 0}), "1\x07\x0b\x07", rowEnd, true)
	f.Fuzz(func(t *testing.T, head string, headSprms []byte, body string, bodySprms []byte, compress bool) {
		if len(headSprms) > 4000 || len(bodySprms) > 4000 || len(head)+len(body) > 1<<16 {
			return
		}
		var ps []wpara
		for i, text := range []string{head, body} {
			g := append(append([]byte(nil), inCell...), headSprms...)
			if i == 1 {
				g = append(append([]byte(nil), inCell...), bodySprms...)
			}
			for _, part := range bytes.Split([]byte(text), []byte{chCellMark}) {
				ps = append(ps, wpara{text: string(part), mark: chCellMark, sprms: inCell})
			}
			ps = append(ps, wpara{mark: chCellMark, sprms: append(g, rowEnd...)})
		}
		ps = append(ps, wpara{mark: chParaEnd})
		doc := makeDoc(t, ps, docOpts{compress: compress, pieceChars: 5, hugeOver: 64})
		c, err := ReadFrom(bytes.NewReader(doc), "f.doc", FormatDoc)
		if err != nil {
			return
		}
		checkCatalog(t, c, "f.doc")
	})
}
