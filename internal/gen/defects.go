package gen

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/citelint/citelint/catalog"
	"github.com/citelint/citelint/statutes"
)

// kind is one way of injecting a defect. build adds row i with the defect
// and its record, or returns false (adding nothing) when it cannot.
type kind struct {
	name  string
	rule  string
	why   string // why it may be impossible, for Result.Skipped
	build func(g *generator, i int) bool
}

// strayKind is the name of the fallback kind, which always works.
const strayKind = "stray"

func kindByName(name string) kind {
	for _, k := range kinds {
		if k.name == name {
			return k
		}
	}
	return kind{}
}

var kinds = []kind{
	{name: "typo", rule: "quote-mismatch", build: (*generator).typo},
	{name: "form-typo", rule: "quote-mismatch", build: (*generator).formTypo},
	{name: "dropped-clause", rule: "quote-truncated", build: (*generator).droppedClause,
		why: "no quotable article has a middle clause to drop"},
	{name: "swapped-article", rule: "quote-misattributed", build: (*generator).swapped},
	{name: "superseded", rule: "quote-superseded", build: (*generator).superseded,
		why: "the corpus holds no earlier wording of an article in force"},
	{name: "merged", rule: "quote-merged", build: (*generator).merged,
		why: "no two consecutive one-paragraph articles left"},
	{name: "stray", rule: "stray-character", build: (*generator).stray},
	{name: "duplicated-clause", rule: "duplicate-clause", build: (*generator).duplicated},
	{name: "ascii-punctuation", rule: "punctuation", build: (*generator).asciiPunct},
	{name: "office-variant", rule: "office-inconsistent", build: (*generator).officeVariant},
	{name: "missing", rule: "missing-field", build: (*generator).missing},
	{name: "seq-repeat", rule: "sequence", build: (*generator).seqRepeat},
	{name: "duplicate-entry", rule: "duplicate-entry", build: (*generator).duplicateEntry},
	{name: "bad-type", rule: "power-type-invalid", build: (*generator).badType},
	{name: "department-variant", rule: "department-inconsistent", build: (*generator).deptVariant},
	{name: "unknown-title", rule: "unknown-statute", build: (*generator).unknownTitle},
	{name: "no-such-article", rule: "article-not-found", build: (*generator).noSuchArticle},
	{name: "missing-tiao", rule: "citation-format", build: (*generator).missingTiao},
	{name: "duty-quotes-more", rule: "basis-inconsistent", build: (*generator).dutyQuotesOther},
	{name: "irrelevant", rule: "basis-irrelevant", build: (*generator).irrelevant},
	{name: "unverifiable", rule: "quote-unverifiable", build: (*generator).unverifiable,
		why: "the corpus has no metadata-only statute in force"},
	{name: "repealed", rule: "statute-repealed", build: (*generator).repealed,
		why: "the corpus has no repealed statute"},
	{name: "old-version-label", rule: "statute-outdated", build: (*generator).oldVersionLabel,
		why: "no statute with an earlier 修正/修订 event"},
	{name: "wrong-issuer", rule: "issuer-mismatch", build: (*generator).wrongIssuer,
		why: "no statute with a document number (…令第…号)"},
}

// typos are one-character slips seen in real catalogs, wrong → right.
var typos = [][2]string{
	{"予", "于"}, {"账", "帐"}, {"作", "做"}, {"已", "己"}, {"以", "已"}, {"其", "期"},
	{"制", "治"}, {"按", "安"}, {"定", "订"}, {"规", "归"}, {"保", "报"}, {"的", "地"},
}

func (g *generator) typo(i int) bool {
	c, ok := g.fresh("any", nil)
	if !ok {
		return false
	}
	r := g.entryFor(i, c)
	bad, detail := g.charTypo(c.a.Text())
	r.basis = cite(c.law, c.a) + "：" + bad
	g.add(i, r, Defect{Field: catalog.KeyBasis, Rule: "quote-mismatch", Kind: "typo",
		Detail: cite(c.law, c.a) + "：" + detail})
	return true
}

