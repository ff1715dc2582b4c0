// Package gen builds synthetic power-and-responsibility catalogs from the
// statute corpus, for benchmarks and for recall tests: N entries whose
// quotes are exact article text, plus a known share of injected defects of
// every rule the generator can provoke, each recorded (entry, field, rule) so
// a test can say what a correct linter must report and what it must not.
//
// Generation is deterministic: the same corpus, options and seed give the
// same catalog byte for byte. Writers put a catalog in the formats citelint
// reads: extracted text (.txt, as testdata/seeds), .docx, .xlsx and .csv,
// as tables or as key/value item pages (kv.go: a table of label/value pairs
// per entry).
package gen
