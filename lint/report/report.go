package report

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/statutes"
)

// Tool names the program that produced a report.
type Tool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
	// Corpus identifies the statute corpus the catalog was checked against.
	Corpus string `json:"corpus"`
}

// Formatter writes a result in one format.
type Formatter interface {
	Format(w io.Writer, r *lint.Result) error
}

// Formats are the names New accepts, in the order help texts list them.
var Formats = []string{"text", "json", "sarif", "html"}

// Options are what the formatters need besides the result.
type Options struct {
	Tool Tool
	// Rules document the rule IDs the result uses (SARIF rule metadata,
	// HTML titles). Rules missing here are described by their ID alone.
	Rules []*lint.Rule
	// Color turns on ANSI colors in the text report.
	Color bool
}

// New returns the formatter called name.
func New(name string, opts Options) (Formatter, error) {
	switch strings.ToLower(name) {
	case "text", "":
		return &Text{Color: opts.Color}, nil
	case "json":
		return &JSON{Tool: opts.Tool}, nil
	case "sarif":
		return &SARIF{Tool: opts.Tool, Rules: opts.Rules}, nil
	case "html":
		return &HTML{Tool: opts.Tool, Rules: opts.Rules}, nil
	}
	return nil, fmt.Errorf("unknown format %q (want %s)", name, strings.Join(Formats, ", "))
}

// entryLabel is how reports name an entry: its position and, when it has
// one, its 序号 in parentheses: 19(19), 3(二).
func entryLabel(e *lint.EntryRef) string {
	if e == nil {
		return ""
	}
	if e.Seq == "" {
		return strconv.Itoa(e.Index)
	}
	return strconv.Itoa(e.Index) + "(" + e.Seq + ")"
}

// fieldLabel is the header as printed, else the canonical key.
func fieldLabel(d *lint.Diagnostic) string {
	if d.Column != "" {
		return d.Column
	}
	if d.Field != "" {
		return d.Field
	}
	return "-"
}

// CitationLabel renders a citation as the reports print it:
// 《title》（version）第八十七条、第八十八条; "" without a statute. Annotated
// copies (lint/annotate) name the statute the same way.
func CitationLabel(c *lint.Citation) string { return citationLabel(c) }

// citationLabel renders a citation as 《title》(version) 第87、88条.
func citationLabel(c *lint.Citation) string {
	if c == nil || c.Statute == "" {
		return ""
	}
	var b strings.Builder
	b.WriteString(bookTitle(c.Statute))
	if c.Version != "" {
		b.WriteString("（" + c.Version + "）")
	}
	switch {
	case len(c.Refs) > 0:
		labels := make([]string, len(c.Refs))
		for i, a := range c.Refs {
			labels[i] = a.Label()
		}
		b.WriteString(strings.Join(labels, "、"))
	case len(c.Articles) > 0:
		labels := make([]string, len(c.Articles))
		for i, a := range c.Articles {
			labels[i] = articleLabel(a)
		}
		b.WriteString(strings.Join(labels, "、"))
	}
	return b.String()
}

// bookTitle wraps a title in 《》; marks already inside it become 〈〉, as
// Chinese typesetting nests them (《实施〈中华人民共和国社会保险法〉若干规定》).
func bookTitle(t string) string {
	return "《" + strings.NewReplacer("《", "〈", "》", "〉", "<", "〈", ">", "〉").Replace(t) + "》"
}

// articleLabel writes a citation's article key as statutes print it:
// "87" → 第八十七条, "10-1" → 第十条之一, "30.2" → 第三十条第二款,
// "30.2.3" → 第三十条第二款第三项. Anything else is shown as it is.
func articleLabel(a string) string {
	// "38(1)": the item in parentheses, as the JSON report writes it.
	if base, item, ok := strings.Cut(a, "("); ok && strings.HasSuffix(item, ")") {
		if n, err := strconv.Atoi(strings.TrimSuffix(item, ")")); err == nil && n > 0 {
			if l := articleLabel(base); l != base {
				return l + "第（" + statutes.FormatNumber(n) + "）项"
			}
		}
	}
	parts := strings.Split(a, ".")
	if len(parts) > 3 {
		return a
	}
	num, suffix := parts[0], "0"
	if i := strings.IndexByte(num, '-'); i >= 0 {
		num, suffix = num[:i], num[i+1:]
	}
	n, err1 := strconv.Atoi(num)
	sfx, err2 := strconv.Atoi(suffix)
	if err1 != nil || err2 != nil || n <= 0 || sfx < 0 {
		return a
	}
	out := statutes.ArticleLabel(n, sfx)
	for i, unit := range []string{"款", "项"} {
		if len(parts) <= i+1 {
			break
		}
		k, err := strconv.Atoi(parts[i+1])
		if err != nil || k <= 0 {
			return a
		}
		out += "第" + statutes.FormatNumber(k) + unit
	}
	return out
}

// ruleIndex maps rule IDs to rules.
func ruleIndex(rs []*lint.Rule) map[string]*lint.Rule {
	m := make(map[string]*lint.Rule, len(rs))
	for _, r := range rs {
		if r != nil {
			m[r.ID] = r
		}
	}
	return m
}

// usedRules returns the rule IDs a result uses, sorted.
func usedRules(r *lint.Result) []string {
	seen := map[string]bool{}
	for _, f := range r.Files {
		for _, d := range f.Diagnostics {
			seen[d.Rule] = true
		}
	}
	ids := make([]string, 0, len(seen))
	for id := range seen {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

// isQuote reports whether a diagnostic carries a quote comparison.
func isQuote(d *lint.Diagnostic) bool { return d.Expected != "" || d.Actual != "" }

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// summaryLine is the one-line tally printed under a text report.
func summaryLine(s lint.Summary) string {
	head := plural(s.Files, "file", "files") + ", " + plural(s.Entries, "entry", "entries") + ": "
	if s.Error+s.Warning+s.Info == 0 {
		return head + "no findings"
	}
	return head + plural(s.Error, "error", "errors") + ", " + plural(s.Warning, "warning", "warnings") + ", " + strconv.Itoa(s.Info) + " info"
}

// quotesLine says how many quotes were compared with a statute's text and
// how many could not be.
func quotesLine(q lint.QuoteCounts) string {
	return "quotes: " + itoa(q.Checked) + " checked against the statute text, " + itoa(q.Unverifiable) +
		" could not be checked (statute, or its text in force, not in the corpus)"
}

func sortStrings(s []string) { sort.Strings(s) }

func itoa(n int) string { return strconv.Itoa(n) }
