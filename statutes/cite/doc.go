// Package cite parses statute citations out of a catalog field's text:
// 《title》 with an optional parenthesised document number or version note,
// article lists and ranges (第八十七条, 第87、88条, 第十条至第十二条), 款 and 项,
// and the quoted article text that follows '：'. It is pure (no corpus, no
// I/O) so it can be fuzzed; resolution against the corpus happens in lint.
package cite
