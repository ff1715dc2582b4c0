package importer

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/citelint/citelint/statutes"
)

// The second source (statutes-src-enforcement, see its README): statute
// texts filed by enforcing department, laws/<department>/<topic>/<title>.md
// and xzzfhg/<topic>/<title>.md. Its files differ from the first source's:
//   - the title line may be missing (the file name is the title);
//   - most carry no <!-- INFO END --> header but a provenance line in
//     parentheses: （2004年11月22日交通部令第10号公布　自2005年1月1日起施行）;
//   - article lines are indented with full-width spaces and a full-width
//     space follows the label (　　第一条　为了…);
//   - file names carry no date: the version is the latest dated event;
//   - the same statute is filed under several departments.
// Where a statute and version are in both sources, the first wins.

// readEnforcementAll reads every .md file under root (the second source).
// A malformed file is skipped and named on log: this source is a
// compilation with known slips (one rule's first article pasted into
// another's), and the first source, not this one, is the reference.
func readEnforcementAll(root string, log io.Writer) ([]*srcFile, error) {
	rels, err := filesWith(root, ".md")
	if err != nil {
		return nil, fmt.Errorf("read enforcement sources: %w", err)
	}
	var files []*srcFile
	for _, rel := range rels {
		raw, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(rel)))
		if err != nil {
			return nil, fmt.Errorf("read source %s: %w", rel, err)
		}
		f, err := parseEnforcement(rel, raw)
		var se *srcError
		if errors.As(err, &se) {
			fmt.Fprintf(log, "skipped: statutes-src-enforcement/%s\n", err)
			continue
		}
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("read enforcement sources: no .md files under %s", root)
	}
	return files, nil
}

var (
	// provDateRe is a date inside a provenance line, with what may lead
	// it into a new event (根据…修正, 自…起施行).
	provDateRe = regexp.MustCompile(`(?:根据|自)?\d{4}年\d{1,2}月\d{1,2}日`)
	// provCommaRe is a comma that starts a new event.
	provCommaRe = regexp.MustCompile(`[，,]\s*((?:根据|自)?\d{4}年)`)
	// localRuleRe is a local government's order: 上海市人民政府令第1号.
	localRuleRe = regexp.MustCompile(`(?:省|市|自治区|自治州|县|区)人民政府(?:令|第)`)
	// deptOrderRe is a department's order: 交通部令第10号, 交通运输部令2016年第2号.
	deptOrderRe = regexp.MustCompile(`\p{Han}+(?:部|总局|局|委员会|署|会|院|行)(?:、\p{Han}+)*令(?:\d{4}年)?第`)
	tocRe       = regexp.MustCompile(`^目[ 　]*录$`)
	// enfHeadRe is a chapter or section heading of the second source,
	// which marks none with '#': the first source's plain heading, or one
	// whose title lists with 、 (第三章 勘察、设计、工程监理及其他有关单位的安全责任).
	enfHeadRe = regexp.MustCompile(`^第[一二三四五六七八九十百零]+(?:编|分编|章|节|部分)[ 　]+[^，。；：]{1,40}$`)
)

