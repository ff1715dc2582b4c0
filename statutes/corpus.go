package statutes

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unsafe"

	"github.com/citelint/citelint/statutes/data"
)

// Corpus is the loaded set of statutes. Lookups are safe for concurrent
// use; AddAliases, AddDir and AddFS must finish before the corpus is shared.
type Corpus struct {
	statutes []*Statute // sorted: see sortStatutes
	byID     map[string]*Statute
	// exact maps normalised titles (中华人民共和国 kept) to statutes, loose
	// the same with 中华人民共和国 removed.
	exact  map[string][]*Statute
	loose  map[string][]*Statute
	id     string
	errata []Erratum
	// suggest holds every statute's titles prepared for Suggest, built on
	// first need (a run that resolves every title never needs it).
	suggest *suggestIndex
	// repeals are the statutes the corpus does not hold but whose repeal
	// a held text states (see repealedByText), built on first need.
	repealsOnce sync.Once
	repeals     map[string]*Statute
	repealsFile func() ([]byte, error) // reads RepealsName; nil when the corpus has none
}

// FactsName is the hand-maintained facts file at the root of a corpus.
const FactsName = "facts.yaml"

// Load reads a corpus from fsys: manifest.json (metadata; text files read
// lazily) when present, otherwise every *.txt file under fsys; then
// facts.yaml (hand-added statutes, partial versions, aliases, errata) when
// present.
func Load(fsys fs.FS) (*Corpus, error) {
	m, err := readManifest(fsys)
	switch {
	case err == nil:
		return loadManifest(fsys, m, true, func() (*facts, error) { return readFacts(fsys) })
	case errors.Is(err, fs.ErrNotExist):
		c := newCorpus("")
		if _, err := c.addFS(fsys, "."); err != nil {
			return nil, err
		}
		if err := c.applyFactsFile(fsys); err != nil {
			return nil, err
		}
		c.finish()
		return c, nil
	default:
		return nil, err
	}
}

// LoadRaw is Load without the errata: the source text as imported. Tests
// use it to show what each erratum corrects.
func LoadRaw(fsys fs.FS) (*Corpus, error) {
	m, err := readManifest(fsys)
	if err != nil {
		return nil, fmt.Errorf("read corpus manifest: %w", err)
	}
	return loadManifest(fsys, m, false, func() (*facts, error) { return readFacts(fsys) })
}

var defaultManifest = sync.OnceValues(func() (*Manifest, error) {
	m, err := readManifest(data.FS)
	if err != nil {
		return nil, fmt.Errorf("read embedded corpus: %w", err)
	}
	return m, nil
})

// Default returns the embedded corpus. Each call returns a corpus of its
// own (AddAliases, AddDir and AddFS change only that one); the decoded manifest is
// shared.
func Default() (*Corpus, error) {
	m, err := defaultManifest()
	if err != nil {
		return nil, err
	}
	return loadManifest(data.FS, m, true, defaultFacts)
}

// defaultFacts decodes the embedded facts.yaml once; corpora built from it
// share the decoded values and never change them.
var defaultFacts = sync.OnceValues(func() (*facts, error) { return readFacts(data.FS) })

func newCorpus(id string) *Corpus {
	return &Corpus{byID: map[string]*Statute{}, id: id}
}

