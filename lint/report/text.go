package report

import (
	"bufio"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/fatih/color"

	"github.com/citelint/citelint/lint"
)

// Text is the report for people at a terminal: findings grouped by file and
// entry, one line each (file:entry(序号) field: severity rule: message),
// quote findings followed by a rune-level diff of the statute against the
// quote, and a summary line. The diff is marked [-deleted-]{+inserted+} so
// it reads without color; with Color, deletions are red and insertions
// green as well.
type Text struct {
	Color bool
	// Context is how many unchanged runes a diff keeps on each side of a
	// change; longer unchanged stretches are cut to "⋯". 0 means 20.
	Context int
}

// palette holds the colors of one report, each enabled or disabled
// explicitly so that nothing depends on fatih/color's global switch.
type palette struct {
	err, warn, info, del, ins, dim, bold *color.Color
}

func newPalette(on bool) palette {
	mk := func(attrs ...color.Attribute) *color.Color {
		c := color.New(attrs...)
		if on {
			c.EnableColor()
		} else {
			c.DisableColor()
		}
		return c
	}
	return palette{
		err:  mk(color.FgRed, color.Bold),
		warn: mk(color.FgYellow, color.Bold),
		info: mk(color.FgCyan),
		del:  mk(color.FgRed),
		ins:  mk(color.FgGreen),
		dim:  mk(color.Faint),
		bold: mk(color.Bold),
	}
}

func (p palette) severity(s lint.Severity) *color.Color {
	switch s {
	case lint.Error:
		return p.err
	case lint.Warning:
		return p.warn
	}
	return p.info
}

// maxLocWidth caps the alignment of the severity column (after the path)
// so that one long header does not push every line to the right.
const maxLocWidth = 28

// maxRelated is how many related places a finding lists in the text
// report; the JSON, SARIF and HTML reports list them all.
const maxRelated = 3

// Format writes the text report.
func (t *Text) Format(w io.Writer, r *lint.Result) error {
	bw := bufio.NewWriter(w)
	p := newPalette(t.Color)
	ctx := t.Context
	if ctx <= 0 {
		ctx = 20
	}
	for fi := range r.Files {
		f := &r.Files[fi]
		if fi > 0 {
			bw.WriteString("\n")
		}
		bw.WriteString(p.bold.Sprint(fileHeader(f)) + "\n")
		// Every line of a file starts with its path: align what follows.
		locs := make([]string, len(f.Diagnostics))
		width := 0
		for i := range f.Diagnostics {
			locs[i] = textLoc(&f.Diagnostics[i])
			if w := DisplayWidth(locs[i]); w > width && w <= maxLocWidth {
				width = w
			}
		}
		for i := range f.Diagnostics {
			d := &f.Diagnostics[i]
			if i > 0 && entryKey(d) != entryKey(&f.Diagnostics[i-1]) {
				bw.WriteString("\n")
			}
			sev := d.Severity.String()
			bw.WriteString(f.Path + PadRight(locs[i], width) + " " +
				p.severity(d.Severity).Sprint(sev) + strings.Repeat(" ", 7-len(sev)) + " " +
				d.Rule + ": " + oneLine(d.Message) + "\n")
			if c := citationLabel(d.Citation); c != "" && isQuote(d) {
				bw.WriteString("    " + p.dim.Sprint(c) + "\n")
			}
			if d.Expected != "" && d.Actual != "" {
				bw.WriteString("    " + p.del.Sprint("[-法条-]") + p.ins.Sprint("{+清单+}") + " " + inlineDiff(p, Diff(d.Expected, d.Actual), ctx) + "\n")
			}
			for k, rel := range d.Related {
				if k == maxRelated && len(d.Related) > maxRelated+1 {
					bw.WriteString("    " + p.dim.Sprintf("↳ …（另有 %d 处）", len(d.Related)-k) + "\n")
					break
				}
				bw.WriteString("    " + p.dim.Sprint("↳ "+relatedLabel(d, &rel)) + "\n")
			}
		}
	}
	if len(r.Files) > 0 {
		bw.WriteString("\n")
	}
	bw.WriteString(summaryLine(r.Summary) + "\n")
	if q := r.Summary.Quotes; q.Checked+q.Unverifiable > 0 {
		// What was really checked: a clean report over quotes nobody
		// could compare says little.
		bw.WriteString(quotesLine(q) + "\n")
	}
	return bw.Flush()
}

func fileHeader(f *lint.FileResult) string {
	var b strings.Builder
	b.WriteString("== " + f.Path)
	if f.Title != "" {
		b.WriteString("  " + oneLine(f.Title))
	}
	b.WriteString("  (")
	if f.Format != "" {
		b.WriteString(f.Format + ", ")
	}
	b.WriteString(plural(f.Entries, "entry", "entries"))
	if f.AsOf != "" {
		b.WriteString(", as of " + f.AsOf)
	}
	b.WriteString(")")
	return b.String()
}

// textLoc is what follows the file name: ":entry(序号) field:" for entry
// findings, ": field:" for catalog findings.
func textLoc(d *lint.Diagnostic) string {
	if d.Entry == nil {
		return ": " + fieldLabel(d) + ":"
	}
	return ":" + entryLabel(d.Entry) + " " + fieldLabel(d) + ":"
}

func entryKey(d *lint.Diagnostic) int {
	if d.Entry == nil {
		return 0
	}
	return d.Entry.Index
}

// relatedLabel names a related place relative to its diagnostic: the
// entry only when it is another one, the header as printed when the field
// is the diagnostic's own.
func relatedLabel(d *lint.Diagnostic, r *lint.Related) string {
	var parts []string
	if r.Entry != nil && (d.Entry == nil || r.Entry.Index != d.Entry.Index) {
		parts = append(parts, entryLabel(r.Entry))
	}
	switch {
	case r.Field != "" && r.Field == d.Field && d.Column != "":
		parts = append(parts, d.Column)
	case r.Field != "":
		parts = append(parts, r.Field)
	}
	loc := strings.Join(parts, " ")
	if loc == "" {
		return oneLine(r.Message)
	}
	return loc + ": " + oneLine(r.Message)
}

// oneLine shows line breaks as ↵ so that one finding stays one line.
func oneLine(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\n", "↵")
}

// inlineDiff renders a diff on one line, cutting long unchanged stretches.
func inlineDiff(p palette, ops []Op, ctx int) string {
	var b strings.Builder
	for i, op := range ops {
		text := oneLine(op.Text)
		switch op.Kind {
		case OpDelete:
			b.WriteString(p.del.Sprint("[-" + text + "-]"))
		case OpInsert:
			b.WriteString(p.ins.Sprint("{+" + text + "+}"))
		default:
			b.WriteString(elide(text, ctx, i > 0, i < len(ops)-1))
		}
	}
	return b.String()
}

// elide keeps ctx runes of an unchanged stretch next to each change it
// borders (before: a change precedes it; after: a change follows it).
func elide(s string, ctx int, before, after bool) string {
	if !before && !after {
		return s
	}
	n := utf8.RuneCountInString(s)
	keep := 0
	if before {
		keep += ctx
	}
	if after {
		keep += ctx
	}
	if n <= keep+1 {
		return s
	}
	rs := []rune(s)
	var b strings.Builder
	if before {
		b.WriteString(string(rs[:ctx]))
	}
	b.WriteString("⋯")
	if after {
		b.WriteString(string(rs[n-ctx:]))
	}
	return b.String()
}
