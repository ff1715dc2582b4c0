//go:build unix

package test

import (
	"archive/zip"
	"bufio"
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/citelint/citelint/catalog"
	"github.com/citelint/citelint/internal/gen"
)

// Bounds every hostile case must keep (the figure for a 10,000-entry
// catalog, which no hostile file should exceed).
const (
	hostileMem     = 400 << 20
	hostileTimeout = 60 * time.Second
)

// lintHostile lints path through the binary and checks the outcome is a
// clear error (exit status 2, naming the file, no crash) or a result (a
// JSON report), within the time and memory bounds, leaving the file as it
// was. It returns the run for further checks.
func lintHostile(t *testing.T, path string, env ...string) *run {
	t.Helper()
	var before [32]byte
	regular := false
	if st, err := os.Lstat(path); err == nil && st.Mode().IsRegular() {
		regular = true
		before = sha(t, path)
	}
	r := citelint(t, hostileTimeout, env, "lint", path, "--format", "json", "--no-fail")
	noCrash(t, r)
	if r.maxRSS > hostileMem {
		t.Errorf("peak memory %d MB, bound %d MB: %v", r.maxRSS>>20, hostileMem>>20, r)
	}
	switch r.code {
	case 0:
		rep := parseReport(t, r)
		if len(rep.Files) != 1 {
			t.Errorf("exit 0 but %d files in the report", len(rep.Files))
		}
	case 2:
		if !bytes.Contains(r.stderr, []byte(filepath.Base(path))) {
			t.Errorf("the error does not name the file %s: %s", filepath.Base(path), r.stderr)
		}
		if len(bytes.TrimSpace(r.stderr)) == 0 {
			t.Errorf("exit 2 without a message")
		}
	default:
		t.Errorf("exit status %d, want 0 (a result) or 2 (an input error): %v", r.code, r)
	}
	if regular && sha(t, path) != before {
		t.Errorf("%s changed", path)
	}
	t.Logf("%s: exit %d in %v, peak %d MB; %s", filepath.Base(path), r.code, r.wall.Round(time.Millisecond), r.maxRSS>>20,
		strings.TrimSpace(clip(r.stderr, 300)))
	return r
}

// TestHostileFiles lints each small hostile file kept in testdata/hostile
// (see its README).
func TestHostileFiles(t *testing.T) {
	files, err := filepath.Glob("../testdata/hostile/*.*")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, f := range files {
		if strings.HasSuffix(f, ".md") {
			continue
		}
		n++
		t.Run(filepath.Base(f), func(t *testing.T) {
			// lint a copy: the test must not depend on (or risk) the committed file
			p := filepath.Join(t.TempDir(), filepath.Base(f))
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, b, 0o644); err != nil {
				t.Fatal(err)
			}
			lintHostile(t, p)
		})
	}
	if n < 8 {
		t.Errorf("only %d hostile files in testdata/hostile", n)
	}
}

// small is a one-entry catalog whose basis quotes 社会保险法 第八十四条.
func small(basis string) *catalog.Catalog {
	h := []catalog.Column{{Key: catalog.KeySeq, Name: "序号"}, {Key: catalog.KeyType, Name: "职权类型"},
		{Key: catalog.KeyName, Name: "职权名称"}, {Key: catalog.KeyBasis, Name: "职权依据"}, {Key: catalog.KeyOffice, Name: "责任科室"}}
	vals := []string{"1", "行政处罚", "对用人单位不办理社会保险登记的处罚", basis, "基金监管科"}
	e := catalog.Entry{Index: 1, Seq: "1"}
	for i, c := range h {
		e.Fields = append(e.Fields, catalog.Field{Key: c.Key, Column: c.Name, Text: vals[i]})
	}
	return &catalog.Catalog{Title: "示例市医疗保障局权力清单（2025年）", Header: h, Entries: []catalog.Entry{e}}
}

