package gen

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/citelint/citelint/catalog"
	"github.com/citelint/citelint/statutes"
	parse "github.com/citelint/citelint/statutes/cite"
)

// testLaws builds a small corpus by hand: two laws of 40 articles in force,
// one with an earlier (partial) version of article 3, a metadata-only rule
// and a repealed one.
func testLaws() []*statutes.Statute {
	subjects := []string{"用人单位", "医疗机构", "药品经营企业", "社会保险经办机构", "定点医药机构", "参保人员", "零售药店", "医疗保障行政部门"}
	acts := []string{"未按照规定办理登记", "伪造、变造有关材料", "拒绝接受监督检查", "骗取基金支出", "未按时足额缴纳费用", "违规收取费用", "泄露个人信息", "未建立管理制度"}
	orders := []string{"责令限期改正", "给予警告", "没收违法所得", "处一万元以上五万元以下的罚款", "暂停相关业务", "依法予以处分", "退回有关款项", "通报批评"}
	mk := func(id, title, short string, n, salt int) *statutes.Statute {
		v := &statutes.Version{Label: "2018-12-29", Effective: time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC), Text: statutes.TextFull}
		for k := 1; k <= n; k++ {
			s := subjects[(k+salt)%len(subjects)]
			a := acts[(k*3+salt)%len(acts)]
			o1 := orders[(k+salt)%len(orders)]
			o2 := orders[(k*5+salt+1)%len(orders)]
			text := fmt.Sprintf("%s%s的，由有关部门%s，%s；情节严重的，第%s次%s。", s, a, o1, o2, statutes.FormatNumber(k), o1)
			p := []*statutes.Paragraph{{Text: text}}
			if k%7 == 0 {
				p = append(p, &statutes.Paragraph{Text: "前款规定的" + s + "，应当在三十日内" + o2 + "。"})
			}
			v.Articles = append(v.Articles, &statutes.Article{Num: k, Label: statutes.ArticleLabel(k, 0), Paragraphs: p})
		}
		return &statutes.Statute{ID: id, Title: title, Short: short, Kind: "法律", Versions: []*statutes.Version{v},
			DocNumbers: []string{"主席令第三十五号"},
			Events: []statutes.Event{
				{Date: time.Date(2010, 10, 28, 0, 0, 0, 0, time.UTC), Kind: "通过"},
				{Date: time.Date(2015, 4, 24, 0, 0, 0, 0, time.UTC), Kind: "第一次修正"},
				{Date: time.Date(2018, 12, 29, 0, 0, 0, 0, time.UTC), Kind: "第二次修正"},
			}}
	}
	a := mk("a", "中华人民共和国社会保险法", "社会保险法", 40, 0)
	b := mk("b", "医疗保障基金使用监督管理条例", "医疗保障基金使用监督管理条例", 40, 3)
	old := &statutes.Version{Label: "2015-04-24", Effective: time.Date(2015, 4, 24, 0, 0, 0, 0, time.UTC),
		Until: time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC), Text: statutes.TextPartial,
		Articles: []*statutes.Article{{Num: 3, Label: "第三条", Paragraphs: []*statutes.Paragraph{{Text: "药品标识不符合本法规定的，除依法应当按照假药论处的外，责令改正，给予警告。"}}}}}
	a.Versions = append([]*statutes.Version{old}, a.Versions...)
	meta := &statutes.Statute{ID: "m", Title: "社会保险稽核办法", Versions: []*statutes.Version{{Label: "2003-02-27", Text: statutes.TextNone}}}
	rep := &statutes.Statute{ID: "r", Title: "旧医疗管理办法", RepealedOn: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC),
		Versions: []*statutes.Version{{Label: "2000-01-01", Text: statutes.TextNone}}}
	return []*statutes.Statute{a, b, meta, rep}
}

