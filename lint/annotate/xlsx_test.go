package annotate_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/citelint/citelint/catalog"
	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/annotate"
)

// commentText is a cell comment's whole text.
func commentText(c excelize.Comment) string {
	var b strings.Builder
	b.WriteString(c.Text)
	for _, r := range c.Paragraph {
		b.WriteString(r.Text)
	}
	return b.String()
}

// cellOf is the cell a finding is about, "" for one without a field.
func cellOf(t *testing.T, cat *catalog.Catalog, d lint.Diagnostic) (sheet, cell string) {
	t.Helper()
	var loc catalog.Loc
	switch {
	case d.Entry != nil:
		for _, f := range cat.Entries[d.Entry.Index-1].Fields {
			if string(f.Key) == d.Field && f.Column == d.Column {
				loc = f.Loc
			}
		}
	case d.Field == string(catalog.KeyTitle):
		loc = cat.TitleField.Loc
	}
	if loc.Row == 0 {
		return "", ""
	}
	name, err := excelize.CoordinatesToCellName(loc.Col, loc.Row)
	if err != nil {
		t.Fatal(err)
	}
	return loc.Sheet, name
}

func TestXlsxReadBack(t *testing.T) {
	fills := map[lint.Severity]string{lint.Error: "FFC7CE", lint.Warning: "FFEB9C", lint.Info: "DDEBF7"}
	for _, name := range []string{"zhuzhou.xlsx", "zhongshan-2025.xlsx"} {
		t.Run(name, func(t *testing.T) {
			path := fixture(name)
			cat, fr, src := lintFile(t, path)
			if len(fr.Diagnostics) == 0 {
				t.Fatal("the fixture has no findings: nothing to annotate")
			}
			before := bytes.Clone(src)
			out, err := annotate.Annotate(src, cat.Format, cat, fr)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(src, before) {
				t.Fatal("Annotate changed its input")
			}
			again, err := annotate.Annotate(src, cat.Format, cat, fr)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(out, again) {
				t.Error("two runs gave different bytes")
			}
			cp, err := catalog.ReadFrom(bytes.NewReader(out), path, "")
			if err != nil {
				t.Fatalf("reading the copy back: %v", err)
			}
			if cp.Title != cat.Title || len(cp.Entries) != len(cat.Entries) {
				t.Fatalf("copy: title %q, %d entries; original: %q, %d", cp.Title, len(cp.Entries), cat.Title, len(cat.Entries))
			}
			for i := range cat.Entries {
				for j := range cat.Entries[i].Fields {
					if a, b := cat.Entries[i].Fields[j], cp.Entries[i].Fields[j]; a != b {
						t.Fatalf("entry %d field %d differs:\n copy %+v\n orig %+v", i+1, j, b, a)
					}
				}
			}
			wb, err := excelize.OpenReader(bytes.NewReader(out))
			if err != nil {
				t.Fatal(err)
			}
			defer wb.Close()
			comments := map[string]excelize.Comment{}
			for _, s := range wb.GetSheetList() {
				cs, err := wb.GetComments(s)
				if err != nil {
					t.Fatal(err)
				}
				for _, c := range cs {
					comments[s+"!"+c.Cell] = c
				}
			}
			worst := map[string]lint.Severity{}
			placed := 0
			var elsewhere []lint.Diagnostic // findings on no field: on the title's cell or the first entry's
			for _, d := range fr.Diagnostics {
				sheet, cell := cellOf(t, cat, d)
				if cell == "" {
					elsewhere = append(elsewhere, d)
					continue
				}
				placed++
				key := sheet + "!" + cell
				c, ok := comments[key]
				if !ok {
					t.Errorf("no comment on %s for %s %q", key, d.Rule, d.Message)
					continue
				}
				if c.Author != annotate.Author {
					t.Errorf("comment on %s by %q, want %q", key, c.Author, annotate.Author)
				}
				text := commentText(c)
				if !strings.Contains(text, d.Message) || !strings.Contains(text, d.Rule) || !strings.Contains(text, d.Expected) {
					t.Errorf("comment on %s = %q, want the rule, message and expected text of %s", key, text, d.Rule)
				}
				if s, ok := worst[key]; !ok || d.Severity > s {
					worst[key] = d.Severity
				}
			}
			if placed == 0 {
				t.Fatal("no finding on a cell")
			}
			if len(elsewhere) > 0 {
				found := false
				for key, c := range comments {
					if _, ok := worst[key]; ok {
						continue
					}
					found = true
					for _, d := range elsewhere {
						if !strings.Contains(commentText(c), d.Message) {
							t.Errorf("comment on %s lacks %q", key, d.Message)
						}
					}
				}
				if !found {
					t.Errorf("no comment holds the findings on no field: %+v", elsewhere)
				}
			}
			if n := len(worst) + min(1, len(elsewhere)); len(comments) != n {
				t.Errorf("%d comments, want one for each of the %d cells with findings", len(comments), n)
			}
			for key, sev := range worst {
				sheet, cell, _ := strings.Cut(key, "!")
				id, err := wb.GetCellStyle(sheet, cell)
				if err != nil {
					t.Fatal(err)
				}
				st, err := wb.GetStyle(id)
				if err != nil {
					t.Fatal(err)
				}
				if len(st.Fill.Color) != 1 || !strings.EqualFold(st.Fill.Color[0], fills[sev]) || st.Fill.Pattern != 1 {
					t.Errorf("%s (%s) filled %+v, want solid %s", key, sev, st.Fill, fills[sev])
				}
			}
			t.Logf("%d findings in %d cell comments", len(fr.Diagnostics), len(comments))
		})
	}
}
