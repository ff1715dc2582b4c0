package gen

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/citelint/citelint/catalog"
	"github.com/citelint/citelint/statutes"
)

// Options say what to generate.
type Options struct {
	N    int    // entries
	Seed uint64 // same seed, same catalog
	// Year is the catalog's year, printed in its title (default 2025); the
	// catalog is checked as of its last day, so quotes follow the versions in
	// force then.
	Year int
	// DefectRate is the share of entries that get one injected defect
	// (default 0.15; negative means none).
	DefectRate float64
	// Family is the layout (an index into Families): header words and
	// quote form. 0, the seeds' layout, is the default.
	Family int
}

// DefaultDefectRate is the share of defective entries when Options leave it 0.
const DefaultDefectRate = 0.15

// Defect is one injected defect: what a correct linter must report.
type Defect struct {
	Entry    int         `json:"entry"` // 1-based position
	Seq      string      `json:"seq"`
	Field    catalog.Key `json:"field"`
	Rule     string      `json:"rule"`
	Severity string      `json:"severity"` // the rule's default severity (RULES.md)
	Kind     string      `json:"kind"`     // how it was made: typo, dropped-clause ...
	Detail   string      `json:"detail"`
	// AnyField is true when the rule may name any field of the entry (rules
	// about the whole entry: sequence, duplicate-entry, basis-inconsistent).
	AnyField bool `json:"any_field,omitempty"`
	// Others are other entries on which the rule may report the same defect
	// (the first of two duplicate entries; the neighbours of a repeated 序号).
	Others []int `json:"others,omitempty"`
	// Also are rules that may also report this entry and field as a
	// consequence of the same defect (a superseded quote may also be
	// unrelated to the power's name).
	Also []string `json:"also,omitempty"`
}

// Skip says why a rule got no injected defect.
type Skip struct {
	Rule   string `json:"rule"`
	Reason string `json:"reason"`
}

// Result is a generated catalog and what was injected into it.
type Result struct {
	Catalog *catalog.Catalog `json:"-"`
	N       int              `json:"n"`
	Seed    uint64           `json:"seed"`
	Title   string           `json:"title"`
	AsOf    string           `json:"as_of"`
	Counts  map[string]int   `json:"counts"` // injected defects by rule
	Defects []Defect         `json:"defects"`
	Skipped []Skip           `json:"skipped,omitempty"`
	// Reused is how many clean entries quote an article an earlier entry
	// already quotes (when N exceeds the quotable articles).
	Reused int `json:"reused"`
	// Forms counts the clean entries whose basis the layout family wrote
	// in each of its forms (ref, bare, tagged, run-on, list, paraphrase …).
	Forms map[string]int `json:"forms,omitempty"`
}

// The catalog's columns, in order.
var header = []catalog.Column{
	{Key: catalog.KeySeq, Name: "序号"},
	{Key: catalog.KeyDepartment, Name: "部门名称"},
	{Key: catalog.KeyType, Name: "职权类型"},
	{Key: catalog.KeyName, Name: "职权名称"},
	{Key: catalog.KeyBasis, Name: "职权依据"},
	{Key: catalog.KeyDuties, Name: "责任事项"},
	{Key: catalog.KeyDutyBasis, Name: "责任事项依据"},
	{Key: catalog.KeyOffice, Name: "责任科室"},
	{Key: catalog.KeyAccountable, Name: "追责对象范围"},
	{Key: catalog.KeyNote, Name: "备注"},
}

const (
	department        = "示例市医疗保障局"
	departmentVariant = "示例市医保局"
	accountable       = "承办人员、审核人员、批准人员及其他直接责任人员"
)

var offices = []string{"基金监管科", "待遇保障科", "医药服务管理科", "医药价格和招标采购科", "规划财务和法规科"}

// Severities are the default severities of RULES.md.
var severities = map[string]string{
	"unknown-statute": "warning", "article-not-found": "error", "citation-format": "warning",
	"quote-mismatch": "error", "quote-truncated": "warning", "quote-merged": "warning",
	"quote-misattributed": "error", "quote-superseded": "error", "quote-unverifiable": "info",
	"statute-repealed": "error", "statute-outdated": "warning", "issuer-mismatch": "warning",
	"basis-inconsistent": "warning", "basis-irrelevant": "warning",
	"stray-character": "error", "punctuation": "warning", "duplicate-clause": "error",
	"office-inconsistent": "error", "department-inconsistent": "warning", "duplicate-entry": "warning",
	"power-type-invalid": "warning", "column-mismatch": "warning", "sequence": "warning",
	"missing-field": "error",
}

