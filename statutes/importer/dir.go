package importer

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"testing/fstest"
	"time"

	"github.com/citelint/citelint/statutes"
)

// A user's statute directory (citelint --statutes DIR, statutes: in
// citelint.yaml): corpus files (*.txt, see statutes/format.go) and
// Markdown sources (*.md) of their own statutes — provincial rules,
// 规范性文件 — converted here as Run converts the embedded corpus's
// sources: the same dates, versions (earlier ones inferred from the
// events), article splitting, full-width punctuation and checks.
//
// A Markdown file is read in the layout of the statute sources
//
//	# 某省医疗保障条例
//	2020年7月24日某省第十三届人民代表大会常务委员会第二十次会议通过
//	<!-- EFFECTIVE_FROM: 2020-10-01 -->      (optional provenance comments)
//	<!-- INFO END -->
//	## 第一章 总则
//	第一条 为了……
//
// or, when it has no <!-- INFO END --> line and a parenthesised line
// follows its title, in the layout of the second source:
//
//	# 某市行政执法办法
//	（2021年3月1日某市人民政府令第5号公布　自2021年5月1日起施行）
//	第一条　为了……
//
// A date in the file name (某省医疗保障条例(2020-07-24).md) is the
// version's; without one, the version is the date of the latest
// adoption or amendment. The statute's kind is the directory the file
// sits in directly under DIR when that names a kind or a category of
// the statute sources (地方性法规/某省/…, 规范性文件/…, 部门规章/…);
// otherwise it is read from the header: who adopted or issued it, else
// its title (as for the second source), and a document number such as
// 某医保发〔2021〕12号 with no order (令) makes it a 规范性文件.

// categoryKinds are the directory names that give a user's file its
// category and kind: the kinds, and the statute sources' categories of
// laws.
var categoryKinds = map[string]statutes.Kind{
	"宪法": "宪法", "法律": "法律", "行政法规": "行政法规", "部门规章": "部门规章",
	"地方性法规": "地方性法规", "地方政府规章": "地方政府规章", "规范性文件": "规范性文件", "司法解释": "司法解释",
	"宪法相关法": "法律", "民法典": "法律", "民法商法": "法律", "行政法": "法律", "经济法": "法律",
	"社会法": "法律", "刑法": "法律", "诉讼与非诉讼程序法": "法律",
}

// ReadDir reads a user's statute directory, recursively: every corpus
// file (*.txt) as it is, every Markdown source (*.md; README.md files
// aside) converted into corpus files, one per statute version, named
// after the Markdown file and the version (某条例(2020-07-24)@2020-07-24.txt).
// The result is for statutes.Corpus.AddFS with dir as its root. A
// malformed Markdown file is an error naming it and the line
// (dir/某条例.md:12: …); so is a directory holding neither kind of file.
func ReadDir(dir string) (fstest.MapFS, error) {
	if _, err := os.Stat(dir); err != nil {
		return nil, fmt.Errorf("read statutes dir: %w", err)
	}
	out := fstest.MapFS{}
	txts, err := filesWith(dir, ".txt")
	if err != nil {
		return nil, fmt.Errorf("read statutes dir %s: %w", dir, err)
	}
	for _, rel := range txts {
		raw, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
		if err != nil {
			return nil, fmt.Errorf("read statutes dir %s: %w", dir, err)
		}
		out[rel] = &fstest.MapFile{Data: raw}
	}
	mds, err := filesWith(dir, ".md")
	if err != nil {
		return nil, fmt.Errorf("read statutes dir %s: %w", dir, err)
	}
	if len(out) == 0 && len(mds) == 0 {
		return nil, fmt.Errorf("read statutes dir %s: no statute file in the directory (looked for *.txt, corpus format, and *.md, the statute sources' Markdown)", dir)
	}
	if len(mds) == 0 {
		return out, nil
	}
	md, err := convert(dir, mds)
	if err != nil {
		return nil, inDir(dir, err)
	}
	for name, f := range md {
		if _, dup := out[name]; dup {
			return nil, fmt.Errorf("read statutes dir %s: %s is both a corpus file and the conversion of a Markdown file", dir, name)
		}
		out[name] = f
	}
	return out, nil
}

// inDir names the file of a source error by its path under dir, as the
// user wrote it.
func inDir(dir string, err error) error {
	var se *srcError
	if errors.As(err, &se) {
		cp := *se
		cp.file = filepath.Join(dir, filepath.FromSlash(se.file))
		return &cp
	}
	return err
}

