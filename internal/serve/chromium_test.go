//go:build unix

package serve

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/citelint/citelint/lint/report/reporttest"
)

// The page in headless Chromium: files chosen in its file input go up
// through its own form and script, the result page shows the report in its
// frame, and the JSON download link saves the report.
// CITELINT_UPDATE_SCREENSHOTS=1 also writes docs/img/serve.png.
func TestPageInChromium(t *testing.T) {
	bin := reporttest.Chromium(t)
	ts := newTestServer(t, Options{})
	b := reporttest.StartBrowser(t, bin)
	b.Navigate(ts.url + "/")
	b.WaitFor(`document.documentElement.getAttribute('data-ready') === 'ok'`, 10*time.Second)

	docx, _ := filepath.Abs("testdata/zhuzhou.docx")
	txt, _ := filepath.Abs("testdata/small.txt")
	b.SetFiles("#files", docx, txt)
	var chosen int
	b.Eval(`document.querySelectorAll('#chosen li').length`, &chosen)
	if chosen != 2 {
		t.Fatalf("the page lists %d chosen files, want 2", chosen)
	}
	b.Eval(`document.getElementById('check').click()`, nil)
	b.WaitFor(`location.pathname.startsWith('/jobs/') && document.documentElement.getAttribute('data-report-shown') !== null`, 60*time.Second)

	var totals, shown, errAttr string
	b.Eval(`document.getElementById('totals').textContent`, &totals)
	b.Eval(`document.documentElement.getAttribute('data-report-shown')`, &shown)
	b.Eval(`String(document.documentElement.getAttribute('data-error') || document.getElementById('report').contentDocument.documentElement.getAttribute('data-error') || '')`, &errAttr)
	if errAttr != "" {
		t.Fatalf("a script on the page failed: %s", errAttr)
	}
	var job string
	b.Eval(`location.pathname`, &job)
	r := ts.jsonReport(t, job)
	total := r.Summary.Error + r.Summary.Warning + r.Summary.Info
	if !strings.Contains(totals, "已校验 2 个文件") || shown != itoa(total) || total == 0 {
		t.Errorf("result page: totals %q, report shows %s findings, JSON has %d", totals, shown, total)
	}

	dir := t.TempDir()
	b.AllowDownloads(dir)
	b.Eval(`document.getElementById('dl-json').click()`, nil)
	saved := filepath.Join(dir, "citelint-report.json")
	var got []byte
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if b, err := os.ReadFile(saved); err == nil && json.Valid(b) {
			got = b
			break
		}
	}
	_, want := ts.get(t, job+"report.json")
	if string(got) != string(want) {
		t.Errorf("downloaded %s: %d bytes, want the %d bytes of report.json", saved, len(got), len(want))
	}

	// The result page alone (no upload in this browser) for a screenshot,
	// as `chromium --headless --screenshot --window-size=1280,900` takes it.
	shot := filepath.Join(t.TempDir(), "serve.png")
	reporttest.Screenshot(t, bin, ts.url+job, shot)
	if os.Getenv("CITELINT_UPDATE_SCREENSHOTS") == "1" {
		data, err := os.ReadFile(shot)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll("../../docs/img", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile("../../docs/img/serve.png", data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}
