package importer

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
	if err := Run(srcDir, "", out, io.Discard); err != nil {
		t.Fatal(err)
	}
	first := snapshot(t, out)
	if err := Run(srcDir, "", out, io.Discard); err != nil {
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
			err := Run(src, "", out, io.Discard)
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

// TestImportRunOn checks the repaired shapes: a line holding several
// articles, labels with transcription slips, and an amendment quoting the
// articles it adds.
func TestImportRunOn(t *testing.T) {
	out := t.TempDir()
	var log bytes.Buffer
	if err := Run(srcDir, "", out, &log); err != nil {
		t.Fatal(err)
	}
	c, err := statutes.Load(os.DirFS(out))
	if err != nil {
		t.Fatal(err)
	}
	s, err := c.Resolve("连排示例规则")
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		label string
		text  string // Article.Text()
	}{
		{"第一条", "为了示例，制定本规则。"},
		// A cross-reference (本规则第三条 规定) is not preceded by a
		// sentence end: no cut.
		{"第二条", "依照本规则第三条 规定的事项，应当报告。"},
		{"第三条", "下列事项应当报告：\n（一）甲；\n（二）乙。"},
		{"第三条之一", "“本条新增。”"},
		// 第二条 after a sentence end is out of sequence: a paragraph.
		{"第四条", "报告人应当如实报告。\n第二条 规定的报告，应当书面提出。"},
		{"第五条", "有关部门可以依照本规则制定细则。"},
		// A line naming the appendix is text; the appendix's title line
		// after the last article ends it.
		{"第六条", "本规则自2020年1月1日起施行。\n附件所列报告表由有关部门制定。"},
	}
	arts := s.Current().Articles
	if len(arts) != len(want) {
		var got []string
		for _, a := range arts {
			got = append(got, a.Label)
		}
		t.Fatalf("articles %q, want %d", got, len(want))
	}
	for i, w := range want {
		if arts[i].Label != w.label || arts[i].Text() != w.text {
			t.Errorf("article %d = %s %q, want %s %q", i, arts[i].Label, arts[i].Text(), w.label, w.text)
		}
	}
	if body := strings.Join(s.Current().Body, "|"); body != "（一）报告人；|（二）报告事项。" {
		t.Errorf("text outside the articles = %q, want the appendix", body)
	}
	if a := s.Current().Article(3, 0); len(a.Paragraphs) != 1 || len(a.Paragraphs[0].Items) != 2 {
		t.Errorf("第三条: %d paragraphs, want 1 with 2 items", len(a.Paragraphs))
	}
	notes := strings.Join(s.Notes, "\n")
	for _, n := range []string{"原文第9行各连排多条条文（共5条）", "“笫五条”有误，按第五条收录", "“第六 条”有误，按第六条收录"} {
		if !strings.Contains(notes, n) {
			t.Errorf("notes %q lack %q", s.Notes, n)
		}
	}

	am, err := c.Resolve("示例法修正案")
	if err != nil {
		t.Fatal(err)
	}
	arts = am.Current().Articles
	if len(arts) != 2 || arts[1].Label != "第二条" {
		t.Fatalf("amendment: %d articles", len(arts))
	}
	if got, w := arts[0].Text(), "示例法增加一节，作为第三节，内容如下：\n第三节 新增\n第二十条 新增条文甲。\n第二十一条 新增条文乙。"; got != w {
		t.Errorf("amendment 第一条 = %q, want %q", got, w)
	}
	if n := strings.Join(am.Notes, "\n"); !strings.Contains(n, "原文第11、13行的第二十条、第二十一条是第一条引述的条文") {
		t.Errorf("amendment notes %q", am.Notes)
	}
	if !strings.Contains(log.String(), "repaired 社会法/示例法修正案.md") {
		t.Errorf("log does not report the repairs: %s", log.String())
	}
}

