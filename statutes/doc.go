// Package statutes is citelint's corpus of Chinese laws, regulations and
// rules: statutes with their metadata (titles, aliases, kind, issuer,
// document numbers, dated events), their versions (full, partial or none
// bundled) and each version's articles (条), paragraphs (款) and items (项).
// It resolves titles as catalogs write them, looks articles up as of a date,
// and converts Chinese numerals both ways.
//
// The embedded corpus (package statutes/data) is generated from the statute
// sources by cmd/statute-import (package statutes/importer, which also
// converts a user's Markdown statutes for Corpus.AddFS): manifest.json
// holds every statute's metadata and article counts, so Load reads no
// text file; text/ holds one
// file per statute version (format: see format.go), parsed on first use.
// Corpus.LoadAllText (and ForEachArticle, which calls it) parses every file
// at once on GOMAXPROCS goroutines, for whole-corpus searches.
// facts.yaml adds what the sources lack (metadata-only statutes, partial
// earlier versions, revisions after the sources' snapshot, customary
// abbreviations as aliases, corrected effective dates) and the errata
// applied to their text. Facts marked verified: false must never make a
// catalog wrong.
package statutes
