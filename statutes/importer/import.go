// Package importer converts statute sources in Markdown (the layout of
// the statute sources, one file per statute version; see their README)
// into citelint's corpus format. Run writes the embedded corpus (see
// cmd/statute-import); ReadDir converts a user's directory of statute
// files in memory, with the same dates, versions, article splitting and
// full-width correction.
//
// The output depends only on the input: re-running changes no byte. Every
// article label of the sources is checked to land exactly once (a line
// holding several articles is split; see parseBody), and every character
// of their text too; a malformed source stops the import with its file and
// line, and nothing is written. ASCII punctuation the sources wrote inside
// Chinese text is written full-width, as the official texts print it
// (see width.go); the log counts the changes per statute.
package importer

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/citelint/citelint/statutes"
)

// version is one statute version being built.
type version struct {
	v     *statutes.Version
	files []*srcFile
	body  []string
}

type statute struct {
	s        *statutes.Statute
	versions []*version  // bundled, by label
	dir      string      // output sub-directory
	width    widthCounts // ASCII marks written full-width, over the distinct source files
	warnings []string    // source facts not taken, for the log
	empty    []string    // source files without text
}

// Run imports the statute sources under src (and enf, the second source,
// by enforcing department, when not ""; src wins on duplicates) into the
// corpus directory out: out/manifest.zst and out/text. It reports what it
// did on log.
func Run(src, enf, out string, log io.Writer) error {
	files, snapshot, err := readAll(src)
	if err != nil {
		return err
	}
	if enf != "" {
		efiles, err := readEnforcementAll(enf, log)
		if err != nil {
			return err
		}
		if files, err = mergeSources(files, efiles, log); err != nil {
			return err
		}
	}
	sts, err := build(files)
	if err != nil {
		return err
	}
	for _, st := range sts {
		var fs []*srcFile
		for _, v := range st.versions {
			fs = append(fs, v.files...)
		}
		st.s.Source = statuteSourceFor(fs, snapshot)
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return fmt.Errorf("create %s: %w", out, err)
	}
	tmp, err := os.MkdirTemp(out, ".import-")
	if err != nil {
		return fmt.Errorf("create temp dir: %w", err)
	}
	defer os.RemoveAll(tmp)
	nArticles, err := write(tmp, sts, snapshot)
	if err != nil {
		return err
	}
	if err := verify(os.DirFS(tmp), files, sts); err != nil {
		return fmt.Errorf("verify: %w", err)
	}
	if err := swap(tmp, out); err != nil {
		return err
	}
	nv := 0
	for _, st := range sts {
		nv += len(st.versions)
	}
	fmt.Fprintf(log, "imported %d source files: %d statutes, %d versions with text, %d articles\n",
		len(files), len(sts), nv, nArticles)
	for _, f := range files {
		for _, n := range f.notes {
			if strings.HasPrefix(n, "原文第") || strings.HasPrefix(n, "原文混入") {
				fmt.Fprintf(log, "repaired %s: %s\n", f.path, n)
			}
		}
	}
	var width widthCounts
	nWidth := 0
	for _, st := range sts {
		if st.width.total() > 0 {
			fmt.Fprintf(log, "full-width %s: %d (%s)\n", st.s.ID, st.width.total(), st.width)
			width.add(st.width)
			nWidth++
		}
	}
	if nWidth > 0 {
		fmt.Fprintf(log, "full-width punctuation: %d marks in %d statutes (%s)\n", width.total(), nWidth, width)
	}
	for _, st := range sts {
		for _, w := range st.warnings {
			fmt.Fprintf(log, "provenance: %s %s\n", st.s.ID, w)
		}
		for _, p := range st.empty {
			fmt.Fprintf(log, "no text: %s (metadata only)\n", p)
		}
	}
	for _, st := range sts {
		for _, v := range st.versions {
			var arts []srcArticle
			for _, f := range v.files[:partsOrOne(v)] {
				arts = append(arts, f.articles...)
			}
			if g := gaps(arts); len(g) > 0 {
				fmt.Fprintf(log, "gap: %s version %s: no article %v between its first and last\n", st.s.ID, v.v.Label, g)
			}
		}
	}
	return nil
}

