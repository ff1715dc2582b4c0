package index

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
)

// formatVersion changes whenever the mapping or the documents change, so an
// index written by an older citelint is rebuilt rather than misread.
const formatVersion = 3

// metaName is the file next to bleve's own that records what an index
// holds; it is written last, so an index without it is unfinished.
const metaName = "citelint-index.json"

// CacheEnv names the environment variable that overrides the cache
// directory.
const CacheEnv = "CITELINT_CACHE_DIR"

type meta struct {
	Format int              `json:"format"`
	Corpus string           `json:"corpus"`
	Docs   uint64           `json:"docs"`
	Files  map[string]int64 `json:"files"` // bleve's files and their sizes
}

// Options says where the index lives and how to report trouble.
type Options struct {
	// CacheDir is citelint's cache directory; the index goes in
	// CacheDir/index-<corpus id>. Empty means DefaultCacheDir().
	CacheDir string
	// Notice, when set, is told (once per Open) when the index cannot be
	// kept in the cache and was built in a temporary directory instead.
	Notice func(msg string)

	build buildConfig // for benchmarks
}

// DefaultCacheDir is $CITELINT_CACHE_DIR when set, else citelint under the
// user's cache directory (os.UserCacheDir).
func DefaultCacheDir() (string, error) {
	if d := os.Getenv(CacheEnv); d != "" {
		return d, nil
	}
	d, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("find cache directory (set %s): %w", CacheEnv, err)
	}
	return filepath.Join(d, "citelint"), nil
}

// Index is an open, read-only search index of a corpus.
type Index struct {
	idx    bleve.Index
	path   string
	temp   string // directory to remove on Close (an index built outside the cache)
	corpus string
	docs   uint64
	built  bool
}

// Path is the index's directory.
func (ix *Index) Path() string { return ix.path }

// Built reports whether Open had to build the index.
func (ix *Index) Built() bool { return ix.built }

// Cached reports whether the index lives in the cache (false when it was
// built in a temporary directory that Close removes).
func (ix *Index) Cached() bool { return ix.temp == "" }

// Docs is the number of articles indexed.
func (ix *Index) Docs() uint64 { return ix.docs }

// Close releases the index and removes it if it was temporary. Closing
// twice is harmless.
func (ix *Index) Close() error {
	if ix.idx == nil {
		return nil
	}
	err := ix.idx.Close()
	ix.idx = nil
	if ix.temp != "" {
		if rerr := os.RemoveAll(ix.temp); rerr != nil && err == nil {
			err = rerr
		}
	}
	if err != nil {
		return fmt.Errorf("close index %s: %w", ix.path, err)
	}
	return nil
}

// Open opens the cached index of the corpus identified by corpusID, building
// it from load() when it is missing, unfinished, corrupt or from another
// version of citelint. load is only called to build.
//
// A build is written to a temporary directory beside the cache entry and
// renamed into place when complete, so a killed build leaves no half index,
// and two processes building at once each produce a whole index of which
// one wins the rename. When the cache directory cannot be written the index
// is built in a temporary directory, Options.Notice is told, and the search
// still works.
func Open(corpusID string, load func() (Source, error), opt Options) (*Index, error) {
	if corpusID == "" {
		return nil, errors.New("open index: empty corpus id")
	}
	dir := opt.CacheDir
	if dir == "" {
		d, err := DefaultCacheDir()
		if err != nil {
			return nil, err
		}
		dir = d
	}
	final := filepath.Join(dir, "index-"+fileSafe(corpusID))
	removeStaleBuilds(dir, time.Now())
	if ix, err := openValid(final, corpusID); err == nil {
		return ix, nil
	}

	if load == nil {
		return nil, fmt.Errorf("search index %s missing or unusable, and no corpus to build it from", final)
	}
	src, err := load()
	if err != nil {
		return nil, fmt.Errorf("load corpus for the search index: %w", err)
	}
	if src.ID() != corpusID {
		return nil, fmt.Errorf("build search index: corpus id %q, want %q", src.ID(), corpusID)
	}
	docs := collect(src)

	work, cacheErr := mkWorkDir(dir, fileSafe(corpusID))
	if cacheErr == nil {
		built := filepath.Join(work, "index")
		cacheErr = writeIndex(built, corpusID, docs, opt.build) // a full disk, say
		if cacheErr == nil {
			ix, err := install(work, built, final, corpusID)
			if err == nil {
				ix.built = true
				return ix, nil
			}
			// Built but not installable: answer from the build and drop it.
			if ix, oerr := openValid(built, corpusID); oerr == nil {
				ix.temp, ix.built = work, true
				notice(opt, dir, err)
				return ix, nil
			}
			cacheErr = err
		}
		os.RemoveAll(work)
	}

	// The cache cannot be used: build where we can and say so.
	work, err = os.MkdirTemp("", "citelint-index-")
	if err != nil {
		return nil, fmt.Errorf("build search index: %w (cache: %v)", err, cacheErr)
	}
	built := filepath.Join(work, "index")
	if err := writeIndex(built, corpusID, docs, opt.build); err != nil {
		os.RemoveAll(work)
		return nil, err
	}
	ix, err := openValid(built, corpusID)
	if err != nil {
		os.RemoveAll(work)
		return nil, err
	}
	ix.temp, ix.built = work, true
	notice(opt, dir, cacheErr)
	return ix, nil
}