// charTypo makes a one-character slip in text: a listed character written
// as its look-alike, or, when it has none, the closing '。' written '；'.
func (g *generator) charTypo(text string) (bad, detail string) {
	start := g.rng.IntN(len(typos))
	for k := range typos {
		t := typos[(start+k)%len(typos)]
		n := strings.Count(text, t[0])
		if n == 0 {
			continue
		}
		// replace the m-th occurrence
		m := g.rng.IntN(n)
		at := 0
		for j := 0; j <= m; j++ {
			at += strings.Index(text[at:], t[0])
			if j < m {
				at += len(t[0])
			}
		}
		return text[:at] + t[1] + text[at+len(t[0]):], fmt.Sprintf("'%s' written '%s'", t[0], t[1])
	}
	return strings.TrimSuffix(text, "。") + "；", "closing '。' written '；'"
}

// formTypo writes a slip inside a quote of one of the family's forms, in
// turn: a wrong number (or a look-alike character) in the 同法 quote, after
// a bare label, a level tag or a run-on citation, and every third in the
// first quote when it states an amount. The parser must read where each
// quote starts and ends for the slip to be found once. It returns false,
// adding nothing, when the family has no quoting form or no article fits.
func (g *generator) formTypo(i int) bool {
	var forms []Form
	for _, f := range g.fam.Forms {
		if f.quotes() {
			forms = append(forms, f)
		}
	}
	if len(forms) == 0 {
		return false
	}
	f := forms[g.formTypos%len(forms)]
	c, ok := g.fresh("form-"+f.String(), func(c art) bool {
		if !g.formFits(f, c) {
			return false
		}
		for _, a := range c.law.Articles {
			if a != c.a && !g.used[a] && fitsSecond(a) {
				return true
			}
		}
		return false
	})
	if !ok {
		return false
	}
	second, ok := g.secondFor(c)
	if !ok {
		g.used[c.a] = false
		return false
	}
	text1, text2 := c.a.Text(), second.Text()
	where := second
	bad, detail, ok := numberTypo(text1)
	if g.formTypos%3 == 2 && ok && !hasEarlier(c.law, c.a) {
		// every third in the first quote, when it states an amount: the
		// quote must end where the next citation starts
		text1, where = bad, c.a
	} else {
		bad, detail, ok = numberTypo(text2)
		if !ok || hasEarlier(c.law, second) {
			// an amount an earlier version stated otherwise would read
			// as that version's wording: a look-alike character instead
			bad, detail = g.charTypo(text2)
		}
		text2 = bad
	}
	r := g.entryFor(i, c)
	r.basis = g.formBasis(f, c.law, c.a, second, text1, text2)
	g.formTypos++
	g.add(i, r, Defect{Field: catalog.KeyBasis, Rule: "quote-mismatch", Kind: "typo-" + f.String(),
		Detail: fmt.Sprintf("%s, %s form, quote of %s：%s", cite(c.law, c.a), f, label(where), detail)})
	return true
}

// hasEarlier says whether an earlier version of l words article a
// otherwise.
func hasEarlier(l *Law, a *statutes.Article) bool {
	for _, s := range l.Superseded {
		if s.Current == a {
			return true
		}
	}
	return false
}

// dropSpan finds a middle clause of the article to drop: on a line with at
// least three clauses separated by '，' or '；', a clause (not the first, not
// the last) of at least four characters. It returns the byte range of the
// clause and its following separator in the article's text.
func dropSpan(a *statutes.Article) (start, end int, ok bool) {
	text := a.Text()
	off := 0
	for _, line := range strings.Split(text, "\n") {
		var seps []int // byte offsets of the separators in line
		for j, r := range line {
			if r == '，' || r == '；' {
				seps = append(seps, j)
			}
		}
		// clause k runs from after seps[k-1] to seps[k] (inclusive of seps[k])
		for k := 1; k < len(seps); k++ {
			s := seps[k-1] + len("，")
			e := seps[k] + len("，")
			if utf8.RuneCountInString(line[s:seps[k]]) >= 4 {
				return off + s, off + e, true
			}
		}
		off += len(line) + 1
	}
	return 0, 0, false
}