var snapshotRe = regexp.MustCompile(`snapshot of (\d{4}-\d{2}-\d{2})`)

func readAll(root string) ([]*srcFile, string, error) {
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		return nil, "", fmt.Errorf("read sources: %w", err)
	}
	m := snapshotRe.FindSubmatch(readme)
	if m == nil {
		return nil, "", fmt.Errorf("read sources: %s/README.md names no 'snapshot of YYYY-MM-DD'", root)
	}
	rels, err := filesWith(root, ".md")
	if err != nil {
		return nil, "", fmt.Errorf("read sources: %w", err)
	}
	var files []*srcFile
	for _, rel := range rels {
		f, err := readSource(root, rel)
		if err != nil {
			return nil, "", err
		}
		files = append(files, f)
	}
	if len(files) == 0 {
		return nil, "", fmt.Errorf("read sources: no .md files under %s", root)
	}
	return files, string(m[1]), nil
}

var asciiParenRe = regexp.MustCompile(`[（(][A-Za-z0-9.:/_-]+[)）]`)

// undated labels a version whose source gives no date at all.
const undated = "不详"

// label is the date a source file's version reflects: the date in its
// name, or its latest adoption or amendment.
func label(f *srcFile) (string, error) {
	if f.date != "" {
		return f.date, nil
	}
	var last time.Time
	for _, e := range f.events {
		switch e.Kind {
		case "通过", "修正", "修订", "公布", "发布", "公布施行", "批准":
			if e.Date.After(last) {
				last = e.Date
			}
		}
	}
	if last.IsZero() {
		// Neither: the date its last articles say it takes effect
		// (本条例自2002年7月1日起施行), else unknown.
		// (Not for the second source: its provenance lines are often
		// cut short (（2021修正）), and the clause is the original's.)
		if d := clauseDate(f.body, func(time.Time) bool { return true }); !d.IsZero() && !f.enforcement {
			return d.Format("2006-01-02"), nil
		}
		if f.enforcement || f.category == "地方性法规" {
			return undated, nil
		}
		return "", &srcError{f.path, 1, "no date in the file name and no dated adoption or amendment"}
	}
	return last.Format("2006-01-02"), nil
}

func kindOf(f *srcFile) statutes.Kind {
	if f.kind != "" {
		return f.kind
	}
	if k := docKind(f.title); k != "" {
		return k
	}
	switch f.category {
	case "地方性法规":
		return "地方性法规"
	case "宪法":
		return "宪法"
	case "行政法规":
		return "行政法规"
	case "部门规章":
		return "部门规章"
	}
	return "法律"
}

func build(files []*srcFile) ([]*statute, error) {
	byTitle := map[string][]*srcFile{}
	var titles []string
	for _, f := range files {
		if _, ok := byTitle[f.title]; !ok {
			titles = append(titles, f.title)
		}
		byTitle[f.title] = append(byTitle[f.title], f)
	}
	sort.Strings(titles)
	ids := map[string]string{}
	var out []*statute
	for _, title := range titles {
		st, err := buildStatute(title, byTitle[title])
		if err != nil {
			return nil, err
		}
		if other, dup := ids[st.s.ID]; dup {
			return nil, fmt.Errorf("statutes %s and %s get the same id %s", other, title, st.s.ID)
		}
		ids[st.s.ID] = title
		out = append(out, st)
	}
	return out, nil
}

