package statutes

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/citelint/citelint/statutes/data"
)

func defaultCorpus(t testing.TB) *Corpus {
	t.Helper()
	c, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestResolve(t *testing.T) {
	c := defaultCorpus(t)
	tests := []struct {
		title, id string
		notes     []string
	}{
		{"中华人民共和国社会保险法", "社会保险法", nil},
		{"社会保险法", "社会保险法", nil},
		{"《中华人民共和国社会保险法》", "社会保险法", nil},
		{"《社会保险法》（2018年修正）", "社会保险法", []string{"2018年修正"}},
		{"社会保险法(2018年修正)", "社会保险法", []string{"2018年修正"}},
		{"中华人民共和国社会\n保险法", "社会保险法", nil},
		{" 社会 保险法 ", "社会保险法", nil},
		{"医疗保障基金使用监督管理条例（国务院令第735号）", "医疗保障基金使用监督管理条例", []string{"国务院令第735号"}},
		{"《医疗保障基金使用监督管理条例》（中华人民共和国国务院令第735号）（2021年）", "医疗保障基金使用监督管理条例", []string{"中华人民共和国国务院令第735号", "2021年"}},
		{"《实施<中华人民共和国社会保险法>若干规定》", "实施社会保险法若干规定", nil},
		{"实施〈中华人民共和国社会保险法〉若干规定", "实施社会保险法若干规定", nil},
		{"实施《中华人民共和国社会保险法》若干规定", "实施社会保险法若干规定", nil},
		{"实施《社会保险法》若干规定（人力资源和社会保障部令第13号）", "实施社会保险法若干规定", []string{"人力资源和社会保障部令第13号"}},
		{"社会保险稽核办法（劳动和社会保障部令第16号）", "社会保险稽核办法", []string{"劳动和社会保障部令第16号"}},
		{"刑法修正案（十一）", "刑法修正案-十一", nil},
		{"中华人民共和国刑法修正案（十一）", "刑法修正案-十一", nil},
		{"宪法修正案（2018年）", "宪法修正案-2018年", nil},
		{"处方药与非处方药分类管理办法", "处方药与非处方药分类管理办法-试行", nil},
		{"处方药与非处方药分类管理办法（试行）", "处方药与非处方药分类管理办法-试行", nil},
		{"民法典", "民法典", nil},
		{"中华人民共和国药品管理法", "药品管理法", nil},
		{"价格法", "价格法", nil},
	}
	for _, tt := range tests {
		t.Run(tt.title, func(t *testing.T) {
			s, notes, err := c.ResolveNotes(tt.title)
			if err != nil {
				t.Fatal(err)
			}
			if s.ID != tt.id {
				t.Errorf("resolved to %s (%s), want %s", s.ID, s.Title, tt.id)
			}
			if strings.Join(notes, "|") != strings.Join(tt.notes, "|") {
				t.Errorf("notes = %q, want %q", notes, tt.notes)
			}
		})
	}
}

func TestResolveUnknown(t *testing.T) {
	c := defaultCorpus(t)
	tests := []struct {
		title, suggest string
	}{
		{"社会保险发", "中华人民共和国社会保险法"},
		{"《中华人民共和国药品管理条例》", "中华人民共和国药品管理法实施条例"},
		{"医疗保障基金使用监督管理办法（国务院令第735号）", "医疗保障基金使用监督管理条例"},
		{"完全不存在的东西", ""},
		{"", ""},
		{"（）", ""},
	}
	for _, tt := range tests {
		t.Run(tt.title, func(t *testing.T) {
			_, err := c.Resolve(tt.title)
			if !errors.Is(err, ErrUnknownStatute) {
				t.Fatalf("err = %v, want ErrUnknownStatute", err)
			}
			var ue *UnknownStatuteError
			if !errors.As(err, &ue) {
				t.Fatalf("err %T is not *UnknownStatuteError", err)
			}
			if tt.suggest == "" {
				if len(ue.Suggestions) > 0 && tt.title == "完全不存在的东西" {
					t.Errorf("suggestions for nonsense: %q", ue.Suggestions)
				}
				return
			}
			if len(ue.Suggestions) == 0 || ue.Suggestions[0] != tt.suggest {
				t.Errorf("suggestions = %q, want %q first", ue.Suggestions, tt.suggest)
			}
			if !strings.Contains(err.Error(), tt.suggest) {
				t.Errorf("message %q does not name %q", err, tt.suggest)
			}
		})
	}
}

func TestVersionAt(t *testing.T) {
	c := defaultCorpus(t)
	tests := []struct {
		title, date string
		label       string // "" for nil
		text        TextState
		status      Status
	}{
		{"药品管理法", "2019-06-01", "2015-04-24", TextPartial, StatusInForce},
		{"药品管理法", "2019-11-30", "2015-04-24", TextPartial, StatusInForce},
		{"药品管理法", "2019-12-01", "2019-08-26", TextFull, StatusInForce},
		{"药品管理法", "2014-01-01", "2013-12-28", TextPartial, StatusInForce},
		{"药品管理法", "2005-01-01", "2001-02-28", TextPartial, StatusInForce},
		{"社会保险法", "2011-06-30", "", "", StatusPending},
		{"社会保险法", "2011-07-01", "2010-10-28", TextNone, StatusInForce},
		{"社会保险法", "2019-01-01", "2018-12-29", TextFull, StatusInForce},
		{"社会保险稽核办法", "2003-03-31", "", "", StatusPending},
		{"社会保险稽核办法", "2003-04-01", "2003-04-01", TextNone, StatusInForce},
		{"违法违规使用医疗保障基金举报奖励办法", "2022-12-31", "", "", StatusPending},
		{"违法违规使用医疗保障基金举报奖励办法", "2023-01-01", "2022", TextNone, StatusInForce},
		{"欺诈骗取医疗保障基金行为举报奖励暂行办法", "2023-01-01", "2018", TextNone, StatusRepealed},
		{"民法典", "2020-12-31", "", "", StatusPending},
		{"民法典", "2021-01-01", "2020-05-28", TextFull, StatusInForce},
		{"医疗保障基金使用监督管理条例", "2021-05-01", "2021-01-15", TextFull, StatusInForce},
		{"医疗保障基金使用监督管理条例", "2021-04-30", "", "", StatusPending},
		// Revisions after the 2025-04-19 snapshot, imported from the later
		// additions: the older text up to the day before the revision
		// takes effect, the revised text from then on.
		{"传染病防治法", "2025-08-31", "2013-06-29", TextFull, StatusInForce},
		{"传染病防治法", "2025-09-01", "2025-04-30", TextFull, StatusInForce},
		{"反不正当竞争法", "2025-10-14", "2019-04-23", TextFull, StatusInForce},
		{"反不正当竞争法", "2025-10-15", "2025-06-27", TextFull, StatusInForce},
		{"治安管理处罚法", "2025-12-31", "2012-10-26", TextFull, StatusInForce},
		{"治安管理处罚法", "2026-01-01", "2025-06-27", TextFull, StatusInForce},
		{"医疗机构管理条例", "2022-04-30", "2016-02-06", TextFull, StatusInForce},
		{"医疗机构管理条例", "2022-05-01", "2022-03-29", TextNone, StatusInForce},
		// A repealed law the sources lack, replaced by one they have.
		{"执业医师法", "2021-12-31", "2009-08-27", TextNone, StatusInForce},
		{"执业医师法", "2022-03-01", "2009-08-27", TextNone, StatusRepealed},
		{"医师法", "2022-03-01", "2021-08-20", TextFull, StatusInForce},
		// The 2024 amendment of 监察法 took effect on 2025-06-01, not on
		// its adoption (effective_dates in facts.yaml).
		{"监察法", "2025-05-31", "2018-03-20", TextFull, StatusInForce},
		{"监察法", "2025-06-01", "2024-12-25", TextFull, StatusInForce},
	}
	for _, tt := range tests {
		t.Run(tt.title+"@"+tt.date, func(t *testing.T) {
			s, err := c.Resolve(tt.title)
			if err != nil {
				t.Fatal(err)
			}
			v := s.VersionAt(day(tt.date))
			switch {
			case tt.label == "" && v != nil:
				t.Errorf("version %s, want none", v.Label)
			case tt.label != "" && v == nil:
				t.Errorf("no version, want %s", tt.label)
			case v != nil && (v.Label != tt.label || v.Text != tt.text):
				t.Errorf("version %s (%s), want %s (%s)", v.Label, v.Text, tt.label, tt.text)
			}
			if st := s.StatusAt(day(tt.date)); st != tt.status {
				t.Errorf("status %s, want %s", st, tt.status)
			}
		})
	}
}

func TestLookup(t *testing.T) {
	c := defaultCorpus(t)
	tests := []struct {
		title string
		date  string
		ref   Ref
		want  string // prefix of the text
		err   error
	}{
		{"社会保险法", "2020-01-01", Ref{Article: 87}, "社会保险经办机构以及医疗机构、药品经营单位等社会保险服务机构以欺诈", nil},
		{"社会保险法", "2020-01-01", Ref{Article: 4, Paragraph: 2}, "个人依法享受社会保险待遇，有权监督本单位为其缴费情况。", nil},
		{"社会保险法", "2020-01-01", Ref{Article: 4, Paragraph: 3}, "", ErrParagraphNotFound},
		{"社会保险法", "2020-01-01", Ref{Article: 99}, "", ErrArticleNotFound},
		{"社会保险法", "2015-01-01", Ref{Article: 87}, "", ErrNotBundled},
		{"价格法", "2020-01-01", Ref{Article: 34, Item: 2}, "（二）查询、复制与价格违法行为有关的帐簿", nil},
		{"价格法", "2020-01-01", Ref{Article: 34, Paragraph: 1, Item: 4}, "（四）在证据可能灭失", nil},
		{"价格法", "2020-01-01", Ref{Article: 34, Item: 5}, "", ErrItemNotFound},
		{"价格法", "2020-01-01", Ref{Article: 34, Paragraph: 1}, "政府价格主管部门进行价格监督检查时，可以行使下列职权：\n（一）", nil},
		{"刑法", "2024-06-01", Ref{Article: 17, Suffix: 1}, "已满七十五周岁的人故意犯罪的", nil},
		{"药品管理法", "2019-06-01", Ref{Article: 86}, "药品检验机构出具虚假检验报告", nil},
		{"药品管理法", "2019-06-01", Ref{Article: 85}, "药品标识不符合本法第五十四条规定的", nil},
		{"药品管理法", "2014-06-01", Ref{Article: 86}, "药品标识不符合本法第五十四条规定的", nil},
		{"药品管理法", "2005-06-01", Ref{Article: 86}, "药品标识不符合本法第五十四条规定的", nil},
		{"药品管理法", "2019-06-01", Ref{Article: 87}, "", ErrNotBundled},
		{"药品管理法", "2020-06-01", Ref{Article: 86}, "药品上市许可持有人、药品生产企业", nil},
	}
	for _, tt := range tests {
		t.Run(tt.title+" "+tt.date, func(t *testing.T) {
			s, err := c.Resolve(tt.title)
			if err != nil {
				t.Fatal(err)
			}
			text, _, err := s.Lookup(day(tt.date), tt.ref)
			if tt.err != nil {
				if !errors.Is(err, tt.err) {
					t.Fatalf("err = %v, want %v", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(text, tt.want) {
				t.Errorf("text = %q, want prefix %q", text, tt.want)
			}
		})
	}
}

// TestErrata holds one case per correction in facts.yaml; a correction
// without a case fails the test.
func TestErrata(t *testing.T) {
	cases := map[string]struct {
		statute string
		ref     Ref
		raw     string // the source's wording
		want    string // the corrected text's first line
	}{
		"价格法 第三十四条": {"价格法", Ref{Article: 34, Paragraph: 1},
			"政府价格主管部门进行价格监督检查时，可以行使下列职权；",
			"政府价格主管部门进行价格监督检查时，可以行使下列职权："},
	}
	c := defaultCorpus(t)
	raw, err := LoadRaw(data.FS)
	if err != nil {
		t.Fatal(err)
	}
	errata := c.Errata()
	if len(errata) == 0 {
		t.Fatal("no errata loaded")
	}
	for _, e := range errata {
		name := e.Statute + " " + e.Article
		t.Run(name, func(t *testing.T) {
			tc, ok := cases[name]
			if !ok {
				t.Fatalf("erratum %s has no test case", name)
			}
			if !e.Verified || e.Source == "" {
				t.Errorf("erratum is unverified or has no source")
			}
			for _, x := range []struct {
				c    *Corpus
				want string
			}{{raw, tc.raw}, {c, tc.want}} {
				s, err := x.c.Resolve(tc.statute)
				if err != nil {
					t.Fatal(err)
				}
				a := s.Current().Article(tc.ref.Article, tc.ref.Suffix)
				if a == nil {
					t.Fatalf("%s has no %s", tc.statute, e.Article)
				}
				text, err := a.Lookup(tc.ref)
				if err != nil {
					t.Fatal(err)
				}
				if first, _, _ := strings.Cut(text, "\n"); first != x.want {
					t.Errorf("text = %q, want %q", first, x.want)
				}
			}
			s, _ := c.Resolve(tc.statute)
			if a := s.Current().Article(tc.ref.Article, tc.ref.Suffix); len(a.Errata) != 1 {
				t.Errorf("the corrected article records %d errata, want 1", len(a.Errata))
			}
		})
	}
}

func TestCorpusSize(t *testing.T) {
	c := defaultCorpus(t)
	if n := len(c.Statutes()); n < 1000 {
		t.Errorf("%d statutes, want at least 1000", n)
	}
	n := 0
	c.ForEachArticle(func(s *Statute, v *Version, a *Article) bool {
		n++
		if len(a.Paragraphs) == 0 || a.Paragraphs[0].Text == "" {
			t.Errorf("%s %s %s has no text", s.ID, v.Label, a.Label)
		}
		return true
	})
	if n < 50000 {
		t.Errorf("%d articles, want at least 50000", n)
	}
	for _, s := range c.Statutes() {
		for _, v := range s.Versions {
			arts, err := v.ArticleList()
			if err != nil {
				t.Fatalf("%s %s: %v", s.ID, v.Label, err)
			}
			if len(arts) != v.NumArticles {
				t.Errorf("%s %s: manifest says %d articles, text has %d", s.ID, v.Label, v.NumArticles, len(arts))
			}
			if !v.Until.IsZero() && v.Until.Before(v.Effective) {
				t.Errorf("%s %s: until %v before effective %v", s.ID, v.Label, v.Until, v.Effective)
			}
		}
	}
}

// TestManifestMatchesFiles checks that the manifest says what the text
// files' headers say, so loading from the manifest equals loading the files.
func TestManifestMatchesFiles(t *testing.T) {
	// Both without facts.yaml, which adds versions and events to
	// imported statutes.
	m, err := defaultManifest()
	if err != nil {
		t.Fatal(err)
	}
	fromManifest, err := loadManifest(data.FS, m, false, func() (*facts, error) { return nil, nil })
	if err != nil {
		t.Fatal(err)
	}
	text, err := fs.Sub(data.FS, "text")
	if err != nil {
		t.Fatal(err)
	}
	fromFiles, err := Load(text)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range fromFiles.Statutes() {
		m := fromManifest.Statute(s.ID)
		if m == nil {
			t.Errorf("%s: in the files, not in the manifest", s.ID)
			continue
		}
		if m.Title != s.Title || m.Kind != s.Kind || m.Issuer != s.Issuer || len(m.Events) != len(s.Events) {
			t.Errorf("%s: manifest and file headers differ", s.ID)
		}
		for _, v := range s.Versions {
			found := false
			for _, mv := range m.Versions {
				if mv.Label == v.Label {
					found = true
					if !mv.Effective.Equal(v.Effective) || !mv.Until.Equal(v.Until) || mv.NumArticles != len(v.Articles) {
						t.Errorf("%s %s: manifest and file differ", s.ID, v.Label)
					}
				}
			}
			if !found {
				t.Errorf("%s %s: version missing from the manifest", s.ID, v.Label)
			}
		}
	}
}

func TestAddDir(t *testing.T) {
	c := defaultCorpus(t)
	if err := c.AddDir("../testdata/statutes/extra"); err != nil {
		t.Fatal(err)
	}
	s, err := c.Resolve("医保基金监管办法（某市）")
	if err != nil {
		t.Fatal(err)
	}
	text, err := s.Current().Lookup(Ref{Article: 2, Item: 2})
	if err != nil || text != "（二）乙。" {
		t.Errorf("lookup = %q, %v", text, err)
	}
	if s.Verified {
		t.Error("an unverified file loaded as verified")
	}
	// Another corpus from Default is not changed.
	if _, err := defaultCorpus(t).Resolve("某市医疗保障基金监督管理办法"); err == nil {
		t.Error("AddDir changed a corpus it was not called on")
	}

	good, err := os.ReadFile("../testdata/statutes/extra/本地示例办法@2024-01-01.txt")
	if err != nil {
		t.Fatal(err)
	}
	bad := []struct{ name, from, to, want string }{
		{"magic", "citelint-statute 1", "statute", ":1: not a citelint statute file"},
		{"unknown key", "short: ", "shorty: ", ":4: unknown header key"},
		{"bad date", "effective: 2024-01-01", "effective: 2024-13-01", ":13: bad effective"},
		{"bad text", "text: full", "text: most", ":14: text must be"},
		{"count", "articles: 2", "articles: 3", "header says 3 articles"},
		{"duplicate", "第二条 有下列", "第一条 有下列", ":23: 第一条 appears twice"},
		{"stray item", "## 第一章 总则", "## 第一章 总则\n  （一）无主", ":19: item outside an article"},
		{"indent", "  （二）乙。", "   （二）乙。", ":25: line indented by 3 spaces"},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			content := strings.Replace(string(good), tt.from, tt.to, 1)
			if err := os.WriteFile(filepath.Join(dir, "x.txt"), []byte(content), 0o644); err != nil {
				t.Fatal(err)
			}
			err := defaultCorpus(t).AddDir(dir)
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "x.txt") {
				t.Errorf("err = %v, want file name and %q", err, tt.want)
			}
		})
	}
	if err := defaultCorpus(t).AddDir(filepath.Join(t.TempDir(), "missing")); err == nil {
		t.Error("a missing dir gave no error")
	}
}

// TestAddFSDerived: a version inferred from a later text's history
// (derived, no text) never replaces a version the corpus holds; a held
// version replaces a derived one.
func TestAddFSDerived(t *testing.T) {
	good, err := os.ReadFile("../testdata/statutes/extra/本地示例办法@2024-01-01.txt")
	if err != nil {
		t.Fatal(err)
	}
	head, _, _ := strings.Cut(string(good), "\n\n")
	derived := strings.NewReplacer("text: full", "text: none\nderived: true", "articles: 2", "articles: 0").Replace(head) + "\n\n"
	check := func(t *testing.T, c *Corpus) {
		t.Helper()
		s, err := c.Resolve("某市医疗保障基金监督管理办法")
		if err != nil {
			t.Fatal(err)
		}
		if len(s.Versions) != 1 || s.Current().Text != TextFull || s.Current().Derived {
			t.Fatalf("versions = %+v", s.Versions)
		}
		if text, err := s.Current().Lookup(Ref{Article: 2, Item: 2}); err != nil || text != "（二）乙。" {
			t.Errorf("lookup = %q, %v", text, err)
		}
	}
	t.Run("derived after held", func(t *testing.T) {
		c := defaultCorpus(t)
		if err := c.AddFS(fstest.MapFS{"a.txt": {Data: good}}, "own"); err != nil {
			t.Fatal(err)
		}
		if err := c.AddFS(fstest.MapFS{"b.txt": {Data: []byte(derived)}}, "more"); err != nil {
			t.Fatal(err)
		}
		check(t, c)
		if n := strings.Count(c.ID(), "+local-"); n != 2 {
			t.Errorf("corpus ID %s: %d +local- parts, want 2", c.ID(), n)
		}
	})
	t.Run("held after derived", func(t *testing.T) {
		c := defaultCorpus(t)
		if err := c.AddFS(fstest.MapFS{"a.txt": {Data: []byte(derived)}, "b.txt": {Data: good}}, "own"); err != nil {
			t.Fatal(err)
		}
		check(t, c)
	})
}

func TestAddAliases(t *testing.T) {
	c := defaultCorpus(t)
	if err := c.AddAliases(map[string]string{"社险法": "中华人民共和国社会保险法"}); err != nil {
		t.Fatal(err)
	}
	if s, err := c.Resolve("《社险法》"); err != nil || s.ID != "社会保险法" {
		t.Errorf("alias resolves to %v, %v", s, err)
	}
	if err := c.AddAliases(map[string]string{"社险法": "价格法"}); err == nil {
		t.Error("an alias naming two statutes was accepted")
	}
	// Two aliases of one statute added at once: both kept.
	if err := c.AddAliases(map[string]string{"社险法甲": "社会保险法", "社险法乙": "社会保险法"}); err != nil {
		t.Fatal(err)
	}
	for _, a := range []string{"社险法", "社险法甲", "社险法乙"} {
		if s, err := c.Resolve(a); err != nil || s.ID != "社会保险法" {
			t.Errorf("alias %s resolves to %v, %v", a, s, err)
		}
	}
	if err := c.AddAliases(map[string]string{"x": "不存在的法"}); !errors.Is(err, ErrUnknownStatute) {
		t.Errorf("alias to an unknown title: %v", err)
	}
}

func TestConcurrentLoad(t *testing.T) {
	c := defaultCorpus(t)
	s := c.byID["刑法"]
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if a := s.Current().Article(17, 1); a == nil {
				t.Error("第十七条之一 not found")
			}
		}()
	}
	wg.Wait()
}