const art84 = "用人单位不办理社会保险登记的，由社会保险行政部门责令限期改正；逾期不改正的，对用人单位处应缴社会保险费数额一倍以上三倍以下的罚款，对其直接负责的主管人员和其他直接责任人员处五百元以上三千元以下的罚款。"

func writeCat(t *testing.T, path string, c *catalog.Catalog) string {
	t.Helper()
	if err := gen.Write(path, c); err != nil {
		t.Fatal(err)
	}
	return path
}

// rewriteZip copies the zip src to dst, replacing the named parts with
// what the functions write (streamed, so a part may be huge).
func rewriteZip(t *testing.T, src, dst string, parts map[string]func(w io.Writer) error) {
	t.Helper()
	zr, err := zip.OpenReader(src)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	f, err := os.Create(dst)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zw := zip.NewWriter(f)
	for _, zf := range zr.File {
		w, err := zw.Create(zf.Name)
		if err != nil {
			t.Fatal(err)
		}
		if fn, ok := parts[zf.Name]; ok {
			bw := bufio.NewWriterSize(w, 1<<20)
			if err := fn(bw); err != nil {
				t.Fatal(err)
			}
			if err := bw.Flush(); err != nil {
				t.Fatal(err)
			}
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.Copy(w, rc); err != nil {
			t.Fatal(err)
		}
		rc.Close()
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
}

// repeat writes s n times.
func repeat(w io.Writer, s string, n int) error {
	chunk := strings.Repeat(s, max(1, (1<<16)/len(s)))
	per := len(chunk) / len(s)
	for n > 0 {
		k := min(n, per)
		if _, err := io.WriteString(w, chunk[:k*len(s)]); err != nil {
			return err
		}
		n -= k
	}
	return nil
}

const docHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`

func docxTable(rows ...[]string) string {
	var b strings.Builder
	b.WriteString("<w:tbl>")
	for _, r := range rows {
		b.WriteString("<w:tr>")
		for _, c := range r {
			b.WriteString("<w:tc><w:p><w:r><w:t>" + c + "</w:t></w:r></w:p></w:tc>")
		}
		b.WriteString("</w:tr>")
	}
	return b.String()
}

var hostileHeader = []string{"序号", "职权类型", "职权名称", "职权依据", "责任科室"}

// TestZipBombs: a .docx and an .xlsx whose one XML part inflates to 1 GiB
// (about 1 MB compressed).
func TestZipBombs(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 1 GiB through deflate")
	}
	dir := t.TempDir()
	const size = 1 << 30
	t.Run("docx", func(t *testing.T) {
		base := writeCat(t, filepath.Join(dir, "base.docx"), small(art84))
		p := filepath.Join(dir, "bomb.docx")
		rewriteZip(t, base, p, map[string]func(io.Writer) error{
			"word/document.xml": func(w io.Writer) error {
				io.WriteString(w, docHead+docxTable(hostileHeader)+"<w:tr><w:tc><w:p><w:r><w:t>")
				repeat(w, "医", size/3)
				_, err := io.WriteString(w, "</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body></w:document>")
				return err
			},
		})
		lintHostile(t, p)
	})
	t.Run("xlsx", func(t *testing.T) {
		base := writeCat(t, filepath.Join(dir, "base.xlsx"), small(art84))
		p := filepath.Join(dir, "bomb.xlsx")
		rewriteZip(t, base, p, map[string]func(io.Writer) error{
			"xl/worksheets/sheet1.xml": func(w io.Writer) error {
				io.WriteString(w, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`+
					`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`+
					`<row r="1"><c r="A1" t="inlineStr"><is><t>序号</t></is></c><c r="B1" t="inlineStr"><is><t>职权依据</t></is></c></row>`+
					`<row r="2"><c r="A2" t="inlineStr"><is><t>1</t></is></c><c r="B2" t="inlineStr"><is><t>`)
				repeat(w, "医", size/3)
				_, err := io.WriteString(w, `</t></is></c></row></sheetData></worksheet>`)
				return err
			},
		})
		lintHostile(t, p)
	})
	t.Run("xlsx-rows", func(t *testing.T) {
		// many small rows instead of one big cell: 4 million rows
		base := writeCat(t, filepath.Join(dir, "base2.xlsx"), small(art84))
		p := filepath.Join(dir, "bomb-rows.xlsx")
		rewriteZip(t, base, p, map[string]func(io.Writer) error{
			"xl/worksheets/sheet1.xml": func(w io.Writer) error {
				io.WriteString(w, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`+
					`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`+
					`<row><c t="inlineStr"><is><t>序号</t></is></c><c t="inlineStr"><is><t>职权依据</t></is></c></row>`)
				repeat(w, `<row><c t="inlineStr"><is><t>1</t></is></c><c t="inlineStr"><is><t>《中华人民共和国社会保险法》第八十四条</t></is></c></row>`, 4_000_000)
				_, err := io.WriteString(w, `</sheetData></worksheet>`)
				return err
			},
		})
		lintHostile(t, p)
	})
}

// TestDeepXML: XML nested 200,000 levels deep inside a table cell.
func TestDeepXML(t *testing.T) {
	dir := t.TempDir()
	const depth = 200_000
	t.Run("docx-nested-tables", func(t *testing.T) {
		base := writeCat(t, filepath.Join(dir, "base.docx"), small(art84))
		p := filepath.Join(dir, "deep.docx")
		rewriteZip(t, base, p, map[string]func(io.Writer) error{
			"word/document.xml": func(w io.Writer) error {
				io.WriteString(w, docHead+docxTable(hostileHeader)+"<w:tr><w:tc>")
				repeat(w, "<w:tbl><w:tr><w:tc>", depth)
				io.WriteString(w, "<w:p><w:r><w:t>1</w:t></w:r></w:p>")
				repeat(w, "</w:tc></w:tr></w:tbl>", depth)
				_, err := io.WriteString(w, "<w:p/></w:tc></w:tr></w:tbl></w:body></w:document>")
				return err
			},
		})
		lintHostile(t, p)
	})
	t.Run("docx-nested-elements", func(t *testing.T) {
		base := writeCat(t, filepath.Join(dir, "base2.docx"), small(art84))
		p := filepath.Join(dir, "deep2.docx")
		rewriteZip(t, base, p, map[string]func(io.Writer) error{
			"word/document.xml": func(w io.Writer) error {
				io.WriteString(w, docHead+docxTable(hostileHeader)+"<w:tr><w:tc><w:p>")
				repeat(w, "<w:r>", depth)
				repeat(w, "</w:r>", depth)
				_, err := io.WriteString(w, "</w:p></w:tc></w:tr></w:tbl></w:body></w:document>")
				return err
			},
		})
		lintHostile(t, p)
	})
	t.Run("xlsx", func(t *testing.T) {
		base := writeCat(t, filepath.Join(dir, "base.xlsx"), small(art84))
		p := filepath.Join(dir, "deep.xlsx")
		rewriteZip(t, base, p, map[string]func(io.Writer) error{
			"xl/worksheets/sheet1.xml": func(w io.Writer) error {
				io.WriteString(w, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`+
					`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is>`)
				repeat(w, "<r>", depth)
				repeat(w, "</r>", depth)
				_, err := io.WriteString(w, `</is></c></row></sheetData></worksheet>`)
				return err
			},
		})
		lintHostile(t, p)
	})
}