func buildStatute(title string, files []*srcFile) (*statute, error) {
	byLabel := map[string][]*srcFile{}
	var labels []string
	for _, f := range files {
		l, err := label(f)
		if err != nil {
			return nil, err
		}
		if _, ok := byLabel[l]; !ok {
			labels = append(labels, l)
		}
		byLabel[l] = append(byLabel[l], f)
	}
	sort.Strings(labels)
	st := &statute{}
	for _, l := range labels {
		fs := byLabel[l]
		v := &version{v: &statutes.Version{Label: l, Text: statutes.TextFull, Verified: true}}
		if fs[0].part != "" {
			// A code split into parts: one version, parts in article order.
			sort.SliceStable(fs, func(i, j int) bool { return firstArticle(fs[i]) < firstArticle(fs[j]) })
			var srcs []string
			for _, f := range fs {
				if f.part == "" {
					return nil, &srcError{f.path, 1, "a code split into parts, but this file names no part"}
				}
				v.body = append(v.body, "", "# "+f.part)
				v.body = append(v.body, f.body...)
				srcs = append(srcs, f.path)
			}
			v.files = fs
			v.v.Source = "国家法律法规数据库文本，转录本文件 " + strings.Join(srcs, "、")
		} else {
			// The same version filed under two categories: keep one copy
			// when the texts agree.
			for _, f := range fs[1:] {
				if textOnly(f.body) != textOnly(fs[0].body) {
					return nil, &srcError{f.path, 1, fmt.Sprintf("same statute and date as %s but a different text", fs[0].path)}
				}
			}
			v.files = fs
			v.body = fs[0].body
			v.v.Source = versionSource(fs[0])
			for _, f := range fs[1:] {
				v.v.Source += "（另见 " + f.path + "）"
			}
		}
		if p := asciiParenRe.ReplaceAllString(fs[0].prov.source, ""); p != "" {
			// Shown to users: the source's name, without its web address.
			v.v.Source += "；来源：" + p
		}
		for _, f := range v.files[:partsOrOne(v)] {
			v.v.NumArticles += len(f.articles)
		}
		if v.v.NumArticles == 0 && len(v.body) == 0 {
			// A source file with a header and no text (a few local
			// regulations): the statute and its dates are known, its text
			// is not bundled.
			v.v.Text = statutes.TextNone
			v.v.Source += "；源文件无正文，条文未收录"
			st.empty = append(st.empty, fs[0].path)
		}
		st.versions = append(st.versions, v)
	}
	newest := st.versions[len(st.versions)-1].files[0]
	s := &statutes.Statute{
		Title:    title,
		Short:    shortTitle(title),
		Kind:     kindOf(newest),
		Category: newest.category,
		Province: newest.province,
		Verified: true,
		Source:   "国家法律法规数据库（公开转录本）",
	}
	s.ID = fileID(s.Short)
	// Events, document numbers and notes: the union over all files, the
	// newest file's wording first.
	seenEv := map[string]bool{}
	seenDoc := map[string]bool{}
	seenNote := map[string]bool{}
	for i := len(st.versions) - 1; i >= 0; i-- {
		for _, f := range st.versions[i].files {
			for _, e := range f.events {
				k := e.Date.Format("2006-01-02") + e.Kind
				if !seenEv[k] {
					seenEv[k] = true
					s.Events = append(s.Events, e)
				}
			}
			for _, d := range f.docnos {
				if !seenDoc[d] {
					seenDoc[d] = true
					s.DocNumbers = append(s.DocNumbers, d)
				}
			}
			for _, n := range f.notes {
				if !seenNote[n] && n != "" {
					seenNote[n] = true
					s.Notes = append(s.Notes, n)
				}
			}
		}
	}
	for _, v := range st.versions {
		for _, f := range v.files[:partsOrOne(v)] {
			st.width.add(f.width)
		}
	}
	if n := st.width.total(); n > 0 {
		s.Notes = append(s.Notes, widthNote(n))
	}
	sort.SliceStable(s.Events, func(i, j int) bool {
		a, b := s.Events[i].Date, s.Events[j].Date
		if a.IsZero() || b.IsZero() {
			return false
		}
		return a.Before(b)
	})
	sort.Strings(s.DocNumbers)
	s.Issuer = issuer(s, newest)
	s.Aliases = aliases(s, files)
	for _, e := range s.Events {
		if e.Kind == "废止" && !e.Date.IsZero() {
			s.RepealedOn = e.Date
		}
	}
	st.s = s
	st.dir = fileID(newest.category)
	if newest.dept != "" {
		st.dir += "/" + fileID(newest.dept)
	}
	setDates(st)
	return st, nil
}

