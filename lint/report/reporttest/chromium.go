package reporttest

import (
	"bytes"
	"context"
	"fmt"
	"image/png"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// Chromium returns the path of a Chromium binary. When there is none the
// test is skipped, except in CI (CI=true), where a missing browser fails:
// CI installs it (.ci/run), so its absence is a broken set-up.
func Chromium(t testing.TB) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if p := "/usr/bin/chromium"; fileExists(p) {
		return p
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("chromium not found; CI must install it (apt-get install -y chromium)")
	}
	t.Skip("chromium not found (install the Debian chromium package to run the HTML tests)")
	return ""
}

func fileExists(p string) bool {
	st, err := os.Stat(p)
	return err == nil && !st.IsDir()
}

// FileURL is the file:// address of a local file, with an optional query
// and fragment.
func FileURL(t testing.TB, path, query, fragment string) string {
	t.Helper()
	abs, err := filepath.Abs(path)
	if err != nil {
		t.Fatal(err)
	}
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(abs), RawQuery: query, Fragment: fragment}
	return u.String()
}

func run(t testing.TB, bin string, args ...string) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	base := []string{
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--disable-dev-shm-usage", "--hide-scrollbars",
		"--user-data-dir=" + t.TempDir(),
	}
	cmd := exec.CommandContext(ctx, bin, append(base, args...)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("chromium %v: %v\n%s", args, err, stderr.String())
	}
	return stdout.Bytes()
}

// DumpDOM loads the address and returns the DOM after the page's scripts
// ran (chromium --dump-dom).
func DumpDOM(t testing.TB, bin, address string) string {
	t.Helper()
	return string(run(t, bin, "--window-size=1280,900", "--dump-dom", address))
}

// Screenshot loads the address and writes a PNG of the window to path.
func Screenshot(t testing.TB, bin, address, path string) {
	t.Helper()
	run(t, bin, "--window-size=1280,900", "--screenshot="+path, address)
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("screenshot %s: %v", path, err)
	}
	// Not a pixel comparison: only a guard against a blank capture (which
	// headless Chromium produces, for one, of a page scrolled to a
	// #fragment).
	bounds := img.Bounds()
	inked, total := 0, 0
	for y := bounds.Min.Y; y < bounds.Max.Y; y += 2 {
		for x := bounds.Min.X; x < bounds.Max.X; x += 2 {
			r, g, b, _ := img.At(x, y).RGBA()
			total++
			if r < 0xe000 || g < 0xe000 || b < 0xe000 {
				inked++
			}
		}
	}
	if inked*200 < total {
		t.Fatalf("screenshot %s is blank (%d of %d sampled pixels inked)", path, inked, total)
	}
}

// RootAttr returns an attribute of the dumped DOM's <html> element.
func RootAttr(dom, name string) (string, bool) {
	i := strings.Index(dom, "<html")
	if i < 0 {
		return "", false
	}
	j := strings.IndexByte(dom[i:], '>')
	if j < 0 {
		return "", false
	}
	tag := dom[i : i+j]
	m := regexp.MustCompile(`\s` + regexp.QuoteMeta(name) + `="([^"]*)"`).FindStringSubmatch(tag)
	if m == nil {
		return "", false
	}
	return m[1], true
}

// CheckScripts fails the test when the page's script did not finish or
// reported an error.
func CheckScripts(t testing.TB, dom string) {
	t.Helper()
	if e, ok := RootAttr(dom, "data-error"); ok {
		t.Fatalf("the page's script failed: %s", e)
	}
	if v, _ := RootAttr(dom, "data-ready"); v != "ok" {
		t.Fatalf("the page's script did not finish (no data-ready=\"ok\" on <html>)")
	}
}

// ElementText returns the text content of the element with the given id
// in a dumped DOM (tags stripped, entities decoded), or an error.
func ElementText(dom, id string) (string, error) {
	start := strings.Index(dom, ` id="`+id+`"`)
	if start < 0 {
		return "", fmt.Errorf("no element with id %q", id)
	}
	open := strings.LastIndexByte(dom[:start], '<')
	nameEnd := open + 1
	for nameEnd < len(dom) && dom[nameEnd] != ' ' && dom[nameEnd] != '>' {
		nameEnd++
	}
	tag := dom[open+1 : nameEnd]
	// Find the matching close tag, counting nested elements of the same name.
	depth, i := 0, open
	for i < len(dom) {
		o := indexFrom(dom, "<"+tag, i)
		c := indexFrom(dom, "</"+tag+">", i)
		if c < 0 {
			return "", fmt.Errorf("element %q is not closed", id)
		}
		if o >= 0 && o < c && isTagBoundary(dom, o+1+len(tag)) {
			depth++
			i = o + 1
			continue
		}
		depth--
		if depth == 0 {
			return stripTags(dom[open:c]), nil
		}
		i = c + 1
	}
	return "", fmt.Errorf("element %q is not closed", id)
}

func indexFrom(s, sub string, from int) int {
	if from >= len(s) {
		return -1
	}
	k := strings.Index(s[from:], sub)
	if k < 0 {
		return -1
	}
	return from + k
}

func isTagBoundary(s string, i int) bool {
	return i < len(s) && (s[i] == ' ' || s[i] == '>')
}

var tagRE = regexp.MustCompile(`<[^>]*>`)

func stripTags(s string) string {
	s = tagRE.ReplaceAllString(s, "")
	r := strings.NewReplacer("&lt;", "<", "&gt;", ">", "&quot;", `"`, "&#39;", "'", "&nbsp;", "\u00a0", "&amp;", "&")
	return r.Replace(s)
}