// parseEnforcement parses one file of the second source; rel is its path
// under the root.
func parseEnforcement(rel string, raw []byte) (*srcFile, error) {
	if !utf8.Valid(raw) {
		return nil, &srcError{rel, 1, "not valid UTF-8"}
	}
	f := &srcFile{path: rel, enforcement: true}
	parts := strings.Split(rel, "/")
	if len(parts) > 2 {
		f.dept = parts[1]
		if parts[0] == "xzzfhg" {
			f.dept = "行政执法"
		}
	}
	f.stem = strings.TrimSuffix(parts[len(parts)-1], ".md")
	// Typographic spaces (U+2002 after an article label) are spaces.
	text := oddSpaces.Replace(strings.TrimPrefix(string(raw), "\ufeff"))
	lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	bad := func(i int, format string, args ...any) error {
		return &srcError{rel, i + 1, fmt.Sprintf(format, args...)}
	}
	// The title: the first non-blank line when it is "# …", else the file
	// name; a second "# " line names a part of a code.
	start := 0
	for start < len(lines) && isBlankLine(lines[start]) {
		start++
	}
	if start < len(lines) && strings.HasPrefix(strings.TrimSpace(lines[start]), "# ") {
		f.title = strings.TrimSpace(strings.TrimSpace(lines[start])[2:])
		start++
	} else {
		f.title = strings.TrimSpace(trailingParenRe.ReplaceAllString(f.stem, ""))
		f.notes = append(f.notes, "源文件无标题行，标题据文件名")
	}
	if f.title == "" {
		return nil, bad(start-1, "empty title")
	}
	f.interpretationTitle()
	if end := headerEnd(lines); end >= 0 {
		// The first source's layout: <date> <event> lines, then INFO END.
		if err := f.parseHeader(lines[start:end], start, bad); err != nil {
			return nil, err
		}
		f.setEnforcementKind()
		return f, f.finishBody(lines[end+1:], end+1, bad)
	}
	// A provenance line in parentheses (possibly over several lines),
	// before the first heading or article.
	var prov []string
	body := start
	for i := start; i < len(lines); i++ {
		l := trimAll(lines[i])
		if l == "" {
			continue
		}
		if len(prov) == 0 && !(strings.HasPrefix(l, "（") || strings.HasPrefix(l, "(") || eventDateRe.MatchString(l)) {
			body = i
			break
		}
		if len(prov) == 0 && !strings.Contains(l, "年") {
			body = i
			break
		}
		prov = append(prov, l)
		body = i + 1
		if parenDepth(strings.Join(prov, "")) <= 0 {
			break
		}
	}
	if len(prov) > 0 {
		f.provText = strings.Join(prov, "")
		evLines := provenanceEvents(f.provText)
		// Parse the events as header lines of the first source; a line
		// the header parser cannot read keeps the whole provenance as a
		// note, so the version is still imported (its dates unknown).
		trial := &srcFile{title: f.title}
		if err := trial.parseHeader(evLines, start, func(int, string, ...any) error { return errEvent }); err != nil {
			f.notes = append(f.notes, "题注未能解析为事件："+strings.Join(prov, ""))
		} else {
			f.events, f.docnos = trial.events, trial.docnos
			f.notes = append(f.notes, trial.notes...)
		}
	}
	f.setEnforcementKind()
	rest := append([]string(nil), lines[body:]...)
	for i, l := range rest {
		if tocRe.MatchString(trimAll(l)) {
			rest[i] = ""
		}
	}
	return f, f.finishBody(rest, body, bad)
}

func mustLabel(f *srcFile) string {
	l, _ := label(f)
	return l
}

var oddSpaces = strings.NewReplacer("\u00a0", " ", "\u2002", " ", "\u2003", " ", "\u2009", " ", "\u200a", " ", "\u202f", " ", "\u205f", " ")

var errEvent = fmt.Errorf("unreadable event")

func isBlankLine(l string) bool { return trimAll(l) == "" }

// trimAll trims white space, full-width spaces and zero-width marks.
func trimAll(l string) string { return strings.Trim(l, " \t\u3000\u00a0\u200b\ufeff") }

func parenDepth(s string) int {
	return strings.Count(s, "（") + strings.Count(s, "(") - strings.Count(s, "）") - strings.Count(s, ")")
}

// provenanceEvents turns a provenance line into header event lines, one
// per dated event, each starting with its date:
//
//	（2013年5月20日…令第59号公布，自2013年7月1日起施行；根据2015年5月29日…令第80号修正）
//	→ 2013年5月20日 …令第59号公布 | 2013年7月1日 自2013年7月1日起施行 | 2015年5月29日 …令第80号修正
func provenanceEvents(p string) []string {
	p = strings.TrimSpace(p)
	if strings.HasPrefix(p, "（") || strings.HasPrefix(p, "(") {
		_, size := utf8.DecodeRuneInString(p)
		p = p[size:]
		if strings.HasSuffix(p, "）") {
			p = strings.TrimSuffix(p, "）")
		} else {
			p = strings.TrimSuffix(p, ")")
		}
	}
	p = provCommaRe.ReplaceAllString(p, " $1")
	// Events run together without a separator: …通过1992年4月3日…公布根据2001年….
	p = provDateRe.ReplaceAllStringFunc(p, func(m string) string { return " " + m })
	var out []string
	for _, tok := range strings.FieldsFunc(p, func(r rune) bool { return r == ' ' || r == '　' || r == '；' || r == ';' || r == '。' }) {
		tok = strings.TrimRight(tok, "，,。")
		loc := provDateRe.FindStringIndex(tok)
		switch {
		case loc != nil && loc[0] == 0:
			date := strings.TrimPrefix(strings.TrimPrefix(tok[:loc[1]], "根据"), "自")
			text := strings.TrimPrefix(tok, "根据")
			out = append(out, date+" "+strings.TrimPrefix(text, date))
			if strings.HasPrefix(tok, "自") {
				out[len(out)-1] = date + " " + tok
			}
		case loc != nil:
			// A date inside: 《…》已经2021年6月11日第3次局务会议审议通过.
			date := strings.TrimPrefix(strings.TrimPrefix(tok[loc[0]:loc[1]], "根据"), "自")
			out = append(out, date+" "+tok)
		case sameDayRe.MatchString(tok) || len(out) == 0:
			out = append(out, tok)
		default:
			out[len(out)-1] += tok
		}
	}
	return out
}

