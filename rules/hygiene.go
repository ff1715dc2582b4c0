package rules

import (
	"fmt"
	"regexp"
	"strconv"
	"unicode/utf8"

	"github.com/citelint/citelint/catalog"
	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/rules/data"
	"github.com/citelint/citelint/rules/internal/text"
	"github.com/citelint/citelint/rules/internal/vocab"
)

// hygieneRules are the text hygiene and catalog consistency rules.
func hygieneRules() []*lint.Rule {
	return []*lint.Rule{
		strayCharacterRule,
		punctuationRule,
		duplicateClauseRule,
		officeInconsistentRule,
		departmentInconsistentRule,
		duplicateEntryRule,
		powerTypeInvalidRule,
		columnMismatchRule,
		sequenceRule,
		missingFieldRule,
	}
}

// severity returns a pointer for lint.Finding.Severity.
func severity(s lint.Severity) *lint.Severity { return &s }

// cell is one field of a catalog with its entry (nil for the title).
type cell struct {
	entry *catalog.Entry
	field *catalog.Field
}

// cells lists the title and then every field of every entry, in order.
func cells(cat *catalog.Catalog) []cell {
	n := 1
	for i := range cat.Entries {
		n += len(cat.Entries[i].Fields)
	}
	out := make([]cell, 0, n)
	if f := titleField(cat); f != nil {
		out = append(out, cell{nil, f})
	}
	for i := range cat.Entries {
		e := &cat.Entries[i]
		for j := range e.Fields {
			out = append(out, cell{e, &e.Fields[j]})
		}
	}
	return out
}

// titleField returns the catalog's title as a field, or nil without one.
func titleField(cat *catalog.Catalog) *catalog.Field {
	if cat.TitleField != nil {
		return cat.TitleField
	}
	if cat.Title == "" {
		return nil
	}
	return &catalog.Field{Key: catalog.KeyTitle, Column: "标题", Text: cat.Title}
}

// defaultColumnNames name the canonical columns in messages when the
// catalog's header does not.
var defaultColumnNames = map[catalog.Key]string{
	catalog.KeySeq:         "序号",
	catalog.KeyDepartment:  "部门名称",
	catalog.KeyCategory:    "职权类别",
	catalog.KeyType:        "职权类型",
	catalog.KeyName:        "职权名称",
	catalog.KeyBasis:       "职权依据",
	catalog.KeyDuties:      "责任事项",
	catalog.KeyDutyBasis:   "责任事项依据",
	catalog.KeyOffice:      "责任科室",
	catalog.KeyAccountable: "追责对象范围",
	catalog.KeyNote:        "备注",
	catalog.KeyTitle:       "标题",
}

// columnName is the header a catalog prints for key k (white space
// removed), or the usual name of the column.
func columnName(cat *catalog.Catalog, k catalog.Key) string {
	for _, c := range cat.Header {
		if c.Key == k && c.Name != "" {
			if n := text.Compact(c.Name); n != "" {
				return trimHeaderNote(n)
			}
		}
	}
	if n, ok := defaultColumnNames[k]; ok {
		return n
	}
	return string(k)
}

// trimHeaderNote drops a trailing parenthetical from a header
// (职权依据（具体到条款内容）→ 职权依据).
func trimHeaderNote(s string) string {
	for _, open := range []string{"（", "("} {
		if i := indexLast(s, open); i > 0 {
			return s[:i]
		}
	}
	return s
}

func indexLast(s, sub string) int {
	for i := len(s) - len(sub); i >= 0; i-- {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}

// fieldName names a field in messages.
func fieldName(cat *catalog.Catalog, f *catalog.Field) string {
	if f.Column != "" {
		if n := text.Compact(f.Column); n != "" {
			return trimHeaderNote(n)
		}
	}
	return columnName(cat, f.Key)
}

// entryLabel names an entry in messages: 第3项, or 第3项（序号5） when the
// printed number differs from the position.
func entryLabel(e *catalog.Entry) string {
	seq := text.TrimValue(e.Seq)
	if seq == "" || seq == strconv.Itoa(e.Index) {
		return fmt.Sprintf("第%d项", e.Index)
	}
	return fmt.Sprintf("第%d项（序号%s）", e.Index, seq)
}

// entryRef is a lint.EntryRef for Related.
func entryRef(e *catalog.Entry) *lint.EntryRef {
	if e == nil {
		return nil
	}
	return &lint.EntryRef{Index: e.Index, Seq: e.Seq}
}

// relatedSpan points at a byte range of a field for Related.
func relatedSpan(f *catalog.Field, start, end int) *lint.Span {
	sp := lint.SpanOf(f.Text, start, end)
	return &sp
}

// runeCursor is relatedSpan for many places in one text, in order: it
// counts code points on from the last offset asked, so the related places
// of a finding in a long cell cost the cell's length once, not once each.
type runeCursor struct {
	s    string
	b, r int // the last byte offset asked and its code point offset
}

func (c *runeCursor) at(b int) int {
	if b < c.b {
		c.b, c.r = 0, 0
	}
	c.r += utf8.RuneCountInString(c.s[c.b:b])
	c.b = b
	return c.r
}

// span is relatedSpan(f, start, end) for f.Text == c.s.
func (c *runeCursor) span(start, end int) *lint.Span {
	start, end = max(start, 0), min(end, len(c.s))
	start = min(start, end)
	s := c.at(start)
	return &lint.Span{Start: s, End: c.at(end)}
}

// newVocab builds the power type vocabulary with the configured additions.
func newVocab(p *lint.Pass) (*vocab.Vocab, error) {
	var extra []string
	if p.Config != nil {
		extra = p.Config.PowerTypes
	}
	return vocab.New(extra)
}

// artifactPattern is the embedded conversion-artifact patterns as one
// regular expression.
func artifactPattern() (*regexp.Regexp, error) {
	res, err := data.DefaultArtifacts()
	if err != nil {
		return nil, err
	}
	return text.JoinPatterns(res), nil
}
