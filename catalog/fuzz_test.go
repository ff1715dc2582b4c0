package catalog

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// addSeeds adds every test file with one of the extensions to the corpus.
func addSeeds(f *testing.F, exts ...string) {
	for _, dir := range []string{"seeds", "fixtures", "catalog", "kv"} {
		paths, _ := filepath.Glob(filepath.Join("..", "testdata", dir, "*"))
		for _, p := range paths {
			for _, ext := range exts {
				if strings.HasSuffix(p, ext) {
					data, err := os.ReadFile(p)
					if err != nil {
						f.Fatal(err)
					}
					f.Add(data)
				}
			}
		}
	}
}

// checkCatalog holds what every successful read must satisfy.
func checkCatalog(t *testing.T, c *Catalog, name string) {
	t.Helper()
	for i, e := range c.Entries {
		if e.Index != i+1 {
			t.Fatalf("entry %d has index %d", i+1, e.Index)
		}
		for _, f := range e.Fields {
			if f.Loc.File != name {
				t.Fatalf("field location %+v", f.Loc)
			}
		}
		// Seq is the first 序号 field's (a header may name two columns 序号).
		if f := e.Field(KeySeq); f != nil && e.Seq != strings.TrimFunc(f.Text, isSpaceLike) {
			t.Fatalf("seq %q for field %q", e.Seq, f.Text)
		}
	}
}

func FuzzReadText(f *testing.F) {
	addSeeds(f, ".txt")
	f.Add([]byte(" \t序号\n\t权力名称\n\t权力依据\n\t1\n\t甲\n"))
	f.Add([]byte("\t事项名称\n\t对甲的处罚\n\t事项类型\n\t行政处罚\n\t设定依据：《甲法》第一条\n续行\n\t承办机构\n\t科\n\n\t事项名称\n\t对乙的处罚\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := ReadFrom(bytes.NewReader(data), "f.txt", FormatText)
		if err != nil {
			return
		}
		checkCatalog(t, c, "f.txt")
		if !utf8.Valid(data) {
			return // decoded from GB18030: positions are in the decoded text
		}
		src := strings.TrimPrefix(string(data), "\ufeff")
		lines := strings.Split(src, "\n")
		for i := range lines {
			lines[i] = strings.TrimSuffix(lines[i], "\r")
		}
		for _, e := range c.Entries {
			for i := range e.Fields {
				checkTextLoc(t, lines, &e.Fields[i])
			}
		}
	})
}

func FuzzReadCSV(f *testing.F) {
	addSeeds(f, ".csv")
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := ReadFrom(bytes.NewReader(data), "f.csv", FormatCSV)
		if err != nil {
			return
		}
		checkCatalog(t, c, "f.csv")
	})
}

func FuzzReadDocx(f *testing.F) {
	addSeeds(f, ".docx")
	f.Add(makeDocx(f, wtbl(plainRow("序号", "权力名称", "权力依据"), plainRow("1", "甲", "《甲法》第一条"))))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := ReadFrom(bytes.NewReader(data), "f.docx", FormatDocx)
		if err != nil {
			return
		}
		checkCatalog(t, c, "f.docx")
	})
}

// FuzzDocxXML fuzzes the document XML itself (mutating a zip rarely gets
// past its checksums).
func FuzzDocxXML(f *testing.F) {
	f.Add(wtbl(plainRow("序号", "权力名称", "权力依据"), plainRow("1", "甲", "《甲法》第一条")))
	f.Add(wtbl(wtr(wtc(`<w:gridSpan w:val="3"/>`, wp("标题"))), plainRow("序号", "权力名称", "权力依据"),
		wtr(wtc(`<w:vMerge w:val="restart"/>`, wp("1")), wtc("", wtbl(plainRow("a"))), wtc("", wp("x")))))
	f.Fuzz(func(t *testing.T, body string) {
		c, err := ReadFrom(bytes.NewReader(makeDocx(t, body)), "f.docx", FormatDocx)
		if err != nil {
			return
		}
		checkCatalog(t, c, "f.docx")
	})
}

func FuzzReadXlsx(f *testing.F) {
	addSeeds(f, ".xlsx")
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := ReadFrom(bytes.NewReader(data), "f.xlsx", FormatXlsx)
		if err != nil {
			return
		}
		checkCatalog(t, c, "f.xlsx")
	})
}

// FuzzRead sniffs the format of anything.
func FuzzRead(f *testing.F) {
	addSeeds(f, ".txt", ".csv", ".doc")
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := ReadFrom(bytes.NewReader(data), "f", "")
		if err != nil {
			return
		}
		checkCatalog(t, c, "f")
	})
}
