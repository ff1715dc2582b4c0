package lint

import (
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/citelint/citelint/catalog"
	"github.com/citelint/citelint/lint/verify"
	"github.com/citelint/citelint/statutes"
	"github.com/citelint/citelint/statutes/cite"
)

// Pass is what a rule sees: one entry (entry scope) or the whole catalog
// (catalog scope, Entry == nil), the corpus and the configuration.
type Pass struct {
	Rule    *Rule
	Catalog *catalog.Catalog
	Entry   *catalog.Entry // nil for catalog-scope rules
	Corpus  *statutes.Corpus
	Config  *Config
	AsOf    time.Time

	shared *entryState
	run    *verify.Verifier // shared by the whole run (nil for a pass built by hand)
	report func(Diagnostic)
}

// entryState is computed once per entry and shared by all its rules.
type entryState struct {
	cites  map[*catalog.Field][]cite.Citation
	verifs map[verifyKey]*verify.Verification // see Verify
	// resolved holds Resolutions' verifications, which compare no quote.
	resolved map[verifyKey]*verify.Verification
	index    map[*catalog.Field]*textIndex // see Pass.fieldIndex
	verifier *verify.Verifier              // for passes built without Run
}

// Citations returns the parsed citations of a field, parsed once per entry.
// A catalog-scope pass keeps only the last few fields' (see catalogCache):
// a rule walking the whole catalog does not hold every entry's at once.
func (p *Pass) Citations(f *catalog.Field) []cite.Citation {
	if p.shared == nil {
		p.shared = &entryState{}
	}
	if p.shared.cites == nil {
		p.shared.cites = map[*catalog.Field][]cite.Citation{}
	}
	if cs, ok := p.shared.cites[f]; ok {
		return cs
	}
	cs := cite.Parse(f.Text)
	if p.Entry == nil && len(p.shared.cites) >= catalogCache {
		clear(p.shared.cites)
	}
	p.shared.cites[f] = cs
	return cs
}

// Finding is what a rule reports: the field, a byte range into its text
// (Start == End == 0 for the whole field), and the evidence.
type Finding struct {
	Entry    *catalog.Entry // defaults to the pass's entry; set it in catalog-scope rules
	Field    *catalog.Field // nil for a finding on the whole entry or catalog
	FieldKey catalog.Key    // when Field is nil: the key of an absent field (missing-field)
	Start    int            // byte offsets into Field.Text
	End      int
	Message  string
	Citation *Citation
	Expected string
	Actual   string
	Related  []Related
	// Severity overrides the rule's default when non-nil (a rule may report
	// a milder case at a lower severity); the configuration still wins.
	Severity *Severity
	// Unverified marks a finding resting on a corpus fact nobody checked
	// against an official text: it is never reported above info, whatever
	// the rule's or the configuration's severity.
	Unverified bool
}

// Report records a finding as a diagnostic of the pass's rule.
func (p *Pass) Report(f Finding) {
	sev := p.Rule.Severity
	if f.Severity != nil {
		sev = *f.Severity
	}
	if p.Config != nil {
		if rc, ok := p.Config.Rules[p.Rule.ID]; ok && rc.Severity != nil {
			sev = *rc.Severity
		}
	}
	if f.Unverified && sev > Info {
		sev = Info
	}
	if f.Field != nil && f.Field.Cut && sev > Info && cutTail(f.Field.Text, f.Start, f.End) {
		// The extract stops inside this cell: what is missing or odd at
		// its end is the cut, most likely, not the catalog.
		sev = Info
		f.Message += "（该栏在文件末尾中断，内容可能不完整）"
	}
	d := Diagnostic{
		Rule:     p.Rule.ID,
		Severity: sev,
		File:     p.Catalog.Path,
		Message:  f.Message,
		Citation: f.Citation,
		Expected: f.Expected,
		Actual:   f.Actual,
		Related:  f.Related,
	}
	e := f.Entry
	if e == nil {
		e = p.Entry
	}
	if e != nil {
		d.Entry = &EntryRef{Index: e.Index, Seq: e.Seq}
	}
	switch {
	case f.Field != nil:
		d.Field = string(f.Field.Key)
		d.Column = f.Field.Column
		if f.Field.Key == catalog.KeyTitle && d.Column == "" {
			d.Column = "标题"
		}
		start, end := clampBytes(f.Field.Text, f.Start, f.End)
		ix := p.fieldIndex(f.Field)
		a, b := ix.at(f.Field.Text, start), ix.at(f.Field.Text, end)
		d.Span = Span{Start: a.runes, End: b.runes}
		if d.Span == (Span{}) && f.Start == 0 && f.End == 0 {
			d.Span = Span{0, utf8.RuneCountInString(f.Field.Text)}
		}
		d.Region = region(f.Field, a, b)
	default:
		d.Field = string(f.FieldKey)
		for _, c := range p.Catalog.Header {
			if c.Key == f.FieldKey {
				d.Column = c.Name
				break
			}
		}
	}
	p.report(d)
}