func loadManifest(fsys fs.FS, m *Manifest, errata bool, readFacts func() (*facts, error)) (*Corpus, error) {
	if m.Format != 1 {
		return nil, fmt.Errorf("read corpus manifest: format %d, want 1", m.Format)
	}
	c := newCorpus(m.ID)
	for i := range m.Statutes {
		ms := &m.Statutes[i]
		s, err := ms.statute()
		if err != nil {
			return nil, fmt.Errorf("read corpus manifest: %w", err)
		}
		for j, v := range s.Versions {
			file := ms.Versions[j].File
			if file == "" {
				continue
			}
			raw := rawReader(fsys, m, &ms.Versions[j], s.ID, v.Label)
			v.lazy = &lazyText{load: fileLoader(raw, s.ID, v.Label), raw: func() ([]byte, error) {
				b, _, err := raw()
				return b, err
			}}
		}
		if err := c.add(s); err != nil {
			return nil, fmt.Errorf("read corpus manifest: %w", err)
		}
	}
	if _, err := fs.Stat(fsys, RepealsName); err == nil {
		c.repealsFile = func() ([]byte, error) { return fs.ReadFile(fsys, RepealsName) }
	}
	f, err := readFacts()
	if err != nil {
		return nil, err
	}
	if err := c.applyFacts(f, errata); err != nil {
		return nil, err
	}
	if f == nil || len(f.Aliases) == 0 {
		// With aliases, applyFacts's AddAliases has just rebuilt the
		// index (errata change article text, never titles or order).
		c.finish()
	}
	return c, nil
}

// rawReader returns a reader of one version's file: its bytes and the
// name errors give it (a chunk's slice, or a plain file of an older or
// test corpus).
func rawReader(fsys fs.FS, m *Manifest, mv *ManifestVersion, id, label string) func() ([]byte, string, error) {
	file, off, n := mv.File, mv.Offset, mv.Length
	return func() ([]byte, string, error) {
		if !isChunk(file) {
			raw, err := fs.ReadFile(fsys, file)
			if err != nil {
				return nil, file, fmt.Errorf("read statute %s: %w", file, err)
			}
			return raw, file, nil
		}
		data, err := m.chunks.get(fsys, file)
		if err != nil {
			return nil, file, err
		}
		if off < 0 || n <= 0 || off+n > len(data) {
			return nil, file, fmt.Errorf("read statute %s version %s: bytes %d+%d outside chunk %s (%d bytes)", id, label, off, n, file, len(data))
		}
		return data[off : off+n], fmt.Sprintf("%s@%d", file, off), nil
	}
}

// fileLoader reads the articles of one version from its corpus file. The
// manifest already holds the header's facts, so the header is only
// scanned for the identity check and the article count.
func fileLoader(raw func() ([]byte, string, error), id, label string) func() ([]*Article, []string, error) {
	return func() ([]*Article, []string, error) {
		b, name, err := raw()
		if err != nil {
			return nil, nil, err
		}
		// The bytes are never written again: read them as a string
		// without a second copy.
		h, err := scanHeader(name, unsafe.String(unsafe.SliceData(b), len(b)))
		if err != nil {
			return nil, nil, err
		}
		if h.id != id || h.label != label {
			return nil, nil, fmt.Errorf("read statute %s: file holds %s version %s, manifest says %s version %s",
				name, h.id, h.label, id, label)
		}
		return parseBodyHint(name, h.body, h.bodyLine, max(h.articles, 0))
	}
}

// add inserts a new statute; its ID must be new.
func (c *Corpus) add(s *Statute) error {
	if s.ID == "" {
		return fmt.Errorf("statute %q has no id", s.Title)
	}
	if _, dup := c.byID[s.ID]; dup {
		return fmt.Errorf("statute id %s appears twice", s.ID)
	}
	c.byID[s.ID] = s
	c.statutes = append(c.statutes, s)
	return nil
}

// finish sorts statutes and versions and rebuilds the title index.
func (c *Corpus) finish() {
	for _, s := range c.statutes {
		sortVersions(s)
	}
	sort.SliceStable(c.statutes, func(i, j int) bool { return statuteLess(c.statutes[i], c.statutes[j]) })
	c.exact = map[string][]*Statute{}
	c.loose = map[string][]*Statute{}
	c.suggest = &suggestIndex{}
	for _, s := range c.statutes {
		for _, k := range titleKeys(s) {
			c.index(k, s)
		}
	}
}

func (c *Corpus) index(title string, s *Statute) {
	add := func(m map[string][]*Statute, k string) {
		if k == "" {
			return
		}
		for _, t := range m[k] {
			if t == s {
				return
			}
		}
		m[k] = append(m[k], s)
	}
	add(c.exact, normTitle(title))
	add(c.loose, looseTitle(title))
}