func (g *generator) droppedClause(i int) bool {
	c, ok := g.fresh("drop", func(c art) bool { _, _, ok := dropSpan(c.a); return ok })
	if !ok {
		return false
	}
	s, e, _ := dropSpan(c.a)
	text := c.a.Text()
	r := g.entryFor(i, c)
	r.basis = cite(c.law, c.a) + "：" + text[:s] + text[e:]
	g.add(i, r, Defect{Field: catalog.KeyBasis, Rule: "quote-truncated", Kind: "dropped-clause",
		Detail: fmt.Sprintf("%s：middle clause '%s' left out", cite(c.law, c.a), text[s:e])})
	return true
}

func (g *generator) swapped(i int) bool {
	var other *statutes.Article
	c, ok := g.fresh("swap", func(c art) bool {
		for _, a := range c.law.Articles {
			if a != c.a && !g.used[a] {
				return true
			}
		}
		return false
	})
	if !ok {
		return false
	}
	other, _ = g.takeFrom(c.law, func(a *statutes.Article) bool { return a != c.a })
	r := g.entryFor(i, c)
	r.basis = cite(c.law, c.a) + "：" + other.Text()
	g.add(i, r, Defect{Field: catalog.KeyBasis, Rule: "quote-misattributed", Kind: "swapped-article",
		Detail: fmt.Sprintf("%s quoted with the text of %s", cite(c.law, c.a), label(other)),
		Also:   []string{"basis-irrelevant"}})
	return true
}

func (g *generator) superseded(i int) bool {
	for _, l := range g.src.Laws {
		for _, s := range l.Superseded {
			if g.supersededUsed[s.Article] || g.used[s.Current] {
				continue
			}
			g.supersededUsed[s.Article] = true
			g.used[s.Current] = true
			typ := powerType(s.Article.Text())
			r := row{
				seq: strconv.Itoa(i + 1), dept: department, typ: typ,
				name:      g.powerName(s.Article.Text(), typ),
				basis:     cite(l, s.Current) + "：" + s.Article.Text(),
				duties:    duties(typ),
				dutyBasis: cite(l, s.Current),
				office:    offices[g.rng.IntN(len(offices))],
				account:   accountable,
			}
			g.add(i, r, Defect{Field: catalog.KeyBasis, Rule: "quote-superseded", Kind: "superseded",
				Detail: fmt.Sprintf("%s quoted in the wording of version %s", cite(l, s.Current), s.Version.Label),
				Also:   []string{"basis-irrelevant"}})
			return true
		}
	}
	return false
}

// nextOf returns the quotable article following a in its law (number + 1,
// no suffix), or nil.
func nextOf(l *Law, a *statutes.Article) *statutes.Article {
	for _, b := range l.Articles {
		if b.Num == a.Num+1 && b.Suffix == 0 {
			return b
		}
	}
	return nil
}

func (g *generator) merged(i int) bool {
	oneLine := func(a *statutes.Article) bool { return len(a.Lines()) == 1 }
	c, ok := g.fresh("merge", func(c art) bool {
		n := nextOf(c.law, c.a)
		return oneLine(c.a) && n != nil && oneLine(n) && !g.used[n]
	})
	if !ok {
		return false
	}
	n := nextOf(c.law, c.a)
	g.used[n] = true
	r := g.entryFor(i, c)
	r.basis = "《" + c.law.Statute.Title + "》" + label(c.a) + "、" + label(n) + "：" +
		strings.TrimSuffix(c.a.Text(), "。") + "；" + n.Text()
	r.dutyBasis = "《" + c.law.Statute.Title + "》" + label(c.a) + "、" + label(n)
	g.add(i, r, Defect{Field: catalog.KeyBasis, Rule: "quote-merged", Kind: "merged",
		Detail: fmt.Sprintf("%s and %s run together unlabelled, the first closing '。' turned into '；'", cite(c.law, c.a), label(n))})
	return true
}

