package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/urfave/cli/v3"
	"golang.org/x/term"

	"github.com/citelint/citelint/catalog"
	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/baseline"
	"github.com/citelint/citelint/lint/config"
	"github.com/citelint/citelint/lint/report"
	"github.com/citelint/citelint/lint/verify"
	"github.com/citelint/citelint/rules"
	"github.com/citelint/citelint/statutes"
	"github.com/citelint/citelint/statutes/importer"
)

// catalogExts are the files a directory argument contributes.
var catalogExts = []string{".txt", ".docx", ".xlsx", ".csv", ".doc", ".wps"}

// progressMin is the number of files from which a terminal gets a
// progress bar.
const progressMin = 4

func lintCmd() *cli.Command {
	return &cli.Command{
		Name:      "lint",
		Usage:     "check catalogs: quotes against the statutes, citations, text hygiene, consistency",
		ArgsUsage: "FILE|DIR...",
		Description: `Exit status: 0 when nothing is found at or above --fail-on, 1 when something is,
2 for a usage, configuration or input error (whatever the format).

A citelint.yaml is looked for in each catalog's directory and its parents,
unless --config names one.`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "report on stdout (or --output): text, json, sarif or html"},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write the --format report to `FILE` instead of stdout"},
			&cli.StringFlag{Name: "output-text", Usage: "also write a text report to `FILE`"},
			&cli.StringFlag{Name: "output-json", Usage: "also write the JSON report to `FILE`"},
			&cli.StringFlag{Name: "output-sarif", Usage: "also write a SARIF 2.1.0 log to `FILE`"},
			&cli.StringFlag{Name: "output-html", Usage: "also write the HTML report to `FILE`"},
			&cli.StringFlag{Name: "color", Value: "auto", Usage: "color the text report: auto, always or never (auto honours NO_COLOR)"},
			&cli.StringFlag{Name: "fail-on", Value: "error", Usage: "exit with status 1 when a finding has this severity or higher: error, warning, info or never"},
			&cli.BoolFlag{Name: "no-fail", Usage: "exit with status 0 whatever is found (input errors still give 2)"},
			&cli.StringFlag{Name: "config", Aliases: []string{"c"}, Usage: "use this citelint.yaml instead of looking for one"},
			&cli.StringFlag{Name: "as-of", Usage: "check quotes against the law in force on `DATE` (YYYY-MM-DD); overrides the config and the catalog's title"},
			&cli.StringFlag{Name: "baseline", Usage: "report only findings not recorded in this baseline `FILE`"},
			&cli.StringFlag{Name: "write-baseline", Usage: "record the current findings in a baseline `FILE`"},
			statutesFlag(),
			&cli.StringFlag{Name: "annotate", Usage: "write a copy of each .docx and .xlsx catalog with its findings as comments into `DIR` (NAME.citelint.docx); originals are never changed"},
		},
		Action: runLint,
	}
}

// lintOptions are the validated flags.
type lintOptions struct {
	format        string
	failOn        lint.Severity
	failNever     bool
	color         bool
	asOf          time.Time
	outputs       map[string]string // format → file
	primaryOutput string
}

func parseLintFlags(cmd *cli.Command) (*lintOptions, error) {
	o := &lintOptions{outputs: map[string]string{}}
	o.format = strings.ToLower(cmd.String("format"))
	if _, err := report.New(o.format, report.Options{}); err != nil {
		return nil, fmt.Errorf("--format: %w", err)
	}
	o.primaryOutput = cmd.String("output")
	for _, f := range report.Formats {
		if p := cmd.String("output-" + f); p != "" {
			o.outputs[f] = p
		}
	}
	switch v := strings.ToLower(cmd.String("fail-on")); v {
	case "never":
		o.failNever = true
	default:
		s, err := lint.ParseSeverity(v)
		if err != nil {
			return nil, fmt.Errorf("--fail-on %q: want error, warning, info or never", cmd.String("fail-on"))
		}
		o.failOn = s
	}
	if cmd.Bool("no-fail") {
		o.failNever = true
	}
	switch v := strings.ToLower(cmd.String("color")); v {
	case "always":
		o.color = true
	case "never":
	case "auto":
		o.color = os.Getenv("NO_COLOR") == "" && os.Getenv("TERM") != "dumb" && o.primaryOutput == "" && isTerminal(cmd.Root().Writer)
	default:
		return nil, fmt.Errorf("--color %q: want auto, always or never", cmd.String("color"))
	}
	if v := cmd.String("as-of"); v != "" {
		t, err := time.Parse("2006-01-02", v)
		if err != nil {
			return nil, fmt.Errorf("--as-of %q: want a date such as 2025-12-31", v)
		}
		o.asOf = t
	}
	return o, nil
}