// row is an entry's cells by column.
type row struct {
	seq, dept, typ, name, basis, duties, dutyBasis, office, account, note string
}

func (r *row) cells() []string {
	return []string{r.seq, r.dept, r.typ, r.name, r.basis, r.duties, r.dutyBasis, r.office, r.account, r.note}
}

// art is a quotable article of a law.
type art struct {
	law *Law
	a   *statutes.Article
}

type generator struct {
	src    *Source
	rng    *rand.Rand
	pool   []art
	used   map[*statutes.Article]bool
	cursor map[string]int // per take() class
	names  map[string]int
	rows   []row
	clean  []int // 0-based indexes of clean rows (no defect), in order
	cleanA []art // articles quoted by clean rows, for reuse
	reuse  int
	res    *Result
	// state of the defect kinds
	supersededUsed map[*statutes.Article]bool
	fake, meta     int
	isDefect       []bool
	// the layout family and how many rows it wrote in its forms
	fam                 Family
	formRows, formTypos int
}

// Generate builds a catalog of opts.N entries from src.
func Generate(src *Source, opts Options) (*Result, error) {
	if opts.N <= 0 {
		return nil, errors.New("generate: N must be positive")
	}
	if src == nil || src.Count() == 0 {
		return nil, errors.New("generate: the corpus has no quotable article in force")
	}
	year := opts.Year
	if year == 0 {
		year = 2025
	}
	rate := opts.DefectRate
	if rate == 0 {
		rate = DefaultDefectRate
	}
	if rate < 0 {
		rate = 0
	}
	if opts.Family < 0 || opts.Family >= len(Families) {
		return nil, fmt.Errorf("generate: no layout family %d (0 to %d)", opts.Family, len(Families)-1)
	}
	title := fmt.Sprintf("%s权力清单和责任清单（%d年）", department, year)
	g := &generator{
		src:            src,
		rng:            rand.New(rand.NewPCG(opts.Seed, 0x6369_7465_6c69_6e74)),
		used:           map[*statutes.Article]bool{},
		cursor:         map[string]int{},
		names:          map[string]int{},
		supersededUsed: map[*statutes.Article]bool{},
		isDefect:       make([]bool, opts.N),
		fam:            Families[opts.Family],
		res: &Result{
			N: opts.N, Seed: opts.Seed, Title: title,
			AsOf:   src.AsOf.Format("2006-01-02"),
			Counts: map[string]int{},
		},
	}
	g.buildPool()

	nDefects := int(float64(opts.N)*rate + 0.5)
	pos := g.rng.Perm(opts.N)[:nDefects]
	slices.Sort(pos)
	// kinds in a seeded order, assigned round-robin over the positions
	order := g.rng.Perm(len(kinds))
	kindAt := map[int]int{}
	for i, p := range pos {
		kindAt[p] = order[i%len(kinds)]
		g.isDefect[p] = true
	}
	for i := 0; i < opts.N; i++ {
		k, ok := kindAt[i]
		switch {
		case ok && kinds[k].build(g, i):
		case ok && kindByName(strayKind).build(g, i):
			// the kind is not possible here (the corpus lacks what it
			// needs, or the articles ran out): a stray character instead
		case g.addClean(i):
			g.isDefect[i] = false
		default:
			return nil, errors.New("generate: the corpus has too few quotable articles")
		}
	}
	g.skips()
	g.res.Catalog = g.catalog(title)
	applyFamily(g.res.Catalog, g.fam, src.levels())
	g.res.Reused = g.reuse
	return g.res, nil
}

// buildPool lists the quotable articles: the preferred statutes' first
// (shuffled), then the others (shuffled).
func (g *generator) buildPool() {
	var pref, rest []art
	for _, l := range g.src.Laws {
		for _, a := range l.Articles {
			if l.Preferred {
				pref = append(pref, art{l, a})
			} else {
				rest = append(rest, art{l, a})
			}
		}
	}
	g.rng.Shuffle(len(pref), func(i, j int) { pref[i], pref[j] = pref[j], pref[i] })
	g.rng.Shuffle(len(rest), func(i, j int) { rest[i], rest[j] = rest[j], rest[i] })
	g.pool = append(pref, rest...)
}