func titleKeys(s *Statute) []string {
	keys := []string{s.Title, s.Short, s.ID}
	return append(keys, s.Aliases...)
}

var kindRank = map[Kind]int{"宪法": 0, "法律": 1, "行政法规": 2, "部门规章": 3}

func statuteLess(a, b *Statute) bool {
	ra, oka := kindRank[a.Kind]
	rb, okb := kindRank[b.Kind]
	if !oka {
		ra = 9
	}
	if !okb {
		rb = 9
	}
	if ra != rb {
		return ra < rb
	}
	if a.Kind != b.Kind {
		return a.Kind < b.Kind
	}
	if a.Title != b.Title {
		return a.Title < b.Title
	}
	return a.ID < b.ID
}

func sortVersions(s *Statute) {
	sort.SliceStable(s.Versions, func(i, j int) bool {
		a, b := s.Versions[i], s.Versions[j]
		if !a.Effective.Equal(b.Effective) {
			return a.Effective.Before(b.Effective)
		}
		return a.Label < b.Label
	})
}

// ID identifies the corpus (snapshot date and content hash), for reports
// and caches.
func (c *Corpus) ID() string { return c.id }

// Statutes returns every statute, constitution first, then laws,
// administrative regulations, departmental rules and the rest, each by
// title. Article text is not necessarily loaded: use the Version methods
// (ArticleList, Article, Lookup) or Corpus.Statute.
func (c *Corpus) Statutes() []*Statute {
	return append([]*Statute(nil), c.statutes...)
}

// Statute returns the statute with the given ID, its text loaded, or nil.
func (c *Corpus) Statute(id string) *Statute {
	s := c.byID[id]
	if s != nil {
		s.LoadText()
	}
	return s
}

// Errata returns the corrections applied to the source texts.
func (c *Corpus) Errata() []Erratum { return append([]Erratum(nil), c.errata...) }

// ForEachArticle calls fn for every article of every version that has text
// bundled (full or partial), statutes in Statutes order, versions oldest
// first, until fn returns false. Versions whose text fails to load are
// skipped (Statute.LoadText reports the error). The text is loaded first,
// in parallel (see LoadAllText).
func (c *Corpus) ForEachArticle(fn func(s *Statute, v *Version, a *Article) bool) {
	c.LoadAllText()
	for _, s := range c.statutes {
		for _, v := range s.Versions {
			arts, err := v.ArticleList()
			if err != nil {
				continue
			}
			for _, a := range arts {
				if !fn(s, v, a) {
					return
				}
			}
		}
	}
}

// LoadAllText loads the text of every version not loaded yet, parsing
// files in parallel on GOMAXPROCS goroutines; it returns the first error
// in Statutes order (the same error whatever the scheduling). Safe for
// concurrent use; a second call costs next to nothing.
func (c *Corpus) LoadAllText() error {
	var todo []*Version
	for _, s := range c.statutes {
		for _, v := range s.Versions {
			if v.lazy != nil && !v.lazy.done.Load() {
				todo = append(todo, v)
			}
		}
	}
	if len(todo) == 0 {
		return nil
	}
	workers := min(runtime.GOMAXPROCS(0), len(todo))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= len(todo) {
					return
				}
				todo[i].ArticleList()
			}
		}()
	}
	wg.Wait()
	for _, v := range todo {
		if _, err := v.ArticleList(); err != nil {
			return err
		}
	}
	return nil
}

// LoadText loads the text of every version of s; it returns the first
// error met. Lookups call it as needed.
func (s *Statute) LoadText() error {
	var first error
	for _, v := range s.Versions {
		if _, err := v.ArticleList(); err != nil && first == nil {
			first = err
		}
	}
	return first
}