// convert converts the Markdown files rels under dir into corpus files.
func convert(dir string, rels []string) (fstest.MapFS, error) {
	var files []*srcFile
	for _, rel := range rels {
		f, err := readUserFile(dir, rel)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	sts, err := build(files)
	if err != nil {
		return nil, err
	}
	out := fstest.MapFS{}
	for _, st := range sts {
		st.s.Source = "本地法规文件"
		bodyOf := map[*statutes.Version][]string{}
		nameOf := map[*statutes.Version]string{}
		for _, v := range st.versions {
			var paths []string
			for _, f := range v.files {
				paths = append(paths, f.path)
			}
			src := "本地文件 " + strings.Join(paths, "、")
			if p := asciiParenRe.ReplaceAllString(v.files[0].prov.source, ""); p != "" {
				src += "；来源：" + p
			}
			if v.v.Text == statutes.TextNone {
				src += "；源文件无正文，条文未收录"
			}
			v.v.Source = src
			bodyOf[v.v] = v.body
			nameOf[v.v] = strings.TrimSuffix(v.files[0].path, ".md")
		}
		// A version inferred from the events (text not held) is named
		// after the oldest file whose history it comes from.
		oldest := nameOf[st.versions[0].v]
		for _, v := range st.s.Versions {
			name := nameOf[v]
			if name == "" {
				name = oldest
			}
			name += "@" + v.Label + ".txt"
			if _, dup := out[name]; dup {
				return nil, fmt.Errorf("two versions of %s convert to %s", st.s.Title, name)
			}
			content, err := formatVersion(st.s, v, bodyOf[v])
			if err != nil {
				return nil, err
			}
			out[name] = &fstest.MapFile{Data: []byte(content)}
		}
	}
	if err := verify(out, files, sts); err != nil {
		return nil, fmt.Errorf("verify: %w", err)
	}
	return out, nil
}

// readUserFile parses one of a user's Markdown files: in the statute
// sources' layout, or in the second source's when it has no <!-- INFO
// END --> line and its title is followed by a parenthesised provenance
// line or directly by the text.
func readUserFile(dir, rel string) (*srcFile, error) {
	raw, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
	if err != nil {
		return nil, fmt.Errorf("read statute %s: %w", rel, err)
	}
	var f *srcFile
	if secondLayout(raw) {
		if f, err = parseEnforcement(rel, raw); err != nil {
			return nil, err
		}
		name := strings.TrimSuffix(path.Base(rel), ".md")
		if m := fileDateRe.FindStringSubmatch(name); m != nil {
			if _, err := time.Parse("2006-01-02", m[2]); err != nil {
				return nil, &srcError{rel, 1, "bad date in file name"}
			}
			f.stem, f.date = m[1], m[2]
		}
	} else if f, err = readSource(dir, rel); err != nil {
		return nil, err
	}
	setUserKind(f, rel)
	return f, nil
}

// secondLayout reports whether a file is in the second source's layout:
// a title line, no <!-- INFO END --> line, and after the title a
// parenthesised line (the provenance), an article or a heading.
func secondLayout(raw []byte) bool {
	lines := strings.Split(strings.ReplaceAll(strings.TrimPrefix(string(raw), "\ufeff"), "\r\n", "\n"), "\n")
	if headerEnd(lines) >= 0 {
		return false
	}
	i := 0
	for i < len(lines) && isBlankLine(lines[i]) {
		i++
	}
	if i == len(lines) || !strings.HasPrefix(trimAll(lines[i]), "# ") {
		return false
	}
	for i++; i < len(lines); i++ {
		l := trimAll(lines[i])
		if l == "" {
			continue
		}
		return strings.HasPrefix(l, "（") || strings.HasPrefix(l, "(") || strings.HasPrefix(l, "#") ||
			articleRe.MatchString(l) || plainHeadRe.MatchString(l) || enfHeadRe.MatchString(l)
	}
	return false
}

// setUserKind gives a user's file its category, kind, province and
// department: from the directory directly under the user's directory
// when it names a kind or a category (地方性法规/<province>/…,
// 部门规章/<department>/…), else from the file's header and title.
func setUserKind(f *srcFile, rel string) {
	parts := strings.Split(rel, "/")
	f.category, f.dept, f.province, f.kind = "", "", "", ""
	if k, ok := categoryKinds[parts[0]]; ok && len(parts) > 1 {
		f.category, f.kind = parts[0], k
		if len(parts) > 2 {
			switch k {
			case "地方性法规", "地方政府规章":
				f.province = parts[1]
			case "部门规章":
				f.dept = parts[1]
			}
		}
		return
	}
	f.setEnforcementKind()
	if f.kind != "部门规章" && f.kind != "地方政府规章" {
		return
	}
	// No order issued it, but a document number: a 规范性文件.
	var texts []string
	for _, e := range f.events {
		texts = append(texts, e.Text)
	}
	if strings.Contains(strings.Join(append(texts, f.docnos...), "\n"), "令") {
		return
	}
	for _, d := range f.docnos {
		if fileNoAnyRe.MatchString(d) {
			f.kind, f.category = "规范性文件", "规范性文件"
			return
		}
	}
}

// filesWith lists the files under root whose names end in ext, as sorted
// slash-separated paths relative to root; README.md files (the sources'
// descriptions) are not statutes and are left out.
func filesWith(root, ext string) ([]string, error) {
	var rels []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !strings.HasSuffix(p, ext) || strings.EqualFold(d.Name(), "README.md") {
			return nil
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return err
		}
		rels = append(rels, filepath.ToSlash(rel))
		return nil
	})
	sort.Strings(rels)
	return rels, err
}
