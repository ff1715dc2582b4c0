package importer

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/citelint/citelint/statutes"
)

const userDir = "../../testdata/statutes/md"

func loadUserDir(t *testing.T, dir string) *statutes.Corpus {
	t.Helper()
	fsys, err := ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	c, err := statutes.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func versionDates(s *statutes.Statute) []string {
	var out []string
	for _, v := range s.Versions {
		out = append(out, v.Label+" "+string(v.Text)+" "+date(v, "effective")+" "+date(v, "until"))
	}
	return out
}

// TestReadDir converts a user's Markdown statutes as the embedded corpus
// is converted: versions and their dates from the events and provenance,
// a line holding two articles split, ASCII punctuation written
// full-width, the kind from the directory or the header.
func TestReadDir(t *testing.T) {
	fsys, err := ReadDir(userDir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for n := range fsys {
		names = append(names, n)
	}
	sort.Strings(names)
	want := []string{
		"地方性法规/某省/某省医疗保障基金监督条例(2019-07-26)@2019-07-26.txt",
		"地方性法规/某省/某省医疗保障基金监督条例(2023-05-31)@2023-05-31.txt",
		"某省医疗保障行政处罚裁量权适用办法@2022-03-01.txt",
	}
	if strings.Join(names, "\n") != strings.Join(want, "\n") {
		t.Errorf("files:\n%s\nwant (README.md skipped):\n%s", strings.Join(names, "\n"), strings.Join(want, "\n"))
	}
	again, err := ReadDir(userDir)
	if err != nil {
		t.Fatal(err)
	}
	for n, f := range fsys {
		if string(again[n].Data) != string(f.Data) {
			t.Errorf("a second conversion changed %s", n)
		}
	}

	c := loadUserDir(t, userDir)
	s, err := c.Resolve("某省医疗保障基金监督条例")
	if err != nil {
		t.Fatal(err)
	}
	if s.Kind != "地方性法规" || s.Province != "某省" {
		t.Errorf("kind %q province %q, want 地方性法规 某省", s.Kind, s.Province)
	}
	// The original in force from its 自…起施行 clause until the
	// amendment's EFFECTIVE_FROM.
	got := versionDates(s)
	wantDates := []string{"2019-07-26 full 2019-10-01 2023-07-01", "2023-05-31 full 2023-07-01 -"}
	if strings.Join(got, "|") != strings.Join(wantDates, "|") {
		t.Errorf("versions %q, want %q", got, wantDates)
	}
	old, cur := s.Versions[0], s.Versions[1]
	if a := old.Article(1, 0); a == nil || !strings.Contains(a.Text(), "医疗保障基金（以下简称基金）") {
		t.Errorf("第一条 not written full-width: %v", a)
	}
	if a := old.Article(2, 0); a == nil || !strings.HasSuffix(a.Paragraphs[0].Text, "罚款：") {
		t.Errorf("2019 第二条 lead-in: %v", a)
	}
	// The 2023 text holds 第一条 and 第二条 on one line: two articles, the
	// second with its three items.
	if n := len(cur.Articles); n != 3 {
		t.Fatalf("2023 version: %d articles, want 3", n)
	}
	a := cur.Article(2, 0)
	if a == nil || len(a.Paragraphs[0].Items) != 3 || !strings.Contains(a.Paragraphs[0].Text, "一万元以上五万元以下") {
		t.Errorf("2023 第二条 = %+v", a)
	}
	if !strings.HasPrefix(cur.Source, "本地文件 地方性法规/某省/某省医疗保障基金监督条例(2023-05-31).md") || s.Source != "本地法规文件" {
		t.Errorf("sources %q / %q", s.Source, cur.Source)
	}

	// A 规范性文件 in the second layout, directly in the directory: the
	// kind from its document number, the dates from its provenance line.
	n, err := c.Resolve("某省医疗保障行政处罚裁量权适用办法")
	if err != nil {
		t.Fatal(err)
	}
	if n.Kind != "规范性文件" {
		t.Errorf("kind %q, want 规范性文件", n.Kind)
	}
	if got := versionDates(n); len(got) != 1 || got[0] != "2022-03-01 full 2022-04-01 -" {
		t.Errorf("versions %q", got)
	}
	if text, err := n.Current().Lookup(statutes.Ref{Article: 2}); err != nil || text != "违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚。" {
		t.Errorf("第二条 = %q, %v", text, err)
	}
}

// TestReadDirLayout: the directory under the user's gives the kind;
// a held amendment gets its original as a version without text; corpus
// files are read as they are, next to the Markdown.
func TestReadDirLayout(t *testing.T) {
	dir := t.TempDir()
	write := func(rel, content string) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("规范性文件/某市办法(2021-05-01).md", "# 某市示例管理办法\n\n2016年3月1日 某市人民政府令第2号公布\n\n2021年5月1日 某市人民政府令第9号修正\n\n<!-- INFO END -->\n\n第一条 为了示例，制定本办法。\n\n第二条 本办法自公布之日起施行。\n")
	extra, err := os.ReadFile("../../testdata/statutes/extra/本地示例办法@2024-01-01.txt")
	if err != nil {
		t.Fatal(err)
	}
	write("own/本地示例办法@2024-01-01.txt", string(extra))
	c := loadUserDir(t, dir)
	s, err := c.Resolve("某市示例管理办法")
	if err != nil {
		t.Fatal(err)
	}
	if s.Kind != "规范性文件" || s.Category != "规范性文件" {
		t.Errorf("kind %q category %q: the directory says 规范性文件", s.Kind, s.Category)
	}
	got := versionDates(s)
	want := []string{"2016-03-01 none 2016-03-01 2021-05-01", "2021-05-01 full 2021-05-01 -"}
	if strings.Join(got, "|") != strings.Join(want, "|") || !s.Versions[0].Derived {
		t.Errorf("versions %q (derived %v), want %q", got, s.Versions[0].Derived, want)
	}
	if _, err := c.Resolve("某市医疗保障基金监督管理办法"); err != nil {
		t.Errorf("the corpus file next to the Markdown: %v", err)
	}
}

// TestReadDirMalformed: a malformed Markdown file is an error naming it,
// under the user's directory, and the line; so is a directory without
// statute files.
func TestReadDirMalformed(t *testing.T) {
	tests := []struct{ name, content, want string }{
		{"no title", "2020年1月1日 某市人民政府令第1号公布\n<!-- INFO END -->\n第一条 甲。\n", "x.md:1: first line must be '# <title>'"},
		{"no info end", "# 某办法\n\n2020年1月1日 某市人民政府令第1号公布\n\n第一条 甲。\n", "x.md:6: no '<!-- INFO END -->'"},
		{"bad date", "# 某办法\n2020年2月30日 某市人民政府令第1号公布\n<!-- INFO END -->\n第一条 甲。\n", "x.md:2: bad date"},
		{"duplicate article", "# 某办法\n2020年1月1日 某市人民政府令第1号公布\n<!-- INFO END -->\n第一条 甲。\n第二条 乙。\n第一条 丙。\n", "x.md:6: 第一条 appears twice"},
		{"bad provenance", "# 某办法\n2020年1月1日 某市人民政府令第1号公布\n<!-- INFO END -->\n<!-- STATUS: 现行 -->\n第一条 甲。\n", "x.md:4: STATUS: unknown status"},
		{"no date", "# 某办法\n某市人民政府\n<!-- INFO END -->\n第一条 甲。\n", "x.md:1: no date in the file name"},
		{"second layout, empty article", "# 某办法\n（2020年1月1日某市人民政府令第1号公布）\n第一条\n第二条 乙。\n", "x.md:3: 第一条 has no text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			sub := filepath.Join(dir, "sub")
			if err := os.MkdirAll(sub, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(sub, "x.md"), []byte(tt.content), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := ReadDir(dir)
			want := filepath.Join(dir, "sub", tt.want)
			if err == nil || !strings.Contains(err.Error(), want) {
				t.Errorf("err = %v, want it to contain %q", err, want)
			}
		})
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "README.md"), []byte("# 说明\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadDir(dir); err == nil || !strings.Contains(err.Error(), "no statute file") {
		t.Errorf("a directory with only a README: err = %v", err)
	}
	if _, err := ReadDir(filepath.Join(dir, "missing")); err == nil || !strings.Contains(err.Error(), "missing") {
		t.Errorf("a missing directory: err = %v", err)
	}
}
