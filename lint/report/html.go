package report

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/base64"
	"html/template"
	"io"
	"sort"

	"github.com/citelint/citelint/lint"
)

//go:embed assets/report.html.tmpl assets/style.css assets/script.js
var assets embed.FS

// HTML is a single self-contained page for reviewers: a summary per file
// and per rule, each entry with its findings, quote diffs side by side
// (statute | catalog) with the changes highlighted, filters by severity and
// rule, and the statute text behind a click. It loads nothing from the
// network; a Content-Security-Policy admits only its own style and script
// (by hash), so catalog text, always escaped, can never run as code.
type HTML struct {
	Tool  Tool
	Rules []*lint.Rule
}

type htmlPage struct {
	Tool     Tool
	CSP      string
	CSS      template.CSS
	JS       template.JS
	Summary  lint.Summary
	Files    []htmlFile
	Rules    []htmlRule
	Severity []htmlCount
}

type htmlCount struct {
	Name  string
	Count int
}

type htmlRule struct {
	ID, Title, Severity string
	Count, Files        int
}

type htmlFile struct {
	ID, Path, Title, Format, AsOf string
	Entries                       int
	Error, Warning, Info          int
	Quotes                        lint.QuoteCounts
	Groups                        []htmlGroup
}

type htmlGroup struct {
	ID, Label string // f0-e19, 19(19); f0-catalog, 整个清单
	Findings  []htmlFinding
}

type htmlFinding struct {
	ID, Rule, RuleTitle, Severity, Field, Span, Message, Citation string
	Left, Right                                                   []htmlSeg
	Expected, Actual                                              string
	Related                                                       []string
}

type htmlSeg struct {
	Kind string // "", "del", "ins"
	Text string
}

// Format writes the HTML page.
func (h *HTML) Format(w io.Writer, r *lint.Result) error {
	tmplText, err := assets.ReadFile("assets/report.html.tmpl")
	if err != nil {
		return err
	}
	css, err := assets.ReadFile("assets/style.css")
	if err != nil {
		return err
	}
	js, err := assets.ReadFile("assets/script.js")
	if err != nil {
		return err
	}
	t, err := template.New("report").Parse(string(tmplText))
	if err != nil {
		return err
	}
	page := htmlPage{
		Tool:    h.Tool,
		CSS:     template.CSS(css),
		JS:      template.JS(js),
		Summary: r.Summary,
		CSP: "default-src 'none'; img-src data:; style-src " + cspHash(css) +
			"; script-src " + cspHash(js) + "; base-uri 'none'; form-action 'none'",
		Severity: []htmlCount{{"error", r.Summary.Error}, {"warning", r.Summary.Warning}, {"info", r.Summary.Info}},
	}
	if page.Tool.Name == "" {
		page.Tool.Name = "citelint"
	}
	rules := ruleIndex(h.Rules)
	counts := map[string]*htmlRule{}
	for fi := range r.Files {
		f := &r.Files[fi]
		hf := htmlFile{ID: "f" + itoa(fi), Path: f.Path, Title: f.Title, Format: f.Format, AsOf: f.AsOf, Entries: f.Entries, Quotes: f.Quotes}
		inFile := map[string]bool{}
		for di := range f.Diagnostics {
			d := &f.Diagnostics[di]
			switch d.Severity {
			case lint.Error:
				hf.Error++
			case lint.Warning:
				hf.Warning++
			default:
				hf.Info++
			}
			rc := counts[d.Rule]
			if rc == nil {
				rc = &htmlRule{ID: d.Rule, Title: d.Rule}
				if rule := rules[d.Rule]; rule != nil {
					rc.Title = rule.Title
					rc.Severity = rule.Severity.String()
				}
				counts[d.Rule] = rc
			}
			rc.Count++
			if !inFile[d.Rule] {
				inFile[d.Rule] = true
				rc.Files++
			}
			gid, label := hf.ID+"-catalog", "整个清单"
			if d.Entry != nil {
				gid, label = hf.ID+"-e"+itoa(d.Entry.Index), "第 "+entryLabel(d.Entry)+" 项"
			}
			if n := len(hf.Groups); n == 0 || hf.Groups[n-1].ID != gid {
				hf.Groups = append(hf.Groups, htmlGroup{ID: gid, Label: label})
			}
			g := &hf.Groups[len(hf.Groups)-1]
			g.Findings = append(g.Findings, htmlFindingOf(hf.ID+"-d"+itoa(di), d, rules[d.Rule]))
		}
		page.Files = append(page.Files, hf)
	}
	for _, rc := range counts {
		page.Rules = append(page.Rules, *rc)
	}
	sort.Slice(page.Rules, func(i, j int) bool { return page.Rules[i].ID < page.Rules[j].ID })
	var buf bytes.Buffer
	if err := t.Execute(&buf, page); err != nil {
		return err
	}
	_, err = w.Write(buf.Bytes())
	return err
}

func htmlFindingOf(id string, d *lint.Diagnostic, rule *lint.Rule) htmlFinding {
	hf := htmlFinding{
		ID: id, Rule: d.Rule, RuleTitle: d.Rule, Severity: d.Severity.String(), Field: fieldLabel(d),
		Span:     itoa(d.Span.Start) + "–" + itoa(d.Span.End),
		Message:  d.Message,
		Citation: citationLabel(d.Citation),
		Expected: d.Expected,
		Actual:   d.Actual,
	}
	if rule != nil && rule.Title != "" {
		hf.RuleTitle = rule.Title
	}
	if d.Expected != "" && d.Actual != "" {
		for _, op := range Diff(d.Expected, d.Actual) {
			switch op.Kind {
			case OpDelete:
				hf.Left = append(hf.Left, htmlSeg{"del", op.Text})
			case OpInsert:
				hf.Right = append(hf.Right, htmlSeg{"ins", op.Text})
			default:
				hf.Left = append(hf.Left, htmlSeg{"", op.Text})
				hf.Right = append(hf.Right, htmlSeg{"", op.Text})
			}
		}
	}
	for i := range d.Related {
		hf.Related = append(hf.Related, relatedLabel(d, &d.Related[i]))
	}
	return hf
}

// cspHash is the CSP source expression admitting exactly this inline text.
func cspHash(b []byte) string {
	s := sha256.Sum256(b)
	return "'sha256-" + base64.StdEncoding.EncodeToString(s[:]) + "'"
}