// TestBigCell: a 10 MB cell, in .txt, .csv and .xlsx; when read, the
// catalog has its one entry.
func TestBigCell(t *testing.T) {
	dir := t.TempDir()
	body := strings.Repeat(art84, 10<<20/len(art84)+1)
	for _, f := range []string{"txt", "csv", "docx"} {
		t.Run(f, func(t *testing.T) {
			t.Parallel() // independent processes: bound the test's time by the slowest
			p := writeCat(t, filepath.Join(dir, "big."+f), small("《中华人民共和国社会保险法》第八十四条："+body))
			r := lintHostile(t, p)
			if r.code == 0 {
				if rep := parseReport(t, r); len(rep.Files) == 1 && rep.Files[0].Entries != 1 {
					t.Errorf("%d entries, want 1", rep.Files[0].Entries)
				}
			}
		})
	}
}

// TestManyCitations: one cell citing an article 100,000 times (with a
// correct quote every 1,000th time).
func TestManyCitations(t *testing.T) {
	var b strings.Builder
	for i := 0; i < 100_000; i++ {
		b.WriteString("《中华人民共和国社会保险法》第八十四条")
		if i%1000 == 0 {
			b.WriteString("：" + art84)
		}
		b.WriteString("\n")
	}
	p := writeCat(t, filepath.Join(t.TempDir(), "cites.txt"), small(strings.TrimSuffix(b.String(), "\n")))
	r := lintHostile(t, p)
	if r.code == 0 {
		if rep := parseReport(t, r); len(rep.Files) == 1 && rep.Files[0].Entries != 1 {
			t.Errorf("%d entries, want 1", rep.Files[0].Entries)
		}
	}
}

