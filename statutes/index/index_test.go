package index

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/citelint/citelint/statutes"
)

// Every corpus satisfies Source.
var _ Source = (*statutes.Corpus)(nil)

// fakeSource is a tiny corpus built from the shared types.
type fakeSource struct {
	id       string
	statutes []*statutes.Statute
	loads    int
}

func (f *fakeSource) ID() string { return f.id }

func (f *fakeSource) ForEachArticle(fn func(*statutes.Statute, *statutes.Version, *statutes.Article) bool) {
	for _, s := range f.statutes {
		for _, v := range s.Versions {
			for _, a := range v.Articles {
				if !fn(s, v, a) {
					return
				}
			}
		}
	}
}

func day(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	t, err := time.Parse(dateLayout, s)
	if err != nil {
		panic(err)
	}
	return t
}

func art(num int, paras ...string) *statutes.Article {
	a := &statutes.Article{Num: num, Label: statutes.ArticleLabel(num, 0)}
	for _, p := range paras {
		a.Paragraphs = append(a.Paragraphs, &statutes.Paragraph{Text: p})
	}
	return a
}

func version(label, from, until string, state statutes.TextState, arts ...*statutes.Article) *statutes.Version {
	return &statutes.Version{Label: label, Effective: day(from), Until: day(until), Text: state, Articles: arts}
}

const (
	old86 = "药品标识不符合本法第五十四条规定的，除依法应当按照假药、劣药论处的外，责令改正，给予警告；情节严重的，撤销该药品的批准证明文件。"
	new86 = "药品标识不符合本法规定的，除依法应当按照假药、劣药论处的外，责令改正，给予警告；情节严重的，吊销药品注册证书。"
)

func testCorpus() *fakeSource {
	return &fakeSource{id: "test-1", statutes: []*statutes.Statute{
		{
			ID: "社会保险法", Title: "中华人民共和国社会保险法", Short: "社会保险法",
			Versions: []*statutes.Version{version("2018-12-29", "2018-12-29", "", statutes.TextFull,
				art(86, "用人单位未按时足额缴纳社会保险费的，由社会保险费征收机构责令限期缴纳或者补足，并自欠缴之日起，按日加收万分之五的滞纳金；逾期仍不缴纳的，由有关行政部门处欠缴数额一倍以上三倍以下的罚款。"),
				art(87, "社会保险经办机构以及医疗机构、药品经营单位等社会保险服务机构以欺诈、伪造证明材料或者其他手段骗取社会保险基金支出的，由社会保险行政部门责令退回骗取的社会保险金，处骗取金额二倍以上五倍以下的罚款；属于社会保险服务机构的，解除服务协议；直接负责的主管人员和其他直接责任人员有执业资格的，依法吊销其执业资格。"),
				art(88, art88),
			)},
		},
		{
			ID: "军人保险法", Title: "中华人民共和国军人保险法", Short: "军人保险法",
			Versions: []*statutes.Version{version("2012-04-27", "2012-07-01", "", statutes.TextFull,
				art(50, "以欺诈、伪造证明材料等手段骗取军人保险待遇的，由军队后勤（联勤）机关责令退回，处骗取金额二倍以上五倍以下的罚款。"),
			)},
		},
		{
			ID: "药品管理法", Title: "中华人民共和国药品管理法", Short: "药品管理法",
			Versions: []*statutes.Version{
				version("2015-04-24", "2015-04-24", "2019-12-01", statutes.TextPartial, art(86, old86)),
				version("2019-08-26", "2019-12-01", "", statutes.TextFull, art(128, new86), art(129, "第二款", "另一款")),
			},
		},
		{
			ID: "旧条例", Title: "某某旧条例", Short: "旧条例",
			RepealedOn: day("2020-01-01"),
			Versions: []*statutes.Version{version("2001-01-01", "2001-01-01", "", statutes.TextFull,
				art(1, "骗取社会保险待遇的，依法处理。"),
			)},
		},
		{
			ID: "无文本办法", Title: "某某办法",
			Versions: []*statutes.Version{version("2023-01-01", "2023-01-01", "", statutes.TextNone)},
		},
	}}
}

