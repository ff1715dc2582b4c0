package baseline

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/citelint/citelint/catalog"
	"github.com/citelint/citelint/lint"
)

func diag(rule string, index int, seq, field string, start, end int, msg string) lint.Diagnostic {
	return lint.Diagnostic{Rule: rule, Severity: lint.Error, Entry: &lint.EntryRef{Index: index, Seq: seq}, Field: field, Span: lint.Span{Start: start, End: end}, Message: msg}
}

func result(path string, ds ...lint.Diagnostic) *lint.Result {
	r := lint.Summarize([]lint.FileResult{{Path: path, Entries: 10, Diagnostics: ds}})
	return &r
}

func ruleIDs(r lint.Result) []string {
	var out []string
	for _, f := range r.Files {
		for _, d := range f.Diagnostics {
			out = append(out, d.Rule+"@"+d.Entry.Seq)
		}
	}
	return out
}

func TestFilter(t *testing.T) {
	old := result("dir/a.txt",
		diag("punctuation", 3, "3", "basis", 10, 11, "半角逗号"),
		diag("punctuation", 3, "3", "basis", 20, 21, "半角逗号"),
		diag("quote-mismatch", 5, "5", "basis", 0, 30, "不一致"),
	)
	text := func(file string, d *lint.Diagnostic) string { return "," }
	b := New(old, text)
	if len(b.Findings) != 2 || b.Findings[0].Count != 2 {
		t.Fatalf("baseline = %+v", b.Findings)
	}

	tests := []struct {
		name string
		now  *lint.Result
		want []string
	}{
		{"same findings", old, nil},
		{"moved offsets, other directory", result("other/a.txt",
			diag("punctuation", 3, "3", "basis", 12, 13, "半角逗号"),
			diag("punctuation", 3, "3", "basis", 40, 41, "半角逗号"),
			diag("quote-mismatch", 5, "5", "basis", 4, 34, "不一致")), nil},
		{"entry moved but kept its 序号", result("a.txt", diag("quote-mismatch", 6, "5", "basis", 0, 30, "不一致")), nil},
		{"a third identical finding is new", result("a.txt",
			diag("punctuation", 3, "3", "basis", 10, 11, "半角逗号"),
			diag("punctuation", 3, "3", "basis", 20, 21, "半角逗号"),
			diag("punctuation", 3, "3", "basis", 30, 31, "半角逗号")), []string{"punctuation@3"}},
		{"other entry", result("a.txt", diag("quote-mismatch", 7, "7", "basis", 0, 30, "不一致")), []string{"quote-mismatch@7"}},
		{"other rule", result("a.txt", diag("quote-truncated", 5, "5", "basis", 0, 30, "不一致")), []string{"quote-truncated@5"}},
		{"other file", result("b.txt", diag("quote-mismatch", 5, "5", "basis", 0, 30, "不一致")), []string{"quote-mismatch@5"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, dropped := b.Filter(tt.now, text)
			ids := ruleIDs(got)
			if strings.Join(ids, ",") != strings.Join(tt.want, ",") {
				t.Errorf("new findings = %v, want %v", ids, tt.want)
			}
			n := 0
			for _, f := range tt.now.Files {
				n += len(f.Diagnostics)
			}
			if dropped != n-len(ids) {
				t.Errorf("dropped %d, want %d", dropped, n-len(ids))
			}
			if got.Summary.Error != len(ids) {
				t.Errorf("summary counts %d errors, want %d", got.Summary.Error, len(ids))
			}
		})
	}
}

// The text a finding is about is part of its key: a changed quote is a new
// finding even at the same place.
func TestFilterText(t *testing.T) {
	d := diag("quote-mismatch", 5, "5", "basis", 0, 30, "不一致")
	d.Actual = "依法给于 吊销"
	b := New(result("a.txt", d), nil)
	d2 := d
	d2.Actual = "依法给于\n吊销" // re-flowed: same text
	if got, _ := b.Filter(result("a.txt", d2), nil); len(got.Files[0].Diagnostics) != 0 {
		t.Error("re-flowed quote counted as new")
	}
	d3 := d
	d3.Actual = "依法给与吊销"
	if got, _ := b.Filter(result("a.txt", d3), nil); len(got.Files[0].Diagnostics) != 1 {
		t.Error("changed quote not reported")
	}
}

func TestRoundTrip(t *testing.T) {
	b := New(result("a.txt", diag("punctuation", 1, "", "name", 0, 1, "x"), diag("sequence", 2, "二", "seq", 0, 1, "y")), nil)
	var buf bytes.Buffer
	if err := b.Write(&buf); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `"entry": "#1"`) {
		t.Errorf("an entry without 序号 is keyed by position:\n%s", buf.String())
	}
	got, err := Read(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Findings) != 2 || got.Findings[0] != b.Findings[0] || got.Findings[1] != b.Findings[1] {
		t.Errorf("read %+v, wrote %+v", got.Findings, b.Findings)
	}
}

func TestReadErrors(t *testing.T) {
	for _, in := range []string{``, `[]`, `{"version": 2, "findings": []}`, `{"version": 1, "findings": [], "x": 1}`, `{"files": []}`} {
		if _, err := Read(strings.NewReader(in)); !errors.Is(err, ErrFormat) {
			t.Errorf("Read(%q) = %v, want ErrFormat", in, err)
		}
	}
}

func TestCatalogText(t *testing.T) {
	cat := &catalog.Catalog{Path: "a.txt", TitleField: &catalog.Field{Key: catalog.KeyTitle, Text: "某局清单[bookmark]"},
		Entries: []catalog.Entry{{Index: 1, Seq: "1", Fields: []catalog.Field{
			{Key: catalog.KeyBasis, Column: "权力依据", Text: "《社会保险法》第八十七条"},
		}}}}
	text := CatalogText(map[string]*catalog.Catalog{"a.txt": cat})
	tests := []struct {
		d    lint.Diagnostic
		want string
	}{
		{diag("x", 1, "1", "basis", 1, 6, ""), "社会保险法"},
		{lint.Diagnostic{Field: "title", Span: lint.Span{Start: 4, End: 14}}, "[bookmark]"},
		{diag("x", 1, "1", "basis", 5, 99, ""), ""},
		{diag("x", 2, "2", "basis", 0, 1, ""), ""},
		{diag("x", 1, "1", "office", 0, 1, ""), ""},
	}
	for _, tt := range tests {
		if got := text("a.txt", &tt.d); got != tt.want {
			t.Errorf("text(%+v) = %q, want %q", tt.d, got, tt.want)
		}
	}
	if got := text("b.txt", &tests[0].d); got != "" {
		t.Errorf("unknown file gave %q", got)
	}
}