// TestUnreadable covers files that are not there or not files when citelint
// reads them. Permission bits cannot make a file unreadable here (the tests
// may run as root, who reads anything), so the cases are: a FIFO (opening
// it would block forever with no writer), a directory named like a catalog,
// a dangling symbolic link, and a file removed while citelint runs (between
// its listing the arguments and reading them).
func TestUnreadable(t *testing.T) {
	dir := t.TempDir()
	t.Run("fifo", func(t *testing.T) {
		p := filepath.Join(dir, "fifo.txt")
		if err := syscall.Mkfifo(p, 0o644); err != nil {
			t.Skip("mkfifo:", err)
		}
		r := lintHostile(t, p)
		if r.code != 2 {
			t.Errorf("a FIFO gave exit %d, want 2", r.code)
		}
	})
	t.Run("directory", func(t *testing.T) {
		p := filepath.Join(dir, "dir.docx")
		os.Mkdir(p, 0o755)
		if r := lintHostile(t, p); r.code != 2 {
			t.Errorf("a directory gave exit %d, want 2", r.code)
		}
	})
	t.Run("dangling-symlink", func(t *testing.T) {
		p := filepath.Join(dir, "link.txt")
		os.Symlink(filepath.Join(dir, "gone.txt"), p)
		if r := lintHostile(t, p); r.code != 2 {
			t.Errorf("a dangling link gave exit %d, want 2", r.code)
		}
	})
	t.Run("removed-mid-run", func(t *testing.T) {
		// a big catalog first keeps citelint busy while the second vanishes
		gdir, _ := generated(t, 2000, "txt")
		big := filepath.Join(gdir, "catalog.txt")
		second := writeCat(t, filepath.Join(dir, "second.txt"), small(art84))
		before := sha(t, big)
		needBinary(t)
		cmd := exec.Command(bin, "lint", big, second, "--format", "json", "--no-fail")
		cmd.Env = append(os.Environ(), statutesCacheEnv+"="+cacheDir)
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(50 * time.Millisecond)
		os.Remove(second)
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case <-done:
		case <-time.After(hostileTimeout):
			cmd.Process.Kill()
			<-done
			t.Fatal("timed out")
		}
		r := &run{args: cmd.Args[1:], code: cmd.ProcessState.ExitCode(), stdout: out.Bytes(), stderr: errb.Bytes()}
		noCrash(t, r)
		switch r.code {
		case 0: // read before it vanished: both files in the report
			if rep := parseReport(t, r); len(rep.Files) != 2 {
				t.Errorf("exit 0 with %d files in the report, want 2", len(rep.Files))
			}
		case 2:
			if !bytes.Contains(r.stderr, []byte("second.txt")) {
				t.Errorf("the error does not name second.txt: %s", r.stderr)
			}
		default:
			t.Errorf("exit %d: %v", r.code, r)
		}
		if sha(t, big) != before {
			t.Error("the first catalog changed")
		}
		t.Logf("exit %d: %s", r.code, strings.TrimSpace(clip(r.stderr, 300)))
	})
}

