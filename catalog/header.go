package catalog

import (
	_ "embed"
	"fmt"
	"maps"
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

//go:embed synonyms.txt
var synonymsData string

// Synonyms maps the headers catalogs print to canonical keys. It is
// immutable once built.
type Synonyms struct {
	exact map[string]Key
	// byLength holds every synonym, longest first, for the "contains"
	// fallback on short headers.
	byLength []synonym
	// vocab are the "~key: word" rules, in file order.
	vocab []vocabRule
}

// vocabRule gives key to a short header containing one of words; none
// rules name columns known to have no role, header rules words that only
// make a cell look like a header.
type vocabRule struct {
	key    Key
	none   bool
	header bool
	words  []string
}

type synonym struct {
	text string
	key  Key
}

var knownKeys = map[Key]bool{
	KeySeq: true, KeyDepartment: true, KeyCategory: true, KeyType: true, KeyName: true,
	KeyBasis: true, KeyDuties: true, KeyDutyBasis: true, KeyOffice: true,
	KeyAccountable: true, KeyNote: true,
}

// ParseSynonyms reads a synonym table in the format of the embedded
// synonyms.txt: "key: header, header" lines, # comments.
func ParseSynonyms(data string) (*Synonyms, error) {
	s := &Synonyms{exact: map[string]Key{}}
	for i, line := range strings.Split(data, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		k, list, ok := strings.Cut(line, ":")
		if !ok {
			return nil, fmt.Errorf("synonyms line %d: want \"key: header, header\"", i+1)
		}
		if name, isVocab := strings.CutPrefix(strings.TrimSpace(k), "~"); isVocab {
			r := vocabRule{key: Key(name)}
			switch name {
			case "none":
				r.key, r.none = KeyUnknown, true
			case "header":
				r.key, r.header = KeyUnknown, true
			default:
				if !knownKeys[r.key] {
					return nil, fmt.Errorf("synonyms line %d: unknown key %q", i+1, name)
				}
			}
			for _, w := range strings.FieldsFunc(list, func(r rune) bool { return r == ',' || r == '，' || r == '、' }) {
				if w = normalizeHeader(w); w != "" {
					r.words = append(r.words, w)
				}
			}
			if len(r.words) == 0 {
				return nil, fmt.Errorf("synonyms line %d: no words", i+1)
			}
			s.vocab = append(s.vocab, r)
			continue
		}
		key := Key(strings.TrimSpace(k))
		if !knownKeys[key] {
			return nil, fmt.Errorf("synonyms line %d: unknown key %q", i+1, key)
		}
		for _, h := range strings.FieldsFunc(list, func(r rune) bool { return r == ',' || r == '，' || r == '、' }) {
			n := normalizeHeader(h)
			if n == "" {
				continue
			}
			if old, dup := s.exact[n]; dup {
				return nil, fmt.Errorf("synonyms line %d: %q already maps to %s", i+1, n, old)
			}
			s.exact[n] = key
			s.byLength = append(s.byLength, synonym{n, key})
		}
	}
	if len(s.exact) == 0 {
		return nil, fmt.Errorf("synonyms: empty table")
	}
	sort.SliceStable(s.byLength, func(i, j int) bool {
		return utf8.RuneCountInString(s.byLength[i].text) > utf8.RuneCountInString(s.byLength[j].text)
	})
	return s, nil
}

// ParseKey maps a canonical key's name (basis, name, office …) to the key.
func ParseKey(s string) (Key, bool) {
	k := Key(strings.TrimSpace(s))
	return k, knownKeys[k]
}

// With returns the table with headers added (or remapped): a
// configuration's own names for its catalogs' columns (检查标准: basis).
// An empty key marks a header as a column with no role.
func (s *Synonyms) With(headers map[string]Key) (*Synonyms, error) {
	out := &Synonyms{exact: maps.Clone(s.exact), vocab: s.vocab}
	for h, k := range headers {
		n := normalizeHeader(h)
		if n == "" {
			return nil, fmt.Errorf("header %q: empty", h)
		}
		if k != KeyUnknown && !knownKeys[k] {
			return nil, fmt.Errorf("header %q: unknown key %q", h, k)
		}
		out.exact[n] = k
	}
	for t, k := range out.exact {
		out.byLength = append(out.byLength, synonym{t, k})
	}
	sort.Slice(out.byLength, func(i, j int) bool {
		a, b := out.byLength[i], out.byLength[j]
		if la, lb := utf8.RuneCountInString(a.text), utf8.RuneCountInString(b.text); la != lb {
			return la > lb
		}
		return a.text < b.text
	})
	return out, nil
}

var defaultSynonyms = sync.OnceValues(func() (*Synonyms, error) { return ParseSynonyms(synonymsData) })

// DefaultSynonyms returns the embedded synonym table.
func DefaultSynonyms() *Synonyms {
	s, err := defaultSynonyms()
	if err != nil {
		// The embedded table is checked by a test; this cannot happen in a
		// released binary.
		panic("catalog: embedded synonyms.txt: " + err.Error())
	}
	return s
}

// maxContainsRunes bounds the "contains" fallback: a long cell that happens
// to contain 备注 or 序号 is text, not a header.
const maxContainsRunes = 16

// Lookup maps a header cell, as printed, to its canonical key.
func (s *Synonyms) Lookup(header string) (Key, bool) {
	k, ok, _ := s.lookup(header)
	return k, ok
}

// roleless reports a header of a kind of column known to have no role
// (实施对象, 法定时限, 裁量基准 …): its content does not give it one either.
func (s *Synonyms) roleless(header string) bool {
	_, _, none := s.lookup(header)
	return none
}

func (s *Synonyms) lookup(header string) (key Key, ok, none bool) {
	n := normalizeHeader(header)
	if n == "" {
		return KeyUnknown, false, false
	}
	if k, ok := s.exact[n]; ok {
		return k, k != KeyUnknown, k == KeyUnknown
	}
	if utf8.RuneCountInString(n) > maxContainsRunes {
		return KeyUnknown, false, false
	}
	for _, r := range s.vocab {
		if r.header || !containsAny(n, r.words) {
			continue
		}
		if r.none {
			return KeyUnknown, false, true
		}
		return r.key, true, false
	}
	best, bestLen := KeyUnknown, 0
	for _, syn := range s.byLength {
		l := utf8.RuneCountInString(syn.text)
		if l < bestLen {
			break
		}
		if strings.Contains(n, syn.text) {
			if bestLen == l && best != syn.key {
				return KeyUnknown, false, false // ambiguous
			}
			best, bestLen = syn.key, l
		}
	}
	return best, bestLen > 0, false
}

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// maxHeaderLikeRunes bounds a header cell (without its trailing
// parenthetical): longer ones are data, or a title or note above the table.
const maxHeaderLikeRunes = maxContainsRunes

// HeaderLike reports whether a cell reads like a column header: short, no
// citation, no sentence, not a number, and either a known header or
// built of header vocabulary (名称, 依据, 对象, 时限 …). It is how a header
// row is found when its columns are not all known.
func (s *Synonyms) HeaderLike(cell string) bool {
	n := normalizeHeader(cell)
	if n == "" || utf8.RuneCountInString(n) > maxHeaderLikeRunes {
		return false
	}
	if strings.ContainsAny(n, "《》。；;") || strings.Contains(n, "清单") || articleMark.MatchString(n) {
		return false
	}
	if _, ok := seqValue(n); ok {
		return false
	}
	if _, ok := s.Lookup(cell); ok {
		return true
	}
	for _, r := range s.vocab {
		if containsAny(n, r.words) {
			return true
		}
	}
	return false
}

// articleMark is a 第…条 reference: never in a header.
var articleMark = regexp.MustCompile(`第[0-9０-９一二三四五六七八九十百零〇两]+条`)

// isSpaceLike reports whitespace and the invisible characters Word leaves in
// header cells.
func isSpaceLike(r rune) bool {
	return unicode.IsSpace(r) || r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\ufeff'
}

var trailingParen = regexp.MustCompile(`[（(][^（()）]*[)）]$`)

// normalizeHeader is the form headers are compared in: no whitespace, no
// trailing parenthetical note, no trailing colon or asterisk.
func normalizeHeader(h string) string {
	var b strings.Builder
	for _, r := range h {
		if isSpaceLike(r) {
			continue
		}
		b.WriteRune(r)
	}
	n := b.String()
	for {
		m := strings.TrimRight(n, ":：*＊")
		m = trailingParen.ReplaceAllString(m, "")
		if m == n || m == "" {
			break
		}
		n = m
	}
	return n
}

// foldSpace folds the whitespace of a header cell for display: runs of
// whitespace between two wide (CJK) characters or at either end vanish,
// other runs become one space. '权 力 依 据' → '权力依据'.
func foldSpace(s string) string {
	rs := []rune(s)
	var b strings.Builder
	for i := 0; i < len(rs); {
		if !isSpaceLike(rs[i]) {
			b.WriteRune(rs[i])
			i++
			continue
		}
		j := i
		for j < len(rs) && isSpaceLike(rs[j]) {
			j++
		}
		if i > 0 && j < len(rs) && rs[i-1] < 0x2e80 && rs[j] < 0x2e80 {
			b.WriteByte(' ')
		}
		i = j
	}
	return b.String()
}

// seqValue parses a 序号 cell: "1", " 12 ", "３", "1." or "一"; ok is false for
// anything else.
func seqValue(s string) (int, bool) {
	s = strings.TrimFunc(s, isSpaceLike)
	s = strings.TrimRight(s, ".、．")
	if s == "" || utf8.RuneCountInString(s) > 6 {
		return 0, false
	}
	n, digits := 0, 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			n = n*10 + int(r-'0')
		case r >= '０' && r <= '９':
			n = n*10 + int(r-'０')
		default:
			return chineseSeq(s)
		}
		digits++
	}
	return n, digits > 0
}

