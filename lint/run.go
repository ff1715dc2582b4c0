package lint

import (
	"cmp"
	"errors"
	"fmt"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/citelint/citelint/catalog"
	"github.com/citelint/citelint/lint/verify"
	"github.com/citelint/citelint/statutes"
)

// Options configure a run.
type Options struct {
	Rules  []*Rule
	Corpus *statutes.Corpus
	Config *Config
	// Now is "today" for catalogs without a date; zero means time.Now().
	Now time.Time
	// Workers bounds how many entries are checked at once; 0 means
	// runtime.GOMAXPROCS(0). Output does not depend on it.
	Workers int
	// Verifier, when set, verifies the citations: share one across the
	// catalogs checked with the same Corpus and Config (it must be built
	// for them, by NewVerifier) and each statute is resolved and prepared
	// once, not once per file. Nil: one of its own.
	Verifier *verify.Verifier
}

// NewVerifier returns the verifier of citations against corpus c with the
// options configuration cfg sets (its aliases), for Options.Verifier.
func NewVerifier(c *statutes.Corpus, cfg *Config) *verify.Verifier {
	return verify.New(c, verifyOptions(cfg))
}

// Run lints one catalog. The diagnostics come back sorted and de-duplicated.
func Run(cat *catalog.Catalog, opts Options) (FileResult, error) {
	cfg := opts.Config
	if cfg == nil {
		cfg = &Config{}
	}
	now := opts.Now
	if now.IsZero() {
		now = time.Now()
	}
	asOf := AsOf(cat, cfg, now)
	vr := opts.Verifier
	if vr == nil {
		vr = verify.New(opts.Corpus, verifyOptions(cfg))
	} else if !vr.Serves(opts.Corpus, verifyOptions(cfg)) {
		return FileResult{}, errors.New("lint: Options.Verifier was built for another corpus or configuration")
	}
	active := make([]*Rule, 0, len(opts.Rules))
	for _, r := range opts.Rules {
		if rc, ok := cfg.Rules[r.ID]; ok && rc.Disabled {
			continue
		}
		active = append(active, r)
	}
	results, quotes, err := runAll(cat, active, opts, cfg, asOf, vr)
	if err != nil {
		return FileResult{}, err
	}
	var diags []Diagnostic
	for _, ds := range results {
		diags = append(diags, ds...)
	}
	diags = applyIgnores(cat, cfg, diags)
	SortDiagnostics(diags)
	diags = dedup(diags)
	return FileResult{
		Path:        cat.Path,
		Format:      cat.Format,
		Title:       cat.Title,
		Entries:     len(cat.Entries),
		AsOf:        asOf.Format("2006-01-02"),
		Quotes:      quotes,
		Diagnostics: diags,
	}, nil
}

// runAll runs the catalog-scope rules and the entry-scope rules over
// every entry, spreading the work over workers: each catalog-scope rule is
// one task (they go first, being the longest), each entry another. Every
// task's diagnostics land in its own slot, so the result is the same
// whatever the scheduling; of several errors, the first task's is returned
// (catalog-scope rules in their order, then entries).
func runAll(cat *catalog.Catalog, active []*Rule, opts Options, cfg *Config, asOf time.Time, vr *verify.Verifier) ([][]Diagnostic, QuoteCounts, error) {
	var catRules, entryRules []*Rule
	for _, r := range active {
		if r.Scope == CatalogScope {
			catRules = append(catRules, r)
		} else {
			entryRules = append(entryRules, r)
		}
	}
	n := len(catRules)
	if len(entryRules) > 0 {
		n += len(cat.Entries)
	}
	out := make([][]Diagnostic, n)
	errs := make([]error, n)
	counts := make([]QuoteCounts, n)
	one := func(t int) {
		collect := func(d Diagnostic) { out[t] = append(out[t], d) }
		if t < len(catRules) {
			r := catRules[t]
			p := &Pass{Rule: r, Catalog: cat, Corpus: opts.Corpus, Config: cfg, AsOf: asOf, run: vr, report: collect}
			errs[t] = runRule(r, p)
			return
		}
		i := t - len(catRules)
		shared := &entryState{}
		for _, r := range entryRules {
			p := &Pass{Rule: r, Catalog: cat, Entry: &cat.Entries[i], Corpus: opts.Corpus, Config: cfg, AsOf: asOf, shared: shared, run: vr, report: collect}
			if err := runRule(r, p); err != nil {
				errs[t] = err
				return
			}
		}
		counts[t] = countQuotes(shared)
	}
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, n)
	if workers <= 1 {
		for t := range n {
			one(t)
		}
	} else {
		var wg sync.WaitGroup
		var next atomic.Int64
		for range workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for {
					t := int(next.Add(1)) - 1
					if t >= n {
						return
					}
					one(t)
				}
			}()
		}
		wg.Wait()
	}
	for _, err := range errs {
		if err != nil {
			return nil, QuoteCounts{}, err
		}
	}
	var total QuoteCounts
	for _, c := range counts {
		total.Checked += c.Checked
		total.Unverifiable += c.Unverifiable
	}
	return out, total, nil
}