// isTerminal reports whether w is a terminal (an *os.File on a tty).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

func runLint(ctx context.Context, cmd *cli.Command) error {
	stdout, stderr := cmd.Root().Writer, cmd.Root().ErrWriter
	opts, err := parseLintFlags(cmd)
	if err != nil {
		return inputError(err)
	}
	paths, empty, err := expandPaths(cmd.Args().Slice())
	if err != nil {
		return inputError(err)
	}
	if len(paths) == 0 {
		if len(empty) == 0 {
			return inputError(errors.New("lint: no catalog given (usage: citelint lint FILE|DIR...)"))
		}
		errs := make([]error, len(empty))
		for i, d := range empty {
			errs[i] = noCatalogIn(d)
		}
		return inputError(errors.Join(errs...))
	}
	if dir := cmd.String("annotate"); dir != "" {
		if err := checkAnnotateTargets(dir, paths); err != nil {
			return inputError(err)
		}
	}
	// Other arguments gave catalogs: check those, and say which gave none
	// (a mistyped directory should not pass unnoticed).
	for _, d := range empty {
		fmt.Fprintf(stderr, "citelint: warning: %v\n", noCatalogIn(d))
	}
	all := rules.All()
	ids := make([]string, len(all))
	for i, r := range all {
		ids[i] = r.ID
	}

	// Configuration: one for all files (--config), else the nearest
	// citelint.yaml above each file.
	cfgOf := map[string]*config.Config{} // file → config
	loaded := map[string]*config.Config{}
	load := func(p string) (*config.Config, error) {
		if c, ok := loaded[p]; ok {
			return c, nil
		}
		var c *config.Config
		if p == "" {
			c = &config.Config{}
		} else {
			var err error
			if c, err = config.Load(p, config.Options{Rules: ids}); err != nil {
				return nil, err
			}
		}
		if !opts.asOf.IsZero() {
			c.Lint.AsOf = opts.asOf
		}
		loaded[p] = c
		return c, nil
	}
	for _, p := range paths {
		cfgPath := cmd.String("config")
		if cfgPath == "" {
			if cfgPath, err = config.Find(filepath.Dir(p)); err != nil {
				return inputError(err)
			}
		}
		c, err := load(cfgPath)
		if err != nil {
			return inputError(err)
		}
		cfgOf[p] = c
	}

	// A corpus per configuration that extends it; the plain one otherwise.
	corpora := map[*config.Config]*statutes.Corpus{}
	var plain *statutes.Corpus
	extraDirs := cmd.StringSlice("statutes")
	for _, p := range paths {
		c := cfgOf[p]
		if _, ok := corpora[c]; ok {
			continue
		}
		if len(c.StatuteDirs) == 0 && len(c.Lint.Aliases) == 0 && plain != nil {
			corpora[c] = plain
			continue
		}
		corpus, err := buildCorpus(c, extraDirs)
		if err != nil {
			return err
		}
		if len(c.StatuteDirs) == 0 && len(c.Lint.Aliases) == 0 {
			plain = corpus
		}
		corpora[c] = corpus
	}

	var bar *progressbar.ProgressBar
	if len(paths) >= progressMin && isTerminal(stderr) {
		bar = progressbar.NewOptions(len(paths),
			progressbar.OptionSetWriter(stderr),
			progressbar.OptionSetDescription("citelint"),
			progressbar.OptionShowCount(),
			progressbar.OptionClearOnFinish(),
			progressbar.OptionSetPredictTime(false),
		)
	}
	// One verifier per corpus and configuration, shared by the files
	// linted with them: a statute cited by several catalogs is resolved
	// and prepared once.
	var verMu sync.Mutex
	verifiers := map[*config.Config]*verify.Verifier{}
	verifierOf := func(c *config.Config) *verify.Verifier {
		verMu.Lock()
		defer verMu.Unlock()
		if verifiers[c] == nil {
			verifiers[c] = lint.NewVerifier(corpora[c], &c.Lint)
		}
		return verifiers[c]
	}
	// Each configuration's header names on top of the embedded table.
	synOf := map[*config.Config]*catalog.Synonyms{}
	for _, c := range cfgOf {
		if _, done := synOf[c]; done || len(c.Headers) == 0 {
			continue
		}
		syn, err := catalog.DefaultSynonyms().With(c.Headers)
		if err != nil {
			return inputError(fmt.Errorf("config %s: headers: %w", c.Path, err))
		}
		synOf[c] = syn
	}
	readCatalog := func(p string) (*catalog.Catalog, error) { return catalog.ReadWith(p, synOf[cfgOf[p]]) }
	files, cats, errs := lintFiles(paths, readCatalog, func(p string) lint.Options {
		c := cfgOf[p]
		return lint.Options{Rules: all, Corpus: corpora[c], Config: &c.Lint, Verifier: verifierOf(c)}
	}, bar)
	if bar != nil {
		_ = bar.Finish()
	}
	if len(errs) > 0 && len(files) == 0 {
		// Nothing was checked: a report saying "no findings" would mislead.
		return inputError(errors.Join(errs...))
	}
	res := lint.Summarize(files)

	text := baseline.CatalogText(cats)
	if p := cmd.String("write-baseline"); p != "" {
		if len(errs) > 0 {
			// A baseline missing an unreadable catalog would later show all
			// of that catalog's old findings as new.
			return inputError(fmt.Errorf("baseline not written: %w", errors.Join(errs...)))
		}
		if err := baseline.New(&res, text).WriteFile(p); err != nil {
			return inputError(err)
		}
	}
	if p := cmd.String("baseline"); p != "" {
		b, err := baseline.Load(p)
		if err != nil {
			return inputError(err)
		}
		var dropped int
		res, dropped = b.Filter(&res, text)
		if dropped > 0 {
			fmt.Fprintf(stderr, "citelint: %d findings recorded in %s not shown\n", dropped, p)
		}
	}

	ropts := report.Options{Tool: report.Tool{Name: "citelint", Version: version, Corpus: corpusIDs(corpora)}, Rules: all}
	if err := writeReports(stdout, &res, opts, ropts); err != nil {
		return inputError(err)
	}
	if dir := cmd.String("annotate"); dir != "" {
		if err := writeAnnotated(dir, res.Files, cats, stderr); err != nil {
			errs = append(errs, err)
		}
	}
	if len(errs) > 0 {
		return inputError(errors.Join(errs...))
	}
	if !opts.failNever && atOrAbove(&res, opts.failOn) {
		return findingsExit()
	}
	return nil
}

