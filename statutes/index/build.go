package index

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/lang/cjk" // registers the cjk analyzer (the one init-time registration citelint allows)
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"

	"github.com/citelint/citelint/statutes"
)

// Source is what an index is built from; *statutes.Corpus satisfies it.
type Source interface {
	// ID identifies the corpus; an index built from one corpus is never
	// used for another.
	ID() string
	// ForEachArticle calls fn for every article of every version that has
	// text, until fn returns false.
	ForEachArticle(fn func(s *statutes.Statute, v *statutes.Version, a *statutes.Article) bool)
}

// Field names in the index.
const (
	fStatute = "statute" // statute ID (keyword, filterable)
	fTitle   = "title"
	fShort   = "short"
	fVersion = "version"   // version label
	fFrom    = "from"      // version in force from, "2006-01-02" ("" when unknown)
	fUntil   = "until"     // in force until, exclusive, counting the statute's repeal ("" when open)
	fState   = "textstate" // statutes.TextState of the version
	fArticle = "article"   // article label, 第八十八条
	fNum     = "num"       // "88" or "10-1" for 第十条之一
	fSeq     = "seq"       // position in the corpus's iteration order, zero-padded
	fText    = "text"      // article text without its label (cjk analyzer)
)

var storedFields = []string{fStatute, fTitle, fShort, fVersion, fFrom, fUntil, fState, fArticle, fNum, fSeq, fText}

const dateLayout = "2006-01-02"

// doc is one indexed article; the json names are the field names.
type doc struct {
	Statute string `json:"statute"`
	Title   string `json:"title"`
	Short   string `json:"short"`
	Version string `json:"version"`
	From    string `json:"from"`
	Until   string `json:"until"`
	State   string `json:"textstate"`
	Article string `json:"article"`
	Num     string `json:"num"`
	Seq     string `json:"seq"`
	Text    string `json:"text"`
}

func newMapping() mapping.IndexMapping {
	field := func(analyzer string, index bool) *mapping.FieldMapping {
		f := mapping.NewTextFieldMapping()
		f.Analyzer = analyzer
		f.Store = true
		f.Index = index
		// Highlighting and coverage are computed from the stored text, so
		// no term vectors; no sorting or facets in bleve, so no doc values;
		// no composite _all field.
		f.IncludeTermVectors = false
		f.IncludeInAll = false
		f.DocValues = false
		return f
	}
	dm := mapping.NewDocumentStaticMapping()
	dm.AddFieldMappingsAt(fStatute, field(keyword.Name, true))
	for _, name := range []string{fTitle, fShort, fVersion, fArticle, fNum, fSeq, fFrom, fUntil, fState} {
		dm.AddFieldMappingsAt(name, field(keyword.Name, false))
	}
	dm.AddFieldMappingsAt(fText, field(cjk.AnalyzerName, true))
	// No composite _all field: every query names its field.
	dm.AddSubDocumentMapping("_all", mapping.NewDocumentDisabledMapping())

	im := mapping.NewIndexMapping()
	im.DefaultMapping = dm
	im.DefaultAnalyzer = keyword.Name
	im.StoreDynamic = false
	im.IndexDynamic = false
	im.DocValuesDynamic = false
	return im
}

func dateString(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(dateLayout)
}

// collect turns the source's articles into index documents, in the
// source's order.
func collect(src Source) []doc {
	var docs []doc
	src.ForEachArticle(func(s *statutes.Statute, v *statutes.Version, a *statutes.Article) bool {
		if v.Text == statutes.TextNone {
			return true
		}
		until := v.Until
		if !s.RepealedOn.IsZero() && (until.IsZero() || s.RepealedOn.Before(until)) {
			until = s.RepealedOn
		}
		num := fmt.Sprint(a.Num)
		if a.Suffix > 0 {
			num = fmt.Sprintf("%d-%d", a.Num, a.Suffix)
		}
		label := a.Label
		if label == "" {
			label = statutes.ArticleLabel(a.Num, a.Suffix)
		}
		docs = append(docs, doc{
			Statute: s.ID,
			Title:   s.Title,
			Short:   s.Short,
			Version: v.Label,
			From:    dateString(v.Effective),
			Until:   dateString(until),
			State:   string(v.Text),
			Article: label,
			Num:     num,
			Seq:     fmt.Sprintf("%07d", len(docs)),
			Text:    a.Text(),
		})
		return true
	})
	return docs
}

// buildConfig tunes how an index is written. The zero value is the default.
type buildConfig struct {
	batchSize int            // documents per bleve batch
	workers   int            // batches analysed and written in parallel
	scorch    map[string]any // extra scorch configuration
	gcPercent int            // GOGC during the build (default 200; negative: leave alone)
}

func (c buildConfig) withDefaults() buildConfig {
	if c.batchSize <= 0 {
		c.batchSize = 2000
	}
	if c.workers <= 0 {
		c.workers = runtime.GOMAXPROCS(0)
	}
	if c.gcPercent == 0 {
		c.gcPercent = 200
	}
	return c
}

