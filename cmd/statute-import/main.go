// Command statute-import converts the statute sources (Markdown, one file
// per statute version; see their README) into citelint's corpus format:
// compressed chunks of one text file per statute version under OUT/text
// and OUT/manifest.zst. The conversion is package statutes/importer.
//
//	go run ./cmd/statute-import -src ../shared/statutes-src -enforcement ../shared/statutes-src-enforcement -out statutes/data
//
// The output depends only on the input: re-running changes no byte. A
// malformed source stops the import with its file and line, and nothing
// is written.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/citelint/citelint/statutes/importer"
)

func main() {
	src := flag.String("src", "../shared/statutes-src", "statute sources (Markdown)")
	enf := flag.String("enforcement", "", "second source, by enforcing department (statutes-src-enforcement); -src wins on duplicates")
	out := flag.String("out", "statutes/data", "corpus directory to write manifest.zst and text/ into")
	flag.Parse()
	if err := importer.Run(*src, *enf, *out, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "statute-import:", err)
		os.Exit(1)
	}
}
