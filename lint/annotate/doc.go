// Package annotate writes a copy of a Word (.docx) or Excel (.xlsx)
// catalog with its findings where legal staff read them: Word comments
// anchored on each finding's text, Excel cell comments and a fill on each
// cell with findings. The original is never changed; Annotate works on
// bytes and returns new ones.
//
// Word copies are edited in place, byte for byte: document.xml is
// tokenized only to learn where each cell's text lies, and the comment
// markers are spliced into the original bytes (re-encoding the XML with
// encoding/xml would rename namespace prefixes, which Word refuses). The
// walk over document.xml mirrors the catalog reader's (catalog/docx.go),
// and every anchor is checked against the field text the reader gave: a
// cell whose text the walk does not reproduce is commented as a whole,
// and the comment says so.
package annotate