// textOnly is a body without its headings: two copies of one version
// may space their headings differently (第一章 总 则).
func textOnly(body []string) string {
	var b strings.Builder
	for _, l := range body {
		if !strings.HasPrefix(l, "#") {
			b.WriteString(l + "\n")
		}
	}
	return b.String()
}

func firstArticle(f *srcFile) int {
	if len(f.articles) == 0 {
		return 1 << 30
	}
	return f.articles[0].num
}

func shortTitle(title string) string {
	if s := strings.TrimPrefix(title, "中华人民共和国"); s != "" {
		return s
	}
	return title
}

// fileID turns a title into a stable identifier that is also a portable
// file name: letters and digits kept, everything else folded to '-'.
func fileID(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
			dash = false
			continue
		}
		if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

var trailingNoteRe = regexp.MustCompile(`（(试行|暂行|草案)）$`)

func aliases(s *statutes.Statute, files []*srcFile) []string {
	seen := map[string]bool{s.Title: true, s.Short: true}
	var out []string
	add := func(a string) {
		if a != "" && !seen[a] {
			seen[a] = true
			out = append(out, a)
		}
	}
	for _, f := range files {
		add(f.stem)
	}
	if trailingNoteRe.MatchString(s.Short) {
		add(trailingNoteRe.ReplaceAllString(s.Short, ""))
	}
	// A code split into parts is also cited by part: 民法典总则编 is not a
	// title of its own, so parts are not aliases.
	for _, f := range files {
		if f.part != "" {
			delete(seen, f.stem)
			out = slicesDelete(out, f.stem)
		}
	}
	sort.Strings(out)
	return out
}

func slicesDelete(xs []string, x string) []string {
	var out []string
	for _, y := range xs {
		if y != x {
			out = append(out, y)
		}
	}
	return out
}

// localCongressRe finds a local people's congress in an event:
// 山东省第十三届人民代表大会常务委员会第七次会议.
var localCongressRe = regexp.MustCompile(`(\p{Han}{2,12}?(?:省|市|自治区|自治州|自治县|县|区))第[一二三四五六七八九十]+届人民代表大会(常务委员会)?`)

var authRe = regexp.MustCompile(`^(.+?)(?:令|公告)(?:\d{4}年)?第`)

func issuer(s *statutes.Statute, newest *srcFile) string {
	switch s.Kind {
	case "宪法":
		return "全国人民代表大会"
	case "地方性法规":
		// The standing committee (or congress) that adopted or last
		// amended it: 杭州市人民代表大会常务委员会.
		for i := len(s.Events) - 1; i >= 0; i-- {
			e := s.Events[i]
			if e.Kind != "通过" && e.Kind != "修正" && e.Kind != "修订" {
				continue
			}
			if m := localCongressRe.FindStringSubmatch(e.Text); m != nil {
				return m[1] + "人民代表大会" + m[2]
			}
		}
		return ""
	case "法律":
		for _, e := range s.Events {
			if e.Kind == "通过" || e.Kind == "修正" || e.Kind == "修订" {
				if strings.Contains(e.Text, "全国人民代表大会常务委员会") {
					return "全国人民代表大会常务委员会"
				}
				if strings.Contains(e.Text, "全国人民代表大会") {
					return "全国人民代表大会"
				}
			}
		}
		return ""
	}
	auths := map[string]bool{}
	var list []string
	for _, d := range s.DocNumbers {
		if m := authRe.FindStringSubmatch(d); m != nil && !auths[m[1]] {
			auths[m[1]] = true
			list = append(list, m[1])
			// A joint order (国务院、中央军事委员会令…) names each authority.
			for _, a := range strings.Split(m[1], "、") {
				auths[a] = true
			}
		}
	}
	if s.Kind == "行政法规" {
		switch {
		case auths["国务院"] && auths["中央军事委员会"]:
			return "国务院、中央军事委员会"
		case auths["中央军事委员会"]:
			return "中央军事委员会"
		}
		return "国务院"
	}
	if len(list) > 0 {
		return list[len(list)-1]
	}
	if newest.enforcement {
		// Its directories are enforcing departments, not issuers.
		return ""
	}
	return newest.dept
}

