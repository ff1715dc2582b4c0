package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

const fraudQuote = "以欺诈、伪造证明材料或者其他手段骗取社会保险待遇"

// TestStatutesSearch shares one index cache among its subtests: the first
// search builds it from the embedded corpus.
func TestStatutesSearch(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the search index of the whole corpus")
	}
	cache := t.TempDir()
	search := func(t *testing.T, args ...string) (string, string, int) {
		t.Helper()
		return runCLI(t, append([]string{"statutes", "search", "--cache-dir", cache}, args...)...)
	}

	t.Run("acceptance: 社会保险法 第八十八条 first", func(t *testing.T) {
		out, errb, code := search(t, fraudQuote)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errb)
		}
		if !strings.Contains(errb, "正在建立条文检索索引") {
			t.Errorf("first search did not say it builds the index; stderr %q", errb)
		}
		first, _, _ := strings.Cut(out, "\n\n")
		if !strings.HasPrefix(first, "1. 《中华人民共和国社会保险法》第八十八条") || !strings.Contains(first, "覆盖 100%") {
			t.Errorf("first hit:\n%s", first)
		}
		if !strings.Contains(first, "【"+fraudQuote+"】的，由社会保险行政部门") {
			t.Errorf("match not marked with 【】:\n%s", first)
		}
		if strings.Contains(out, "\x1b[") {
			t.Error("color codes written to a non-terminal")
		}
		if n := strings.Count(out, "覆盖 "); n != 10 {
			t.Errorf("%d hits, want the default limit 10", n)
		}
	})

	t.Run("later searches reuse the cache", func(t *testing.T) {
		_, errb, code := search(t, "处骗取金额二倍以上五倍以下的罚款", "--limit", "3")
		if code != 0 || errb != "" {
			t.Fatalf("exit %d, stderr %q", code, errb)
		}
		entries, _ := os.ReadDir(cache)
		if len(entries) != 1 || !strings.HasPrefix(entries[0].Name(), "index-") {
			t.Errorf("cache dir holds %v, want one index", entries)
		}
	})

	t.Run("json", func(t *testing.T) {
		out, errb, code := search(t, fraudQuote, "--format", "json", "--limit", "5")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errb)
		}
		var res searchJSON
		if err := json.Unmarshal([]byte(out), &res); err != nil {
			t.Fatalf("%v\n%s", err, out)
		}
		if res.Query != fraudQuote || res.Corpus == "" || len(res.Hits) != 5 {
			t.Fatalf("query %q corpus %q hits %d", res.Query, res.Corpus, len(res.Hits))
		}
		h := res.Hits[0]
		if h.Title != "中华人民共和国社会保险法" || h.Article != "第八十八条" || h.Num != 88 || h.Coverage != 1 || !h.Exact || h.State != "in-force" {
			t.Errorf("first hit %+v", h)
		}
		for i, h := range res.Hits {
			if h.Rank != i+1 {
				t.Errorf("hit %d has rank %d", i, h.Rank)
			}
			if i > 0 && h.Coverage > res.Hits[i-1].Coverage {
				t.Errorf("hit %d coverage %v above the one before (%v)", i, h.Coverage, res.Hits[i-1].Coverage)
			}
			n := utf8.RuneCountInString(h.Text)
			for _, s := range h.Spans {
				if s.Start < 0 || s.End > n || s.Start >= s.End {
					t.Errorf("hit %d: span %v outside its text of %d characters", i, s, n)
				}
			}
		}
		r := []rune(h.Text)
		if len(h.Spans) == 0 || string(r[h.Spans[0].Start:h.Spans[0].End]) != fraudQuote {
			t.Errorf("spans %v do not mark the quote in %q", h.Spans, h.Text)
		}
	})

	t.Run("restricted to one statute", func(t *testing.T) {
		out, errb, code := search(t, fraudQuote, "--statute", "《中华人民共和国军人保险法》", "--format", "json")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errb)
		}
		var res searchJSON
		if err := json.Unmarshal([]byte(out), &res); err != nil {
			t.Fatal(err)
		}
		if len(res.Hits) == 0 {
			t.Fatal("no hits in 军人保险法")
		}
		for _, h := range res.Hits {
			if h.Title != "中华人民共和国军人保险法" {
				t.Errorf("hit from %s", h.Title)
			}
		}
	})

	t.Run("color", func(t *testing.T) {
		out, _, code := search(t, fraudQuote, "--color", "always", "--limit", "1")
		if code != 0 || !strings.Contains(out, "\x1b[") || strings.Contains(out, "【") {
			t.Errorf("--color always: exit %d\n%q", code, out)
		}
		t.Setenv("NO_COLOR", "1")
		out, _, _ = search(t, fraudQuote, "--color", "auto", "--limit", "1")
		if strings.Contains(out, "\x1b[") || !strings.Contains(out, "【") {
			t.Errorf("NO_COLOR with auto: %q", out)
		}
	})

	t.Run("in force only", func(t *testing.T) {
		// 药品管理法 as amended in 2015 is bundled in part, in force until
		// 2019-11-30; its label article is 第八十五条 (第八十六条 in the
		// 2001 and 2013 texts, which rank after it: newest first).
		const q = "撤销该药品的批准证明文件"
		out, _, code := search(t, q, "--statute", "药品管理法", "--format", "json", "--limit", "3")
		if code != 0 {
			t.Fatal(code)
		}
		var res searchJSON
		json.Unmarshal([]byte(out), &res)
		if len(res.Hits) < 3 || res.Hits[0].Article != "第八十五条" || res.Hits[0].Version != "2015-04-24" || res.Hits[0].State != "superseded" || res.Hits[0].TextState != "partial" ||
			res.Hits[1].Version != "2013-12-28" || res.Hits[2].Version != "2001-02-28" {
			t.Fatalf("hits %+v", res.Hits)
		}
		out, _, _ = search(t, q, "--statute", "药品管理法", "--format", "json", "--in-force", "--as-of", "2019-06-01")
		json.Unmarshal([]byte(out), &res)
		if len(res.Hits) == 0 || res.Hits[0].State != "in-force" || res.Hits[0].Version != "2015-04-24" {
			t.Errorf("as of 2019-06-01: %+v", res.Hits)
		}
		out, _, _ = search(t, q, "--statute", "药品管理法", "--format", "json", "--in-force", "--as-of", "2024-01-01")
		json.Unmarshal([]byte(out), &res)
		for _, h := range res.Hits {
			if h.State != "in-force" {
				t.Errorf("--in-force returned a %s version: %+v", h.State, h)
			}
		}
	})

	t.Run("nothing found", func(t *testing.T) {
		out, _, code := search(t, "ＱＷＥＲＴＹＵＩＯＰ")
		if code != 0 || !strings.Contains(out, "没有找到") {
			t.Errorf("exit %d, %q", code, out)
		}
		out, _, _ = search(t, "ＱＷＥＲＴＹＵＩＯＰ", "--format", "json")
		if !strings.Contains(out, `"hits": []`) {
			t.Errorf("json without hits: %s", out)
		}
	})

	t.Run("cache dir unusable", func(t *testing.T) {
		blocker := filepath.Join(t.TempDir(), "file")
		os.WriteFile(blocker, nil, 0o644)
		out, errb, code := runCLI(t, "statutes", "search", "--cache-dir", filepath.Join(blocker, "cache"), fraudQuote, "--limit", "1")
		if code != 0 || !strings.Contains(out, "第八十八条") {
			t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errb)
		}
		if strings.Count(errb, "注意") != 1 || !strings.Contains(errb, "临时目录") {
			t.Errorf("stderr %q, want one notice about the temporary index", errb)
		}
	})
}

