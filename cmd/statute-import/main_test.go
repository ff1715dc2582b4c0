package main

import (
	"bytes"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/citelint/citelint/statutes"
)

const srcDir = "../../testdata/statutes/src"

// snapshot reads every file under dir into a map.
func snapshot(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestImport(t *testing.T) {
	out := t.TempDir()
	if err := run(srcDir, out, io.Discard); err != nil {
		t.Fatal(err)
	}
	first := snapshot(t, out)
	if err := run(srcDir, out, io.Discard); err != nil {
		t.Fatal(err)
	}
	second := snapshot(t, out)
	if len(first) != len(second) {
		t.Fatalf("re-run wrote %d files, first run %d", len(second), len(first))
	}
	for name, b := range first {
		if !bytes.Equal(b, second[name]) {
			t.Errorf("re-run changed %s", name)
		}
	}

	c, err := statutes.Load(os.DirFS(out))
	if err != nil {
		t.Fatal(err)
	}
	s, err := c.Resolve("示例法")
	if err != nil {
		t.Fatal(err)
	}
	if s.Kind != "法律" || s.Category != "社会法" || s.Issuer != "全国人民代表大会常务委员会" {
		t.Errorf("metadata = %q %q %q", s.Kind, s.Category, s.Issuer)
	}
	// The 2010 original is derived from the events, in force from the
	// date the amended text still names (自2011年7月1日起施行).
	if len(s.Versions) != 2 || !s.Versions[0].Derived || s.Versions[0].Text != statutes.TextNone {
		t.Fatalf("versions = %+v", s.Versions)
	}
	if got := s.Versions[0].Effective.Format("2006-01-02"); got != "2011-07-01" {
		t.Errorf("original in force from %s, want 2011-07-01", got)
	}
	if got := s.Versions[0].Until.Format("2006-01-02"); got != "2018-12-29" {
		t.Errorf("original until %s, want 2018-12-29", got)
	}
	v := s.Current()
	if len(v.Articles) != 4 {
		t.Fatalf("%d articles, want 4", len(v.Articles))
	}
	a := v.Article(2, 0)
	if a.Chapter != "第一章 总则" || len(a.Paragraphs) != 2 || len(a.Paragraphs[0].Items) != 2 ||
		len(a.Paragraphs[0].Items[1].Subs) != 2 {
		t.Errorf("第二条 structure: chapter %q, %d paragraphs", a.Chapter, len(a.Paragraphs))
	}
	want := "检查时可以行使下列职权：\n（一）询问当事人；\n（二）查阅资料：\n1．账簿；\n2．凭证。\n有关人员应当配合。"
	if a.Text() != want {
		t.Errorf("第二条 text = %q, want %q", a.Text(), want)
	}
	if a := v.Article(2, 1); a == nil || a.Chapter != "第二章 附则" {
		t.Errorf("第二条之一 = %+v", a)
	}

	// A code split into parts is one statute, parts in order.
	code, err := c.Resolve("示例典")
	if err != nil {
		t.Fatal(err)
	}
	cv := code.Current()
	if len(cv.Articles) != 3 || cv.Articles[2].Chapter != "乙编" || cv.Articles[0].Chapter != "甲编 / 第一章 一般规定" {
		t.Errorf("code articles: %d, chapters %q %q", len(cv.Articles), cv.Articles[0].Chapter, cv.Articles[len(cv.Articles)-1].Chapter)
	}
	if !cv.Effective.Equal(time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("code effective %v", cv.Effective)
	}
}

func TestImportMalformed(t *testing.T) {
	tests := []struct {
		name, file, content, want string
	}{
		{"no title", "社会法/坏(2020-01-01).md", "2020年1月1日 通过\n<!-- INFO END -->\n第一条 x\n", "坏(2020-01-01).md:1:"},
		{"no info end", "社会法/坏(2020-01-01).md", "# 坏法\n\n2020年1月1日 通过\n\n第一条 x\n", "no '<!-- INFO END -->'"},
		{"bad date", "社会法/坏(2020-01-01).md", "# 坏法\n2020年2月30日 通过\n<!-- INFO END -->\n第一条 x\n", "坏(2020-01-01).md:2: bad date"},
		{"duplicate article", "社会法/坏(2020-01-01).md", "# 坏法\n2020年1月1日 通过\n<!-- INFO END -->\n第一条 x\n第二条 y\n第一条 z\n", "坏(2020-01-01).md:6: 第一条 appears twice"},
		{"empty article", "社会法/坏(2020-01-01).md", "# 坏法\n2020年1月1日 通过\n<!-- INFO END -->\n第一条 　\n", "坏(2020-01-01).md:4"},
		{"event without kind", "社会法/坏(2020-01-01).md", "# 坏法\n2020年1月1日 第一次会议之后\n<!-- INFO END -->\n第一条 x\n", "坏(2020-01-01).md:2: event without a kind"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := t.TempDir()
			copyTree(t, srcDir, src)
			p := filepath.Join(src, filepath.FromSlash(tt.file))
			os.MkdirAll(filepath.Dir(p), 0o755)
			if err := os.WriteFile(p, []byte(tt.content), 0o644); err != nil {
				t.Fatal(err)
			}
			out := t.TempDir()
			err := run(src, out, io.Discard)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want it to contain %q", err, tt.want)
			}
			if files := snapshot(t, out); len(files) != 0 {
				t.Errorf("a failed import wrote %d files", len(files))
			}
			if entries, _ := os.ReadDir(out); len(entries) != 0 {
				t.Errorf("a failed import left %v", entries)
			}
		})
	}
}

func copyTree(t *testing.T, from, to string) {
	t.Helper()
	for name, b := range snapshot(t, from) {
		p := filepath.Join(to, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