func openTest(t *testing.T, src *fakeSource, opt Options) *Index {
	t.Helper()
	ix, err := Open(src.id, func() (Source, error) { src.loads++; return src, nil }, opt)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}

func hitNames(hits []Hit) []string {
	var out []string
	for _, h := range hits {
		out = append(out, h.Statute+" "+h.Version+" "+h.Article)
	}
	return out
}

func TestSearch(t *testing.T) {
	src := testCorpus()
	ix := openTest(t, src, Options{CacheDir: t.TempDir()})
	now := day("2024-06-01")

	tests := []struct {
		name  string
		query string
		opt   SearchOptions
		want  []string // leading hits, in order
		cov   float64  // coverage of the first hit
	}{
		{
			name:  "quote of 88 ranks 88 first, then articles sharing less",
			query: "以欺诈、伪造证明材料或者其他手段骗取社会保险待遇",
			opt:   SearchOptions{Date: now},
			want:  []string{"社会保险法 2018-12-29 第八十八条"},
			cov:   1,
		},
		{
			name:  "restricted to one statute",
			query: "以欺诈、伪造证明材料或者其他手段骗取社会保险待遇",
			opt:   SearchOptions{Date: now, Statute: "军人保险法"},
			want:  []string{"军人保险法 2012-04-27 第五十条"},
		},
		{
			name:  "earlier partial version found by its own wording",
			query: "撤销该药品的批准证明文件",
			opt:   SearchOptions{Date: now},
			want:  []string{"药品管理法 2015-04-24 第八十六条"},
			cov:   1,
		},
		{
			name:  "in force only drops the superseded version",
			query: "撤销该药品的批准证明文件",
			opt:   SearchOptions{Date: now, InForceOnly: true},
			want:  nil,
		},
		{
			name:  "in force at an earlier date",
			query: "撤销该药品的批准证明文件",
			opt:   SearchOptions{Date: day("2019-06-01"), InForceOnly: true},
			want:  []string{"药品管理法 2015-04-24 第八十六条"},
			cov:   1,
		},
		{
			name:  "a repealed statute is not in force",
			query: "骗取社会保险待遇的，依法处理",
			opt:   SearchOptions{Date: now, InForceOnly: true},
			want:  []string{"社会保险法 2018-12-29 第八十八条"},
		},
		{
			name:  "in force only, found on a later page of candidates",
			query: "骗取社会保险待遇的，依法处理",
			opt:   SearchOptions{Date: now, InForceOnly: true, Candidates: 1},
			want:  []string{"社会保险法 2018-12-29 第八十八条"},
		},
		{
			name:  "text of a later paragraph",
			query: "另一款",
			opt:   SearchOptions{Date: now},
			want:  []string{"药品管理法 2019-08-26 第一百二十九条"},
			cov:   1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hits, err := ix.Search(tt.query, tt.opt)
			if err != nil {
				t.Fatal(err)
			}
			got := hitNames(hits)
			if tt.want == nil {
				if len(got) != 0 {
					t.Fatalf("hits = %q, want none", got)
				}
				return
			}
			if len(got) < len(tt.want) || strings.Join(got[:len(tt.want)], ";") != strings.Join(tt.want, ";") {
				t.Fatalf("hits = %q, want to start with %q", got, tt.want)
			}
			if tt.opt.Limit > 0 && len(hits) > tt.opt.Limit {
				t.Errorf("%d hits, limit %d", len(hits), tt.opt.Limit)
			}
			if tt.cov > 0 && hits[0].Coverage != tt.cov {
				t.Errorf("coverage = %v, want %v", hits[0].Coverage, tt.cov)
			}
			for i := 1; i < len(hits); i++ {
				if hits[i].Coverage > hits[i-1].Coverage {
					t.Errorf("hit %d coverage %v above hit %d's %v", i, hits[i].Coverage, i-1, hits[i-1].Coverage)
				}
			}
			if tt.opt.Statute != "" {
				for _, h := range hits {
					if h.Statute != tt.opt.Statute {
						t.Errorf("hit from %s outside %s", h.Statute, tt.opt.Statute)
					}
				}
			}
		})
	}
}

