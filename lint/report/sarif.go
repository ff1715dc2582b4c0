package report

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"

	"github.com/citelint/citelint/lint"
)

// InformationURI is where SARIF viewers send users for the tool.
const InformationURI = "https://github.com/citelint/citelint"

// SARIF is the SARIF 2.1.0 log code-scanning tools read: one run, the
// rules with their docs, one result per diagnostic with a logical location
// (entry and field) and, for text catalogs, a physical region. Columns
// count Unicode code points (columnKind unicodeCodePoints).
type SARIF struct {
	Tool  Tool
	Rules []*lint.Rule
}

func sarifLevel(s lint.Severity) string {
	switch s {
	case lint.Error:
		return "error"
	case lint.Warning:
		return "warning"
	}
	return "note"
}

// Format writes the SARIF log, indented, with a final newline.
func (s *SARIF) Format(w io.Writer, r *lint.Result) error {
	rep := sarif.NewReport()
	name := s.Tool.Name
	if name == "" {
		name = "citelint"
	}
	run := sarif.NewRunWithInformationURI(name, InformationURI)
	run.Language = "zh-CN"
	run.WithColumnKind("unicodeCodePoints")
	if s.Tool.Version != "" {
		run.Tool.Driver.WithVersion(s.Tool.Version)
	}
	props := sarif.NewPropertyBag()
	if s.Tool.Corpus != "" {
		props.Add("corpus", s.Tool.Corpus)
	}
	props.Add("summary", r.Summary)
	run.WithProperties(props)

	// Rules: every documented rule (sorted by ID), then any ID the result
	// uses that the list lacks, so that every result's ruleIndex is valid.
	byID := ruleIndex(s.Rules)
	ids := make([]string, 0, len(byID))
	for id := range byID {
		ids = append(ids, id)
	}
	for _, id := range usedRules(r) {
		if byID[id] == nil {
			ids = append(ids, id)
		}
	}
	sortStrings(ids)
	for _, id := range ids {
		d := run.AddRule(id)
		rule := byID[id]
		if rule == nil {
			d.WithShortDescription(sarif.NewMultiformatMessageString().WithText(id))
			continue
		}
		title := rule.Title
		if title == "" {
			title = id
		}
		d.WithShortDescription(sarif.NewMultiformatMessageString().WithText(title))
		if rule.Doc != "" {
			d.WithFullDescription(sarif.NewMultiformatMessageString().WithText(rule.Doc))
		}
		text, md := ruleHelp(rule)
		d.WithHelp(sarif.NewMultiformatMessageString().WithText(text).WithMarkdown(md))
		d.WithDefaultConfiguration(sarif.NewReportingConfiguration().WithLevel(sarifLevel(rule.Severity)))
	}

	for fi := range r.Files {
		f := &r.Files[fi]
		uri := fileURI(f.Path)
		art := run.AddDistinctArtifact(uri)
		artIndex := 0
		for i, a := range run.Artifacts {
			if a == art {
				artIndex = i
			}
		}
		art.WithRoles([]string{"analysisTarget"})
		if f.Format == "txt" || f.Format == "csv" {
			art.WithEncoding("UTF-8")
		}
		for di := range f.Diagnostics {
			d := &f.Diagnostics[di]
			res := run.CreateResultForRule(d.Rule)
			res.WithLevel(sarifLevel(d.Severity))
			res.WithMessage(sarif.NewTextMessage(d.Message))
			phys := sarif.NewPhysicalLocation().WithArtifactLocation(
				sarif.NewSimpleArtifactLocation(uri).WithIndex(artIndex))
			if d.Region != nil {
				phys.WithRegion(sarif.NewRegion().
					WithStartLine(d.Region.StartLine).WithStartColumn(d.Region.StartCol).
					WithEndLine(d.Region.EndLine).WithEndColumn(d.Region.EndCol))
			}
			loc := sarif.NewLocation().WithPhysicalLocation(phys)
			loc.AddLogicalLocation(logicalLocation(d))
			res.AddLocation(loc)
			res.WithPartialFingerprints(map[string]string{"citelint/v1": fingerprint(f.Path, d)})
			rp := sarif.NewPropertyBag()
			rp.Add("span", d.Span)
			if d.Citation != nil {
				rp.Add("citation", d.Citation)
			}
			if d.Expected != "" {
				rp.Add("expected", d.Expected)
			}
			if d.Actual != "" {
				rp.Add("actual", d.Actual)
			}
			res.WithProperties(rp)
		}
	}
	rep.AddRun(run)
	b, err := json.MarshalIndent(rep, "", "  ")
	if err != nil {
		return err
	}
	b = append(b, '\n')
	_, err = w.Write(b)
	return err
}

// logicalLocation names the entry and the field: entries[19].basis, shown
// as 19(19) 权力依据.
func logicalLocation(d *lint.Diagnostic) *sarif.LogicalLocation {
	field := d.Field
	if field == "" {
		field = "-"
	}
	fq, shown := "catalog."+field, fieldLabel(d)
	if d.Entry != nil {
		fq = "entries[" + itoa(d.Entry.Index) + "]." + field
		shown = entryLabel(d.Entry) + " " + fieldLabel(d)
	}
	ll := sarif.NewLogicalLocation().WithName(field).WithFullyQualifiedName(fq).WithDecoratedName(shown).WithKind("member")
	p := sarif.NewPropertyBag()
	if d.Entry != nil {
		p.Add("entry", d.Entry)
	}
	if d.Column != "" {
		p.Add("column", d.Column)
	}
	ll.WithProperties(p)
	return ll
}

// fileURI turns a path into a relative URI reference.
func fileURI(path string) string {
	u := url.URL{Path: filepath.ToSlash(path)}
	return u.String()
}

// fingerprint identifies a finding across runs without offsets: file base
// name, entry 序号, field, rule and message.
func fingerprint(path string, d *lint.Diagnostic) string {
	seq := ""
	if d.Entry != nil {
		seq = d.Entry.Seq
		if seq == "" {
			seq = "#" + itoa(d.Entry.Index)
		}
	}
	h := sha256.Sum256([]byte(strings.Join([]string{filepath.Base(path), seq, d.Field, d.Rule, d.Message}, "\x00")))
	return hex.EncodeToString(h[:8])
}

// ruleHelp is a rule's doc with its wrong and right examples, as plain
// text and as Markdown.
func ruleHelp(r *lint.Rule) (text, md string) {
	var t, m strings.Builder
	t.WriteString(r.Doc)
	m.WriteString(r.Doc)
	if r.Wrong != "" {
		t.WriteString("\n\n错误示例：\n" + r.Wrong)
		m.WriteString("\n\n**错误示例**\n\n" + mdQuote(r.Wrong))
	}
	if r.Right != "" {
		t.WriteString("\n\n正确示例：\n" + r.Right)
		m.WriteString("\n\n**正确示例**\n\n" + mdQuote(r.Right))
	}
	return strings.TrimSpace(t.String()), strings.TrimSpace(m.String())
}

func mdQuote(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	for i, l := range lines {
		lines[i] = "> " + l
	}
	return strings.Join(lines, "\n")
}