// buildCorpus is the statute corpus a configuration checks against: the
// embedded one with the --statutes directories, then the configuration's
// statutes (statute_dirs) and aliases.
func buildCorpus(c *config.Config, extra []string) (*statutes.Corpus, error) {
	corpus, err := corpusWith(extra)
	if err != nil {
		return nil, err
	}
	for _, d := range c.StatuteDirs {
		if err := addStatutes(corpus, d); err != nil {
			return nil, inputError(fmt.Errorf("config %s: statutes: %w", c.Path, err))
		}
	}
	if len(c.Lint.Aliases) > 0 {
		if err := corpus.AddAliases(c.Lint.Aliases); err != nil {
			return nil, inputError(fmt.Errorf("config %s: aliases: %w", c.Path, err))
		}
	}
	return corpus, nil
}

// statutesFlag is --statutes, for lint and the statutes commands.
func statutesFlag() cli.Flag {
	return &cli.StringSliceFlag{Name: "statutes", Usage: "add the statute texts in `DIR` (*.txt in the corpus format, *.md in the statute sources' Markdown; recursively; repeatable) to lookup, verification and search"}
}

// addStatutes adds a user's statute directory to corpus: its corpus files
// (*.txt) and its Markdown sources (*.md), converted as the embedded
// corpus is.
func addStatutes(corpus *statutes.Corpus, dir string) error {
	fsys, err := importer.ReadDir(dir)
	if err != nil {
		return err
	}
	return corpus.AddFS(fsys, dir)
}

// corpusWith is the embedded corpus with the statute texts of dirs added;
// a directory that cannot be read or a malformed file is an input error
// naming the file and line.
func corpusWith(dirs []string) (*statutes.Corpus, error) {
	corpus, err := statutes.Default()
	if err != nil {
		return nil, fmt.Errorf("load statutes: %w", err)
	}
	for _, d := range dirs {
		if err := addStatutes(corpus, d); err != nil {
			return nil, inputError(fmt.Errorf("--statutes %s: %w", d, err))
		}
	}
	return corpus, nil
}