// ArticleList returns the version's articles, reading them on first use.
// A version with no text bundled has none.
func (v *Version) ArticleList() ([]*Article, error) {
	if v.lazy == nil {
		return v.Articles, nil
	}
	v.lazy.once.Do(func() {
		defer v.lazy.done.Store(true)
		arts, body, err := v.lazy.load()
		if err != nil {
			v.lazy.err = err
			return
		}
		v.Articles, v.Body = arts, body
	})
	return v.Articles, v.lazy.err
}

// AddAliases adds alias → title pairs (a config's aliases); each title
// must resolve, and an alias may not already name another statute.
func (c *Corpus) AddAliases(m map[string]string) error {
	aliases := make([]string, 0, len(m))
	for a := range m {
		aliases = append(aliases, a)
	}
	sort.Strings(aliases)
	for _, a := range aliases {
		s, _, err := c.resolve(m[a])
		if err != nil {
			return fmt.Errorf("alias %s: %w", a, err)
		}
		if other, _, err := c.resolveNoSuggest(a); err == nil && other != s {
			return fmt.Errorf("alias %s for %s: already names %s", a, s.Title, other.Title)
		}
		// The index may still point at a statute an earlier alias
		// replaced: the one byID holds is current.
		s = c.byID[s.ID]
		if slices.Contains(s.Aliases, a) {
			continue
		}
		// Copy on write: the statute may be shared with other corpora.
		cp := *s
		cp.Aliases = append(append([]string(nil), s.Aliases...), a)
		c.replace(s, &cp)
		c.reindex(s, &cp)
	}
	return nil
}

// reindex points the title index at s where it pointed at old (s is old
// with more aliases: same title, kind and order) and adds s's new keys.
// Cheaper than finish, which rebuilds the index of every statute.
func (c *Corpus) reindex(old, s *Statute) {
	swap := func(m map[string][]*Statute, k string) {
		for i, t := range m[k] {
			if t == old {
				m[k][i] = s
			}
		}
	}
	for _, k := range titleKeys(old) {
		swap(c.exact, normTitle(k))
		swap(c.loose, looseTitle(k))
	}
	for _, k := range titleKeys(s) {
		c.index(k, s)
	}
	c.suggest = &suggestIndex{}
}

func (c *Corpus) replace(old, s *Statute) {
	c.byID[s.ID] = s
	for i, t := range c.statutes {
		if t == old {
			c.statutes[i] = s
		}
	}
}

// AddDir adds the statutes in dir, written in the corpus format (*.txt,
// one file per version; see doc.go): AddFS on dir.
func (c *Corpus) AddDir(dir string) error {
	if _, err := os.Stat(dir); err != nil {
		return fmt.Errorf("read statutes dir: %w", err)
	}
	return c.AddFS(os.DirFS(dir), dir)
}

// AddFS adds the statutes in fsys, written in the corpus format (every
// *.txt file, recursively; one file per version, see doc.go); root names
// fsys in errors, which name the file and line. A version of a statute
// already in the corpus replaces the version with the same label or is
// added to it; a derived version (one inferred from a later text's
// history) never replaces one the corpus holds. The corpus ID then ends
// in +local- and a digest of the files added.
func (c *Corpus) AddFS(fsys fs.FS, root string) error {
	sum, err := c.addFS(fsys, root)
	if err != nil {
		return err
	}
	// The corpus is no longer the embedded one: its ID says so, with a
	// digest of what was added (a search index built for it is its own).
	c.id += "+local-" + hex.EncodeToString(sum[:4])
	c.finish()
	return nil
}