// cleanRow is a clean row at i, for defects outside the basis.
func (g *generator) cleanRow(i int) (row, art, bool) {
	c, ok := g.article()
	if !ok {
		return row{}, art{}, false
	}
	return g.entryFor(i, c), c, true
}

var strays = []struct {
	name string
	r    string
	key  catalog.Key
}{
	{"emoji", "🍩", catalog.KeyDuties},
	{"zero-width space", "\u200b", catalog.KeyName},
	{"private-use character", "\ue000", catalog.KeyDuties},
	{"replacement character", "\ufffd", catalog.KeyAccountable},
}

func insertAfterFirst(s, sep, ins string) string {
	if j := strings.Index(s, sep); j >= 0 {
		return s[:j+len(sep)] + ins + s[j+len(sep):]
	}
	return s + ins
}

func (g *generator) stray(i int) bool {
	r, _, ok := g.cleanRow(i)
	if !ok {
		return false
	}
	s := strays[g.res.Counts["stray-character"]%len(strays)]
	switch s.key {
	case catalog.KeyDuties:
		r.duties = insertAfterFirst(r.duties, "：", s.r)
	case catalog.KeyName:
		rs := []rune(r.name)
		r.name = string(rs[:len(rs)/2]) + s.r + string(rs[len(rs)/2:])
	case catalog.KeyAccountable:
		r.account = insertAfterFirst(r.account, "、", s.r)
	}
	g.add(i, r, Defect{Field: s.key, Rule: "stray-character", Kind: "stray",
		Detail: fmt.Sprintf("%s (U+%04X)", s.name, []rune(s.r)[0])})
	return true
}

func (g *generator) duplicated(i int) bool {
	r, _, ok := g.cleanRow(i)
	if !ok {
		return false
	}
	lines := strings.Split(r.duties, "\n")
	k := 1 + g.rng.IntN(len(lines)-1)
	head, body, _ := strings.Cut(lines[k], "：")
	lines[k] = head + "：" + body + body
	r.duties = strings.Join(lines, "\n")
	g.add(i, r, Defect{Field: catalog.KeyDuties, Rule: "duplicate-clause", Kind: "duplicated-clause",
		Detail: fmt.Sprintf("'%s' twice in a row", body)})
	return true
}

func (g *generator) asciiPunct(i int) bool {
	r, _, ok := g.cleanRow(i)
	if !ok {
		return false
	}
	r.duties = strings.Replace(r.duties, "，", ",", 1)
	g.add(i, r, Defect{Field: catalog.KeyDuties, Rule: "punctuation", Kind: "ascii-punctuation",
		Detail: "ASCII ',' for '，'"})
	return true
}

func (g *generator) officeVariant(i int) bool {
	r, _, ok := g.cleanRow(i)
	if !ok {
		return false
	}
	was := r.office
	r.office = strings.TrimSuffix(r.office, "科") + "股"
	g.add(i, r, Defect{Field: catalog.KeyOffice, Rule: "office-inconsistent", Kind: "office-variant",
		Detail: fmt.Sprintf("'%s' where the catalog says '%s'", r.office, was)})
	return true
}

func (g *generator) missing(i int) bool {
	r, _, ok := g.cleanRow(i)
	if !ok {
		return false
	}
	key := catalog.KeyOffice
	if g.res.Counts["missing-field"]%2 == 1 {
		key = catalog.KeyBasis
		r.basis = ""
	} else {
		r.office = ""
	}
	g.add(i, r, Defect{Field: key, Rule: "missing-field", Kind: "missing", Detail: fmt.Sprintf("empty %s", key)})
	return true
}