func TestSplitRunOn(t *testing.T) {
	tests := []struct {
		name string
		line string
		cur  artKey
		want []string // label|text per segment
	}{
		{"plain", "第一条 甲。", artKey{1, 0}, []string{"|第一条 甲。"}},
		{"next", "第一条 甲。 第二条 乙。", artKey{1, 0}, []string{"|第一条 甲。", "第二条|乙。"}},
		{"full-width space", "第一条 甲。　第二条　乙。", artKey{1, 0}, []string{"|第一条 甲。", "第二条|乙。"}},
		{"semicolon and colon", "第一条 甲； 第二条 乙： 第三条 丙", artKey{1, 0}, []string{"|第一条 甲；", "第二条|乙：", "第三条|丙"}},
		{"closing quote", "第一条 “甲。” 第二条 乙。", artKey{1, 0}, []string{"|第一条 “甲。”", "第二条|乙。"}},
		{"suffix", "第十条 甲。 第十条之一 乙。 第十一条 丙。", artKey{10, 0}, []string{"|第十条 甲。", "第十条之一|乙。", "第十一条|丙。"}},
		{"cross-reference out of sequence", "第五条 甲。 第二条 规定的除外。", artKey{5, 0}, []string{"|第五条 甲。 第二条 规定的除外。"}},
		{"no sentence end", "第一条 依照本法第二条 规定。", artKey{1, 0}, []string{"|第一条 依照本法第二条 规定。"}},
		{"no space after label", "第一条 甲。 第二条规定的除外。", artKey{1, 0}, []string{"|第一条 甲。 第二条规定的除外。"}},
		{"no space before label", "第一条 甲。第二条 乙。", artKey{1, 0}, []string{"|第一条 甲。第二条 乙。"}},
		{"skip then next", "第一条 甲。 第九条 乙。 第二条 丙。", artKey{1, 0}, []string{"|第一条 甲。 第九条 乙。", "第二条|丙。"}},
		{"paragraph before first article", "序。 第一条 甲。", artKey{}, []string{"|序。", "第一条|甲。"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, s := range splitRunOn(tt.line, tt.cur) {
				got = append(got, s.label+"|"+s.text)
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSplitCollapsed(t *testing.T) {
	got := splitCollapsed("下列事项： （一）甲； （二）乙。 前款（略） 见附表。")
	want := []string{"下列事项：", "（一）甲；", "（二）乙。", "前款（略） 见附表。"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestVerifyCatchesLoss checks that verify notices text the writer lost.
func TestVerifyCatchesLoss(t *testing.T) {
	files, snap, err := readAll(srcDir)
	if err != nil {
		t.Fatal(err)
	}
	sts, err := build(files)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if _, err := write(dir, sts, snap); err != nil {
		t.Fatal(err)
	}
	if err := verify(os.DirFS(dir), files, sts); err != nil {
		t.Fatalf("verify on a good corpus: %v", err)
	}
	// Cut text out of the version's corpus file inside its chunk, moving
	// the versions after it, as a writer that lost the text would.
	m, err := statutes.ReadManifest(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	var target *statutes.ManifestVersion
	for i := range m.Statutes {
		if m.Statutes[i].ID == "连排示例规则" {
			target = &m.Statutes[i].Versions[len(m.Statutes[i].Versions)-1]
		}
	}
	chunkPath := filepath.Join(dir, filepath.FromSlash(target.File))
	z, err := os.ReadFile(chunkPath)
	if err != nil {
		t.Fatal(err)
	}
	data, err := statutes.Decompress(z)
	if err != nil {
		t.Fatal(err)
	}
	orig, origManifest := data, m
	for _, cut := range []string{"\n\\第二条 规定的报告，应当书面提出。", "应当书面提出。"} {
		m, err := statutes.ReadManifest(os.DirFS(dir))
		if err != nil {
			t.Fatal(err)
		}
		content := string(orig[target.Offset : target.Offset+target.Length])
		bad := strings.Replace(content, cut, "", 1)
		if bad == content {
			t.Fatalf("%q not in the written file", cut)
		}
		shrink := len(content) - len(bad)
		for i := range m.Statutes {
			for j := range m.Statutes[i].Versions {
				v := &m.Statutes[i].Versions[j]
				switch {
				case v.File != target.File:
				case v.Offset == target.Offset:
					v.Length -= shrink
				case v.Offset > target.Offset:
					v.Offset -= shrink
				}
			}
		}
		newData := string(orig[:target.Offset]) + bad + string(orig[target.Offset+target.Length:])
		nz, err := statutes.Compress([]byte(newData))
		if err != nil {
			t.Fatal(err)
		}
		mz, err := statutes.EncodeManifestZst(m)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(chunkPath, nz, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, statutes.ManifestZstName), mz, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := verify(os.DirFS(dir), files, sts); err == nil {
			t.Errorf("verify missed the loss of %q", cut)
		}
		// Put the good corpus back for the next cut.
		if err := os.WriteFile(chunkPath, z, 0o644); err != nil {
			t.Fatal(err)
		}
		gz, _ := statutes.EncodeManifestZst(origManifest)
		if err := os.WriteFile(filepath.Join(dir, statutes.ManifestZstName), gz, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestFindDocnos(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2021年1月15日中华人民共和国国务院令第735号公布", "国务院令第735号"},
		{"2000年7月24日 中华人民共和国国务院、中华人民共和国中央军事委员会令第288号公布", "国务院、中央军事委员会令第288号"},
		{"根据2002年1月1日海关总署、公安部令第7号修订", "海关总署、公安部令第7号"},
		{"国家教育委员会令第8号、国家体育运动委员会令第11号发布", "国家教育委员会令第8号|国家体育运动委员会令第11号"},
		{"原劳动部令第16号", "劳动部令第16号"},
		{"劳部发[1994]489号", "劳部发〔1994〕489号"},
	}
	for _, tt := range tests {
		if got := strings.Join(findDocnos(tt.in), "|"); got != tt.want {
			t.Errorf("findDocnos(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