func runRule(r *Rule, p *Pass) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("rule %s panicked on %s: %v", r.ID, p.Catalog.Path, v)
		}
	}()
	if err := r.Run(p); err != nil {
		return fmt.Errorf("rule %s on %s: %w", r.ID, p.Catalog.Path, err)
	}
	return nil
}

// AsOf is the date a catalog's quotes are checked against: the configured
// date, else the year in the catalog's title (its last day, or now if that
// is later than now), else now.
func AsOf(cat *catalog.Catalog, cfg *Config, now time.Time) time.Time {
	if cfg != nil && !cfg.AsOf.IsZero() {
		return cfg.AsOf
	}
	if y := titleYear(cat.Title); y > 0 {
		end := time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC)
		if end.After(now) {
			return time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
		}
		return end
	}
	return time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
}

// titleYear finds a year written as (2025年) or （2025年） or 2025年 in a title.
func titleYear(title string) int {
	rs := []rune(title)
	for i := 0; i+4 < len(rs); i++ {
		if rs[i+4] != '年' {
			continue
		}
		if i > 0 && rs[i-1] >= '0' && rs[i-1] <= '9' {
			continue
		}
		y, err := strconv.Atoi(string(rs[i : i+4]))
		if err == nil && y >= 1949 && y <= 2200 {
			return y
		}
	}
	return 0
}

func applyIgnores(cat *catalog.Catalog, cfg *Config, ds []Diagnostic) []Diagnostic {
	if len(cfg.Ignores) == 0 {
		return ds
	}
	out := ds[:0]
	for _, d := range ds {
		if !ignored(cat, cfg.Ignores, d) {
			out = append(out, d)
		}
	}
	return out
}

func ignored(cat *catalog.Catalog, igs []Ignore, d Diagnostic) bool {
	for _, ig := range igs {
		if ig.File != "" && ig.File != cat.Path && ig.File != filepath.Base(cat.Path) {
			continue
		}
		if ig.Rule != "" && ig.Rule != d.Rule {
			continue
		}
		if ig.Entry != "" {
			if d.Entry == nil || (ig.Entry != d.Entry.Seq && ig.Entry != strconv.Itoa(d.Entry.Index)) {
				continue
			}
		}
		return true
	}
	return false
}

// SortDiagnostics orders diagnostics by file, entry, field, start, rule, message.
func SortDiagnostics(ds []Diagnostic) {
	slices.SortStableFunc(ds, func(a, b Diagnostic) int {
		return cmp.Or(
			cmp.Compare(a.File, b.File),
			cmp.Compare(entryIndex(a), entryIndex(b)),
			cmp.Compare(a.Field, b.Field),
			cmp.Compare(a.Span.Start, b.Span.Start),
			cmp.Compare(a.Span.End, b.Span.End),
			cmp.Compare(a.Rule, b.Rule),
			cmp.Compare(a.Message, b.Message),
		)
	})
}

func entryIndex(d Diagnostic) int {
	if d.Entry == nil {
		return 0
	}
	return d.Entry.Index
}

// dedup drops a diagnostic that repeats the previous one's rule, place and
// message (sorted input).
func dedup(ds []Diagnostic) []Diagnostic {
	out := ds[:0]
	for i, d := range ds {
		if i > 0 {
			p := out[len(out)-1]
			if p.Rule == d.Rule && p.Field == d.Field && p.Span == d.Span && entryIndex(p) == entryIndex(d) && p.Message == d.Message {
				continue
			}
		}
		out = append(out, d)
	}
	return out
}

// countQuotes counts an entry's quoted parts by whether they were compared
// with a statute's text (whatever the verdict) or could not be.
func countQuotes(es *entryState) QuoteCounts {
	var c QuoteCounts
	for _, v := range es.verifs {
		checked, unverifiable := v.QuoteCounts()
		c.Checked += checked
		c.Unverifiable += unverifiable
	}
	return c
}

// Summarize fills a result's summary from its files.
func Summarize(files []FileResult) Result {
	r := Result{Files: files}
	r.Summary.Files = len(files)
	for _, f := range files {
		r.Summary.Entries += f.Entries
		r.Summary.Quotes.Checked += f.Quotes.Checked
		r.Summary.Quotes.Unverifiable += f.Quotes.Unverifiable
		for _, d := range f.Diagnostics {
			switch d.Severity {
			case Error:
				r.Summary.Error++
			case Warning:
				r.Summary.Warning++
			default:
				r.Summary.Info++
			}
		}
	}
	return r
}
