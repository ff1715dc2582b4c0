package importer

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/citelint/citelint/statutes"
)

// importBoth imports testdata/src and testdata/enforcement and loads the
// result.
func importBoth(t *testing.T) (*statutes.Corpus, string) {
	t.Helper()
	out := t.TempDir()
	var log bytes.Buffer
	if err := Run("testdata/src", "testdata/enforcement", out, &log); err != nil {
		t.Fatal(err)
	}
	c, err := statutes.Load(os.DirFS(out))
	if err != nil {
		t.Fatal(err)
	}
	return c, log.String()
}

func resolve(t *testing.T, c *statutes.Corpus, title string) *statutes.Statute {
	t.Helper()
	s, err := c.Resolve(title)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func date(v *statutes.Version, which string) string {
	d := v.Effective
	if which == "until" {
		d = v.Until
	}
	if d.IsZero() {
		return "-"
	}
	return d.Format("2006-01-02")
}

// TestProvenance checks the later additions' header: LEGAL_HEADER_END
// ends it, SOURCE and EFFECTIVE_FROM are read, and an EFFECTIVE_FROM
// before the version's own date (the original's 自…起施行) is not taken.
func TestProvenance(t *testing.T) {
	c, log := importBoth(t)
	s := resolve(t, c, "新格式法")
	cur := s.Current()
	if cur.Label != "2025-09-12" || date(cur, "effective") != "2026-03-01" || cur.NumArticles != 3 {
		t.Errorf("current = %s from %s, %d articles", cur.Label, date(cur, "effective"), cur.NumArticles)
	}
	if !strings.Contains(cur.Source, "来源：国家法律法规数据库") {
		t.Errorf("source %q does not name the SOURCE comment", cur.Source)
	}
	old := resolve(t, c, "旧日期法").Current()
	if date(old, "effective") != "2025-10-28" {
		t.Errorf("旧日期法 in force from %s, want the version date (EFFECTIVE_FROM 2017-06-01 predates it)", date(old, "effective"))
	}
	if !strings.Contains(log, "旧日期法 version 2025-10-28: EFFECTIVE_FROM 2017-06-01") {
		t.Errorf("log does not name the rejected EFFECTIVE_FROM:\n%s", log)
	}
}

func TestProvenanceMalformed(t *testing.T) {
	for _, tt := range []struct{ comment, want string }{
		{"<!-- EFFECTIVE_FROM: 2026-02-30 -->", ":7: EFFECTIVE_FROM: bad date"},
		{"<!-- STATUS: 大概有效 -->", ":7: STATUS: unknown status"},
		{"<!-- VALID_FROM: 2026-01-01 -->", ":7: unknown provenance comment VALID_FROM"},
	} {
		dir := t.TempDir()
		copyTree(t, "testdata/src", dir)
		content := "# 坏法\n\n2020年1月1日 第十三届全国人民代表大会常务委员会第一次会议通过\n\n<!-- LEGAL_HEADER_END -->\n\n" + tt.comment + "\n\n第一条 甲。\n"
		if err := os.WriteFile(dir+"/社会法/坏法(2020-01-01).md", []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		err := Run(dir, "", t.TempDir(), &bytes.Buffer{})
		if err == nil || !strings.Contains(err.Error(), "坏法(2020-01-01).md"+tt.want) {
			t.Errorf("%s: err = %v, want %q", tt.comment, err, tt.want)
		}
	}
}

// TestLocalRegulations checks statutes-src/地方性法规/<province>: level
// 地方性法规, the province kept, the issuer read from the events, a
// version dated by its effective clause when the file has no date, and a
// file without text kept as metadata.
func TestLocalRegulations(t *testing.T) {
	c, log := importBoth(t)
	s := resolve(t, c, "浙江省示例条例")
	if s.Kind != "地方性法规" || s.Province != "浙江" || s.Issuer != "浙江省人民代表大会常务委员会" {
		t.Errorf("metadata = %q %q %q", s.Kind, s.Province, s.Issuer)
	}
	if cur := s.Current(); cur.Label != "2020-09-24" || cur.NumArticles != 2 {
		t.Errorf("current = %s, %d articles", cur.Label, cur.NumArticles)
	}
	nd := resolve(t, c, "上海市无日期条例")
	if nd.Current().Label != "2002-07-01" || nd.Province != "上海" {
		t.Errorf("undated file: version %s, province %q", nd.Current().Label, nd.Province)
	}
	empty := resolve(t, c, "上海市空文条例")
	if v := empty.Current(); v.Text != statutes.TextNone || !strings.Contains(v.Source, "源文件无正文") {
		t.Errorf("file without text: %s %q", v.Text, v.Source)
	}
	if !strings.Contains(log, "no text: 地方性法规/上海/上海市空文条例(2022-05-30).md") {
		t.Errorf("log does not name the file without text:\n%s", log)
	}
}

// TestEnforcementSource checks the second source's format and its
// precedence: statutes-src wins on a version both hold, a copy filed
// under two departments lands once, an older version it alone holds is
// added, a malformed file is skipped and named.
func TestEnforcementSource(t *testing.T) {
	c, log := importBoth(t)
	s := resolve(t, c, "示例执法程序规定")
	if s.Kind != "部门规章" || s.Issuer != "交通运输部" {
		t.Errorf("metadata = %q %q", s.Kind, s.Issuer)
	}
	cur := s.Current()
	if cur.Label != "2021-06-30" || cur.NumArticles != 3 || !strings.Contains(cur.Source, "按部门/交通运输/") {
		t.Fatalf("current = %s, %d articles, %q", cur.Label, cur.NumArticles, cur.Source)
	}
	a := cur.Article(2, 0)
	if a == nil || a.Chapter != "第二章 检查、处罚" || a.Text() != "执法部门可以采取下列措施：\n（一）询问当事人；\n（二）查阅资料。\n执法人员应当出示证件。" {
		t.Errorf("第二条 = %+v", a)
	}
	if a := cur.Article(1, 0); a == nil || a.Text() != "为规范执法行为，制定本规定。" {
		t.Errorf("第一条 (U+2002 after the label) = %+v", a)
	}

	// statutes-src wins: its version, not a second one.
	ex := resolve(t, c, "示例法")
	n := 0
	for _, v := range ex.Versions {
		if v.Text == statutes.TextFull {
			n++
			if strings.Contains(v.Source, "enforcement") {
				t.Errorf("示例法 version %s comes from the second source", v.Label)
			}
		}
	}
	if n != 1 {
		t.Errorf("示例法 has %d versions with text, want 1", n)
	}
	// The same version with another text in the second source: the first
	// source's text, and a note saying the two differ.
	d := resolve(t, c, "示例差异条例")
	if len(d.Versions) != 1 || !strings.Contains(d.Current().Article(2, 0).Text(), "五千元以下") {
		t.Errorf("示例差异条例: %d versions, 第二条 %q", len(d.Versions), d.Current().Article(2, 0).Text())
	}
	if n := strings.Join(d.Notes, "\n"); !strings.Contains(n, "执法部门汇编本（按部门/卫生健康/01.法律/示例差异条例.md）所载本版本有条文与此不同（相同条文占67%），以国家法律法规数据库转录本为准") {
		t.Errorf("示例差异条例 notes: %q", n)
	}

	// An older version only the second source holds.
	nf := resolve(t, c, "新格式法")
	if len(nf.Versions) != 2 || nf.Versions[0].Label != "2010-01-01" || date(nf.Versions[0], "until") != "2026-03-01" {
		t.Fatalf("新格式法 versions: %d", len(nf.Versions))
	}
	if a := nf.Versions[0].Article(2, 0); a == nil || !strings.Contains(a.Text(), "五千元以下") {
		t.Errorf("older 第二条 = %+v", a)
	}

	// No title line: the file name; the rank from the order.
	p := resolve(t, c, "示例处罚程序暂行规定")
	if p.Kind != "部门规章" || p.Current().Label != "2021-06-11" || date(p.Current(), "effective") != "2021-07-15" {
		t.Errorf("untitled file: %q %s from %s", p.Kind, p.Current().Label, date(p.Current(), "effective"))
	}
	if g := resolve(t, c, "上海市示例监督办法"); g.Kind != "地方政府规章" {
		t.Errorf("local government rule kind %q", g.Kind)
	}
	if _, err := c.Resolve("示例破损办法"); err == nil {
		t.Error("the malformed file was imported")
	}
	for _, w := range []string{
		"skipped: statutes-src-enforcement/laws/市场监管/执法/示例破损办法.md:7: 第一条 appears twice",
		"2 versions statutes-src holds (it wins)", "1 copies under other departments", "1 older versions added",
		"sources differ: laws/卫生健康/01.法律/示例差异条例.md and 行政法/示例差异条例(2015-06-01).md hold version 2015-06-01 with different texts (67% of the articles alike); statutes-src kept",
	} {
		if !strings.Contains(log, w) {
			t.Errorf("log lacks %q:\n%s", w, log)
		}
	}
}

func TestProvenanceEvents(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"（2013年5月20日国家安全生产监督管理总局令第59号公布，自2013年7月1日起施行；根据2015年5月29日国家安全生产监督管理总局令第80号修正）",
			"2013年5月20日 国家安全生产监督管理总局令第59号公布|2013年7月1日 自2013年7月1日起施行|2015年5月29日 国家安全生产监督管理总局令第80号修正"},
		{"(1996年9月19日国务院批准　1996年10月3日交通部令第8号发布　自发布之日起施行)",
			"1996年9月19日 国务院批准|1996年10月3日 交通部令第8号发布|自发布之日起施行"},
		{"（1992年4月3日第七届全国人民代表大会第五次会议通过1992年4月3日中华人民共和国主席令第五十七号公布）",
			"1992年4月3日 第七届全国人民代表大会第五次会议通过|1992年4月3日 中华人民共和国主席令第五十七号公布"},
	} {
		if got := strings.Join(provenanceEvents(tt.in), "|"); got != tt.want {
			t.Errorf("provenanceEvents(%q)\n= %q\nwant %q", tt.in, got, tt.want)
		}
	}
}
