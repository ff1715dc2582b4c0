// Command catgen writes a synthetic power-and-responsibility catalog built
// from the embedded statute corpus, in every format citelint reads, with the
// list of the defects injected into it:
//
//	go run ./cmd/catgen -n 2000 -seed 1 -out DIR
//
// writes DIR/catalog.txt, .docx, .xlsx, .csv and DIR/catalog.defects.json;
// with -kv, the catalog as key/value item pages (a table or block of
// label/value pairs per entry): DIR/catalog.kv.txt, .kv.docx, .kv.xlsx,
// .kv.sheets.xlsx (a sheet per entry) and .kv.csv.
// The same options give the same files.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/citelint/citelint/internal/gen"
	"github.com/citelint/citelint/statutes"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("catgen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	n := fs.Int("n", 2000, "number of entries")
	seed := fs.Uint64("seed", 1, "random seed")
	out := fs.String("out", "", "output directory (required)")
	name := fs.String("name", "catalog", "base name of the files written")
	year := fs.Int("year", 2025, "the catalog's year (quotes follow the law in force at its end)")
	rate := fs.Float64("rate", gen.DefaultDefectRate, "share of entries with an injected defect (0 for none)")
	family := fs.Int("family", 0, fmt.Sprintf("layout family 0-%d (header words and quote form; 0: the seeds')", len(gen.Families)-1))
	formats := fs.String("formats", strings.Join(gen.Formats, ","), "formats to write, comma-separated: txt,docx,xlsx,csv (with -kv: "+strings.Join(gen.KVForms, ",")+")")
	kv := fs.Bool("kv", false, "write key/value item pages (a table or block of label/value pairs per entry)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *out == "" || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "usage: catgen -n N -seed S -out DIR [-name catalog] [-year 2025] [-rate 0.15] [-family 0] [-kv] [-formats txt,docx,xlsx,csv]")
		return 2
	}
	c, err := statutes.Default()
	if err != nil {
		fmt.Fprintln(stderr, "catgen:", err)
		return 1
	}
	r := *rate
	if r == 0 {
		r = -1
	}
	res, err := gen.Generate(gen.FromCorpus(c, gen.AsOf(*year)), gen.Options{N: *n, Seed: *seed, Year: *year, DefectRate: r, Family: *family})
	if err != nil {
		fmt.Fprintln(stderr, "catgen:", err)
		return 1
	}
	var paths []string
	if *kv {
		forms := gen.KVForms
		fs.Visit(func(f *flag.Flag) {
			if f.Name == "formats" {
				forms = strings.Split(*formats, ",")
			}
		})
		paths, err = gen.WriteKVDir(*out, *name, res, forms...)
	} else {
		paths, err = gen.WriteDir(*out, *name, res, strings.Split(*formats, ",")...)
	}
	if err != nil {
		fmt.Fprintln(stderr, "catgen:", err)
		return 1
	}
	for _, p := range paths {
		fmt.Fprintln(stdout, p)
	}
	fmt.Fprintf(stdout, "%d entries, %d injected defects", res.N, len(res.Defects))
	if res.Reused > 0 {
		fmt.Fprintf(stdout, ", %d entries quote an article again", res.Reused)
	}
	fmt.Fprintln(stdout)
	return 0
}