// take returns the next unused article that satisfies pred (one cursor per
// class, as pred never changes its mind about an article), marking it used.
func (g *generator) take(class string, pred func(art) bool) (art, bool) {
	for i := g.cursor[class]; i < len(g.pool); i++ {
		c := g.pool[i]
		if g.used[c.a] || (pred != nil && !pred(c)) {
			continue
		}
		g.cursor[class] = i + 1
		g.used[c.a] = true
		return c, true
	}
	g.cursor[class] = len(g.pool)
	return art{}, false
}

// takeFrom returns an unused article of law l other than not.
func (g *generator) takeFrom(l *Law, pred func(*statutes.Article) bool) (*statutes.Article, bool) {
	for _, a := range l.Articles {
		if !g.used[a] && (pred == nil || pred(a)) {
			g.used[a] = true
			return a, true
		}
	}
	return nil, false
}

func label(a *statutes.Article) string {
	if a.Label != "" {
		return a.Label
	}
	return statutes.ArticleLabel(a.Num, a.Suffix)
}

func cite(l *Law, a *statutes.Article) string {
	return "《" + l.Statute.Title + "》" + label(a)
}

func quote(l *Law, a *statutes.Article) string {
	return cite(l, a) + "：" + a.Text()
}

// powerType guesses the power type from the article's words.
func powerType(text string) string {
	for _, t := range []struct{ typ, words string }{
		{"行政处罚", "罚款|处罚|吊销|没收|警告"},
		{"行政强制", "查封|扣押|冻结|强制"},
		{"行政检查", "检查|监督|稽核|核查"},
		{"行政许可", "许可|批准|审批|核准"},
		{"行政奖励", "奖励|表彰"},
		{"行政确认", "登记|确认|认定"},
		{"行政征收", "征收|缴纳"},
		{"行政给付", "给付|补助|救助|待遇"},
		{"行政裁决", "裁决|争议"},
	} {
		for _, w := range strings.Split(t.words, "|") {
			if strings.Contains(text, w) {
				return t.typ
			}
		}
	}
	return "其他行政权力"
}

var typeSuffix = map[string]string{
	"行政处罚": "处罚", "行政强制": "行政强制", "行政检查": "监督检查", "行政许可": "许可",
	"行政奖励": "奖励", "行政确认": "确认", "行政征收": "征收", "行政给付": "给付",
	"行政裁决": "裁决", "其他行政权力": "管理",
}

// clauses splits a line at Chinese clause punctuation.
func clauses(line string) []string {
	return strings.FieldsFunc(line, func(r rune) bool { return strings.ContainsRune("，。；：", r) })
}

// subject picks the clause of the article's first line a power name is
// made from: a clause that names a subject ("违反本法规定" names none), else
// any clause of 6 to 30 characters without brackets, lists or citations.
func subject(text string) string {
	for _, specific := range []bool{true, false} {
		for _, c := range clauses(strings.Split(text, "\n")[0]) {
			n := utf8.RuneCountInString(c)
			if n < 6 || strings.ContainsAny(c, "（）“”‘’《》〈〉、") || (strings.Contains(c, "第") && strings.Contains(c, "条")) {
				continue
			}
			if specific && generic(c) {
				continue
			}
			if n > 30 {
				c = string([]rune(c)[:30])
			}
			return c
		}
	}
	return ""
}

// powerName makes a power name from the article's own words (so the basis is
// plainly relevant to it), unique in the catalog.
func (g *generator) powerName(text, typ string) string {
	subject := subject(text)
	name := ""
	switch {
	case subject == "":
		name = "有关事项的" + typeSuffix[typ]
	case strings.HasSuffix(subject, "的"):
		name = "对" + subject + typeSuffix[typ]
	default:
		name = "对" + subject + "的" + typeSuffix[typ]
	}
	return g.unique(name)
}

// generic says whether a clause refers to its statute rather than to a
// subject: 违反本法规定, 依照本条例.
func generic(c string) bool {
	for _, w := range []string{"本法", "本条例", "本办法", "本规定", "本细则"} {
		if strings.Contains(c, w) {
			return true
		}
	}
	return false
}