// cacheCase lints a seed and searches the corpus with CITELINT_CACHE_DIR
// set to dir, and wants the same report as with a good cache.
func cacheCase(t *testing.T, dir string) {
	t.Helper()
	seed := "../testdata/seeds/000_cc42e2149e1dc4a3.txt"
	want := citelint(t, hostileTimeout, nil, "lint", seed, "--format", "json", "--no-fail")
	noCrash(t, want)
	got := citelint(t, hostileTimeout, []string{statutesCacheEnv + "=" + dir}, "lint", seed, "--format", "json", "--no-fail")
	noCrash(t, got)
	if got.code != want.code || !bytes.Equal(got.stdout, want.stdout) {
		t.Errorf("with cache %s: exit %d, report differs from the one with a good cache (exit %d)\n%v", dir, got.code, want.code, got)
	}
	s := citelint(t, hostileTimeout, []string{statutesCacheEnv + "=" + dir}, "statutes", "search", "以欺诈、伪造证明材料或者其他手段骗取社会保险待遇")
	noCrash(t, s)
	if s.code != 0 {
		t.Errorf("statutes search with cache %s: %v", dir, s)
	}
	t.Logf("lint: exit %d, %v; search: exit %d, %v; stderr: %s", got.code, got.wall.Round(time.Millisecond), s.code, s.wall.Round(time.Millisecond), clip(s.stderr, 300))
}

// mount mounts a tmpfs with the given options on a new directory, or
// skips the test when that is not allowed.
func mount(t *testing.T, opts string) string {
	t.Helper()
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", opts, "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs (%v: %s)", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", dir).Run() })
	return dir
}

func TestCache(t *testing.T) {
	t.Run("read-only", func(t *testing.T) {
		// root writes through permission bits, so a read-only mount
		cacheCase(t, mount(t, "ro,size=1m"))
	})
	t.Run("under-a-file", func(t *testing.T) {
		f := filepath.Join(t.TempDir(), "file")
		os.WriteFile(f, []byte("x"), 0o644)
		cacheCase(t, filepath.Join(f, "cache"))
	})
	t.Run("full", func(t *testing.T) {
		cacheCase(t, mount(t, "size=64k"))
	})
	t.Run("corrupt", func(t *testing.T) {
		dir := t.TempDir()
		// fill the cache, then damage every file in it
		r := citelint(t, hostileTimeout, []string{statutesCacheEnv + "=" + dir}, "statutes", "search", "社会保险")
		noCrash(t, r)
		n := 0
		filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
			if err == nil && d.Type().IsRegular() {
				n++
				b, _ := os.ReadFile(p)
				for i := range b {
					if i%7 == 0 {
						b[i] ^= 0x5a
					}
				}
				os.WriteFile(p, b[:len(b)*2/3], 0o644)
			}
			return nil
		})
		t.Logf("damaged %d cache files", n)
		cacheCase(t, dir)
	})
}

// TestHostileFilesListed makes sure the README lists every committed file.
func TestHostileFilesListed(t *testing.T) {
	readme, err := os.ReadFile("../testdata/hostile/README.md")
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("../testdata/hostile/*.*")
	for _, f := range files {
		if base := filepath.Base(f); base != "README.md" && !bytes.Contains(readme, []byte(base)) {
			t.Errorf("%s is not described in testdata/hostile/README.md", base)
		}
	}
}