// chineseSeq parses small Chinese numerals (一 … 九十九), as some catalogs
// number their rows.
func chineseSeq(s string) (int, bool) {
	const ds = "零一二三四五六七八九"
	digit := func(r rune) int {
		for i, d := range []rune(ds) {
			if d == r {
				return i
			}
		}
		return -1
	}
	rs := []rune(s)
	switch {
	case len(rs) == 1 && rs[0] == '十':
		return 10, true
	case len(rs) == 1 && digit(rs[0]) > 0:
		return digit(rs[0]), true
	case len(rs) == 2 && rs[0] == '十' && digit(rs[1]) > 0:
		return 10 + digit(rs[1]), true
	case len(rs) == 2 && rs[1] == '十' && digit(rs[0]) > 1:
		return 10 * digit(rs[0]), true
	case len(rs) == 3 && rs[1] == '十' && digit(rs[0]) > 1 && digit(rs[2]) > 0:
		return 10*digit(rs[0]) + digit(rs[2]), true
	}
	return 0, false
}

// basisPattern is what a column of legal bases is full of: 《…》 followed
// by 第…条 somewhere in the cell.
var basisPattern = regexp.MustCompile(`《[^》]{2,60}》[^《]{0,80}?第[0-9０-９一二三四五六七八九十百零〇两]+[条章]|《[^》]{1,60}(法|条例|规定|办法|细则|规则|决定)》`)

