package baseline

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/citelint/citelint/catalog"
	"github.com/citelint/citelint/lint"
)

// Version is the baseline file's format version.
const Version = 1

// maxText caps the text kept per finding, in runes.
const maxText = 120

// Finding is one recorded finding.
type Finding struct {
	File  string `json:"file"`  // base name of the catalog
	Entry string `json:"entry"` // 序号, "#5" for an entry without one, "" for the catalog
	Field string `json:"field"`
	Rule  string `json:"rule"`
	Text  string `json:"text"`            // normalised text the finding is about
	Count int    `json:"count,omitempty"` // how many identical findings (1 when omitted)
}

func (f Finding) key() Finding { f.Count = 0; return f }

// Baseline is a set of recorded findings.
type Baseline struct {
	Version  int       `json:"version"`
	Findings []Finding `json:"findings"`
}

// TextFunc returns the text a diagnostic is about (the span of its field),
// for keys that survive edits elsewhere; see CatalogText.
type TextFunc func(file string, d *lint.Diagnostic) string

// KeyOf is the key a diagnostic is recorded under. Without text (nil or
// empty) the quote (Actual) stands in, else the message.
func KeyOf(file string, d *lint.Diagnostic, text TextFunc) Finding {
	entry := ""
	if d.Entry != nil {
		entry = strings.TrimSpace(d.Entry.Seq)
		if entry == "" {
			entry = "#" + strconv.Itoa(d.Entry.Index)
		}
	}
	t := ""
	if text != nil {
		t = text(file, d)
	}
	if strings.TrimSpace(t) == "" {
		t = d.Actual
	}
	if strings.TrimSpace(t) == "" {
		t = d.Message
	}
	return Finding{File: filepath.Base(file), Entry: entry, Field: d.Field, Rule: d.Rule, Text: normalise(t)}
}

// normalise drops whitespace (line breaks move when a cell is re-flowed)
// and keeps at most maxText runes.
func normalise(s string) string {
	var b strings.Builder
	n := 0
	for _, r := range s {
		if unicode.IsSpace(r) {
			continue
		}
		if n == maxText {
			break
		}
		b.WriteRune(r)
		n++
	}
	return b.String()
}

// New records every diagnostic of a result, sorted, identical keys counted.
func New(r *lint.Result, text TextFunc) *Baseline {
	counts := map[Finding]int{}
	for _, f := range r.Files {
		for i := range f.Diagnostics {
			counts[KeyOf(f.Path, &f.Diagnostics[i], text)]++
		}
	}
	b := &Baseline{Version: Version, Findings: make([]Finding, 0, len(counts))}
	for k, n := range counts {
		if n > 1 {
			k.Count = n
		}
		b.Findings = append(b.Findings, k)
	}
	slices.SortFunc(b.Findings, func(a, b Finding) int {
		return cmp.Or(cmp.Compare(a.File, b.File), compareEntry(a.Entry, b.Entry), cmp.Compare(a.Field, b.Field),
			cmp.Compare(a.Rule, b.Rule), cmp.Compare(a.Text, b.Text))
	})
	return b
}

// compareEntry orders numeric 序号 numerically.
func compareEntry(a, b string) int {
	x, errA := strconv.Atoi(strings.TrimPrefix(a, "#"))
	y, errB := strconv.Atoi(strings.TrimPrefix(b, "#"))
	if errA == nil && errB == nil && x != y {
		return cmp.Compare(x, y)
	}
	return cmp.Compare(a, b)
}

// Write writes the baseline as indented JSON.
func (b *Baseline) Write(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(b)
}

// WriteFile writes the baseline to path.
func (b *Baseline) WriteFile(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("write baseline %s: %w", path, err)
	}
	if err := b.Write(f); err != nil {
		f.Close()
		return fmt.Errorf("write baseline %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write baseline %s: %w", path, err)
	}
	return nil
}

// ErrFormat marks a file that is not a baseline.
var ErrFormat = errors.New("not a citelint baseline")

// Read reads a baseline.
func Read(r io.Reader) (*Baseline, error) {
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	var b Baseline
	if err := dec.Decode(&b); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrFormat, err)
	}
	if b.Version != Version {
		return nil, fmt.Errorf("%w: version %d (want %d)", ErrFormat, b.Version, Version)
	}
	return &b, nil
}

// Load reads a baseline file.
func Load(path string) (*Baseline, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read baseline %s: %w", path, err)
	}
	defer f.Close()
	b, err := Read(f)
	if err != nil {
		return nil, fmt.Errorf("read baseline %s: %w", path, err)
	}
	return b, nil
}

// Filter returns the result without the findings the baseline records (each
// recorded finding absorbs as many diagnostics as its count) and how many
// it dropped. The summary is recomputed.
func (b *Baseline) Filter(r *lint.Result, text TextFunc) (lint.Result, int) {
	left := map[Finding]int{}
	for _, f := range b.Findings {
		n := f.Count
		if n <= 0 {
			n = 1
		}
		left[f.key()] += n
	}
	dropped := 0
	files := make([]lint.FileResult, len(r.Files))
	for i, f := range r.Files {
		nf := f
		nf.Diagnostics = make([]lint.Diagnostic, 0, len(f.Diagnostics))
		for j := range f.Diagnostics {
			k := KeyOf(f.Path, &f.Diagnostics[j], text)
			if left[k] > 0 {
				left[k]--
				dropped++
				continue
			}
			nf.Diagnostics = append(nf.Diagnostics, f.Diagnostics[j])
		}
		files[i] = nf
	}
	return lint.Summarize(files), dropped
}

// CatalogText returns the text of each diagnostic's span in the catalogs
// it was found in (keyed by the path the result gives).
func CatalogText(cats map[string]*catalog.Catalog) TextFunc {
	return func(file string, d *lint.Diagnostic) string {
		c := cats[file]
		if c == nil {
			return ""
		}
		var fld *catalog.Field
		if d.Entry == nil {
			if d.Field == string(catalog.KeyTitle) {
				fld = c.TitleField
			}
		} else if i := d.Entry.Index - 1; i >= 0 && i < len(c.Entries) {
			e := &c.Entries[i]
			for k := range e.Fields {
				if string(e.Fields[k].Key) == d.Field && (d.Column == "" || e.Fields[k].Column == d.Column) {
					fld = &e.Fields[k]
					break
				}
			}
			if fld == nil {
				fld = e.Field(catalog.Key(d.Field))
			}
		}
		if fld == nil {
			return ""
		}
		rs := []rune(fld.Text)
		start, end := d.Span.Start, d.Span.End
		if start < 0 || end > len(rs) || start > end {
			return ""
		}
		return string(rs[start:end])
	}
}
