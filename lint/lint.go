package lint

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/citelint/citelint/statutes"
)

// Severity of a diagnostic.
type Severity int

const (
	Info Severity = iota
	Warning
	Error
)

func (s Severity) String() string {
	switch s {
	case Info:
		return "info"
	case Warning:
		return "warning"
	case Error:
		return "error"
	}
	return fmt.Sprintf("severity(%d)", int(s))
}

// ParseSeverity reads "info", "warning" or "error".
func ParseSeverity(s string) (Severity, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "info":
		return Info, nil
	case "warning", "warn":
		return Warning, nil
	case "error":
		return Error, nil
	}
	return 0, fmt.Errorf("unknown severity %q (want info, warning or error)", s)
}

func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

func (s *Severity) UnmarshalText(b []byte) error {
	v, err := ParseSeverity(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// Scope says whether a rule runs once per entry or once per catalog.
type Scope int

const (
	EntryScope Scope = iota
	CatalogScope
)

// Rule is one check. Rules are values (as analysis.Analyzer is) so they can
// be listed, documented and validated.
type Rule struct {
	ID       string // kebab-case, stable: what reports print
	Title    string // short Chinese title
	Doc      string // what it catches and why, in Chinese
	Wrong    string // an example the rule reports
	Right    string // the corrected example, which it does not report
	Severity Severity
	Scope    Scope
	// Run reports findings through the pass. It returns an error only when
	// the rule itself breaks, never for a finding.
	Run func(*Pass) error
}

// EntryRef identifies an entry in a diagnostic.
type EntryRef struct {
	Index int    `json:"index"` // 1-based position
	Seq   string `json:"seq"`   // the 序号 as printed
}

// Span is a half-open range in Unicode code points into a field's text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Region is a span's place in a text catalog (1-based lines and columns in
// code points), for reports that point into the file.
type Region struct {
	StartLine int `json:"start_line"`
	StartCol  int `json:"start_col"`
	EndLine   int `json:"end_line"`
	EndCol    int `json:"end_col"`
}

// Citation names what a diagnostic is about in the corpus.
type Citation struct {
	Statute  string   `json:"statute"`
	Version  string   `json:"version,omitempty"`
	Articles []string `json:"articles,omitempty"` // "87", "10-1" for 第十条之一, "30.2" for 第三十条第二款, "38(1)" for its 第（一）项
	// Refs are Articles typed, for formatters (not in the JSON: Articles
	// is its stable form).
	Refs []ArticleRef `json:"-"`
}

// ArticleRef is a cited article: 第Num条之Suffix第Paragraph款第（Item）项,
// zero parts absent.
type ArticleRef struct{ Num, Suffix, Paragraph, Item int }

// Key is the reference as the JSON report writes it: "87", "10-1",
// "30.2", "38(1)", "30.2(1)".
func (a ArticleRef) Key() string {
	s := strconv.Itoa(a.Num)
	if a.Suffix > 0 {
		s += "-" + strconv.Itoa(a.Suffix)
	}
	if a.Paragraph > 0 {
		s += "." + strconv.Itoa(a.Paragraph)
	}
	if a.Item > 0 {
		s += "(" + strconv.Itoa(a.Item) + ")"
	}
	return s
}

// Label is the reference as a reader writes it: 第三十八条第二款第（一）项.
func (a ArticleRef) Label() string {
	var b strings.Builder
	b.WriteString(statutes.ArticleLabel(a.Num, a.Suffix))
	if a.Paragraph > 0 {
		b.WriteString("第" + statutes.FormatNumber(a.Paragraph) + "款")
	}
	if a.Item > 0 {
		b.WriteString("第（" + statutes.FormatNumber(a.Item) + "）项")
	}
	return b.String()
}

// Related points at a second place that explains a diagnostic (the first
// copy of a duplicated clause, the entry whose office name is the norm).
type Related struct {
	Entry   *EntryRef `json:"entry,omitempty"`
	Field   string    `json:"field,omitempty"`
	Span    *Span     `json:"span,omitempty"`
	Message string    `json:"message"`
}

// Diagnostic is one finding.
type Diagnostic struct {
	Rule     string    `json:"rule"`
	Severity Severity  `json:"severity"`
	File     string    `json:"-"`
	Entry    *EntryRef `json:"entry"`
	Field    string    `json:"field"`  // canonical key
	Column   string    `json:"column"` // the header as printed
	Span     Span      `json:"span"`
	Region   *Region   `json:"region,omitempty"`
	Message  string    `json:"message"`
	Citation *Citation `json:"citation,omitempty"`
	Expected string    `json:"expected,omitempty"` // statute text, for quote findings
	Actual   string    `json:"actual,omitempty"`   // catalog text, for quote findings
	Related  []Related `json:"related,omitempty"`
}

// FileResult is what linting one catalog produced.
type FileResult struct {
	Path        string       `json:"path"`
	Format      string       `json:"format"`
	Title       string       `json:"title"`
	Entries     int          `json:"entries"`
	AsOf        string       `json:"as_of,omitempty"` // the date quotes were checked against (YYYY-MM-DD)
	Quotes      QuoteCounts  `json:"quotes"`
	Diagnostics []Diagnostic `json:"diagnostics"`
}

// QuoteCounts says what was really checked: quoted parts compared with a
// statute's text, and those that could not be (a statute the corpus does
// not hold, or holds without the text in force).
type QuoteCounts struct {
	Checked      int `json:"checked"`
	Unverifiable int `json:"unverifiable"`
}

// Summary counts a result's diagnostics.
type Summary struct {
	Files   int `json:"files"`
	Entries int `json:"entries"`
	Error   int `json:"error"`
	Warning int `json:"warning"`
	Info    int `json:"info"`
	// Quotes adds up the files' quote counts.
	Quotes QuoteCounts `json:"quotes"`
}

// Result is a whole run, files in the order given to the sorter.
type Result struct {
	Files   []FileResult `json:"files"`
	Summary Summary      `json:"summary"`
}