// corpusIDs names the corpora a run used, sorted, joined by "+".
func corpusIDs(m map[*config.Config]*statutes.Corpus) string {
	seen := map[string]bool{}
	var ids []string
	for _, c := range m {
		if id := c.ID(); !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	sort.Strings(ids)
	return strings.Join(ids, "+")
}

// lintFiles reads and lints the files on a few goroutines; the results
// come back sorted by path whatever the order of work.
func lintFiles(paths []string, read func(string) (*catalog.Catalog, error), optsOf func(string) lint.Options, bar *progressbar.ProgressBar) ([]lint.FileResult, map[string]*catalog.Catalog, []error) {
	type out struct {
		res lint.FileResult
		cat *catalog.Catalog
		err error
	}
	outs := make([]out, len(paths))
	work := make(chan int)
	var wg sync.WaitGroup
	workers := min(runtime.GOMAXPROCS(0), len(paths))
	var mu sync.Mutex
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				p := paths[i]
				cat, err := read(p)
				if err == nil {
					outs[i].cat = cat
					outs[i].res, err = lint.Run(cat, optsOf(p))
				}
				outs[i].err = err
				if bar != nil {
					mu.Lock()
					_ = bar.Add(1)
					mu.Unlock()
				}
			}
		}()
	}
	for i := range paths {
		work <- i
	}
	close(work)
	wg.Wait()
	var files []lint.FileResult
	cats := map[string]*catalog.Catalog{}
	var errs []error
	for _, o := range outs {
		if o.err != nil {
			errs = append(errs, o.err)
			continue
		}
		files = append(files, o.res)
		cats[o.res.Path] = o.cat
	}
	sort.SliceStable(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	return files, cats, errs
}

// expandPaths turns directory arguments into the catalogs they hold and
// returns every path once, sorted, with the directory arguments that hold
// none (in argument order).
func expandPaths(args []string) (paths, empty []string, err error) {
	seen := map[string]bool{}
	add := func(p string) {
		p = filepath.Clean(p)
		if !seen[p] {
			seen[p] = true
			paths = append(paths, p)
		}
	}
	for _, a := range args {
		st, err := os.Stat(a)
		if err != nil {
			return nil, nil, fmt.Errorf("read catalog %s: %w", a, err)
		}
		if !st.IsDir() {
			add(a)
			continue
		}
		found := false
		err = filepath.WalkDir(a, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			name := d.Name()
			if d.IsDir() {
				if p != a && strings.HasPrefix(name, ".") {
					return filepath.SkipDir
				}
				return nil
			}
			if strings.HasPrefix(name, ".") || strings.HasPrefix(name, "~$") {
				return nil
			}
			for _, ext := range catalogExts {
				if strings.EqualFold(filepath.Ext(name), ext) {
					add(p)
					found = true
					break
				}
			}
			return nil
		})
		if err != nil {
			return nil, nil, fmt.Errorf("read catalogs in %s: %w", a, err)
		}
		if !found {
			empty = append(empty, a)
		}
	}
	sort.Strings(paths)
	return paths, empty, nil
}

// noCatalogIn says that the directory argument dir holds no catalog.
func noCatalogIn(dir string) error {
	return fmt.Errorf("read catalogs in %s: no catalog file in the directory (looked for %s)", dir, strings.Join(catalogExts, " "))
}

// writeReports writes the --format report to stdout (or --output) and
// each --output-FORMAT report to its file.
func writeReports(stdout io.Writer, res *lint.Result, o *lintOptions, ropts report.Options) error {
	write := func(format, path string, w io.Writer, color bool) error {
		ro := ropts
		ro.Color = color
		f, err := report.New(format, ro)
		if err != nil {
			return err
		}
		if w != nil {
			return f.Format(w, res)
		}
		file, err := os.Create(path)
		if err != nil {
			return fmt.Errorf("write report %s: %w", path, err)
		}
		if err := f.Format(file, res); err != nil {
			file.Close()
			return fmt.Errorf("write report %s: %w", path, err)
		}
		if err := file.Close(); err != nil {
			return fmt.Errorf("write report %s: %w", path, err)
		}
		return nil
	}
	if o.primaryOutput != "" {
		if err := write(o.format, o.primaryOutput, nil, o.color); err != nil {
			return err
		}
	} else if err := write(o.format, "", stdout, o.color); err != nil {
		return err
	}
	for _, format := range report.Formats {
		if p, ok := o.outputs[format]; ok {
			if err := write(format, p, nil, false); err != nil {
				return err
			}
		}
	}
	return nil
}

// atOrAbove reports whether a result has a finding of severity s or higher.
func atOrAbove(r *lint.Result, s lint.Severity) bool {
	for _, f := range r.Files {
		for _, d := range f.Diagnostics {
			if d.Severity >= s {
				return true
			}
		}
	}
	return false
}
