// Package text holds the small text helpers the hygiene and consistency
// rules share: classifying CJK characters, folding whitespace with a map
// back to the original offsets, edit distance, and finding stray
// characters (emoji, control characters, page numbers, conversion debris).
package text
