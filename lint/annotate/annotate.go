package annotate

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/citelint/citelint/catalog"
	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/report"
)

// Author and Initials sign every comment citelint writes.
const (
	Author   = "citelint"
	Initials = "CL"
)

// CommentDate is the date on every Word comment: a fixed one, so that the
// same catalog and findings always give the same bytes.
const CommentDate = "2026-01-01T00:00:00Z"

// ErrUnsupported is returned by Annotate for a format it cannot annotate.
var ErrUnsupported = errors.New("only .docx and .xlsx catalogs can be annotated")

// Supported reports whether Annotate can annotate a catalog of this format
// (catalog.Catalog.Format: "docx" or "xlsx").
func Supported(format string) bool {
	return format == catalog.FormatDocx || format == catalog.FormatXlsx
}

// CopyName is the file name of the annotated copy of path:
// "a/b/x.docx" gives "x.citelint.docx".
func CopyName(path string) string {
	base := filepath.Base(path)
	ext := filepath.Ext(base)
	return strings.TrimSuffix(base, ext) + ".citelint" + ext
}

// Annotate returns a copy of src (the catalog file cat was read from) with
// the findings of fr in it. format is cat.Format. src is expected to be a
// file catalog.Read accepted: the reader's checks of hostile archives are
// not all repeated, only its size limits. A finding Annotate cannot place
// exactly (a span out of range, an entry the catalog lacks) is still
// written, on its cell or at the start of the document, saying so. Errors
// name no file: the caller knows which one it passed.
func Annotate(src []byte, format string, cat *catalog.Catalog, fr lint.FileResult) ([]byte, error) {
	if cat == nil {
		return nil, errors.New("annotate: no catalog")
	}
	switch format {
	case catalog.FormatDocx:
		return annotateDocx(src, cat, fr.Diagnostics)
	case catalog.FormatXlsx:
		return annotateXlsx(src, cat, fr.Diagnostics)
	}
	return nil, fmt.Errorf("annotate %s: %w", format, ErrUnsupported)
}

// target is where a diagnostic goes: a field and a byte range into its
// text. whole is set when the range is the whole field because the
// finding's own place is not a range of the field (a missing column, a
// span out of range).
type target struct {
	field      *catalog.Field
	start, end int // bytes into field.Text
	whole      bool
}

// targetOf finds the field a diagnostic is about: the entry's field with
// its key and column; the entry's first field when the field is absent
// (missing-field); for catalog-level findings the title, else the first
// entry's first field. ok is false when the catalog has nowhere to put it.
func targetOf(cat *catalog.Catalog, d *lint.Diagnostic) (t target, ok bool) {
	var f *catalog.Field
	exact := false
	switch {
	case d.Entry != nil && d.Entry.Index >= 1 && d.Entry.Index <= len(cat.Entries):
		e := &cat.Entries[d.Entry.Index-1]
		for i := range e.Fields {
			if string(e.Fields[i].Key) == d.Field && e.Fields[i].Column == d.Column {
				f, exact = &e.Fields[i], true
				break
			}
		}
		if f == nil {
			for i := range e.Fields {
				if string(e.Fields[i].Key) == d.Field {
					f, exact = &e.Fields[i], true
					break
				}
			}
		}
		if f == nil && len(e.Fields) > 0 {
			f = &e.Fields[0]
		}
	case d.Entry == nil && d.Field == string(catalog.KeyTitle) && cat.TitleField != nil:
		f, exact = cat.TitleField, true
	}
	if f == nil {
		if cat.TitleField != nil {
			f = cat.TitleField
		} else if len(cat.Entries) > 0 && len(cat.Entries[0].Fields) > 0 {
			f = &cat.Entries[0].Fields[0]
		} else {
			return target{}, false
		}
	}
	t = target{field: f, end: len(f.Text), whole: true}
	if exact {
		if a, b, ok := byteRange(f.Text, d.Span); ok {
			t.start, t.end, t.whole = a, b, false
		}
	}
	return t, true
}

// byteRange converts a span in code points into byte offsets of s.
func byteRange(s string, sp lint.Span) (start, end int, ok bool) {
	if sp.Start < 0 || sp.End < sp.Start {
		return 0, 0, false
	}
	n := 0
	start, end = -1, -1
	for i := range s {
		if n == sp.Start {
			start = i
		}
		if n == sp.End {
			end = i
			break
		}
		n++
	}
	if start < 0 && n == sp.Start {
		start = len(s)
	}
	if end < 0 && n == sp.End {
		end = len(s)
	}
	if start < 0 || end < 0 {
		return 0, 0, false
	}
	return start, end, true
}

// severityLabel is the Chinese name of a severity.
func severityLabel(s lint.Severity) string {
	switch s {
	case lint.Error:
		return "错误"
	case lint.Warning:
		return "警告"
	}
	return "提示"
}

// commentParagraphs is the text of one finding's comment, one string per
// paragraph: the severity, rule and message; for quote findings the
// statute's text. note, when not empty, says where the comment could not
// be anchored.
func commentParagraphs(d *lint.Diagnostic, note string) []string {
	var ps []string
	ps = append(ps, fmt.Sprintf("【%s】%s：%s", severityLabel(d.Severity), d.Rule, d.Message))
	if d.Expected != "" {
		head := "法条原文"
		if l := report.CitationLabel(d.Citation); l != "" {
			head += " " + l
		}
		lines := strings.Split(strings.ReplaceAll(d.Expected, "\r\n", "\n"), "\n")
		ps = append(ps, head+"："+lines[0])
		ps = append(ps, lines[1:]...)
	}
	if note != "" {
		ps = append(ps, note)
	}
	return ps
}

// Notes added to a comment that is not on the finding's own text.
const (
	noteWholeCell = "（未能在单元格中定位所指文字，批注标在整个单元格上）"
	noteNoPlace   = "（未能在文档中定位该条目，批注标在文档开头）"
)

// validXML drops the characters XML 1.0 cannot hold.
func validXML(s string) string {
	ok := utf8.ValidString(s)
	for _, r := range s {
		if !xmlChar(r) {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if xmlChar(r) && r != utf8.RuneError {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func xmlChar(r rune) bool {
	return r == '\t' || r == '\n' || r == '\r' ||
		(r >= 0x20 && r <= 0xD7FF) || (r >= 0xE000 && r <= 0xFFFD) || (r >= 0x10000 && r <= 0x10FFFF)
}