// addFS reads every *.txt corpus file in fsys (recursively). root names
// fsys in errors.
func (c *Corpus) addFS(fsys fs.FS, root string) ([]byte, error) {
	digest := sha256.New()
	var files []string
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".txt") {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read statutes dir %s: %w", root, err)
	}
	sort.Strings(files)
	for _, f := range files {
		raw, err := fs.ReadFile(fsys, f)
		if err != nil {
			return nil, fmt.Errorf("read statute %s: %w", f, err)
		}
		fmt.Fprintf(digest, "%s\x00%d\x00", f, len(raw))
		digest.Write(raw)
		name := f
		if root != "." {
			name = path.Join(root, f)
		}
		h, err := parseHeader(name, string(raw))
		if err != nil {
			return nil, err
		}
		arts, body, err := parseBody(name, h.body, h.bodyLine)
		if err != nil {
			return nil, err
		}
		v := h.version
		if v.Text == TextNone && len(arts) > 0 {
			return nil, &ParseError{File: name, Msg: "text: none but the file has articles"}
		}
		if h.version.NumArticles >= 0 && h.version.NumArticles != len(arts) {
			return nil, &ParseError{File: name, Msg: fmt.Sprintf("header says %d articles, the body has %d", h.version.NumArticles, len(arts))}
		}
		v.Articles, v.Body, v.NumArticles = arts, body, len(arts)
		if err := c.mergeVersion(h.statute, v); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
	}
	return digest.Sum(nil), nil
}

// mergeVersion adds v to the statute s names (by ID), creating it when new.
// Statute metadata comes from the newest version's file.
func (c *Corpus) mergeVersion(s *Statute, v *Version) error {
	old := c.byID[s.ID]
	if old == nil {
		s.Versions = []*Version{v}
		return c.add(s)
	}
	if old.Title != s.Title && old.Title != "" {
		return fmt.Errorf("statute %s: title %q differs from %q", s.ID, s.Title, old.Title)
	}
	cp := *old
	cp.Versions = nil
	replaced := false
	for _, ov := range old.Versions {
		if ov.Label == v.Label {
			if v.Derived && !ov.Derived {
				// What the corpus holds says more than a version
				// inferred from the events.
				return nil
			}
			cp.Versions = append(cp.Versions, v)
			replaced = true
			continue
		}
		cp.Versions = append(cp.Versions, ov)
	}
	if !replaced {
		cp.Versions = append(cp.Versions, v)
	}
	c.replace(old, &cp)
	return nil
}

// ErrUnknownStatute is wrapped by Resolve's error for a title the corpus
// does not know.
var ErrUnknownStatute = errors.New("unknown statute")

// ErrAmbiguousStatute is wrapped by Resolve's error for a title that
// names several statutes.
var ErrAmbiguousStatute = errors.New("ambiguous statute title")

// UnknownStatuteError is Resolve's error for an unknown title, with the
// closest titles the corpus knows.
type UnknownStatuteError struct {
	Title       string
	Suggestions []string
}

func (e *UnknownStatuteError) Error() string {
	msg := fmt.Sprintf("unknown statute 《%s》", e.Title)
	if len(e.Suggestions) > 0 {
		msg += "; close titles: 《" + strings.Join(e.Suggestions, "》, 《") + "》"
	}
	return msg
}

func (e *UnknownStatuteError) Unwrap() error { return ErrUnknownStatute }

// Resolve finds the statute a title names, as catalogs write titles: full
// or short, with or without 中华人民共和国 and 《》, nested marks (〈〉, <>,
// 《》 inside), spaces and line breaks anywhere, and trailing parenthesised
// notes (（国务院令第735号）, （2018年修正）). The statute's text is loaded.
func (c *Corpus) Resolve(title string) (*Statute, error) {
	s, _, err := c.ResolveNotes(title)
	return s, err
}

// ResolveNotes is Resolve that also returns the trailing parenthesised
// notes it had to strip (国务院令第735号, 2018年修正), outermost last.
func (c *Corpus) ResolveNotes(title string) (*Statute, []string, error) {
	s, notes, err := c.resolve(title)
	if s != nil {
		s.LoadText()
	}
	return s, notes, err
}

func (c *Corpus) resolve(title string) (*Statute, []string, error) {
	s, notes, err := c.resolveNoSuggest(title)
	var u *UnknownStatuteError
	if errors.As(err, &u) {
		u.Suggestions = c.Suggest(title, 3)
	}
	return s, notes, err
}

