package config

import (
	"errors"
	"github.com/citelint/citelint/catalog"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/citelint/citelint/lint"
)

var knownRules = []string{"quote-mismatch", "quote-truncated", "basis-irrelevant", "office-inconsistent", "punctuation"}

const full = `# citelint.yaml for 钟山区
as_of: 2025-12-31
rules:
  quote-truncated: info
  basis-irrelevant: off
  punctuation:
    severity: error
  office-inconsistent:
    disabled: true
offices: [基金监管股, 待遇保障股]
departments:
  - 六盘水市钟山区医疗保障局
power_types: [其他权力]
aliases:
  医保基金条例: 医疗保障基金使用监督管理条例
statute_dirs: [extra-statutes]
ignores:
  - file: 000_cc42e2149e1dc4a3.txt
    entry: "19"
    rule: quote-mismatch
    reason: 已报市局核实
`

func TestParseFull(t *testing.T) {
	cfg, err := Parse("/work/cat/citelint.yaml", []byte(full), Options{Rules: knownRules})
	if err != nil {
		t.Fatal(err)
	}
	info, errSev := lint.Info, lint.Error
	want := lint.Config{
		AsOf: time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC),
		Rules: map[string]lint.RuleConfig{
			"quote-truncated":     {Severity: &info},
			"basis-irrelevant":    {Disabled: true},
			"punctuation":         {Severity: &errSev},
			"office-inconsistent": {Disabled: true},
		},
		Offices:     []string{"基金监管股", "待遇保障股"},
		Departments: []string{"六盘水市钟山区医疗保障局"},
		PowerTypes:  []string{"其他权力"},
		Aliases:     map[string]string{"医保基金条例": "医疗保障基金使用监督管理条例"},
		Ignores:     []lint.Ignore{{File: "000_cc42e2149e1dc4a3.txt", Entry: "19", Rule: "quote-mismatch", Reason: "已报市局核实"}},
	}
	if !reflect.DeepEqual(cfg.Lint, want) {
		t.Errorf("got  %+v\nwant %+v", cfg.Lint, want)
	}
	if got := cfg.StatuteDirs; !reflect.DeepEqual(got, []string{filepath.FromSlash("/work/cat/extra-statutes")}) {
		t.Errorf("statute dirs = %v", got)
	}
}

func TestParseEmpty(t *testing.T) {
	for _, text := range []string{"", "# nothing\n", "\n\n"} {
		cfg, err := Parse("c.yaml", []byte(text), Options{})
		if err != nil {
			t.Fatalf("%q: %v", text, err)
		}
		if !reflect.DeepEqual(cfg.Lint, lint.Config{}) {
			t.Errorf("%q: %+v", text, cfg.Lint)
		}
	}
}

// Every mistake is an error naming the file, the line and what is wrong.
func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"unknown top-level key", "as_of: 2025-01-01\noffice: [a]\n", "c.yaml:2:1: unknown field \"office\""},
		{"unknown key in ignore", "ignores:\n  - rule: punctuation\n    reson: x\n", "c.yaml:3:5: unknown field \"reson\""},
		{"unknown key in rule", "rules:\n  punctuation:\n    level: error\n", "c.yaml:3:5: unknown field \"level\""},
		{"unknown rule", "rules:\n  quote-mismach: off\n", "c.yaml:2:3: unknown rule \"quote-mismach\" (did you mean quote-mismatch?)"},
		{"bad severity", "rules:\n  punctuation: fatal\n", "c.yaml:2:16: rule setting \"fatal\""},
		{"bad severity in mapping", "rules:\n  punctuation:\n    severity: fatal\n", "c.yaml:3:15: severity \"fatal\""},
		{"bad date", "as_of: 31/12/2025\n", "c.yaml:1:1: as_of \"31/12/2025\""},
		{"ignore without reason", "ignores:\n  - rule: punctuation\n", "c.yaml:2:5: ignore 1 has no reason"},
		{"ignore of everything", "ignores:\n  - reason: all\n", "ignore 1 matches everything"},
		{"ignore of unknown rule", "ignores:\n  - rule: nope\n    reason: x\n", "c.yaml:2:5: unknown rule \"nope\""},
		{"wrong type", "offices: 基金监管股\n", "c.yaml:1:"},
		{"syntax", "rules: [a\n", "c.yaml:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("c.yaml", []byte(tt.text), Options{Rules: knownRules})
			if err == nil {
				t.Fatal("no error")
			}
			if !errors.Is(err, ErrConfig) {
				t.Errorf("error %v is not ErrConfig", err)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q, want it to contain %q", err, tt.want)
			}
		})
	}
}

func TestLoadMissing(t *testing.T) {
	_, err := Load(filepath.Join(t.TempDir(), "none.yaml"), Options{})
	if err == nil || !errors.Is(err, os.ErrNotExist) {
		t.Errorf("err = %v", err)
	}
}

func TestFind(t *testing.T) {
	root := t.TempDir()
	deep := filepath.Join(root, "a", "b", "c")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	if got, err := Find(deep); err != nil || got != "" {
		// A citelint.yaml above the temp dir would make this ambiguous.
		if err != nil || !strings.HasPrefix(root, filepath.Dir(got)) {
			t.Fatalf("Find with no config = %q, %v", got, err)
		}
	}
	cfgA := filepath.Join(root, "a", FileName)
	if err := os.WriteFile(cfgA, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if got, err := Find(deep); err != nil || got != cfgA {
		t.Errorf("Find = %q, %v; want %q", got, err, cfgA)
	}
	cfgC := filepath.Join(deep, FileName)
	if err := os.WriteFile(cfgC, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if got, err := Find(deep); err != nil || got != cfgC {
		t.Errorf("Find = %q, %v; want the nearest %q", got, err, cfgC)
	}
}

// TestHeaders: headers name roles of a catalog's own columns; an unknown
// role is an error at its line.
func TestHeaders(t *testing.T) {
	cfg, err := Parse("citelint.yaml", []byte("headers:\n  审核标准: basis\n  咨询电话: none\n"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Headers["审核标准"] != catalog.KeyBasis || cfg.Headers["咨询电话"] != catalog.KeyUnknown || len(cfg.Headers) != 2 {
		t.Errorf("headers %v", cfg.Headers)
	}
	syn, err := catalog.DefaultSynonyms().With(cfg.Headers)
	if err != nil {
		t.Fatal(err)
	}
	if k, ok := syn.Lookup("审 核 标 准"); k != catalog.KeyBasis || !ok {
		t.Errorf("Lookup(审核标准) = %q, %v", k, ok)
	}
	_, err = Parse("citelint.yaml", []byte("headers:\n  审核标准: bassis\n"), Options{})
	if err == nil || !strings.Contains(err.Error(), "citelint.yaml:2:") {
		t.Errorf("unknown role: %v", err)
	}
}
