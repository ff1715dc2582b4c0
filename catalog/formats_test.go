package catalog

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// normText folds the differences formats are allowed to have: trailing
// whitespace of lines and blank lines.
func normText(s string) string {
	var out []string
	for _, l := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		l = strings.TrimRightFunc(l, isSpaceLike)
		if l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// filled returns the entry's fields that hold text.
func filled(e Entry) []Field {
	var fs []Field
	for _, f := range e.Fields {
		if normText(f.Text) != "" {
			fs = append(fs, f)
		}
	}
	return fs
}

// TestFormatsAgree reads each seed and every fixture made from it and
// checks they read to the same entries: count, 序号, field keys and text,
// modulo line breaks and trailing spaces.
func TestFormatsAgree(t *testing.T) {
	fixtures := filepath.Join("..", "testdata", "fixtures")
	for _, tc := range []struct {
		seed    string
		base    string
		entries int
	}{
		{seed000, "zhongshan-2025", 20},
		{seed003, "zhuzhou", 12},
	} {
		want, err := Read(tc.seed)
		if err != nil {
			t.Fatal(err)
		}
		if len(want.Entries) != tc.entries {
			t.Fatalf("%s: %d entries, want %d", tc.seed, len(want.Entries), tc.entries)
		}
		for _, suffix := range []string{".docx", ".libreoffice.docx", ".xlsx", ".csv", ".gb18030.csv", ".doc"} {
			path := filepath.Join(fixtures, tc.base+suffix)
			t.Run(tc.base+suffix, func(t *testing.T) {
				got, err := Read(path)
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(headerKeys(got), headerKeys(want)) {
					t.Errorf("header keys %v, want %v", headerKeys(got), headerKeys(want))
				}
				if len(got.Entries) != len(want.Entries) {
					t.Fatalf("%d entries, want %d", len(got.Entries), len(want.Entries))
				}
				for i := range want.Entries {
					we, ge := want.Entries[i], got.Entries[i]
					if ge.Seq != we.Seq || ge.Index != we.Index {
						t.Errorf("entry %d: seq %q, want %q", i+1, ge.Seq, we.Seq)
					}
					wf, gf := filled(we), filled(ge)
					if len(wf) != len(gf) {
						t.Errorf("entry %s: %d fields with text, want %d", we.Seq, len(gf), len(wf))
						continue
					}
					for j := range wf {
						if gf[j].Key != wf[j].Key {
							t.Errorf("entry %s field %d: key %q, want %q", we.Seq, j, gf[j].Key, wf[j].Key)
						}
						if a, b := normText(gf[j].Text), normText(wf[j].Text); a != b {
							t.Errorf("entry %s %s: text differs\n got: %q\nwant: %q", we.Seq, wf[j].Key, a, b)
						}
						if gf[j].Loc.File != path || gf[j].Loc.Row == 0 || gf[j].Loc.Col == 0 {
							t.Errorf("entry %s %s: location %+v", we.Seq, wf[j].Key, gf[j].Loc)
						}
					}
				}
			})
		}
	}
}