func TestStatutesSearchUsage(t *testing.T) {
	cache := t.TempDir()
	tests := []struct {
		name    string
		args    []string
		errHas  string
		noBuild bool
	}{
		{"no text", []string{}, "usage", true},
		{"only quote marks", []string{"“ ”"}, "usage", true},
		{"unknown statute", []string{fraudQuote, "--statute", "社会保险发"}, "社会保险法", true},
		{"bad limit", []string{fraudQuote, "--limit", "0"}, "--limit", true},
		{"bad format", []string{fraudQuote, "--format", "xml"}, "--format", true},
		{"bad color", []string{fraudQuote, "--color", "sometimes"}, "--color", true},
		{"bad date", []string{fraudQuote, "--as-of", "2019/06/01"}, "--as-of", true},
	}
	t.Run("statute without text", func(t *testing.T) {
		out, errb, code := runCLI(t, "statutes", "search", "--cache-dir", cache, "稽核", "--statute", "社会保险稽核办法")
		if code != 0 || !strings.Contains(out, "劳动和社会保障部令第16号") || !strings.Contains(out, "未附其条文") {
			t.Errorf("exit %d, stdout %q, stderr %q", code, out, errb)
		}
		if entries, _ := os.ReadDir(cache); len(entries) != 0 {
			t.Errorf("searching a statute without text built an index")
		}
	})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errb, code := runCLI(t, append([]string{"statutes", "search", "--cache-dir", cache}, tt.args...)...)
			if code != 2 || !strings.Contains(errb, tt.errHas) {
				t.Errorf("exit %d, stderr %q; want 2 mentioning %q", code, errb, tt.errHas)
			}
			if entries, _ := os.ReadDir(cache); tt.noBuild && len(entries) != 0 {
				t.Errorf("a usage error built an index")
			}
		})
	}
}

func buildBinary(b *testing.B) string {
	b.Helper()
	bin := filepath.Join(b.TempDir(), "citelint")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		b.Fatalf("build: %v\n%s", err, out)
	}
	return bin
}

func searchProcess(b *testing.B, bin, cache string) {
	b.Helper()
	out, err := exec.Command(bin, "statutes", "search", "--cache-dir", cache, fraudQuote).Output()
	if err != nil || !strings.HasPrefix(string(out), "1. 《中华人民共和国社会保险法》第八十八条") {
		b.Fatalf("%v: %q", err, out)
	}
}

// BenchmarkStatutesSearchProcessCold is the first search on a fresh
// machine: a whole process with an empty cache, building the index.
func BenchmarkStatutesSearchProcessCold(b *testing.B) {
	bin := buildBinary(b)
	dir := b.TempDir()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		searchProcess(b, bin, filepath.Join(dir, strconv.Itoa(i)))
	}
}

// BenchmarkStatutesSearchProcessWarm is a later search: a whole process
// with the index cached.
func BenchmarkStatutesSearchProcessWarm(b *testing.B) {
	bin := buildBinary(b)
	cache := b.TempDir()
	searchProcess(b, bin, cache)
	b.ResetTimer()
	for b.Loop() {
		searchProcess(b, bin, cache)
	}
}