func generate(t *testing.T, n int, seed uint64) *Result {
	t.Helper()
	res, err := Generate(NewSource(testLaws(), AsOf(2025)), Options{N: n, Seed: seed, DefectRate: 0.4})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func render(t *testing.T, res *Result) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	for _, f := range []struct {
		ext string
		fn  func(w *bytes.Buffer) error
	}{
		{"txt", func(w *bytes.Buffer) error { return WriteTXT(w, res.Catalog) }},
		{"csv", func(w *bytes.Buffer) error { return WriteCSV(w, res.Catalog) }},
		{"docx", func(w *bytes.Buffer) error { return WriteDOCX(w, res.Catalog) }},
	} {
		var b bytes.Buffer
		if err := f.fn(&b); err != nil {
			t.Fatalf("%s: %v", f.ext, err)
		}
		out[f.ext] = b.Bytes()
	}
	return out
}

func TestDeterministic(t *testing.T) {
	a, b, c := render(t, generate(t, 60, 7)), render(t, generate(t, 60, 7)), render(t, generate(t, 60, 8))
	for ext := range a {
		if !bytes.Equal(a[ext], b[ext]) {
			t.Errorf("%s: same seed, different output", ext)
		}
		if bytes.Equal(a[ext], c[ext]) {
			t.Errorf("%s: different seeds, same output", ext)
		}
	}
}

// TestCleanEntriesQuoteExactly checks that every entry without a defect
// quotes its article exactly, and every basis defect changes the quote.
func TestCleanEntriesQuoteExactly(t *testing.T) {
	laws := testLaws()
	texts := map[string]string{} // 《title》label → text
	for _, s := range laws[:2] {
		v := s.Versions[len(s.Versions)-1]
		for _, a := range v.Articles {
			texts["《"+s.Title+"》"+a.Label] = a.Text()
		}
	}
	res, err := Generate(NewSource(laws, AsOf(2025)), Options{N: 80, Seed: 3, DefectRate: 0.4})
	if err != nil {
		t.Fatal(err)
	}
	defective := map[int]map[catalog.Key]bool{}
	for _, d := range res.Defects {
		if defective[d.Entry] == nil {
			defective[d.Entry] = map[catalog.Key]bool{}
		}
		if d.Rule != "basis-irrelevant" { // an exact quote of an unrelated article
			defective[d.Entry][d.Field] = true
		}
		if d.Entry < 1 || d.Entry > res.N || severities[d.Rule] == "" || d.Severity == "" {
			t.Errorf("bad defect record %+v", d)
		}
	}
	names := map[string]int{}
	for _, e := range res.Catalog.Entries {
		basis := e.Text(catalog.KeyBasis)
		ref, quoted, ok := strings.Cut(basis, "：")
		want, known := texts[ref]
		switch {
		case defective[e.Index][catalog.KeyBasis]:
			if ok && known && quoted == want {
				t.Errorf("entry %d: basis defect but the quote is exact: %s", e.Index, basis)
			}
		case defective[e.Index] == nil:
			if !ok || !known || quoted != want {
				t.Errorf("entry %d: clean entry does not quote exactly: %q", e.Index, basis)
			}
			if e.Seq != fmt.Sprint(e.Index) {
				t.Errorf("entry %d: clean entry has 序号 %q", e.Index, e.Seq)
			}
			if names[e.Text(catalog.KeyName)]++; names[e.Text(catalog.KeyName)] > 1 {
				t.Errorf("entry %d: name %q used twice", e.Index, e.Text(catalog.KeyName))
			}
		}
	}
	for _, k := range kinds {
		if res.Counts[k.rule] == 0 {
			t.Errorf("no %s defect injected (%s) in 80 entries at rate 0.4", k.rule, k.name)
		}
	}
}

func TestNamesUniqueWhenArticlesRunOut(t *testing.T) {
	res := generate(t, 300, 1) // 80 articles
	if res.Reused == 0 {
		t.Fatal("expected reused articles")
	}
	seen := map[string]int{}
	dup := map[int]bool{}
	for _, d := range res.Defects {
		if d.Rule == "duplicate-entry" {
			dup[d.Entry] = true
		}
	}
	for _, e := range res.Catalog.Entries {
		if dup[e.Index] {
			continue
		}
		if prev, ok := seen[e.Text(catalog.KeyName)]; ok {
			t.Errorf("entries %d and %d share the name %q", prev, e.Index, e.Text(catalog.KeyName))
		}
		seen[e.Text(catalog.KeyName)] = e.Index
	}
}