func TestSearchLimit(t *testing.T) {
	ix := openTest(t, testCorpus(), Options{CacheDir: t.TempDir()})
	const q = "骗取金额二倍以上五倍以下的罚款" // in 社会保险法 87 and 88 and 军人保险法 50
	all, err := ix.Search(q, SearchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	full := 0
	for _, h := range all {
		if h.Exact {
			full++
		}
	}
	if full != 3 {
		t.Fatalf("%d exact hits, want 3: %q", full, hitNames(all))
	}
	two, err := ix.Search(q, SearchOptions{Limit: 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(two) != 2 || strings.Join(hitNames(two), ";") != strings.Join(hitNames(all[:2]), ";") {
		t.Errorf("limit 2: %q, want the first two of %q", hitNames(two), hitNames(all))
	}
}

func TestSearchHitFields(t *testing.T) {
	ix := openTest(t, testCorpus(), Options{CacheDir: t.TempDir()})
	hits, err := ix.Search("撤销该药品的批准证明文件", SearchOptions{Date: day("2024-06-01"), Limit: 1})
	if err != nil || len(hits) != 1 {
		t.Fatalf("Search = %v, %v", hits, err)
	}
	h := hits[0]
	if h.Title != "中华人民共和国药品管理法" || h.Short != "药品管理法" || h.Num != 86 || h.Suffix != 0 ||
		h.From != "2015-04-24" || h.Until != "2019-12-01" || h.State != Superseded || h.TextState != statutes.TextPartial ||
		h.Text != old86 || !h.Exact {
		t.Errorf("hit = %+v", h)
	}
	r := []rune(h.Text)
	if got := string(r[h.Spans[0].Start:h.Spans[0].End]); got != "撤销该药品的批准证明文件" {
		t.Errorf("span text = %q", got)
	}
	if ix.Docs() != 8 {
		t.Errorf("Docs = %d, want 8 (the metadata-only statute has none)", ix.Docs())
	}
}

func TestSearchNoMatch(t *testing.T) {
	ix := openTest(t, testCorpus(), Options{CacheDir: t.TempDir()})
	hits, err := ix.Search("完全无关的文字内容", SearchOptions{})
	if err != nil || len(hits) != 0 {
		t.Errorf("Search = %q, %v; want nothing", hitNames(hits), err)
	}
	if _, err := ix.Search(" “” ", SearchOptions{}); err == nil {
		t.Error("empty query: no error")
	}
}

func TestCacheReused(t *testing.T) {
	dir := t.TempDir()
	src := testCorpus()
	ix := openTest(t, src, Options{CacheDir: dir})
	if !ix.Built() || !ix.Cached() {
		t.Fatalf("first Open: built %v cached %v", ix.Built(), ix.Cached())
	}
	if want := filepath.Join(dir, "index-test-1"); ix.Path() != want {
		t.Errorf("Path = %s, want %s", ix.Path(), want)
	}
	ix2 := openTest(t, src, Options{CacheDir: dir})
	if ix2.Built() || src.loads != 1 {
		t.Errorf("second Open built %v, corpus loaded %d times; want the cache", ix2.Built(), src.loads)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("cache holds %d entries, want only the index", len(entries))
	}
}

func TestCacheEnv(t *testing.T) {
	dir := t.TempDir()
	t.Setenv(CacheEnv, dir)
	ix := openTest(t, testCorpus(), Options{})
	if filepath.Dir(ix.Path()) != dir {
		t.Errorf("Path = %s, want under %s", ix.Path(), dir)
	}
}

// A damaged, unfinished or foreign cache entry is rebuilt, never fatal.
func TestCacheCorrupt(t *testing.T) {
	damage := map[string]func(t *testing.T, path string){
		"garbage files": func(t *testing.T, path string) {
			filepath.WalkDir(path, func(p string, d os.DirEntry, err error) error {
				if err == nil && d.Type().IsRegular() {
					os.WriteFile(p, []byte("garbage"), 0o644)
				}
				return nil
			})
		},
		"segment overwritten, same size": func(t *testing.T, path string) {
			n := 0
			filepath.WalkDir(path, func(p string, d os.DirEntry, err error) error {
				if err == nil && strings.HasSuffix(p, ".zap") {
					info, _ := d.Info()
					os.WriteFile(p, []byte(strings.Repeat("x", int(info.Size()))), 0o644)
					n++
				}
				return nil
			})
			if n == 0 {
				t.Fatal("no segment to damage")
			}
		},
		"segment truncated": func(t *testing.T, path string) {
			filepath.WalkDir(path, func(p string, d os.DirEntry, err error) error {
				if err == nil && strings.HasSuffix(p, ".zap") {
					os.Truncate(p, 10)
				}
				return nil
			})
		},
		"meta missing (unfinished build)": func(t *testing.T, path string) {
			os.Remove(filepath.Join(path, metaName))
		},
		"meta garbage": func(t *testing.T, path string) {
			os.WriteFile(filepath.Join(path, metaName), []byte("{]"), 0o644)
		},
		"other format": func(t *testing.T, path string) {
			os.WriteFile(filepath.Join(path, metaName), []byte(`{"format":0,"corpus":"test-1"}`), 0o644)
		},
		"empty directory": func(t *testing.T, path string) {
			os.RemoveAll(path)
			os.Mkdir(path, 0o755)
		},
		"a file in its place": func(t *testing.T, path string) {
			os.RemoveAll(path)
			os.WriteFile(path, []byte("garbage"), 0o644)
		},
	}
	for name, f := range damage {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			src := testCorpus()
			ix := openTest(t, src, Options{CacheDir: dir})
			path := ix.Path()
			ix.Close()
			f(t, path)

			ix2 := openTest(t, src, Options{CacheDir: dir})
			if !ix2.Built() || !ix2.Cached() || src.loads != 2 {
				t.Errorf("after damage: built %v cached %v loads %d; want a rebuilt cache", ix2.Built(), ix2.Cached(), src.loads)
			}
			hits, err := ix2.Search(art88, SearchOptions{})
			if err != nil || len(hits) == 0 || hits[0].Article != "第八十八条" {
				t.Errorf("search after rebuild: %q, %v", hitNames(hits), err)
			}
			ix3 := openTest(t, src, Options{CacheDir: dir})
			if ix3.Built() {
				t.Error("rebuilt cache not reused")
			}
		})
	}
}

func TestCacheReadOnly(t *testing.T) {
	if os.Geteuid() == 0 {
		// root writes through permission bits; a cache "dir" under a
		// regular file cannot be created by anyone.
		t.Log("running as root: using a path under a regular file")
	}
	base := t.TempDir()
	blocker := filepath.Join(base, "file")
	if err := os.WriteFile(blocker, nil, 0o444); err != nil {
		t.Fatal(err)
	}
	ro := filepath.Join(base, "ro")
	if err := os.Mkdir(ro, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(ro, 0o755) })

	dirs := map[string]string{"under a file": filepath.Join(blocker, "cache")}
	if os.Geteuid() != 0 {
		dirs["read-only directory"] = ro
	}
	for name, dir := range dirs {
		t.Run(name, func(t *testing.T) {
			var notices []string
			src := testCorpus()
			ix, err := Open(src.id, func() (Source, error) { return src, nil },
				Options{CacheDir: dir, Notice: func(m string) { notices = append(notices, m) }})
			if err != nil {
				t.Fatalf("Open: %v", err)
			}
			if ix.Cached() || !ix.Built() {
				t.Errorf("cached %v built %v, want a temporary build", ix.Cached(), ix.Built())
			}
			if len(notices) != 1 || !strings.Contains(notices[0], dir) {
				t.Errorf("notices = %q, want one naming %s", notices, dir)
			}
			hits, err := ix.Search(art88, SearchOptions{})
			if err != nil || len(hits) == 0 || hits[0].Article != "第八十八条" {
				t.Errorf("search: %q, %v", hitNames(hits), err)
			}
			tmp := filepath.Dir(ix.Path())
			if err := ix.Close(); err != nil {
				t.Fatal(err)
			}
			if _, err := os.Stat(tmp); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("temporary index %s left behind (%v)", tmp, err)
			}
		})
	}
}

