package report

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/citelint/citelint/lint/report/reporttest"
)

// The HTML report of the fixed result runs in headless Chromium: its script
// finishes without errors, markup from the catalog stays text, the filters
// work, and a link to a finding shows that finding's diff.
func TestHTMLInChromium(t *testing.T) {
	bin := reporttest.Chromium(t)
	dir := t.TempDir()
	page := filepath.Join(dir, "report.html")
	if err := os.WriteFile(page, render(t, &HTML{Tool: testTool, Rules: fixtureRules()}, fixture()), 0o644); err != nil {
		t.Fatal(err)
	}

	dom := reporttest.DumpDOM(t, bin, reporttest.FileURL(t, page, "", "f1-d1"))
	reporttest.CheckScripts(t, dom)
	if v, ok := reporttest.RootAttr(dom, "data-pwned"); ok {
		t.Fatalf("markup from the catalog ran (data-pwned=%q)", v)
	}
	if got, _ := reporttest.RootAttr(dom, "data-shown"); got != "8" {
		t.Errorf("shown findings = %q, want 8", got)
	}
	// What was really checked, for the run and per file.
	quotes, err := reporttest.ElementText(dom, "quotes")
	if err != nil {
		t.Fatal(err)
	}
	if want := "引文：37 处已与法条原文比对，1 处无法核对"; !strings.Contains(quotes, want) {
		t.Errorf("summary quote counts = %q, want it to contain %q", quotes, want)
	}
	for _, want := range []string{"引文 26 处已比对，1 处无法核对", "引文 11 处已比对，0 处无法核对"} {
		if !strings.Contains(dom, want) {
			t.Errorf("the page does not show the file's quote counts %q", want)
		}
	}
	if got, _ := reporttest.RootAttr(dom, "data-target"); got != "f1-d1" {
		t.Errorf("target = %q, want f1-d1", got)
	}

	// ?focus= shows the one entry, at the top of the page.
	dom = reporttest.DumpDOM(t, bin, reporttest.FileURL(t, page, "focus=f1-d1", ""))
	reporttest.CheckScripts(t, dom)
	if got, _ := reporttest.RootAttr(dom, "data-target-visible"); got != "yes" {
		t.Errorf("the focused finding is not in view")
	}
	if got, _ := reporttest.RootAttr(dom, "data-shown"); got != "1" {
		t.Errorf("shown findings with focus = %q, want the entry's 1", got)
	}
	quote, err := reporttest.ElementText(dom, "f1-d1-diff")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(quote, `<img src=x onerror=`) {
		t.Errorf("the quote's markup is not shown as text: %q", quote)
	}

	// Filters preset from the address: only errors of one rule.
	dom = reporttest.DumpDOM(t, bin, reporttest.FileURL(t, page, "severity=error&rule=quote-mismatch", ""))
	reporttest.CheckScripts(t, dom)
	if got, _ := reporttest.RootAttr(dom, "data-shown"); got != "2" {
		t.Errorf("shown findings with severity=error&rule=quote-mismatch = %q, want 2", got)
	}
	if !strings.Contains(dom, `id="f1-e7" hidden`) && !strings.Contains(dom, `id="f1-e7" hidden=""`) {
		t.Errorf("the entry without a matching finding is not hidden")
	}

	shot := filepath.Join(dir, "shot.png")
	reporttest.Screenshot(t, bin, reporttest.FileURL(t, page, "focus=f0-d2", ""), shot)
}