func (g *generator) unique(name string) string {
	g.names[name]++
	if k := g.names[name]; k > 1 {
		name = name + "（" + strconv.Itoa(k) + "）"
		g.names[name]++
	}
	return name
}

func duties(typ string) string {
	switch typ {
	case "行政处罚":
		return strings.Join([]string{
			"一、立案责任：对监督检查中发现或者举报、投诉、移送的违法行为线索，决定是否立案；",
			"二、调查责任：执法人员不得少于两人，调查时出示执法证件，制作笔录；",
			"三、审查责任：对违法事实、证据、程序和法律适用进行审查，提出处理意见；",
			"四、告知责任：作出决定前，告知当事人拟作出处罚的内容及事实、理由、依据；",
			"五、决定责任：制作行政处罚决定书，载明违法事实、证据、处罚种类和依据；",
			"六、执行责任：依法送达决定书，督促当事人履行生效的行政处罚决定。",
		}, "\n")
	case "行政检查":
		return strings.Join([]string{
			"一、检查责任：制定检查计划，依法对被检查对象实施监督检查；",
			"二、处置责任：对检查中发现的问题，责令限期改正，依法应当处理的，移送处理；",
			"三、信息公开责任：依法公开监督检查结果；",
			"四、其他责任：法律法规规章规定应当履行的其他责任。",
		}, "\n")
	}
	return strings.Join([]string{
		"一、受理责任：依法受理申请或者启动程序，一次性告知需要提交的材料；",
		"二、审查责任：对材料和有关情况进行审查，提出意见；",
		"三、决定责任：依法作出决定并说明理由；",
		"四、送达责任：依法送达决定书；",
		"五、其他责任：法律法规规章规定应当履行的其他责任。",
	}, "\n")
}

// entryFor builds a clean row quoting a.
func (g *generator) entryFor(i int, c art) row {
	text := c.a.Text()
	typ := powerType(text)
	return row{
		seq:       strconv.Itoa(i + 1),
		dept:      department,
		typ:       typ,
		name:      g.powerName(text, typ),
		basis:     quote(c.law, c.a),
		duties:    duties(typ),
		dutyBasis: cite(c.law, c.a),
		office:    offices[g.rng.IntN(len(offices))],
		account:   accountable,
	}
}

// addClean adds a clean row at position i (0-based). In a family with
// forms, every cleanFormEvery-th fresh row is written in the next of them.
func (g *generator) addClean(i int) bool {
	fresh := g.cursor["any"] < len(g.pool)
	c, ok := g.article()
	if !ok {
		return false
	}
	r := g.entryFor(i, c)
	if fresh && len(g.fam.Forms) > 0 && len(g.clean)%cleanFormEvery == 0 {
		g.writeForm(&r, c)
	}
	g.rows = append(g.rows, r)
	g.clean = append(g.clean, i)
	return true
}

// writeForm writes row r's basis (quoting c verbatim) in the family's next
// form that fits c; it leaves r as it is when none does.
func (g *generator) writeForm(r *row, c art) {
	for k := range g.fam.Forms {
		f := g.fam.Forms[(g.formRows+k)%len(g.fam.Forms)]
		if !g.formFits(f, c) {
			continue
		}
		if f == FormParaphrase {
			p, _ := paraphrase(c.a)
			r.basis = cite(c.law, c.a) + "：" + p
			g.wrote(f)
			return
		}
		second, ok := g.secondFor(c)
		if !ok {
			return
		}
		if f == FormList {
			r.basis = g.listBasis(c.law, c.a, second, g.formRows/len(g.fam.Forms))
		} else {
			r.basis = g.formBasis(f, c.law, c.a, second, c.a.Text(), second.Text())
		}
		g.wrote(f)
		return
	}
}

func (g *generator) wrote(f Form) {
	g.formRows++
	if g.res.Forms == nil {
		g.res.Forms = map[string]int{}
	}
	g.res.Forms[f.String()]++
}

// article returns an article for a row whose basis quotes exactly: a fresh
// one, or when they have run out (more entries than quotable articles) one
// a clean row quotes already, in the same order (the row gets a new, unique
// name).
func (g *generator) article() (art, bool) {
	if c, ok := g.take("any", nil); ok {
		g.cleanA = append(g.cleanA, c)
		return c, true
	}
	if len(g.cleanA) == 0 {
		return art{}, false
	}
	c := g.cleanA[g.reuse%len(g.cleanA)]
	g.reuse++
	return c, true
}