// setEnforcementKind infers the statute's rank, which the second source's
// layout does not give: from who adopted or issued its latest version,
// else from its title, else from the directory it is filed in.
func (f *srcFile) setEnforcementKind() {
	var texts []string
	for _, e := range f.events {
		texts = append(texts, e.Text)
	}
	all := strings.Join(texts, "\n")
	last := ""
	if len(texts) > 0 {
		last = texts[len(texts)-1]
	}
	dirs := f.path
	if k := docKind(f.title); k != "" {
		f.kind = k
		f.category = string(k)
		return
	}
	switch {
	case strings.HasPrefix(f.title, "中华人民共和国宪法"):
		f.kind = "宪法"
	case localCongressRe.MatchString(all):
		f.kind = "地方性法规"
	case strings.Contains(all, "全国人民代表大会"), strings.Contains(all, "全国人大"):
		f.kind = "法律"
	case localRuleRe.MatchString(all):
		f.kind = "地方政府规章"
	case strings.Contains(last, "国务院") && !deptOrderRe.MatchString(last),
		strings.Contains(all, "国务院令") && !deptOrderRe.MatchString(all):
		f.kind = "行政法规"
	case deptOrderRe.MatchString(all):
		f.kind = "部门规章"
	case strings.HasPrefix(f.title, "中华人民共和国") && strings.HasSuffix(f.title, "法"):
		f.kind = "法律"
	case strings.Contains(dirs, "行政法规"):
		f.kind = "行政法规"
	case strings.Contains(dirs, "地方性法规"):
		f.kind = "地方性法规"
	case strings.Contains(dirs, "法律") && strings.HasSuffix(f.title, "法"):
		f.kind = "法律"
	case strings.HasSuffix(f.title, "条例") && !hasPlacePrefix(f.title):
		f.kind = "行政法规"
	case hasPlacePrefix(f.title):
		f.kind = "地方政府规章"
	default:
		f.kind = "部门规章"
	}
	f.category = string(f.kind)
}

var placePrefixRe = regexp.MustCompile(`^\p{Han}{2,8}?(?:省|市|自治区)`)

func hasPlacePrefix(t string) bool {
	return placePrefixRe.MatchString(t) && !strings.HasPrefix(t, "城市")
}

// titleKey is how the two sources' titles are matched: without
// 中华人民共和国, spaces and the width of parentheses.
func titleKey(t string) string {
	t = strings.Join(strings.Fields(strings.ReplaceAll(t, "　", " ")), "")
	t = strings.NewReplacer("(", "（", ")", "）").Replace(t)
	return shortTitle(t)
}