// resolveNoSuggest is resolve without the close titles of an unknown
// one (comparing a title with every other one is what costs).
func (c *Corpus) resolveNoSuggest(title string) (*Statute, []string, error) {
	t := normTitle(title)
	var notes []string
	for t != "" {
		if s, err := c.lookupKey(t); s != nil || err != nil {
			return s, notes, err
		}
		base, note, ok := cutTrailingNote(t)
		if !ok {
			break
		}
		notes = append([]string{note}, notes...)
		t = base
	}
	if s := c.repealedByText(title); s != nil {
		return s, nil, nil
	}
	clean := strings.TrimSpace(title)
	if strings.HasPrefix(clean, "《") && strings.HasSuffix(clean, "》") {
		clean = strings.TrimSuffix(strings.TrimPrefix(clean, "《"), "》")
	}
	return nil, nil, &UnknownStatuteError{Title: clean}
}

func (c *Corpus) lookupKey(t string) (*Statute, error) {
	if ss := c.exact[t]; len(ss) == 1 {
		return ss[0], nil
	}
	ss := c.loose[looseKey(t)]
	switch len(ss) {
	case 0:
		return nil, nil
	case 1:
		return ss[0], nil
	}
	var titles []string
	for _, s := range ss {
		titles = append(titles, s.Title+"("+s.ID+")")
	}
	sort.Strings(titles)
	return nil, fmt.Errorf("%w: 《%s》 names %s", ErrAmbiguousStatute, t, strings.Join(titles, ", "))
}

// VersionAt returns the version in force at t: the latest version in force
// from t or earlier (a version with an unknown effective date counts as
// in force from the start). After a repeal it returns the last version.
// Nil when the statute was not yet in force at t.
func (s *Statute) VersionAt(t time.Time) *Version {
	var found *Version
	for _, v := range s.Versions {
		if v.Effective.IsZero() || !v.Effective.After(t) {
			found = v
		}
	}
	return found
}

// Current returns the newest version the corpus knows (it may not be in
// force yet: see its Effective date), or nil for a statute without versions.
func (s *Statute) Current() *Version {
	if len(s.Versions) == 0 {
		return nil
	}
	return s.Versions[len(s.Versions)-1]
}

// StatusAt says whether s was in force at t.
func (s *Statute) StatusAt(t time.Time) Status {
	if !s.RepealedOn.IsZero() && !t.Before(s.RepealedOn) {
		return StatusRepealed
	}
	if s.VersionAt(t) == nil {
		return StatusPending
	}
	return StatusInForce
}

// NumArticles is the article count of the newest version with text.
func (s *Statute) NumArticles() int {
	for i := len(s.Versions) - 1; i >= 0; i-- {
		if s.Versions[i].Text != TextNone {
			return s.Versions[i].NumArticles
		}
	}
	return 0
}

// repealClause finds the statutes a final article repeals: 本办法自公布之日起
// 施行。1990年3月2日国务院发布的《盐业管理条例》同时废止。
var repealClause = regexp.MustCompile(`《([^《》]{2,60})》[^《》。；]{0,12}?(?:同时|予以|即行)?废止`)

// RepealsName is the file of repeals stated by the corpus's own texts (see
// ScanRepeals), derived from text/ and checked by a test.
const RepealsName = "repeals.json"

// Repeal is a statute the corpus holds no text of, repealed by the final
// article of a statute it holds.
type Repeal struct {
	Title   string `json:"title"`   // the repealed statute, as the article names it
	By      string `json:"by"`      // the repealing statute's ID
	Version string `json:"version"` // its version's label
	Article string `json:"article"` // 第三十六条
	Text    string `json:"text"`    // the article's text
	On      string `json:"on"`      // the repealing version's effective date
}

