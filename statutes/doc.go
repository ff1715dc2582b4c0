// Package statutes is citelint's corpus of Chinese laws, regulations and
// rules: statutes with their metadata (titles, aliases, kind, issuer,
// document numbers, dated events), their versions (full, partial or none
// bundled) and each version's articles (条), paragraphs (款) and items (项).
// It resolves titles as catalogs write them, looks articles up as of a date,
// and converts Chinese numerals both ways.
package statutes