// mergeSources adds the second source's files to the first's, with the
// first winning: an enforcement file whose statute the first source holds
// is kept only when it is a version the first lacks (older than every
// version there and with a different text); copies of one file filed
// under several departments are kept once. It reports what it did on log.
func mergeSources(primary, enf []*srcFile, log io.Writer) ([]*srcFile, error) {
	byKey := map[string][]*srcFile{}
	for _, f := range primary {
		k := titleKey(f.title)
		byKey[k] = append(byKey[k], f)
	}
	type verKey struct{ title, label string }
	kept := map[verKey]*srcFile{}
	keptBy := map[string][]*srcFile{}
	var dupPrimary, copies, older, fresh, undatedDup int
	var out []*srcFile
	for _, f := range enf {
		k := titleKey(f.title)
		if stem, key := nameKey(f.stem), nameKey(f.title); f.part == "" && !strings.Contains(stem, key) && !strings.Contains(key, stem) {
			fmt.Fprintf(log, "skipped: statutes-src-enforcement/%s: the file name and its title 《%s》 name different statutes\n", f.path, f.title)
			continue
		}
		l, err := label(f)
		if err != nil {
			return nil, err
		}
		if ps := byKey[k]; len(ps) > 0 {
			// The first source's statute: the same version unless the
			// file is dated before its oldest text and reads differently.
			f.title = ps[0].title
			oldest, same := "", false
			var oldestFile *srcFile
			for _, p := range ps {
				pl, err := label(p)
				if err != nil {
					return nil, err
				}
				if oldest == "" || pl < oldest {
					oldest, oldestFile = pl, p
				}
				if sameText(p, f) {
					same = true
				}
			}
			switch {
			case l == undated:
				undatedDup++
				continue
			case same || l >= daysBefore(oldest, 60) || len(f.articles) == 0 || shareSame(f, oldestFile) >= 0.9 ||
				maxYear(f.provText) >= oldest[:min(4, len(oldest))]:
				// The same version: the same text, or a date at most two
				// months before (adopted, then published), or nearly
				// the same articles (a provenance line cut short), or a
				// provenance line naming a year as late as the first
				// source's oldest version (an amendment it could not date).
				if !same && l == oldest {
					// Articles alike, the rest (headings, notes) not: a
					// log line; some articles that differ: a note too.
					share := shareSame(f, oldestFile)
					if articleText(f) == articleText(oldestFile) {
						share = 1 // the same words, split into articles differently
					}
					fmt.Fprintf(log, "sources differ: %s and %s hold version %s with different texts (%.0f%% of the articles alike); statutes-src kept\n",
						f.path, oldestFile.path, l, 100*share)
					// Under half alike is a copy laid out otherwise (labels
					// without a space are no articles to it): the log says
					// so, a note would be a guess.
					if share >= 0.5 && share < 1 {
						oldestFile.notes = append(oldestFile.notes, fmt.Sprintf(
							"执法部门汇编本（%s）所载本版本有条文与此不同（相同条文占%.0f%%），以国家法律法规数据库转录本为准",
							enforcementPath(f), 100*share))
					}
				}
				dupPrimary++
				continue
			}
			older++
			fmt.Fprintf(log, "older version: %s %s from %s (statutes-src from %s)\n", f.title, l, f.path, oldest)
		}
		vk := verKey{k, l}
		for _, other := range keptBy[k] {
			if sameText(other, f) && kept[vk] == nil {
				// The same text dated differently (one copy's provenance
				// line names a later event): one version.
				vk = verKey{k, mustLabel(other)}
			}
		}
		if first, dup := kept[vk]; dup {
			if !sameText(first, f) {
				fmt.Fprintf(log, "sources differ: %s and %s (same statute and version %s); %s kept\n", first.path, f.path, l, first.path)
			}
			copies++
			continue
		}
		kept[vk] = f
		keptBy[k] = append(keptBy[k], f)
		if len(byKey[k]) == 0 {
			fresh++
		}
		out = append(out, f)
	}
	// A statute new to the corpus may have several files (versions) in the
	// second source: they share its title already.
	fmt.Fprintf(log, "enforcement source: %d files: %d versions statutes-src holds (it wins), %d undated copies of statutes-src statutes, %d copies under other departments, %d older versions added, %d files of statutes new to the corpus\n",
		len(enf), dupPrimary, undatedDup, copies, older, fresh)
	return append(append([]*srcFile(nil), primary...), out...), nil
}

// enforcementSource notes where a version of the second source comes from.
const enforcementSource = "国家法律法规数据库、国家规章库（执法汇编公开转录本，2024-04-03 快照）"

func statuteSourceFor(files []*srcFile, snapshot string) string {
	for _, f := range files {
		if !f.enforcement {
			return "国家法律法规数据库（公开转录本，" + snapshot + " 快照）"
		}
	}
	return enforcementSource
}

// enforcementPath is a second-source file's path as notes print it, in
// Chinese: 按部门/交通运输/…, 行政执法合规/….
func enforcementPath(f *srcFile) string {
	return strings.Replace(strings.Replace(f.path, "laws/", "按部门/", 1), "xzzfhg/", "行政执法合规/", 1)
}

// versionSource is the version source note for a file: which
// transcription it comes from.
func versionSource(f *srcFile) string {
	if f.enforcement {
		return "执法汇编文本（国家法律法规数据库、国家规章库，2024-04-03 快照），转录本文件 " + enforcementPath(f)
	}
	return "国家法律法规数据库文本，转录本文件 " + f.path
}

// sameText reports whether two files hold the same text, ignoring
// headings and white space (the sources space headings and labels
// differently).
func sameText(a, b *srcFile) bool { return textKey(a) == textKey(b) }