// ScanRepeals finds in the held texts the statutes they repeal that the
// corpus does not hold, sorted by title (the first repeal of a title in
// Statutes order wins).
func (c *Corpus) ScanRepeals() []Repeal {
	seen := map[string]bool{}
	var out []Repeal
	c.forEachLineWith("废止", func(s *Statute, v *Version, label, text string) {
		if !strings.Contains(text, "施行") {
			return
		}
		for _, m := range repealClause.FindAllStringSubmatch(text, -1) {
			t := normTitle(m[1])
			if t == "" || seen[t] || c.exact[t] != nil || c.loose[looseKey(t)] != nil {
				continue
			}
			on := v.Effective
			if on.IsZero() {
				on, _ = time.Parse("2006-01-02", v.Label)
			}
			if on.IsZero() {
				continue
			}
			seen[t] = true
			out = append(out, Repeal{Title: m[1], By: s.ID, Version: v.Label, Article: label, Text: strings.TrimSpace(text), On: formatDate(on)})
		}
	})
	sort.Slice(out, func(i, j int) bool { return out[i].Title < out[j].Title })
	return out
}

// repealedByText returns, for a title the corpus holds no statute of, a
// metadata-only statute when a held text repeals it: the repeal rests on a
// text the project holds. Nil otherwise. The repeals come from the
// corpus's repeals file when it has one, else from a scan of its texts.
func (c *Corpus) repealedByText(title string) *Statute {
	c.repealsOnce.Do(func() {
		var rs []Repeal
		if c.repealsFile != nil {
			if raw, err := c.repealsFile(); err == nil && json.Unmarshal(raw, &rs) == nil {
				goto build
			}
			rs = nil
		}
		rs = c.ScanRepeals()
	build:
		c.repeals = map[string]*Statute{}
		for _, r := range rs {
			by := c.byID[r.By]
			on, err := time.Parse("2006-01-02", r.On)
			if by == nil || err != nil {
				continue
			}
			c.repeals[normTitle(r.Title)] = &Statute{
				ID: "repealed:" + normTitle(r.Title), Title: r.Title, Verified: true,
				Source:     fmt.Sprintf("《%s》（%s）%s：“%s”", by.Title, r.Version, r.Article, r.Text),
				RepealedOn: on, ReplacedBy: by.Title,
				Versions: []*Version{{Until: on, Text: TextNone, Source: "法规库未收录该法规的文本"}},
			}
		}
	})
	t := normTitle(title)
	for t != "" {
		if s := c.repeals[t]; s != nil {
			return s
		}
		base, _, ok := cutTrailingNote(t)
		if !ok {
			break
		}
		t = base
	}
	return nil
}

// forEachLineWith calls fn for each article whose text holds word, with
// the article's label and text (its paragraphs joined), in Statutes order.
// It reads the raw files and parses nothing else: a scan of the whole
// corpus for a word of final articles costs milliseconds.
func (c *Corpus) forEachLineWith(word string, fn func(s *Statute, v *Version, label, text string)) {
	w := []byte(word)
	for _, s := range c.statutes {
		for _, v := range s.Versions {
			if v.lazy == nil || v.lazy.raw == nil {
				continue
			}
			raw, err := v.lazy.raw()
			if err != nil {
				continue
			}
			for off := 0; ; {
				i := bytes.Index(raw[off:], w)
				if i < 0 {
					break
				}
				i += off
				// The article: back to the line starting with 第…条, on
				// to the next such line.
				start := i
				for start > 0 {
					ls := bytes.LastIndexByte(raw[:start], '\n') + 1
					if bytes.HasPrefix(raw[ls:], []byte("第")) || ls == 0 {
						start = ls
						break
					}
					start = ls - 1
				}
				end := len(raw)
				if j := bytes.Index(raw[i:], []byte("\n第")); j >= 0 {
					end = i + j
				}
				art := string(raw[start:end])
				label, _, _ := strings.Cut(art, " ")
				if strings.HasPrefix(label, "第") && strings.Contains(label, "条") && len(label) < 40 {
					fn(s, v, label, strings.ReplaceAll(strings.TrimPrefix(art, label+" "), "\n", ""))
				}
				off = end
			}
		}
	}
}
func jsonUnmarshal(b []byte, v any) error { return json.Unmarshal(b, v) }
