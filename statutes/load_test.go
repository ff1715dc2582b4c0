package statutes

import (
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// corpusDigest hashes every article ForEachArticle visits, in order.
func corpusDigest(c *Corpus) (uint64, int) {
	h := fnv.New64a()
	n := 0
	c.ForEachArticle(func(s *Statute, v *Version, a *Article) bool {
		n++
		fmt.Fprintf(h, "%s|%s|%s|%s|%s\n", s.ID, v.Label, a.Label, a.Chapter, a.Text())
		return true
	})
	return h.Sum64(), n
}

// TestLoadAllTextDeterministic loads the corpus in parallel from several
// goroutines at once (lint verifies entries in parallel) and checks the
// result equals a sequential load, statute by statute.
func TestLoadAllTextDeterministic(t *testing.T) {
	seq := defaultCorpus(t)
	for _, s := range seq.Statutes() {
		if err := s.LoadText(); err != nil {
			t.Fatal(err)
		}
	}
	want, n := corpusDigest(seq)

	par := defaultCorpus(t)
	var wg sync.WaitGroup
	got := make([]uint64, 4)
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if i%2 == 0 {
				if err := par.LoadAllText(); err != nil {
					t.Error(err)
				}
			}
			if s, err := par.Resolve("刑法"); err != nil || s.Current().Article(17, 1) == nil {
				t.Errorf("刑法 第十七条之一: %v", err)
			}
			got[i], _ = corpusDigest(par)
		}()
	}
	wg.Wait()
	for i, g := range got {
		if g != want {
			t.Errorf("goroutine %d: parallel load differs from the sequential one (%d articles)", i, n)
		}
	}
}

// TestLoadAllTextError: with several broken files, LoadAllText reports
// the first in Statutes order, whatever the scheduling, and ForEachArticle
// still visits the good versions.
func TestLoadAllTextError(t *testing.T) {
	dir := t.TempDir()
	m := &Manifest{Format: 1, ID: "test"}
	for _, id := range []string{"甲办法", "乙办法", "丙办法"} {
		s := &Statute{ID: id, Title: id, Short: id, Kind: "部门规章", Verified: true}
		v := &Version{Label: "2024-01-01", Text: TextFull, Verified: true, NumArticles: 1}
		s.Versions = []*Version{v}
		head, err := FormatHeader(s, v)
		if err != nil {
			t.Fatal(err)
		}
		body := "第一条 正文。\n"
		if id != "甲办法" {
			body = "  （一）无主。\n" // an item outside an article
		}
		file := "text/" + id + ".txt"
		if err := os.MkdirAll(filepath.Join(dir, "text"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, file), append(head, body...), 0o644); err != nil {
			t.Fatal(err)
		}
		m.Statutes = append(m.Statutes, ManifestEntry(s, func(*Version) string { return file }))
	}
	raw, err := EncodeManifest(m)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, ManifestName), raw, 0o644); err != nil {
		t.Fatal(err)
	}
	for range 20 {
		c, err := Load(os.DirFS(dir))
		if err != nil {
			t.Fatal(err)
		}
		// Statutes order is by title: 丙 (U+4E19) < 乙 (U+4E59) < 甲 (U+7532).
		err = c.LoadAllText()
		if err == nil || !strings.Contains(err.Error(), "丙办法.txt") || !strings.Contains(err.Error(), "item outside an article") {
			t.Fatalf("err = %v, want the error of 丙办法.txt", err)
		}
		n := 0
		c.ForEachArticle(func(s *Statute, v *Version, a *Article) bool {
			n++
			return true
		})
		if n != 1 {
			t.Fatalf("visited %d articles, want the 1 of 甲办法", n)
		}
	}
}

// TestParseBodyShapes covers the block allocation: paragraphs and items
// land on their own article and paragraph, and appending to a returned
// slice does not overwrite a neighbour.
func TestParseBodyShapes(t *testing.T) {
	body := "## 第一章 总则\n第一条 甲。\n乙。\n  （一）丙；\n    1．丁；\n  （二）戊。\n己。\n\n### 第一节 细则\n第二条 庚：\n  （一）辛。\n\\第三条 引述的条文。\n第二条之一 壬。\n"
	arts, outside, err := parseBodyHint("x.txt", body, 1, 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(outside) != 0 || len(arts) != 3 {
		t.Fatalf("%d articles, outside %q", len(arts), outside)
	}
	want := []struct{ label, chapter, text string }{
		{"第一条", "第一章 总则", "甲。\n乙。\n（一）丙；\n1．丁；\n（二）戊。\n己。"},
		{"第二条", "第一章 总则 / 第一节 细则", "庚：\n（一）辛。\n第三条 引述的条文。"},
		{"第二条之一", "第一章 总则 / 第一节 细则", "壬。"},
	}
	for i, w := range want {
		a := arts[i]
		if a.Label != w.label || a.Chapter != w.chapter || a.Text() != w.text {
			t.Errorf("article %d = %s [%s] %q, want %s [%s] %q", i, a.Label, a.Chapter, a.Text(), w.label, w.chapter, w.text)
		}
	}
	if n := len(arts[0].Paragraphs[1].Items); n != 2 {
		t.Errorf("第一条第二款 has %d items, want 2", n)
	}
	arts[0].Paragraphs = append(arts[0].Paragraphs, &Paragraph{Text: "新"})
	arts[0].Paragraphs[1].Items = append(arts[0].Paragraphs[1].Items, &Item{Text: "新"})
	if arts[1].Paragraphs[0].Text != "庚：" || arts[1].Paragraphs[0].Items[0].Text != "（一）辛。" {
		t.Error("appending to one article's slices changed the next")
	}
	// Round trip through FormatArticles, the escaped paragraph included.
	again, _, err := parseBody("y.txt", FormatArticles(arts[1:]), 1)
	if err != nil || len(again) != 2 || again[0].Text() != want[1].text {
		t.Errorf("round trip: %v, %d articles", err, len(again))
	}
}