// setDates gives every version its effective and until dates, and adds
// derived versions (text not bundled) for amendments older than the
// oldest bundled text.
func setDates(st *statute) {
	s := st.s
	changes := map[string]bool{}
	var origin time.Time
	for _, e := range s.Events {
		if e.Date.IsZero() {
			continue
		}
		switch e.Kind {
		case "修正", "修订":
			changes[e.Date.Format("2006-01-02")] = true
		case "通过", "公布", "发布", "公布施行", "批准":
			if origin.IsZero() || e.Date.Before(origin) {
				origin = e.Date
			}
		}
	}
	earliest := st.versions[0].v.Label
	var starts []string
	hasChange := false
	for d := range changes {
		if d <= earliest {
			hasChange = true
		}
	}
	if hasChange {
		if !origin.IsZero() && origin.Format("2006-01-02") < earliest {
			starts = append(starts, origin.Format("2006-01-02"))
		}
		for d := range changes {
			if d < earliest && (len(starts) == 0 || d != starts[0]) {
				starts = append(starts, d)
			}
		}
	}
	sort.Strings(starts)
	var all []*statutes.Version
	for _, d := range starts {
		all = append(all, &statutes.Version{Label: d, Text: statutes.TextNone, Derived: true, Verified: false,
			Source: "据该法规的修改记录推定的早期版本，施行日期为推定"})
	}
	for _, v := range st.versions {
		all = append(all, v.v)
	}
	bodyOf := map[*statutes.Version][]string{}
	provOf := map[*statutes.Version]provenance{}
	for _, v := range st.versions {
		bodyOf[v.v] = v.body
		provOf[v.v] = v.files[0].prov
	}
	var prev time.Time
	for i, v := range all {
		start, _ := time.Parse("2006-01-02", v.Label)
		next := time.Time{}
		if i+1 < len(all) {
			next, _ = time.Parse("2006-01-02", all[i+1].Label)
		}
		inRange := func(t time.Time) bool {
			return !t.Before(start) && (next.IsZero() || t.Before(next))
		}
		eff := time.Time{}
		for _, e := range s.Events {
			if (e.Kind == "施行" || e.Kind == "公布施行") && !e.Date.IsZero() && inRange(e.Date) {
				eff = e.Date
				break
			}
		}
		if eff.IsZero() {
			body := bodyOf[v]
			if v.Derived {
				// An amended (修正) text keeps the original's 自…起施行.
				body = st.versions[0].body
			}
			eff = clauseDate(body, inRange)
		}
		if eff.IsZero() {
			eff = start
		}
		if p := provOf[v]; !p.effective.IsZero() {
			// The source's EFFECTIVE_FROM, unless it predates the version
			// itself: a revision is never in force before it was adopted
			// (a date read from the original's 自…起施行 clause).
			if p.effective.Before(start) {
				st.warnings = append(st.warnings, fmt.Sprintf("version %s: EFFECTIVE_FROM %s (%s) predates the version, kept %s",
					v.Label, p.effective.Format("2006-01-02"), p.basis, eff.Format("2006-01-02")))
			} else {
				eff = p.effective
			}
		}
		if eff.Before(prev) {
			eff = prev
		}
		v.Effective, prev = eff, eff
	}
	for i, v := range all {
		if p := provOf[v]; !p.validTo.IsZero() {
			v.Until = p.validTo
			if i+1 == len(all) && p.status == string(statutes.StatusRepealed) && s.RepealedOn.IsZero() {
				s.RepealedOn = p.validTo
			}
			continue
		}
		if i+1 < len(all) {
			v.Until = all[i+1].Effective
		} else if !s.RepealedOn.IsZero() {
			v.Until = s.RepealedOn
		}
	}
	s.Versions = all
}