// TestRoundTrip reads every written format back with the catalog readers:
// same entries, same 序号, same cell texts.
func TestRoundTrip(t *testing.T) {
	res := generate(t, 40, 5)
	dir := t.TempDir()
	paths, err := WriteDir(dir, "c", res)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range paths {
		t.Run(filepath.Ext(p), func(t *testing.T) {
			got, err := catalog.Read(p)
			if err != nil {
				t.Fatal(err)
			}
			if got.Title != res.Catalog.Title {
				t.Errorf("title %q, want %q", got.Title, res.Catalog.Title)
			}
			if len(got.Entries) != len(res.Catalog.Entries) {
				t.Fatalf("%d entries, want %d", len(got.Entries), len(res.Catalog.Entries))
			}
			for i, e := range res.Catalog.Entries {
				g := got.Entries[i]
				if g.Seq != e.Seq {
					t.Errorf("entry %d: 序号 %q, want %q", i+1, g.Seq, e.Seq)
				}
				for _, f := range e.Fields {
					if gt := g.Text(f.Key); gt != f.Text {
						t.Errorf("entry %d %s: %q, want %q", i+1, f.Key, gt, f.Text)
					}
				}
			}
		})
	}
	d, err := ReadDefects(filepath.Join(dir, "c.defects.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Defects) != len(res.Defects) || d.N != res.N {
		t.Errorf("defects file: %d defects of %d entries, want %d of %d", len(d.Defects), d.N, len(res.Defects), res.N)
	}
}

func TestWriteTXTRefusesAmbiguousCells(t *testing.T) {
	c := &catalog.Catalog{Header: []catalog.Column{{Key: catalog.KeyName, Name: "职权名称"}},
		Entries: []catalog.Entry{{Index: 1, Fields: []catalog.Field{{Key: catalog.KeyName, Text: "甲\n\n乙"}}}}}
	if err := WriteTXT(&bytes.Buffer{}, c); err == nil {
		t.Error("a blank line inside a cell was written")
	}
	c.Entries[0].Fields[0].Text = "甲\n\t乙"
	if err := WriteTXT(&bytes.Buffer{}, c); err == nil {
		t.Error("a line starting with TAB inside a cell was written")
	}
}

func TestQuotable(t *testing.T) {
	art := func(lines ...string) *statutes.Article {
		a := &statutes.Article{}
		for _, l := range lines {
			a.Paragraphs = append(a.Paragraphs, &statutes.Paragraph{Text: l})
		}
		return a
	}
	for _, tc := range []struct {
		name string
		a    *statutes.Article
		want bool
	}{
		{"plain", art("用人单位不办理社会保险登记的，由社会保险行政部门责令限期改正。"), true},
		{"too short", art("本法自公布之日起施行。"), false},
		{"ascii", art("用人单位不办理社会保险登记的,由社会保险行政部门责令限期改正。"), false},
		{"no closing", art("用人单位不办理社会保险登记的，由社会保险行政部门责令限期改正"), false},
		{"unbalanced", art("用人单位（含个体工商户不办理社会保险登记的，由社会保险行政部门责令改正。"), false},
		{"lead-in with semicolon", art("价格主管部门进行价格监督检查时，可以行使下列职权；", "（一）询问当事人；", "（二）查询账簿。"), false},
		{"list", art("价格主管部门进行价格监督检查时，可以行使下列职权：", "（一）询问当事人；", "（二）查询账簿。"), true},
	} {
		if got := quotable(tc.a); got != tc.want {
			t.Errorf("%s: quotable = %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestSubjectWords(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int
	}{
		{"执法人员当场作出行政处罚决定的", 0},
		{"有下列情形之一的", 0},
		{"应当给予行政处罚的", 0},
		{"用人单位未按照规定办理登记的", 1}, // 登记
		{"金融机构将款项划入国库或者财政专户以外的其他账户的", 6},
		{"给用药者造成损害的", 4}, // 用药 造成 成损 损害
	} {
		if got := subjectWords(tc.in); len(got) != tc.want {
			t.Errorf("subjectWords(%q) = %q, want %d words", tc.in, got, tc.want)
		}
	}
}

// TestIrrelevantDefectsAreJudgeable: a basis-irrelevant defect is one a
// reviewer can judge from the name alone: the name names its subject in at
// least two words, and the cited article and its statute's title share no
// two-character word with it.
func TestIrrelevantDefectsAreJudgeable(t *testing.T) {
	laws := testLaws()
	texts := map[string]string{}
	for _, s := range laws[:2] {
		for _, a := range s.Versions[len(s.Versions)-1].Articles {
			texts["《"+s.Title+"》"+a.Label] = a.Text() + "\n" + s.Title
		}
	}
	n := 0
	for seed := uint64(1); seed <= 5; seed++ {
		res, err := Generate(NewSource(laws, AsOf(2025)), Options{N: 70, Seed: seed, DefectRate: 0.4})
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range res.Defects {
			if d.Rule != "basis-irrelevant" {
				continue
			}
			n++
			e := res.Catalog.Entries[d.Entry-1]
			name := e.Text(catalog.KeyName)
			if w := subjectWords(name); len(w) < 2 {
				t.Errorf("seed %d entry %d: name %q names no subject (%q)", seed, d.Entry, name, w)
			}
			ref, _, _ := strings.Cut(e.Text(catalog.KeyBasis), "：")
			text, ok := texts[ref]
			if !ok {
				t.Fatalf("seed %d entry %d: basis %q cites no article of the test laws", seed, d.Entry, ref)
			}
			for w := range hanBigrams(name) {
				if strings.Contains(text, w) {
					t.Errorf("seed %d entry %d: %s shares %q with %q", seed, d.Entry, ref, w, name)
				}
			}
		}
	}
	if n == 0 {
		t.Fatal("no basis-irrelevant defect injected")
	}
}

// TestFamilyForms: every layout family writes each of its forms, and the
// parser reads every quote of a clean entry so written as its article's
// text (short of the closing '。' a quote joined to the next citation may
// leave out), under the article it cites: 同法 and a bare 第Y条 are the
// same statute's, a level tag or a run-on citation is not quoted text.
func TestFamilyForms(t *testing.T) {
	laws := testLaws()
	texts := map[string]string{} // title + article number → text
	for _, s := range laws[:2] {
		v := s.Versions[len(s.Versions)-1]
		for _, a := range v.Articles {
			texts[fmt.Sprint(s.Title, a.Num)] = a.Text()
		}
	}
	for fi, fam := range Families {
		if len(fam.Forms) == 0 {
			continue
		}
		t.Run(fam.Name, func(t *testing.T) {
			res, err := Generate(NewSource(laws, AsOf(2025)), Options{N: 60, Seed: 5, DefectRate: -1, Family: fi})
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range fam.Forms {
				if res.Forms[f.String()] == 0 {
					t.Errorf("no entry written in form %s (%v)", f, res.Forms)
				}
			}
			multi := 0
			for _, e := range res.Catalog.Entries {
				basis := e.Text(catalog.KeyBasis)
				cs := parse.Parse(basis)
				arts := 0
				for _, c := range cs {
					arts += len(c.Articles)
					if c.Quote == nil {
						continue
					}
					for _, p := range c.Quote.Parts {
						if strings.Contains(p.Text, "按照本条规定予以处理") {
							continue // the paraphrase
						}
						num := 0
						switch {
						case p.Article != nil:
							num = p.Article.Num
						case len(c.Articles) == 1:
							num = c.Articles[0].Num
						default:
							t.Errorf("entry %d: a quote of %d articles: %q", e.Index, len(c.Articles), basis)
							continue
						}
						want, ok := texts[fmt.Sprint(c.Title, num)]
						if !ok {
							t.Errorf("entry %d: 《%s》第%d条 is no article of the corpus: %q", e.Index, c.Title, num, basis)
							continue
						}
						if p.Text != want && !(c.Quote.Joint && p.Text+"。" == want) {
							t.Errorf("entry %d: quote of 《%s》第%d条 read as %q, want %q\nbasis %q", e.Index, c.Title, num, p.Text, want, basis)
						}
					}
				}
				if arts > 1 {
					multi++
				}
			}
			if multi == 0 {
				t.Errorf("no basis cites two articles")
			}
		})
	}
}