func (g *generator) seqRepeat(i int) bool {
	// needs a previous entry whose 序号 is its own
	if i == 0 || g.rows[i-1].seq != strconv.Itoa(i) {
		return false
	}
	r, _, ok := g.cleanRow(i)
	if !ok {
		return false
	}
	r.seq = strconv.Itoa(i)
	others := []int{i}
	if i+1 < len(g.isDefect) {
		others = append(others, i+2)
	}
	g.add(i, r, Defect{Field: catalog.KeySeq, Rule: "sequence", Kind: "seq-repeat", AnyField: true,
		Others: others, Detail: fmt.Sprintf("序号 %d repeated", i)})
	return true
}

func (g *generator) duplicateEntry(i int) bool {
	if len(g.clean) == 0 {
		return false
	}
	j := g.clean[len(g.clean)-1]
	src := g.rows[j]
	r := src
	r.seq = strconv.Itoa(i + 1)
	r.office = offices[g.rng.IntN(len(offices))]
	g.add(i, r, Defect{Field: catalog.KeyName, Rule: "duplicate-entry", Kind: "duplicate-entry", AnyField: true,
		Others: []int{j + 1}, Detail: fmt.Sprintf("same name and basis as entry %d", j+1)})
	return true
}

var badTypes = []string{"行政审查", "行政监管", "行政执法"}

func (g *generator) badType(i int) bool {
	r, _, ok := g.cleanRow(i)
	if !ok {
		return false
	}
	r.typ = badTypes[g.res.Counts["power-type-invalid"]%len(badTypes)]
	g.add(i, r, Defect{Field: catalog.KeyType, Rule: "power-type-invalid", Kind: "bad-type",
		Detail: fmt.Sprintf("'%s' is not a standard power type", r.typ)})
	return true
}

func (g *generator) deptVariant(i int) bool {
	r, _, ok := g.cleanRow(i)
	if !ok {
		return false
	}
	r.dept = departmentVariant
	g.add(i, r, Defect{Field: catalog.KeyDepartment, Rule: "department-inconsistent", Kind: "department-variant",
		Detail: fmt.Sprintf("'%s' where the catalog says '%s'", departmentVariant, department)})
	return true
}

// fakeTitles are statute titles that exist nowhere.
var fakeTitles = []string{"城乡虚拟事务管理条例", "示例物品登记暂行办法", "假设行业监督规定"}

func (g *generator) unknownTitle(i int) bool {
	r, c, ok := g.cleanRow(i)
	if !ok {
		return false
	}
	t := fakeTitles[g.fake%len(fakeTitles)]
	g.fake++
	ref := "《" + t + "》" + label(c.a)
	r.basis, r.dutyBasis = ref, ref
	d := Defect{Rule: "unknown-statute", Kind: "unknown-title", Detail: fmt.Sprintf("《%s》 is no statute", t)}
	d1, d2 := d, d
	d1.Field, d2.Field = catalog.KeyBasis, catalog.KeyDutyBasis
	g.add(i, r, d1, d2)
	return true
}

func (g *generator) noSuchArticle(i int) bool {
	r, c, ok := g.cleanRow(i)
	if !ok {
		return false
	}
	ref := "《" + c.law.Statute.Title + "》" + statutes.ArticleLabel(c.law.MaxNum+7, 0)
	r.basis, r.dutyBasis = ref, ref
	d := Defect{Rule: "article-not-found", Kind: "no-such-article",
		Detail: fmt.Sprintf("%s has %d articles", c.law.Statute.Title, c.law.MaxNum)}
	d1, d2 := d, d
	d1.Field, d2.Field = catalog.KeyBasis, catalog.KeyDutyBasis
	g.add(i, r, d1, d2)
	return true
}

