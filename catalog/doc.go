// Package catalog is citelint's model of a power-and-responsibility catalog
// (权力清单、责任清单): a title, a header and entries whose fields keep their
// text exactly as the file had it, each with the place it came from, so that
// every finding can point at the cell a reviewer has to fix.
//
// The readers for .txt (extracted text), .docx, .xlsx and .csv live in this
// package too (one file per format): Read dispatches on the file's content and
// extension.
package catalog
