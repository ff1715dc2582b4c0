package annotate_test

import (
	"bytes"
	"context"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/xuri/excelize/v2"

	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/annotate"
)

// libreOffice returns the paths of soffice and pdftotext. Without them, or
// with a LibreOffice older than 7.6 (whose PDF export cannot put comments
// in the margin), the test is skipped, except in CI (CI=true), where it
// fails: .ci/run installs them.
func libreOffice(t *testing.T) (soffice, pdftotext string) {
	t.Helper()
	missing := func(why string) {
		t.Helper()
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s; CI must install LibreOffice 7.6 or later and poppler-utils (.ci/run)", why)
		}
		t.Skipf("%s (install libreoffice-writer-nogui, libreoffice-calc-nogui, libreoffice-uiconfig-writer and poppler-utils to run the LibreOffice tests)", why)
	}
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		missing("soffice not found")
	}
	if pdftotext, err = exec.LookPath("pdftotext"); err != nil {
		missing("pdftotext not found")
	}
	out, err := exec.Command(soffice, "--version").Output()
	if err != nil {
		missing(fmt.Sprintf("soffice --version: %v", err))
	}
	m := regexp.MustCompile(`LibreOffice (\d+)\.(\d+)`).FindSubmatch(out)
	if m == nil {
		missing(fmt.Sprintf("soffice --version printed %q", out))
	}
	major, _ := strconv.Atoi(string(m[1]))
	minor, _ := strconv.Atoi(string(m[2]))
	if major < 7 || major == 7 && minor < 6 {
		missing(fmt.Sprintf("LibreOffice %d.%d cannot export comments in the margin (7.6 or later can)", major, minor))
	}
	return soffice, pdftotext
}

// convert runs LibreOffice headless on files, writing the conversions to
// outDir, with a profile of its own so that parallel runs do not meet.
func convert(t *testing.T, soffice, filter, outDir string, files ...string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	profile := url.URL{Scheme: "file", Path: filepath.ToSlash(filepath.Join(t.TempDir(), "profile"))}
	args := append([]string{"-env:UserInstallation=" + profile.String(), "--headless", "--norestore",
		"--convert-to", filter, "--outdir", outDir}, files...)
	cmd := exec.CommandContext(ctx, soffice, args...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		t.Fatalf("soffice %v: %v\n%s", args, err, out.String())
	}
	for _, f := range files {
		ext := filter[:strings.IndexAny(filter+":", ":")]
		p := filepath.Join(outDir, strings.TrimSuffix(filepath.Base(f), filepath.Ext(f))+"."+ext)
		if _, err := os.Stat(p); err != nil {
			// (Debian's -nogui packages fail the margin export this way
			// without libreoffice-uiconfig-writer.)
			t.Fatalf("LibreOffice did not convert %s: %v\n%s", f, err, out.String())
		}
	}
}

func pdfText(t *testing.T, pdftotext, pdf string) string {
	t.Helper()
	out, err := exec.Command(pdftotext, "-enc", "UTF-8", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", pdf, err)
	}
	return string(out)
}

func dropSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// commentHead is the start of a finding's comment as the margin shows it:
// severity, rule and the message's first characters. Margin boxes are
// narrow and cut long lines and long comments, so only the head is sure
// to be printed whole.
func commentHead(d lint.Diagnostic) string {
	msg := []rune(dropSpace(d.Message))
	label := map[lint.Severity]string{lint.Error: "错误", lint.Warning: "警告", lint.Info: "提示"}[d.Severity]
	return "【" + label + "】" + d.Rule + "：" + string(msg[:min(3, len(msg))])
}