// rawCell is a cell as a reader found it, before keys are known.
type rawCell struct {
	Text   string
	Loc    Loc
	Absent bool // covered by a horizontal merge, or no cell at all
	Cut    bool // see Field.Cut
}

// rawRow is one data row: Cells[i] belongs to header column i; cells past
// the header's width are kept as unknown fields.
type rawRow struct {
	Cells []rawCell
	Short bool
}

// mapHeader maps header cells to columns: synonyms first, then the content
// of the rows below.
func mapHeader(header []rawCell, rows []rawRow, syn *Synonyms) []Column {
	cols := make([]Column, len(header))
	for i, h := range header {
		k, _, none := syn.lookup(h.Text)
		cols[i] = Column{Key: k, Name: foldSpace(h.Text), roleless: none}
	}
	inferByContent(cols, rows)
	return cols
}

// buildEntries sets the catalog's header and appends the rows as entries.
func buildEntries(c *Catalog, header []rawCell, rows []rawRow, syn *Synonyms) {
	c.Header = mapHeader(header, rows, syn)
	appendEntries(c, c.Header, rows)
}

// appendEntries turns rows read under cols into entries. Blank rows are
// skipped.
func appendEntries(c *Catalog, cols []Column, rows []rawRow) {
	for _, r := range rows {
		blank := true
		for _, cell := range r.Cells {
			if !cell.Absent && strings.TrimFunc(cell.Text, isSpaceLike) != "" {
				blank = false
				break
			}
		}
		if blank {
			continue
		}
		e := Entry{Index: len(c.Entries) + 1, Short: r.Short}
		for i, cell := range r.Cells {
			if cell.Absent {
				continue
			}
			f := Field{Text: cell.Text, Loc: cell.Loc, Cut: cell.Cut}
			if i < len(cols) {
				f.Key, f.Column = cols[i].Key, cols[i].Name
			}
			e.Fields = append(e.Fields, f)
		}
		if f := e.Field(KeySeq); f != nil {
			e.Seq = strings.TrimFunc(f.Text, isSpaceLike)
		}
		c.Entries = append(c.Entries, e)
	}
}

// inferByContent gives keys to the columns no header synonym matched, from
// what they hold: a column of 1, 2, 3 … is 序号, a column full of 《…》第…条
// is a basis (there may be several: every cell that cites is checked).
// Columns known to have no role (裁量基准 …) keep none.
func inferByContent(header []Column, rows []rawRow) {
	have := map[Key]bool{}
	for _, c := range header {
		have[c.Key] = true
	}
	for ci := range header {
		if header[ci].Key != KeyUnknown || header[ci].roleless {
			continue
		}
		var nonEmpty, seqs, bases int
		for _, r := range rows {
			if ci >= len(r.Cells) || r.Cells[ci].Absent {
				continue
			}
			t := r.Cells[ci].Text
			if strings.TrimFunc(t, isSpaceLike) == "" {
				continue
			}
			nonEmpty++
			if _, ok := seqValue(t); ok {
				seqs++
			}
			if basisPattern.MatchString(t) {
				bases++
			}
		}
		if nonEmpty == 0 {
			continue
		}
		var k Key
		switch {
		case !have[KeySeq] && ci == 0 && seqs*10 >= nonEmpty*9:
			k = KeySeq
		case bases*10 >= nonEmpty*6:
			k = KeyBasis
		default:
			continue
		}
		have[k] = true
		header[ci].Key = k
		header[ci].ByContent = true
	}
}
