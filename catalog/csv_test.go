package catalog

import (
	"errors"
	"math/rand"
	"os"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

func TestCSVStructures(t *testing.T) {
	src := "\ufeff某局权力清单,,,,\n" +
		"序号,权力名称,责任事项,,备注\n" +
		",,内容,依据,\n" +
		"1,对甲的处罚,\"1.立案\n2.调查\",《甲法》第一条,\n" +
		"注：本表依据截至2025年。,,,,\n" +
		"2,\"对\"\"乙\"\"的处罚\",同上,《乙法》第二条\n" // one field short
	c, err := readBytes(t, []byte(src), "s.csv")
	if err != nil {
		t.Fatal(err)
	}
	if c.Title != "某局权力清单" || c.TitleField.Loc.Row != 1 {
		t.Errorf("title %q %+v", c.Title, c.TitleField)
	}
	want := []Key{KeySeq, KeyName, KeyDuties, KeyDutyBasis, KeyNote}
	if got := headerKeys(c); !reflect.DeepEqual(got, want) {
		t.Fatalf("header %+v", c.Header)
	}
	if got := seqs(c); !reflect.DeepEqual(got, []string{"1", "2"}) {
		t.Fatalf("seqs %v", got)
	}
	e1, e2 := c.Entries[0], c.Entries[1]
	if f := e1.Field(KeyDuties); f.Text != "1.立案\n2.调查" || f.Loc.Line != 4 || f.Loc.LineCol != 10 || f.Loc.Row != 4 || f.Loc.Col != 3 {
		t.Errorf("quoted multi-line field %+v", f)
	}
	if f := e1.Field(KeyDutyBasis); f.Loc.Line != 5 || f.Loc.LineCol != 7 {
		t.Errorf("field after a multi-line one: %+v", f.Loc)
	}
	if !e2.Short || e2.Text(KeyName) != `对"乙"的处罚` {
		t.Errorf("entry 2: short %v name %q", e2.Short, e2.Text(KeyName))
	}
}

func TestCSVEncodings(t *testing.T) {
	src := "序号,权力名称,权力依据\n1,对甲的处罚,《甲法》第一条\n"
	gb, err := simplifiedchinese.GB18030.NewEncoder().String(src)
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string]string{
		"utf-8":     src,
		"bom":       "\ufeff" + src,
		"gb18030":   gb,
		"crlf":      strings.ReplaceAll(src, "\n", "\r\n"),
		"semicolon": strings.ReplaceAll(src, ",", ";"),
	} {
		c, err := readBytes(t, []byte(data), "e.csv")
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if len(c.Entries) != 1 || c.Entries[0].Text(KeyName) != "对甲的处罚" || c.Entries[0].Text(KeyBasis) != "《甲法》第一条" {
			t.Errorf("%s: %+v", name, c.Entries)
		}
	}
}

func TestCSVHostile(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	random := make([]byte, 4096)
	rng.Read(random)
	png, _ := os.ReadFile("../testdata/fixtures/zhuzhou.xlsx") // a zip named .csv
	for name, data := range map[string][]byte{
		"empty":        {},
		"binary":       random,
		"nul":          []byte("序号,权力名称\x00\n"),
		"invalid utf8": []byte("序号,权力名称,权力依据\n1,\xff\xff\xff\xff,x\n"),
		"no header":    []byte("a,b,c\n1,2,3\n"),
		"only quotes":  []byte(strings.Repeat("\"", 1000)),
	} {
		t.Run(name, func(t *testing.T) {
			_, err := readBytes(t, data, "h.csv")
			if err == nil {
				t.Fatal("no error")
			}
			if !errors.Is(err, ErrInput) || !strings.Contains(err.Error(), "h.csv") {
				t.Errorf("%v: want ErrInput naming the file", err)
			}
		})
	}
	// A real .xlsx misnamed .csv is read as what it is.
	if c, err := readBytes(t, png, "misnamed.csv"); err != nil || c.Format != FormatXlsx {
		t.Errorf("xlsx named .csv: %v", err)
	}
}