func (g *generator) missingTiao(i int) bool {
	r, c, ok := g.cleanRow(i)
	if !ok {
		return false
	}
	r.dutyBasis = "《" + c.law.Statute.Title + "》第" + strconv.Itoa(c.a.Num)
	detail := "article number without 条"
	if slices.Contains(g.fam.Forms, FormList) && g.res.Counts["citation-format"]%2 == 1 {
		// a compressed list with no 条 at all: 第6、22、27
		if n := nextOf(c.law, c.a); n != nil {
			r.dutyBasis += "、" + strconv.Itoa(n.Num)
			detail = "article list without 条"
		}
	}
	g.add(i, r, Defect{Field: catalog.KeyDutyBasis, Rule: "citation-format", Kind: "missing-tiao",
		Detail: detail})
	return true
}

func (g *generator) dutyQuotesOther(i int) bool {
	c, ok := g.fresh("swap", func(c art) bool {
		for _, a := range c.law.Articles {
			if a != c.a && !g.used[a] {
				return true
			}
		}
		return false
	})
	if !ok {
		return false
	}
	other, _ := g.takeFrom(c.law, func(a *statutes.Article) bool { return a != c.a })
	r := g.entryFor(i, c)
	// the duty basis restates the basis's article and quotes one more,
	// each labelled as the statute prints it
	r.dutyBasis = "《" + c.law.Statute.Title + "》" + label(c.a) + "、" + label(other) + "：\n" +
		label(c.a) + "\u3000" + c.a.Text() + "\n" + label(other) + "\u3000" + other.Text()
	g.add(i, r, Defect{Field: catalog.KeyDutyBasis, Rule: "basis-inconsistent", Kind: "duty-quotes-more", AnyField: true,
		Detail: fmt.Sprintf("basis cites %s; duty basis quotes it and %s too", label(c.a), label(other))})
	return true
}

func (g *generator) irrelevant(i int) bool {
	// a power whose name states a case ("用人单位不办理社会保险登记的"), not
	// a sanction or a procedure, so that relevance can be judged: a reviewer
	// (and the rule, which needs two) must find at least two words in it
	// that name a subject ("对有下列情形之一的管理" and
	// "对执法人员当场作出行政处罚决定的处罚" name none a basis could be
	// judged by)
	c, ok := g.fresh("specific", func(c art) bool {
		s := subject(c.a.Text())
		if utf8.RuneCountInString(s) < 8 || !strings.HasSuffix(s, "的") || generic(s) {
			return false
		}
		for _, w := range []string{"违法所得", "处分", "罚款", "警告", "责令", "不服", "依法", "追究"} {
			if strings.Contains(s, w) {
				return false
			}
		}
		return len(subjectWords(s)) >= 2
	})
	if !ok {
		return false
	}
	r := g.entryFor(i, c)
	words := hanBigrams(r.name)
	// an article of another statute sharing no two-character word with the
	// name, neither in its text nor in its statute's title (a reviewer reads
	// both)
	for k := g.cursor["any"]; k < len(g.pool) && k < g.cursor["any"]+2000; k++ {
		z := g.pool[k]
		if g.used[z.a] || z.law == c.law {
			continue
		}
		share := false
		for w := range hanBigrams(z.a.Text() + "\n" + z.law.Statute.Title) {
			if words[w] {
				share = true
				break
			}
		}
		if share {
			continue
		}
		g.used[z.a] = true
		r.basis = quote(z.law, z.a)
		r.dutyBasis = cite(z.law, z.a)
		g.add(i, r, Defect{Field: catalog.KeyBasis, Rule: "basis-irrelevant", Kind: "irrelevant",
			Detail: fmt.Sprintf("'%s' based on %s, which shares no word with it", r.name, cite(z.law, z.a))})
		return true
	}
	g.used[c.a] = false
	return false
}