func notice(opt Options, dir string, err error) {
	if opt.Notice != nil {
		opt.Notice(fmt.Sprintf("检索索引无法保存到缓存目录 %s（%v），本次在临时目录中建立，用后删除", dir, err))
	}
}

// buildPrefix starts the name of a build directory in the cache.
const buildPrefix = ".build-"

// staleBuild is the age after which a build directory belongs to a build
// that was killed (a build takes seconds).
const staleBuild = time.Hour

// mkWorkDir makes a private build directory inside the cache directory, on
// the same file system as the final place so the rename is atomic.
func mkWorkDir(dir, id string) (string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	return os.MkdirTemp(dir, buildPrefix+id+"-")
}

// removeStaleBuilds removes what killed builds left in the cache.
func removeStaleBuilds(dir string, now time.Time) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !e.IsDir() || !strings.HasPrefix(e.Name(), buildPrefix) {
			continue
		}
		if info, err := e.Info(); err == nil && now.Sub(info.ModTime()) > staleBuild {
			os.RemoveAll(filepath.Join(dir, e.Name()))
		}
	}
}

// install renames a finished index into its final place and opens it. On
// success work is removed; on failure built is left in place.
func install(work, built, final, corpusID string) (*Index, error) {
	if err := os.Rename(built, final); err != nil {
		// Someone else may have installed a good index meanwhile; use it.
		if ix, oerr := openValid(final, corpusID); oerr == nil {
			os.RemoveAll(work)
			return ix, nil
		}
		// A bad entry is in the way: move it aside (atomically, so a
		// concurrent reader never sees a mixture) and try once more.
		trash := filepath.Join(work, "old")
		if rerr := os.Rename(final, trash); rerr != nil && !errors.Is(rerr, os.ErrNotExist) {
			return nil, fmt.Errorf("replace search index %s: %w", final, rerr)
		}
		if err := os.Rename(built, final); err != nil {
			if ix, oerr := openValid(final, corpusID); oerr == nil {
				os.RemoveAll(work)
				return ix, nil
			}
			return nil, fmt.Errorf("install search index %s: %w", final, err)
		}
	}
	os.RemoveAll(work)
	return openValid(final, corpusID)
}

// writeIndex builds the index of docs at path and records its meta file.
func writeIndex(path, corpusID string, docs []doc, cfg buildConfig) error {
	if err := build(path, docs, cfg); err != nil {
		return err
	}
	files, err := dirSizes(path)
	if err != nil {
		return fmt.Errorf("list index %s: %w", path, err)
	}
	m := meta{Format: formatVersion, Corpus: corpusID, Docs: uint64(len(docs)), Files: files}
	data, err := json.Marshal(m)
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(path, metaName), data, 0o644); err != nil {
		return fmt.Errorf("write index %s: %w", path, err)
	}
	return nil
}

// openValid opens the index at path if it is complete and belongs to the
// corpus: its meta file is there and agrees with the files on disk and with
// bleve's document count.
func openValid(path, corpusID string) (ix *Index, err error) {
	data, err := os.ReadFile(filepath.Join(path, metaName))
	if err != nil {
		return nil, err
	}
	var m meta
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("index %s: %w", path, err)
	}
	if m.Format != formatVersion || m.Corpus != corpusID {
		return nil, fmt.Errorf("index %s: format %d of corpus %q, want format %d of %q", path, m.Format, m.Corpus, formatVersion, corpusID)
	}
	files, err := dirSizes(path)
	if err != nil {
		return nil, err
	}
	delete(files, metaName)
	if len(files) != len(m.Files) {
		return nil, fmt.Errorf("index %s: %d files, want %d", path, len(files), len(m.Files))
	}
	for name, size := range m.Files {
		if files[name] != size {
			return nil, fmt.Errorf("index %s: file %s changed", path, name)
		}
	}

	// bleve may panic on a damaged segment rather than fail; a cache is
	// never worth a crash.
	defer func() {
		if r := recover(); r != nil {
			ix, err = nil, fmt.Errorf("index %s: damaged: %v", path, r)
		}
	}()
	idx, err := bleve.OpenUsing(path, map[string]any{"read_only": true, "bolt_timeout": "2s"})
	if err != nil {
		return nil, fmt.Errorf("open index %s: %w", path, err)
	}
	n, err := idx.DocCount()
	if err != nil || n != m.Docs {
		idx.Close()
		return nil, fmt.Errorf("index %s: %d documents, want %d (%v)", path, n, m.Docs, err)
	}
	return &Index{idx: idx, path: path, corpus: corpusID, docs: n}, nil
}

// fileSafe keeps a corpus id usable as part of a file name.
func fileSafe(id string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_', r == '.':
			return r
		}
		return '_'
	}, id)
}