// asyncErrorCallback is the name under which scorch reports errors of its
// background work (a persister that cannot write because the disk is full)
// to the build waiting on that index; without it a failing build would wait
// for batches that are never written.
const asyncErrorCallback = "citelint-index-build"

// buildErrs routes those errors by index path to the build that owns it.
var buildErrs sync.Map // index path → func(error)

func init() {
	// scorch reads this registry when an index is opened; it must be filled
	// at init time (bleve's own rule), like the analyzer registrations.
	scorch.RegistryAsyncErrorCallbacks[asyncErrorCallback] = func(err error, scorchPath string) {
		buildErrs.Range(func(k, v any) bool {
			if p := k.(string); scorchPath == p || strings.HasPrefix(scorchPath, p+string(filepath.Separator)) {
				v.(func(error))(err)
				return false
			}
			return true
		})
	}
}

// build writes a new index of docs at path, which must not exist.
func build(path string, docs []doc, cfg buildConfig) (err error) {
	cfg = cfg.withDefaults()
	if cfg.gcPercent > 0 {
		// The build allocates a lot of short-lived memory; collecting
		// half as often saves about a tenth of its CPU time for ~700 MB
		// peak RSS instead of ~500 MB (400 saved little more for 1 GB).
		defer debug.SetGCPercent(debug.SetGCPercent(cfg.gcPercent))
	}
	config := map[string]any{
		// A build either completes and is renamed into place, or is thrown
		// away, so a batch need not wait for the disk; the persisted
		// callbacks below tell when everything is written, since scorch's
		// Close does not wait for unpersisted batches.
		"unsafe_batch":           true,
		"asyncErrorCallbackName": asyncErrorCallback,
		// No merging, neither of segments in memory before they are
		// written nor of files after: it costs an eighth of the build's
		// CPU time, and searching ~30 segments is no slower to notice
		// than searching 10 (measured: ~45 ms of CPU per search process
		// either way).
		"scorchMergePlanOptions": map[string]any{"MaxSegmentsPerTier": 1000, "SegmentsPerMergeTask": 10},
		"scorchPersisterOptions": map[string]any{"MinSegmentsForInMemoryMerge": 1000},
	}
	for k, v := range cfg.scorch {
		config[k] = v
	}
	idx, err := bleve.NewUsing(path, newMapping(), scorch.Name, scorch.Name, config)
	if err != nil {
		return fmt.Errorf("create index %s: %w", path, err)
	}
	defer func() {
		if cerr := idx.Close(); cerr != nil && err == nil {
			err = fmt.Errorf("close index %s: %w", path, cerr)
		}
	}()

	var (
		mu        sync.Mutex
		firstErr  error
		persisted sync.WaitGroup
		aborted   = make(chan struct{})
	)
	fail := func(err error) {
		mu.Lock()
		if firstErr == nil {
			firstErr = err
			close(aborted)
		}
		mu.Unlock()
	}
	buildErrs.Store(path, fail)
	defer buildErrs.Delete(path)
	failed := func() bool {
		mu.Lock()
		defer mu.Unlock()
		return firstErr != nil
	}

	submit := func(part []doc) {
		b := idx.NewBatch()
		for i := range part {
			if err := b.Index(docID(&part[i]), &part[i]); err != nil {
				fail(err)
				return
			}
		}
		persisted.Add(1)
		var once sync.Once
		done := func() { once.Do(persisted.Done) }
		b.SetPersistedCallback(func(err error) {
			if err != nil {
				fail(err)
			}
			done()
		})
		if err := idx.Batch(b); err != nil {
			fail(err)
			done() // not introduced, so its callback may never come
		}
	}

	batches := make(chan []doc)
	var workers sync.WaitGroup
	for w := 0; w < cfg.workers; w++ {
		workers.Add(1)
		go func() {
			defer workers.Done()
			for part := range batches {
				if !failed() {
					submit(part)
				}
			}
		}()
	}
	for start := 0; start < len(docs) && !failed(); start += cfg.batchSize {
		batches <- docs[start:min(start+cfg.batchSize, len(docs))]
	}
	close(batches)
	workers.Wait()

	done := make(chan struct{})
	go func() { persisted.Wait(); close(done) }()
	select {
	case <-done:
	case <-aborted: // a background write failed: its batch will never be persisted
	case <-time.After(persistTimeout):
		fail(fmt.Errorf("batches not written after %v", persistTimeout))
	}
	mu.Lock()
	defer mu.Unlock()
	if firstErr != nil {
		return fmt.Errorf("index articles at %s: %w", path, firstErr)
	}
	return nil
}

// persistTimeout bounds the wait for bleve to write the last batches; a
// build that takes longer has gone wrong.
const persistTimeout = 5 * time.Minute

func docID(d *doc) string { return d.Statute + "|" + d.Version + "|" + d.Seq }

// dirSize sums the sizes of the regular files under dir, by path relative
// to dir; it is the cheap fingerprint that tells a cache someone tampered
// with or a disk truncated from a good one.
func dirSizes(dir string) (map[string]int64, error) {
	sizes := map[string]int64{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.Type().IsRegular() {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		sizes[filepath.ToSlash(rel)] = info.Size()
		return nil
	})
	return sizes, err
}