func textKey(f *srcFile) string {
	if f.key == "" {
		var sb strings.Builder
		for _, l := range f.body {
			if strings.HasPrefix(l, "#") {
				continue
			}
			sb.WriteString(foldKey(l))
		}
		f.key = sb.String()
	}
	return f.key
}

var trailingParenRe = regexp.MustCompile(`[（(][^（）()]*[）)]$`)

// nameKey is a file name or title as compared with the other: without
// 中华人民共和国 anywhere and without a trailing date or note.
func nameKey(s string) string {
	for {
		t := trailingParenRe.ReplaceAllString(strings.TrimSpace(s), "")
		if t == s {
			break
		}
		s = t
	}
	return strings.ReplaceAll(titleKey(s), "中华人民共和国", "")
}

// daysBefore is the label n days before label l (a date), or l itself
// when l is no date.
func daysBefore(l string, n int) string {
	t, err := time.Parse("2006-01-02", l)
	if err != nil {
		return l
	}
	return t.AddDate(0, 0, -n).Format("2006-01-02")
}

// shareSame is the share of a's articles whose label and first paragraph
// b holds too (white space and width aside).
func shareSame(a, b *srcFile) float64 {
	if len(a.articles) == 0 || b == nil {
		return 0
	}
	have := map[string]bool{}
	for _, x := range b.articles {
		have[x.label+"|"+foldKey(x.text)] = true
	}
	n := 0
	for _, x := range a.articles {
		if have[x.label+"|"+foldKey(x.text)] {
			n++
		}
	}
	return float64(n) / float64(len(a.articles))
}

// articleText is every article of f, label and text, as one folded key.
func articleText(f *srcFile) string {
	var b strings.Builder
	for _, a := range f.articles {
		b.WriteString(foldKey(a.label + a.text))
	}
	return b.String()
}

// foldKey is l without white space and with full-width ASCII folded
// (width is not text: １９９８ is 1998).
func foldKey(l string) string {
	var sb strings.Builder
	for _, r := range l {
		if r >= '！' && r <= '～' {
			r = r - '！' + '!'
		}
		if !unicode.IsSpace(r) && r != '\\' {
			sb.WriteRune(r)
		}
	}
	return sb.String()
}

var yearRe = regexp.MustCompile(`(?:19|20)\d\d`)

// maxYear is the latest four-digit year in s, "" when none.
func maxYear(s string) string {
	y := ""
	for _, m := range yearRe.FindAllString(s, -1) {
		y = max(y, m)
	}
	return y
}

// interpDocnoRe is a title written with the document number of a judicial
// interpretation before it: 法释〔2022〕11号关于适用《…》的解释.
var interpDocnoRe = regexp.MustCompile(`^((法释|高检发释字)〔\d{4}〕\d+号)(关于.+)$`)

// interpretationTitle gives a judicial interpretation titled by its
// document number (法释〔2022〕11号关于…) the title it is cited by
// (最高人民法院关于…), keeping the number as its document number.
func (f *srcFile) interpretationTitle() {
	m := interpDocnoRe.FindStringSubmatch(f.title)
	if m == nil {
		return
	}
	issuer := "最高人民法院"
	if m[2] == "高检发释字" {
		issuer = "最高人民检察院"
	}
	old := f.title
	f.title = issuer + m[3]
	if strings.HasPrefix(f.stem, m[1]) {
		f.stem = issuer + strings.TrimPrefix(f.stem, m[1])
	}
	if !slices.Contains(f.docnos, m[1]) {
		f.docnos = append(f.docnos, m[1])
	}
	f.notes = append(f.notes, fmt.Sprintf("源文件标题为“%s”，按%s发布的标题收录，文号%s", old, issuer, m[1]))
}

// docKind is the kind a title says by itself: 司法解释 for the supreme
// court's and procuratorate's interpretations and rules, 规范性文件 for
// opinions, notices and minutes (关于…的意见, …的通知, …纪要); "" when the
// title does not say.
func docKind(title string) statutes.Kind {
	switch {
	case strings.HasPrefix(title, "最高人民法院"), strings.HasPrefix(title, "最高人民检察院"):
		if strings.HasSuffix(title, "通知") {
			return "规范性文件"
		}
		return "司法解释"
	case strings.HasSuffix(title, "意见"), strings.HasSuffix(title, "通知"), strings.HasSuffix(title, "纪要"):
		return "规范性文件"
	}
	return ""
}
