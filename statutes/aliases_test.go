package statutes

import (
	"errors"
	"testing"

	"github.com/citelint/citelint/statutes/data"
)

// TestAliases checks the customary abbreviations of facts.yaml: each
// resolves, as catalogs write it, to the statute its title names, and
// each is needed (the resolver does not derive it by itself).
func TestAliases(t *testing.T) {
	c := defaultCorpus(t)
	f, err := defaultFacts()
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Aliases) == 0 {
		t.Fatal("no aliases in facts.yaml")
	}
	m, err := defaultManifest()
	if err != nil {
		t.Fatal(err)
	}
	noAliases := *f
	noAliases.Aliases = nil
	bare, err := loadManifest(data.FS, m, true, func() (*facts, error) { return &noAliases, nil })
	if err != nil {
		t.Fatal(err)
	}
	for alias, title := range f.Aliases {
		t.Run(alias, func(t *testing.T) {
			want, err := c.Resolve(title)
			if err != nil {
				t.Fatalf("title %s: %v", title, err)
			}
			for _, written := range []string{alias, "《" + alias + "》", "中华人民共和国" + alias, "《" + alias + "》（2018年修正）"} {
				s, err := c.Resolve(written)
				if err != nil || s.ID != want.ID {
					t.Errorf("Resolve(%q): %v; want %s", written, err, want.ID)
				}
			}
			if s, err := bare.Resolve(alias); !errors.Is(err, ErrUnknownStatute) {
				name := ""
				if s != nil {
					name = s.Title
				}
				t.Errorf("without the alias, %s resolves to %q (%v): the alias is not needed", alias, name, err)
			}
		})
	}
}

// TestAliasExamples names the statutes some common abbreviations stand
// for, so a changed or lost alias is noticed.
func TestAliasExamples(t *testing.T) {
	c := defaultCorpus(t)
	tests := []struct{ written, id string }{
		{"《税收征管法》", "税收征收管理法"},
		{"税收征管法实施细则", "税收征收管理法实施细则"},
		{"《社保法》", "社会保险法"},
		{"保密法", "保守国家秘密法"},
		{"地方组织法", "地方各级人民代表大会和地方各级人民政府组织法"},
		{"政务处分法", "公职人员政务处分法"},
		{"招投标法实施条例", "招标投标法实施条例"},
		// Derived by the resolver, no alias needed.
		{"行政许可法", "行政许可法"},
		{"劳动保障监察条例", "劳动保障监察条例"},
		{"价格法", "价格法"},
		{"安全生产法", "安全生产法"},
	}
	for _, tt := range tests {
		s, err := c.Resolve(tt.written)
		if err != nil || s.ID != tt.id {
			t.Errorf("Resolve(%q): %v; want %s", tt.written, err, tt.id)
		}
	}
}