// Two openers racing on an empty cache each get a working index and leave
// one good cache entry behind.
func TestCacheConcurrentBuild(t *testing.T) {
	dir := t.TempDir()
	const n = 3
	var wg sync.WaitGroup
	errs := make([]error, n)
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			src := testCorpus()
			ix, err := Open(src.id, func() (Source, error) { return src, nil }, Options{CacheDir: dir})
			if err != nil {
				errs[i] = err
				return
			}
			defer ix.Close()
			hits, err := ix.Search(art88, SearchOptions{})
			if err == nil && (len(hits) == 0 || hits[0].Article != "第八十八条") {
				err = errors.New("wrong hits: " + strings.Join(hitNames(hits), ";"))
			}
			errs[i] = err
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("opener %d: %v", i, err)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 || entries[0].Name() != "index-test-1" {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("cache holds %q, want only index-test-1", names)
	}
	src := testCorpus()
	ix := openTest(t, src, Options{CacheDir: dir})
	if ix.Built() {
		t.Error("cache left by the race not usable")
	}
}

func TestOpenLoadError(t *testing.T) {
	_, err := Open("x", func() (Source, error) { return nil, errors.New("boom") }, Options{CacheDir: t.TempDir()})
	if err == nil || !strings.Contains(err.Error(), "boom") {
		t.Errorf("err = %v, want the load error", err)
	}
	src := testCorpus()
	_, err = Open("other", func() (Source, error) { return src, nil }, Options{CacheDir: t.TempDir()})
	if err == nil {
		t.Error("corpus id mismatch: no error")
	}
}