// clauseDate finds "自YYYY年M月D日起施行" in the last articles' text.
func clauseDate(body []string, ok func(time.Time) bool) time.Time {
	n := 0
	for i := len(body) - 1; i >= 0 && n < 40; i-- {
		n++
		for _, m := range effectiveRe.FindAllStringSubmatch(body[i], -1) {
			if d, valid := mkdate(atoi(m[1]), atoi(m[2]), atoi(m[3])); valid && ok(d) {
				return d
			}
		}
	}
	return time.Time{}
}

// write writes every statute version and the manifest into dir and returns
// the number of articles written. The versions' corpus files are stored
// in compressed chunks of about statutes.ChunkTarget bytes (see
// statutes/store.go), statutes of one directory together, so that a
// chunk holds related texts and compresses well.
func write(dir string, sts []*statute, snapshot string) (int, error) {
	type entry struct {
		st      *statute
		v       *version
		rel     string // the version's name: text/<dir>/<id>@<label>.txt
		content string
	}
	var entries []*entry
	seen := map[string]bool{}
	n := 0
	for _, st := range sts {
		for _, v := range st.versions {
			if v.v.Text == statutes.TextNone {
				continue
			}
			rel := "text/" + st.dir + "/" + st.s.ID + "@" + v.v.Label + ".txt"
			if seen[rel] {
				return 0, fmt.Errorf("two versions write %s", rel)
			}
			seen[rel] = true
			content, err := formatVersion(st.s, v.v, v.body)
			if err != nil {
				return 0, err
			}
			entries = append(entries, &entry{st, v, rel, content})
			n += v.v.NumArticles
		}
	}
	sort.SliceStable(entries, func(i, j int) bool { return entries[i].rel < entries[j].rel })
	type place struct {
		file      string
		off, size int
	}
	placeOf := map[*statutes.Version]place{}
	h := sha256.New()
	if err := os.MkdirAll(filepath.Join(dir, "text"), 0o755); err != nil {
		return 0, err
	}
	var buf []byte
	nChunk := 0
	flush := func() error {
		if len(buf) == 0 {
			return nil
		}
		z, err := statutes.Compress(buf)
		if err != nil {
			return err
		}
		name := fmt.Sprintf("text/%04d.zst", nChunk)
		if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(name)), z, 0o644); err != nil {
			return err
		}
		nChunk++
		buf = buf[:0]
		return nil
	}
	for _, e := range entries {
		if len(buf) > 0 && len(buf)+len(e.content) > statutes.ChunkTarget {
			if err := flush(); err != nil {
				return 0, err
			}
		}
		placeOf[e.v.v] = place{fmt.Sprintf("text/%04d.zst", nChunk), len(buf), len(e.content)}
		buf = append(buf, e.content...)
		fmt.Fprintf(h, "%s\x00%d\x00", e.rel, len(e.content))
		h.Write([]byte(e.content))
	}
	if err := flush(); err != nil {
		return 0, err
	}
	m := &statutes.Manifest{Format: 1, Source: "statutes-src snapshot " + snapshot}
	for _, st := range sts {
		ms := statutes.ManifestEntry(st.s, func(v *statutes.Version) string { return placeOf[v].file })
		for i, v := range st.s.Versions {
			if p, ok := placeOf[v]; ok {
				ms.Versions[i].Offset, ms.Versions[i].Length = p.off, p.size
			}
		}
		m.Statutes = append(m.Statutes, ms)
	}
	raw, err := statutes.EncodeManifest(m)
	if err != nil {
		return 0, err
	}
	h.Write(raw)
	m.ID = snapshot + "-" + hex.EncodeToString(h.Sum(nil))[:12]
	z, err := statutes.EncodeManifestZst(m)
	if err != nil {
		return 0, err
	}
	if err := os.WriteFile(filepath.Join(dir, statutes.ManifestZstName), z, 0o644); err != nil {
		return 0, err
	}
	return n, nil
}