func (g *generator) unverifiable(i int) bool {
	if len(g.src.MetadataOnly) == 0 {
		return false
	}
	r, _, ok := g.cleanRow(i)
	if !ok {
		return false
	}
	s := g.src.MetadataOnly[g.meta%len(g.src.MetadataOnly)]
	g.meta++
	ref := "《" + s.Title + "》第三条"
	r.basis = ref + "：" + department + "应当依法履行职责，加强对相关事项的监督管理。"
	r.dutyBasis = ref
	g.add(i, r, Defect{Field: catalog.KeyBasis, Rule: "quote-unverifiable", Kind: "unverifiable",
		Detail: fmt.Sprintf("《%s》 is known but its text is not bundled", s.Title)})
	return true
}

func (g *generator) repealed(i int) bool {
	if len(g.src.Repealed) == 0 {
		return false
	}
	r, _, ok := g.cleanRow(i)
	if !ok {
		return false
	}
	s := g.src.Repealed[g.res.Counts["statute-repealed"]/2%len(g.src.Repealed)]
	lbl := "第三条"
	if n := len(s.Versions); n > 0 {
		if arts, err := s.Versions[n-1].ArticleList(); err == nil && len(arts) > 0 {
			lbl = label(arts[0])
		}
	}
	ref := "《" + s.Title + "》" + lbl
	r.basis, r.dutyBasis = ref, ref
	d := Defect{Rule: "statute-repealed", Kind: "repealed",
		Detail: fmt.Sprintf("《%s》 repealed on %s", s.Title, s.RepealedOn.Format("2006-01-02"))}
	d1, d2 := d, d
	d1.Field, d2.Field = catalog.KeyBasis, catalog.KeyDutyBasis
	g.add(i, r, d1, d2)
	return true
}

// olderAmendment returns an amendment event of l that precedes the one its
// in-force version reflects, as "2015年修正".
func olderAmendment(l *Law) string {
	var last string
	for _, e := range l.Statute.Events {
		kind := ""
		switch {
		case strings.Contains(e.Kind, "修正"):
			kind = "修正"
		case strings.Contains(e.Kind, "修订"):
			kind = "修订"
		default:
			continue
		}
		if e.Date.IsZero() || (!l.Version.Effective.IsZero() && !e.Date.Before(l.Version.Effective.AddDate(-1, 0, 0))) {
			continue
		}
		last = fmt.Sprintf("%d年%s", e.Date.Year(), kind)
	}
	return last
}

func (g *generator) oldVersionLabel(i int) bool {
	c, ok := g.fresh("old-label", func(c art) bool { return olderAmendment(c.law) != "" })
	if !ok {
		return false
	}
	old := olderAmendment(c.law)
	r := g.entryFor(i, c)
	r.basis = "《" + c.law.Statute.Title + "》（" + old + "）" + label(c.a) + "：" + c.a.Text()
	g.add(i, r, Defect{Field: catalog.KeyBasis, Rule: "statute-outdated", Kind: "old-version-label",
		Detail: fmt.Sprintf("cites the %s version; in force is %s", old, c.law.Version.Label)})
	return true
}

// wrongIssuer returns a document number of l with its issuer replaced, or "".
func wrongIssuer(l *Law) string {
	for _, dn := range l.Statute.DocNumbers {
		j := strings.Index(dn, "令第")
		if j <= 0 {
			continue
		}
		issuer := dn[:j]
		for _, other := range []string{"卫生部", "劳动部", "国家计委"} {
			if !strings.Contains(issuer, other) && !strings.Contains(other, issuer) {
				return other + dn[j:]
			}
		}
	}
	return ""
}

func (g *generator) wrongIssuer(i int) bool {
	c, ok := g.fresh("issuer", func(c art) bool { return wrongIssuer(c.law) != "" })
	if !ok {
		return false
	}
	dn := wrongIssuer(c.law)
	r := g.entryFor(i, c)
	r.basis = "《" + c.law.Statute.Title + "》（" + dn + "）" + label(c.a) + "：" + c.a.Text()
	g.add(i, r, Defect{Field: catalog.KeyBasis, Rule: "issuer-mismatch", Kind: "wrong-issuer",
		Detail: fmt.Sprintf("'%s' contradicts %v", dn, c.law.Statute.DocNumbers)})
	return true
}