// A build killed half-way leaves only its private build directory, which
// is never taken for the index; once stale it is removed.
func TestCacheKilledBuild(t *testing.T) {
	dir := t.TempDir()
	src := testCorpus()
	// What a killed build leaves: an index without its meta file, in a
	// build directory, one old and one recent (perhaps still running).
	for _, name := range []string{buildPrefix + "test-1-old", buildPrefix + "test-1-new"} {
		if err := build(filepath.Join(dir, name, "index"), collect(src), buildConfig{}); err != nil {
			t.Fatal(err)
		}
	}
	old := time.Now().Add(-2 * staleBuild)
	if err := os.Chtimes(filepath.Join(dir, buildPrefix+"test-1-old"), old, old); err != nil {
		t.Fatal(err)
	}

	ix := openTest(t, src, Options{CacheDir: dir})
	if !ix.Built() || src.loads != 1 {
		t.Errorf("built %v loads %d: a killed build's leftovers were used", ix.Built(), src.loads)
	}
	var names []string
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if strings.Join(names, " ") != buildPrefix+"test-1-new index-test-1" {
		t.Errorf("cache holds %q, want the recent build dir and the index", names)
	}
}

func TestOpenWithoutLoader(t *testing.T) {
	if _, err := Open("test-1", nil, Options{CacheDir: t.TempDir()}); err == nil {
		t.Error("no index and no loader: no error")
	}
}

// With one candidate per page, the best candidate of the quote is the
// repealed statute's article; in-force-only must page on to find 88.
func TestSearchInForcePaging(t *testing.T) {
	ix := openTest(t, testCorpus(), Options{CacheDir: t.TempDir()})
	const q = "骗取社会保险待遇的，依法处理"
	now := day("2024-06-01")
	first, err := ix.Search(q, SearchOptions{Date: now, Candidates: 1})
	if err != nil || len(first) != 1 || first[0].Statute != "旧条例" || first[0].State != Superseded {
		t.Fatalf("first page: %q, %v; want only 旧条例 (the test relies on it)", hitNames(first), err)
	}
	hits, err := ix.Search(q, SearchOptions{Date: now, Candidates: 1, InForceOnly: true, Limit: 2})
	if err != nil || len(hits) != 2 {
		t.Fatalf("in force: %q, %v; want 2 hits", hitNames(hits), err)
	}
	for _, h := range hits {
		if h.State != InForce {
			t.Errorf("%s is %s", h.Statute, h.State)
		}
	}
}