// cutTail reports whether a finding at [start, end) of a cut field's text
// reaches into its last, unfinished sentence.
func cutTail(s string, start, end int) bool {
	if start == 0 && end == 0 {
		return true
	}
	last := strings.LastIndexAny(s, "。；;")
	return end > last
}

// SpanOf converts a byte range of s (clamped to s and widened to rune
// boundaries) to the code-point Span diagnostics carry; rules use it for
// Related places, Report for the finding itself.
func SpanOf(s string, start, end int) Span {
	start, end = clampBytes(s, start, end)
	return Span{Start: utf8.RuneCountInString(s[:start]), End: utf8.RuneCountInString(s[:end])}
}

func clampBytes(s string, start, end int) (int, int) {
	if start < 0 {
		start = 0
	}
	if end > len(s) {
		end = len(s)
	}
	if start > end {
		start = end
	}
	for start > 0 && start < len(s) && !utf8.RuneStart(s[start]) {
		start--
	}
	for end < len(s) && end > 0 && !utf8.RuneStart(s[end]) {
		end++
	}
	return start, end
}

// textMark is what precedes a byte offset of a field's text: code points,
// line breaks, and code points since the last line break.
type textMark struct{ off, runes, lines, lineRunes int }

// textIndex turns byte offsets of a field's text into code points, lines
// and columns. For a long text it keeps a mark every indexStep bytes, so a
// field with many findings (a 10 MB cell citing 100,000 unknown statutes)
// costs its length once, not once per finding.
type textIndex struct{ marks []textMark }

const (
	indexStep = 1 << 10
	// indexMin is the shortest text indexed; shorter ones are counted
	// from the start.
	indexMin = 4 << 10
)

func newTextIndex(s string) *textIndex {
	ix := &textIndex{}
	var m textMark
	for i, r := range s {
		if i >= m.off+indexStep || i == 0 {
			m.off = i
			ix.marks = append(ix.marks, m)
		}
		m.runes++
		m.lineRunes++
		if r == '\n' {
			m.lines++
			m.lineRunes = 0
		}
	}
	return ix
}

// at returns the mark at byte offset b of s (the text indexed; a nil
// index counts from the start).
func (ix *textIndex) at(s string, b int) textMark {
	var m textMark
	if ix != nil && len(ix.marks) > 0 {
		k := sort.Search(len(ix.marks), func(k int) bool { return ix.marks[k].off > b })
		m = ix.marks[max(k-1, 0)]
	}
	for _, r := range s[m.off:b] {
		m.runes++
		m.lineRunes++
		if r == '\n' {
			m.lines++
			m.lineRunes = 0
		}
	}
	m.off = b
	return m
}

// fieldIndex returns the index of a long field, built once per entry (per
// pass for a catalog-scope rule); nil for a short one.
func (p *Pass) fieldIndex(f *catalog.Field) *textIndex {
	if len(f.Text) < indexMin {
		return nil
	}
	if p.shared == nil {
		p.shared = &entryState{}
	}
	if p.shared.index == nil {
		p.shared.index = map[*catalog.Field]*textIndex{}
	}
	ix, ok := p.shared.index[f]
	if !ok {
		ix = newTextIndex(f.Text)
		p.shared.index[f] = ix
	}
	return ix
}

// region places a byte range of a field in a text catalog by lines and
// columns; nil when the catalog's format has no lines.
func region(f *catalog.Field, start, end textMark) *Region {
	if f.Loc.Line == 0 {
		return nil
	}
	pos := func(m textMark) (int, int) {
		col := f.Loc.LineCol
		if col == 0 {
			col = 1
		}
		if m.lines > 0 {
			col = 1
		}
		return f.Loc.Line + m.lines, col + m.lineRunes
	}
	sl, sc := pos(start)
	el, ec := pos(end)
	return &Region{StartLine: sl, StartCol: sc, EndLine: el, EndCol: ec}
}
