package report

import (
	"encoding/json"
	"io"

	"github.com/citelint/citelint/lint"
)

// JSONVersion is the version of the JSON report's shape. It changes only
// when a field is removed or changes meaning; new fields may be added.
const JSONVersion = 1

// JSON is the stable report pipelines read (see README, "JSON report").
type JSON struct {
	Tool Tool
}

// The JSON report's own types, so that its shape and key order are fixed
// here and do not follow the Go types by accident.
type jsonReport struct {
	Version int          `json:"version"`
	Tool    Tool         `json:"tool"`
	Files   []jsonFile   `json:"files"`
	Summary lint.Summary `json:"summary"`
}

type jsonFile struct {
	Path        string           `json:"path"`
	Format      string           `json:"format"`
	Title       string           `json:"title"`
	Entries     int              `json:"entries"`
	AsOf        string           `json:"as_of,omitempty"`
	Quotes      lint.QuoteCounts `json:"quotes"`
	Diagnostics []jsonDiagnostic `json:"diagnostics"`
}

type jsonDiagnostic struct {
	Rule     string         `json:"rule"`
	Severity string         `json:"severity"`
	Entry    *lint.EntryRef `json:"entry"`
	Field    string         `json:"field"`
	Column   string         `json:"column"`
	Span     lint.Span      `json:"span"`
	Message  string         `json:"message"`
	Citation *lint.Citation `json:"citation,omitempty"`
	Expected string         `json:"expected,omitempty"`
	Actual   string         `json:"actual,omitempty"`
	Region   *lint.Region   `json:"region,omitempty"`
	Related  []lint.Related `json:"related,omitempty"`
}

// Format writes the JSON report, indented, with a final newline.
func (j *JSON) Format(w io.Writer, r *lint.Result) error {
	rep := jsonReport{Version: JSONVersion, Tool: j.Tool, Files: make([]jsonFile, 0, len(r.Files)), Summary: r.Summary}
	if rep.Tool.Name == "" {
		rep.Tool.Name = "citelint"
	}
	for _, f := range r.Files {
		jf := jsonFile{Path: f.Path, Format: f.Format, Title: f.Title, Entries: f.Entries, AsOf: f.AsOf, Quotes: f.Quotes,
			Diagnostics: make([]jsonDiagnostic, 0, len(f.Diagnostics))}
		for _, d := range f.Diagnostics {
			jf.Diagnostics = append(jf.Diagnostics, jsonDiagnostic{
				Rule: d.Rule, Severity: d.Severity.String(), Entry: d.Entry, Field: d.Field, Column: d.Column,
				Span: d.Span, Message: d.Message, Citation: d.Citation, Expected: d.Expected, Actual: d.Actual,
				Region: d.Region, Related: d.Related,
			})
		}
		rep.Files = append(rep.Files, jf)
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(rep)
}