// formatVersion is one version of s in the corpus format: its header,
// then its body (none for a version without text).
func formatVersion(s *statutes.Statute, v *statutes.Version, body []string) (string, error) {
	head, err := statutes.FormatHeader(s, v)
	if err != nil {
		return "", err
	}
	for len(body) > 0 && body[0] == "" {
		body = body[1:]
	}
	return string(head) + strings.Join(body, "\n") + "\n", nil
}

// verify loads the written corpus and checks that every article line of
// every source file landed exactly once, and every other text line too.
func verify(fsys fs.FS, files []*srcFile, sts []*statute) error {
	c, err := statutes.Load(fsys)
	if err != nil {
		return err
	}
	for _, st := range sts {
		s := c.Statute(st.s.ID)
		if s == nil {
			return fmt.Errorf("statute %s missing after load", st.s.ID)
		}
		if err := s.LoadText(); err != nil {
			return err
		}
		for _, bv := range st.versions {
			if bv.v.Text == statutes.TextNone {
				continue
			}
			var v *statutes.Version
			for _, lv := range s.Versions {
				if lv.Label == bv.v.Label && lv.Text != statutes.TextNone {
					v = lv
				}
			}
			if v == nil {
				return fmt.Errorf("%s version %s missing after load", st.s.ID, bv.v.Label)
			}
			arts, err := v.ArticleList()
			if err != nil {
				return err
			}
			want, lines, chars := 0, 0, 0
			for _, f := range bv.files[:partsOrOne(bv)] {
				want += len(f.articles)
				lines += f.lines
				chars += f.chars
				for _, sa := range f.articles {
					a := v.Article(sa.num, sa.suffix)
					if a == nil || a.Label != sa.label || a.Paragraphs[0].Text != sa.text {
						return &srcError{f.path, sa.line, fmt.Sprintf("%s did not land in %s version %s", sa.label, st.s.ID, v.Label)}
					}
				}
			}
			if len(arts) != want {
				return fmt.Errorf("%s version %s: %d articles in the sources, %d written", st.s.ID, v.Label, want, len(arts))
			}
			got, gotChars := len(v.Body), 0
			for _, l := range v.Body {
				gotChars += nonSpace(l)
			}
			for _, a := range arts {
				gotChars += nonSpace(a.Label)
				for _, l := range a.Lines() {
					got++
					gotChars += nonSpace(l)
				}
			}
			if got != lines {
				return fmt.Errorf("%s version %s: %d text lines in the sources (after splitting run-on lines), %d written", st.s.ID, v.Label, lines, got)
			}
			// Every character of the sources' text lands once: splitting
			// a run-on line or repairing a label loses and repeats nothing.
			if gotChars != chars {
				return fmt.Errorf("%s version %s: %d characters of text in the sources, %d written", st.s.ID, v.Label, chars, gotChars)
			}
		}
	}
	return nil
}

// partsOrOne is how many of a version's files hold distinct text: all
// parts of a code, or the one kept copy of a duplicated file.
func partsOrOne(v *version) int {
	if v.files[0].part != "" {
		return len(v.files)
	}
	return 1
}

// swap moves the verified corpus from tmp into out, replacing
// out/manifest.json and out/text.
func swap(tmp, out string) error {
	text := filepath.Join(out, "text")
	old := filepath.Join(tmp, "old-text")
	if _, err := os.Stat(text); err == nil {
		if err := os.Rename(text, old); err != nil {
			return fmt.Errorf("replace %s: %w", text, err)
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	if err := os.Rename(filepath.Join(tmp, "text"), text); err != nil {
		// Put the old text back.
		os.Rename(old, text)
		return fmt.Errorf("replace %s: %w", text, err)
	}
	if err := os.Rename(filepath.Join(tmp, statutes.ManifestZstName), filepath.Join(out, statutes.ManifestZstName)); err != nil {
		return fmt.Errorf("replace manifest: %w", err)
	}
	// The plain manifest of an older corpus would shadow nothing (the
	// compressed one is read first) but is stale: remove it.
	if err := os.Remove(filepath.Join(out, statutes.ManifestName)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("remove old manifest: %w", err)
	}
	return nil
}