// fresh takes an unused article for a defective row: an article no other
// entry quotes, so nothing but the defect can differ between entries.
func (g *generator) fresh(class string, pred func(art) bool) (art, bool) {
	return g.take(class, pred)
}

func (g *generator) add(i int, r row, ds ...Defect) {
	g.rows = append(g.rows, r)
	for _, d := range ds {
		d.Entry = i + 1
		d.Seq = strings.TrimSpace(r.seq)
		d.Severity = severities[d.Rule]
		g.res.Defects = append(g.res.Defects, d)
		g.res.Counts[d.Rule]++
	}
}

func (g *generator) skips() {
	for _, k := range kinds {
		if g.res.Counts[k.rule] == 0 && k.why != "" {
			g.res.Skipped = append(g.res.Skipped, Skip{Rule: k.rule, Reason: k.why})
		}
	}
	g.res.Skipped = append(g.res.Skipped, Skip{Rule: "column-mismatch",
		Reason: "a catalog-level defect of a whole column; injecting it would change every entry"})
	slices.SortFunc(g.res.Skipped, func(a, b Skip) int { return strings.Compare(a.Rule, b.Rule) })
	slices.SortStableFunc(g.res.Defects, func(a, b Defect) int {
		if a.Entry != b.Entry {
			return a.Entry - b.Entry
		}
		return strings.Compare(string(a.Field)+a.Rule, string(b.Field)+b.Rule)
	})
}

func (g *generator) catalog(title string) *catalog.Catalog {
	cat := &catalog.Catalog{
		Title:  title,
		Header: slices.Clone(header),
	}
	cat.Entries = make([]catalog.Entry, len(g.rows))
	for i := range g.rows {
		cells := g.rows[i].cells()
		e := catalog.Entry{Index: i + 1, Seq: strings.TrimSpace(cells[0])}
		e.Fields = make([]catalog.Field, len(header))
		for j, col := range header {
			e.Fields[j] = catalog.Field{Key: col.Key, Column: col.Name, Text: cells[j]}
		}
		cat.Entries[i] = e
	}
	return cat
}

// hanBigrams returns the set of adjacent Chinese character pairs of s.
// adminRunes are the runes of the administrative vocabulary every power
// name and every enforcement article shares (处罚, 监督检查, 违法行为, 有关部门,
// 规定, 人员, 行政 ...) and of function words. A two-character word holding
// one does not say what a power is about. The basis-irrelevant rule reads
// power names the same way (its functionRunes).
const adminRunes = "的对和或及与等进行之其为被者所以并在中于由将把向从按依据有关相规定实施处罚罚款给予监督检查管理工作情况违法行为人员单位机构部门政府行政职权责任事项"

// frameWords frame a case without naming its subject (有下列情形之一的,
// 应当…的, 当场作出…决定的).
var frameWords = []string{"下列", "之一", "情形", "应当", "可以", "当场", "执法", "作出", "决定", "其他"}

// subjectWords are the distinct two-character words of s that name a
// subject: Han bigrams outside the frame words holding no adminRunes.
func subjectWords(s string) []string {
	for _, w := range frameWords {
		s = strings.ReplaceAll(s, w, "|")
	}
	var out []string
	seen := map[string]bool{}
	rs := []rune(s)
	for i := 0; i+1 < len(rs); i++ {
		a, b := rs[i], rs[i+1]
		if !unicode.Is(unicode.Han, a) || !unicode.Is(unicode.Han, b) ||
			strings.ContainsRune(adminRunes, a) || strings.ContainsRune(adminRunes, b) {
			continue
		}
		if w := string([]rune{a, b}); !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}

func hanBigrams(s string) map[string]bool {
	out := map[string]bool{}
	var prev rune
	for _, r := range s {
		if unicode.Is(unicode.Han, r) && unicode.Is(unicode.Han, prev) {
			out[string([]rune{prev, r})] = true
		}
		prev = r
	}
	return out
}

// AsOf returns the date a catalog of the given year is checked against: its
// last day.
func AsOf(year int) time.Time {
	if year == 0 {
		year = 2025
	}
	return time.Date(year, 12, 31, 0, 0, 0, 0, time.UTC)
}