// TestLibreOfficeDocx opens the annotated copies of both writers' .docx in
// LibreOffice, exports them to PDF with the comments in the margin and
// finds every comment in the PDF's text.
func TestLibreOfficeDocx(t *testing.T) {
	soffice, pdftotext := libreOffice(t)
	dir := t.TempDir()
	names := []string{"zhuzhou.docx", "zhuzhou.libreoffice.docx", "zhongshan-2025.docx", "zhongshan-2025.libreoffice.docx"}
	results := map[string]lint.FileResult{}
	var copies []string
	for _, n := range names {
		cat, fr, src := lintFile(t, fixture(n))
		out, err := annotate.Annotate(src, cat.Format, cat, fr)
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, annotate.CopyName(n))
		if err := os.WriteFile(p, out, 0o644); err != nil {
			t.Fatal(err)
		}
		copies = append(copies, p)
		results[p] = fr
	}
	pdfDir := filepath.Join(dir, "pdf")
	convert(t, soffice, `pdf:writer_pdf_Export:{"ExportNotesInMargin":{"type":"boolean","value":"true"}}`, pdfDir, copies...)
	for _, p := range copies {
		t.Run(filepath.Base(p), func(t *testing.T) {
			fr := results[p]
			text := dropSpace(pdfText(t, pdftotext, filepath.Join(pdfDir, strings.TrimSuffix(filepath.Base(p), ".docx")+".pdf")))
			if n := strings.Count(text, "citelint"); n < len(fr.Diagnostics) {
				t.Errorf("the PDF names the author citelint %d times, want at least %d (one a comment)", n, len(fr.Diagnostics))
			}
			want := map[string]int{}
			for _, d := range fr.Diagnostics {
				want[commentHead(d)]++
			}
			for head, n := range want {
				if got := strings.Count(text, head); got < n {
					t.Errorf("%q appears %d times in the PDF, want %d", head, got, n)
				}
			}
			if t.Failed() {
				t.Logf("PDF text:\n%s", text)
			}
		})
	}
}

// TestLibreOfficeXlsx opens the annotated workbooks in LibreOffice: they
// convert to PDF, and LibreOffice's own .xlsx of them still holds every
// comment (read back with excelize).
func TestLibreOfficeXlsx(t *testing.T) {
	soffice, pdftotext := libreOffice(t)
	dir := t.TempDir()
	type file struct {
		fr   lint.FileResult
		copy string
	}
	var files []file
	for _, n := range []string{"zhuzhou.xlsx", "zhongshan-2025.xlsx"} {
		cat, fr, src := lintFile(t, fixture(n))
		out, err := annotate.Annotate(src, cat.Format, cat, fr)
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, annotate.CopyName(n))
		if err := os.WriteFile(p, out, 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, file{fr, p})
	}
	paths := []string{files[0].copy, files[1].copy}
	pdfDir, xlsxDir := filepath.Join(dir, "pdf"), filepath.Join(dir, "xlsx")
	convert(t, soffice, "pdf", pdfDir, paths...)
	convert(t, soffice, "xlsx:Calc MS Excel 2007 XML", xlsxDir, paths...)
	for _, f := range files {
		t.Run(filepath.Base(f.copy), func(t *testing.T) {
			text := pdfText(t, pdftotext, filepath.Join(pdfDir, strings.TrimSuffix(filepath.Base(f.copy), ".xlsx")+".pdf"))
			if !strings.Contains(dropSpace(text), dropSpace(f.fr.Title)) {
				t.Errorf("the PDF of %s lacks the catalog's title %q", f.copy, f.fr.Title)
			}
			wb, err := excelize.OpenFile(filepath.Join(xlsxDir, filepath.Base(f.copy)))
			if err != nil {
				t.Fatal(err)
			}
			defer wb.Close()
			var all strings.Builder
			for _, s := range wb.GetSheetList() {
				cs, err := wb.GetComments(s)
				if err != nil {
					t.Fatal(err)
				}
				for _, c := range cs {
					all.WriteString(commentText(c))
				}
			}
			got := dropSpace(all.String())
			for _, d := range f.fr.Diagnostics {
				if !strings.Contains(got, dropSpace(d.Message)) {
					t.Errorf("LibreOffice's copy has no comment with %q", d.Message)
				}
			}
		})
	}
}
