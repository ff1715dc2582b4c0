// Package catalog is citelint's model of a power-and-responsibility catalog
// (权力清单、责任清单): a title, a header and entries whose fields keep their
// text exactly as the file had it, each with the place it came from, so that
// every finding can point at the cell a reviewer has to fix.
//
// The readers for .txt (extracted text), .docx, .xlsx, .csv and Word 97-2003
// .doc (worddoc.go) live in this package too (one file per format): Read
// dispatches on the file's content and extension. Key/value item pages (a
// table or block of label | value pairs per power, kv.go) are read by the
// same readers into one entry per table; Catalog.Layout says so.
//
// Headers are mapped to canonical keys through the synonym table in
// synonyms.txt (embedded); columns no synonym matches get a key from their
// content when it is unmistakable (a column full of 《…》第…条 is the basis),
// else KeyUnknown, and are kept.
//
// Positions in extracted text: a field's Loc.Line and Loc.LineCol (code
// points, 1-based) are where its first character is; each "\n" in Field.Text
// is a line break of the file, so an offset into Text maps back to a line
// and column exactly. The blank lines that end a cell (extractors separate
// rows with them) are not part of its text; blank lines inside it are.
package catalog