func FuzzResolve(f *testing.F) {
	for _, s := range []string{"社会保险法", "《实施<中华人民共和国社会保险法>若干规定》", "社会保险法（2018年修正）（）", "（（）", "）", "《》", "\u200b", "\xff"} {
		f.Add(s)
	}
	c, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, title string) {
		s, notes, err := c.ResolveNotes(title)
		if (s == nil) == (err == nil) {
			t.Fatalf("statute %v and error %v", s, err)
		}
		if err != nil && !errors.Is(err, ErrUnknownStatute) && !errors.Is(err, ErrAmbiguousStatute) {
			t.Fatalf("unexpected error %v", err)
		}
		_ = notes
		c.Suggest(title, 3)
	})
}

func BenchmarkDefault(b *testing.B) {
	for b.Loop() {
		if _, err := Default(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoad decodes the manifest too (Default caches it).
func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := Load(data.FS); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkResolveShow(b *testing.B) {
	for b.Loop() {
		c, err := Load(data.FS)
		if err != nil {
			b.Fatal(err)
		}
		s, err := c.Resolve("社会保险法")
		if err != nil {
			b.Fatal(err)
		}
		if _, _, err := s.Lookup(day("2020-01-01"), Ref{Article: 87}); err != nil {
			b.Fatal(err)
		}
	}
}

// appendixTitleRe is an appendix's title line (附件：…, 附表一, 附录).
var appendixTitleRe = regexp.MustCompile(`^(?:(?:附件|附表|附录|附图)[一二三四五六七八九十0-9０-９]*(?:[：:　 ]|$)|附[：:]|附$)`)

// TestArticleNumbering checks every version with full text: articles come
// in order, no number between the first and the last is missing (an
// article the import lost or merged into another), and no article holds
// the label of the one after it behind a sentence end (a run-on line the
// import did not split) or an appendix (the last article running on into
// the appendices).
// sourceGaps are the versions whose source itself lacks an article between
// its first and last (the importer logs each as "gap:"; checked against the
// source files: the number is skipped there, no text is lost).
var sourceGaps = map[string]bool{
	"农产品地理标志管理办法 2019-04-25":               true, // no article 2 in the source
	"北京市人民代表大会议事规则 2022-01-10":             true, // no article 16 in the source
	"地质灾害防治单位资质管理办法 2022-10-27":            true, // no article 2 in the source
	"外国的组织或者个人来华测绘管理暂行办法 2019-07-16":       true, // no article 15 in the source
	"山东省中医药条例 2020-11-27":                  true, // no article 13 in the source
	"山东省人民代表大会代表建议-批评和意见办理工作条例 2017-05-19": true, // no article 4 in the source
	"山东省企业工资集体协商条例 2016-11-26":             true, // no article 16 in the source
	"山东省突发事件应对条例 2012-05-31":               true, // no article 12 in the source
	"山东省高速公路交通安全条例 2014-05-30":             true, // no article 44 in the source
	"山西省规范行政执法裁量权办法 2021-03-30":            true, // no article 14 in the source
	"建设工程勘察质量管理办法 不详":                      true, // no article 26 in the source
	"建设工程监理范围和规模标准规定 2001-01-17":           true, // no article 7 in the source
	"彭水苗族土家族自治县城乡建设管理条例 2013-05-31":        true, // no article 31 51 in the source
	"河南省专业技术人员继续教育条例 2010-07-30":           true, // no article 18 in the source
	"河南省历史文化名城保护条例 2010-07-30":             true, // no article 14 in the source
	"河南省基本农田保护条例 2010-07-30":               true, // no article 22 in the source
	"烟台市森林防火条例 2016-09-23":                 true, // no article 3 in the source
	"特种设备作业人员监督管理办法 2011-05-03":            true, // no article 23 in the source
}

func TestArticleNumbering(t *testing.T) {
	c := defaultCorpus(t)
	if err := c.LoadAllText(); err != nil {
		t.Fatal(err)
	}
	for _, s := range c.Statutes() {
		for _, v := range s.Versions {
			if v.Text != TextFull {
				continue
			}
			arts, _ := v.ArticleList()
			for _, a := range arts {
				// An appendix runs on after an article's text; its first
				// line may be its caption (第四十七条　附　录 in rules
				// that caption every article).
				for i, l := range a.Lines() {
					if i > 0 && appendixTitleRe.MatchString(l) {
						t.Errorf("%s %s %s holds an appendix: %q", s.ID, v.Label, a.Label, l)
					}
				}
			}
			for i := 1; i < len(arts); i++ {
				a, b := arts[i-1], arts[i]
				switch {
				case b.Suffix == 0 && b.Num == a.Num+1:
				case b.Suffix > 0 && b.Num == a.Num && b.Suffix == a.Suffix+1:
				case sourceGaps[s.ID+" "+v.Label]:
				default:
					t.Errorf("%s %s: %s follows %s", s.ID, v.Label, b.Label, a.Label)
				}
				for _, l := range a.Lines() {
					for _, end := range []string{"。", "；", "：", "”"} {
						if strings.Contains(l, end+" "+b.Label+" ") || strings.Contains(l, end+"　"+b.Label+"　") {
							t.Errorf("%s %s %s holds %s", s.ID, v.Label, a.Label, b.Label)
						}
					}
				}
			}
		}
	}
}

// TestRepairedSources pins the source shapes the importer repairs (see
// statutes/importer/body.go): each statute has the articles its numbering
// promises, and a note saying what was repaired.
func TestRepairedSources(t *testing.T) {
	c := defaultCorpus(t)
	tests := []struct {
		title    string
		articles int
		ref      Ref
		want     string // the referenced text
		note     string
	}{
		{"飞行基本规则", 124, Ref{Article: 8, Paragraph: 2}, "经过批准的飞行，有关的机场和部门应当认真做好组织指挥和勤务保障工作。", "连排"},
		{"飞行基本规则", 124, Ref{Article: 2}, "凡辖有航空器的单位、个人和与飞行有关的人员及其飞行活动，必须遵守本规则。", "连排"},
		{"飞行基本规则", 124, Ref{Article: 29, Item: 1}, "（一）监督航空器严格按照批准的计划飞行，维护飞行秩序，禁止未经批准的航空器擅自飞行；", "连排"},
		{"刑事诉讼法", 308, Ref{Article: 128, Paragraph: 1}, "侦查人员对于与犯罪有关的场所、物品、人身、尸体应当进行勘验或者检查。在必要的时候，可以指派或者聘请具有专门知识的人，在侦查人员的主持下进行勘验、检查。", "第一百二十八 条"},
		{"农民专业合作社法", 74, Ref{Article: 54}, "清算组成员应当忠于职守，依法履行清算义务，因故意或者重大过失给农民专业合作社成员及债权人造成损失的，应当承担赔偿责任。", "笫五十四条"},
		{"宪法修正案（2018年）", 21, Ref{Article: 52, Paragraph: 3}, "第一百二十三条 中华人民共和国各级监察委员会是国家的监察机关。", "第五十二条引述的条文"},
	}
	for _, tt := range tests {
		t.Run(tt.title+" "+ArticleLabel(tt.ref.Article, 0), func(t *testing.T) {
			s, err := c.Resolve(tt.title)
			if err != nil {
				t.Fatal(err)
			}
			v := s.Current()
			if n := len(v.Articles); n != tt.articles || v.NumArticles != tt.articles {
				t.Errorf("%d articles (manifest %d), want %d", n, v.NumArticles, tt.articles)
			}
			a := v.Article(tt.ref.Article, 0)
			if a == nil {
				t.Fatalf("no %s", ArticleLabel(tt.ref.Article, 0))
			}
			got, err := a.Lookup(tt.ref)
			if err != nil || got != tt.want {
				t.Errorf("lookup = %q, %v; want %q", got, err, tt.want)
			}
			if !strings.Contains(strings.Join(s.Notes, "\n"), tt.note) {
				t.Errorf("notes %q do not mention %q", s.Notes, tt.note)
			}
		})
	}
}

// TestSourceNotesChinese: source notes are shown to users (statutes show);
// they are provenance in Chinese, never a developer's reference.
func TestSourceNotesChinese(t *testing.T) {
	c := defaultCorpus(t)
	latin := regexp.MustCompile(`[A-Za-z]{3,}`)
	han := regexp.MustCompile(`\p{Han}`)
	check := func(what, note string) {
		t.Helper()
		// A corpus file name (行政法规/飞行基本规则(2007-10-18).md) may end a note.
		n := strings.ReplaceAll(note, ".md", "")
		if note == "" || !han.MatchString(n) || latin.MatchString(n) || strings.Contains(note, "#") {
			t.Errorf("%s: source note %q", what, note)
		}
	}
	for _, s := range c.Statutes() {
		check(s.ID, s.Source)
		for _, v := range s.Versions {
			check(s.ID+" "+v.Label, v.Source)
		}
	}
	for _, e := range c.Errata() {
		check("erratum "+e.Statute+" "+e.Article, e.Source)
	}
}

// TestJointOrder: a regulation issued by a joint order of the State
// Council and the Central Military Commission names both.
func TestJointOrder(t *testing.T) {
	s, err := defaultCorpus(t).Resolve("飞行基本规则")
	if err != nil {
		t.Fatal(err)
	}
	if s.Issuer != "国务院、中央军事委员会" || strings.Join(s.DocNumbers, "|") != "国务院、中央军事委员会令第288号" {
		t.Errorf("issuer %q, docnos %q", s.Issuer, s.DocNumbers)
	}
}

// TestLaterVersions checks what facts.yaml adds to an imported statute:
// the version ends of its versions are linked again, its events and
// document numbers gain the revision's, and the notes say the text is
// not bundled and not verified.
func TestLaterVersions(t *testing.T) {
	c := defaultCorpus(t)
	s, err := c.Resolve("医疗机构管理条例")
	if err != nil {
		t.Fatal(err)
	}
	old, later := s.VersionAt(day("2022-04-30")), s.Current()
	if !old.Until.Equal(day("2022-05-01")) || !later.Until.IsZero() {
		t.Errorf("until: %s version %v, %s version %v", old.Label, old.Until, later.Label, later.Until)
	}
	if later.Verified || later.Text != TextNone || !strings.Contains(later.Source, "未经核对") {
		t.Errorf("later version: verified %v, text %s, source %q", later.Verified, later.Text, later.Source)
	}
	if !slices.Contains(s.DocNumbers, "国务院令第752号") || !slices.Contains(s.DocNumbers, "国务院令第149号") {
		t.Errorf("docnos %q", s.DocNumbers)
	}
	var kinds []string
	for _, e := range s.Events {
		kinds = append(kinds, e.Date.Format("2006-01-02")+" "+e.Kind)
	}
	if got := strings.Join(kinds, "|"); got != "1994-02-26 发布|2016-02-06 修订|2022-03-29 修订|2022-05-01 施行" {
		t.Errorf("events %s", got)
	}

	m, err := c.Resolve("监察法")
	if err != nil {
		t.Fatal(err)
	}
	v := m.VersionAt(day("2025-06-01"))
	if v.Label != "2024-12-25" || !strings.Contains(v.Source, "2025年6月1日") {
		t.Errorf("监察法 2024 version: %s, source %q", v.Label, v.Source)
	}
	if first := m.Versions[0]; !first.Until.Equal(day("2025-06-01")) {
		t.Errorf("监察法 2018 version until %v, want 2025-06-01", first.Until)
	}
}

// TestFactsErrors checks that facts.yaml mistakes stop the load with a
// message naming the entry.
func TestFactsErrors(t *testing.T) {
	m, err := defaultManifest()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		f    facts
		want string
	}{
		{"date of an unknown version", facts{Dates: []dateFix{{Statute: "监察法", Version: "2020-01-01", Effective: "2021-01-01", Source: "x"}}}, "no version 2020-01-01"},
		{"date of an unknown statute", facts{Dates: []dateFix{{Statute: "无此法", Version: "2020-01-01", Effective: "2021-01-01", Source: "x"}}}, "no such statute"},
		{"date without source", facts{Dates: []dateFix{{Statute: "监察法", Version: "2024-12-25", Effective: "2025-06-01"}}}, "source is required"},
		{"date unchanged", facts{Dates: []dateFix{{Statute: "监察法", Version: "2024-12-25", Effective: "2024-12-25", Source: "x"}}}, "already takes effect"},
		{"event without kind", facts{Versions: []factVersion{{Statute: "价格法", Label: "2030-01-01", Text: "none", Source: "x",
			Events: []factEvent{{Date: "2030-01-01", Text: "x"}}}}}, "kind and a text"},
		{"events of a hand-added statute's version", facts{Statutes: []factStatute{{ID: "甲办法", Title: "甲办法", Kind: "部门规章", Source: "x",
			Versions: []factVersion{{Label: "2020", Text: "none", Source: "x", DocNumbers: []string{"甲令第1号"}}}}}}, "not per version"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := loadManifest(data.FS, m, true, func() (*facts, error) { return &tt.f, nil })
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), FactsName) {
				t.Errorf("err = %v, want %s and %q", err, FactsName, tt.want)
			}
		})
	}
}
