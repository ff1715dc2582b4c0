package serve

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/citelint/citelint/catalog"
	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/report"
	"github.com/citelint/citelint/rules"
	"github.com/citelint/citelint/statutes"
)

var (
	corpusOnce sync.Once
	corpus     *statutes.Corpus
	corpusErr  error
)

func testCorpus(t testing.TB) *statutes.Corpus {
	t.Helper()
	corpusOnce.Do(func() { corpus, corpusErr = statutes.Default() })
	if corpusErr != nil {
		t.Fatal(corpusErr)
	}
	return corpus
}

// testNow is "today" for catalogs without a date, so results do not move
// with the calendar.
var testNow = time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)

// testServer is a Server on a real loopback listener.
type testServer struct {
	*Server
	url    string // http://127.0.0.1:PORT
	client *http.Client
}

func newTestServer(t *testing.T, opts Options) *testServer {
	t.Helper()
	ts := httptest.NewUnstartedServer(nil)
	opts.Addr = ts.Listener.Addr().String()
	opts.Rules = rules.All()
	opts.Corpus = testCorpus(t)
	opts.Tool = report.Tool{Name: "citelint", Version: "test", Corpus: opts.Corpus.ID()}
	if opts.Now == nil {
		opts.Now = func() time.Time { return testNow }
	}
	s, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	ts.Config.Handler = s
	ts.Start()
	t.Cleanup(ts.Close)
	client := ts.Client()
	client.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	return &testServer{Server: s, url: ts.URL, client: client}
}

type file struct {
	name string
	data []byte
}

func readTestdata(t testing.TB, name string) file {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return file{name, b}
}

// form builds a multipart upload as the page's form sends it: the token
// field first, then the files.
func form(t testing.TB, token string, files ...file) (string, *bytes.Buffer) {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	if token != "" {
		if err := mw.WriteField("csrf", token); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range files {
		w, err := mw.CreateFormFile("files", f.name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(f.data); err != nil {
			t.Fatal(err)
		}
	}
	if err := mw.Close(); err != nil {
		t.Fatal(err)
	}
	return mw.FormDataContentType(), &body
}

func (ts *testServer) post(t testing.TB, token string, files ...file) *http.Response {
	t.Helper()
	ctype, body := form(t, token, files...)
	req, err := http.NewRequest(http.MethodPost, ts.url+"/check", body)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", ctype)
	resp, err := ts.client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	return resp
}

func (ts *testServer) get(t testing.TB, path string) (*http.Response, []byte) {
	t.Helper()
	resp, err := ts.client.Get(ts.url + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, b
}

var jobPath = regexp.MustCompile(`^/jobs/[0-9a-f]{32}/$`)

// upload posts files and returns the job's page address.
func (ts *testServer) upload(t testing.TB, files ...file) string {
	t.Helper()
	resp := ts.post(t, ts.token, files...)
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("upload: status %d, want 303\n%s", resp.StatusCode, b)
	}
	loc := resp.Header.Get("Location")
	if !jobPath.MatchString(loc) {
		t.Fatalf("upload: redirected to %q, not a job page", loc)
	}
	return loc
}

// jsonReport is the part of the JSON report the tests read.
type jsonReport struct {
	Files []struct {
		Path        string            `json:"path"`
		Format      string            `json:"format"`
		Entries     int               `json:"entries"`
		Diagnostics []json.RawMessage `json:"diagnostics"`
	} `json:"files"`
	Summary lint.Summary `json:"summary"`
}

func (ts *testServer) jsonReport(t testing.TB, job string) jsonReport {
	t.Helper()
	resp, b := ts.get(t, job+"report.json")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("report.json: status %d: %s", resp.StatusCode, b)
	}
	var r jsonReport
	if err := json.Unmarshal(b, &r); err != nil {
		t.Fatalf("report.json: %v", err)
	}
	return r
}

// direct lints a testdata file as `citelint lint` does.
func direct(t testing.TB, name string) lint.FileResult {
	t.Helper()
	cat, err := catalog.Read(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	fr, err := lint.Run(cat, lint.Options{Rules: rules.All(), Corpus: testCorpus(t), Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	return fr
}

func TestUploadReportAndDownloads(t *testing.T) {
	ts := newTestServer(t, Options{})
	resp, page := ts.get(t, "/")
	if resp.StatusCode != 200 || !strings.Contains(string(page), `name="csrf" value="`+ts.token+`"`) {
		t.Fatalf("GET /: status %d, no token in the form", resp.StatusCode)
	}
	if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'none'") {
		t.Errorf("page CSP = %q", csp)
	}

	names := []string{"zhuzhou.docx", "zhuzhou.xlsx", "small.txt"}
	var files []file
	for _, n := range names {
		files = append(files, readTestdata(t, n))
	}
	job := ts.upload(t, files...)

	r := ts.jsonReport(t, job)
	if len(r.Files) != len(names) {
		t.Fatalf("report has %d files, want %d", len(r.Files), len(names))
	}
	var want lint.Summary
	for _, f := range r.Files {
		// The report names the upload, never a path on this machine.
		d := direct(t, f.Path)
		if f.Format != d.Format || f.Entries != d.Entries || len(f.Diagnostics) != len(d.Diagnostics) {
			t.Errorf("%s: served %s, %d entries, %d findings; lint gives %s, %d, %d",
				f.Path, f.Format, f.Entries, len(f.Diagnostics), d.Format, d.Entries, len(d.Diagnostics))
		}
		want.Entries += d.Entries
	}
	if r.Summary.Files != 3 || r.Summary.Entries != want.Entries || r.Summary.Error == 0 {
		t.Errorf("summary = %+v, want 3 files, %d entries, some errors", r.Summary, want.Entries)
	}

	resp, b := ts.get(t, job)
	body := string(b)
	if resp.StatusCode != 200 {
		t.Fatalf("job page: status %d", resp.StatusCode)
	}
	for _, s := range []string{
		fmt.Sprintf("已校验 3 个文件，共 %d 项", want.Entries),
		`href="` + job + `report.json"`, `href="` + job + `report.sarif"`, `href="` + job + `report.html?download=1"`,
		`<iframe id="report"`, "zhuzhou.docx", "small.txt",
	} {
		if !strings.Contains(body, s) {
			t.Errorf("job page lacks %q", s)
		}
	}

	// The annotated copies: .docx and .xlsx, read back by our reader.
	for i, name := range []string{"zhuzhou.docx", "zhuzhou.xlsx"} {
		copyName := strings.Replace(name, ".", ".citelint.", 1)
		href := fmt.Sprintf("%sfiles/%d/%s", job, i, copyName)
		if !strings.Contains(body, `href="`+href+`"`) {
			t.Errorf("job page has no link %s", href)
			continue
		}
		resp, b := ts.get(t, href)
		if resp.StatusCode != 200 || !strings.Contains(resp.Header.Get("Content-Disposition"), copyName) {
			t.Errorf("%s: status %d, disposition %q", href, resp.StatusCode, resp.Header.Get("Content-Disposition"))
			continue
		}
		cat, err := catalog.ReadFrom(bytes.NewReader(b), copyName, "")
		if err != nil || len(cat.Entries) != direct(t, name).Entries {
			t.Errorf("%s does not read back as the catalog: %v", copyName, err)
		}
		if bytes.Equal(b, readTestdata(t, name).data) {
			t.Errorf("%s is the original unchanged", copyName)
		}
	}

	resp, b = ts.get(t, job+"report.sarif")
	var sarif struct {
		Version string `json:"version"`
		Runs    []struct {
			Results []json.RawMessage `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(b, &sarif); err != nil || sarif.Version != "2.1.0" || len(sarif.Runs) != 1 {
		t.Fatalf("report.sarif: %v, version %q", err, sarif.Version)
	}
	if n := len(sarif.Runs[0].Results); n != r.Summary.Error+r.Summary.Warning+r.Summary.Info {
		t.Errorf("SARIF has %d results, JSON %+v", n, r.Summary)
	}
	if cd := resp.Header.Get("Content-Disposition"); cd != `attachment; filename=citelint-report.sarif` {
		t.Errorf("SARIF Content-Disposition = %q", cd)
	}

	resp, b = ts.get(t, job+"report.html")
	if resp.StatusCode != 200 || resp.Header.Get("Content-Disposition") != "" || !bytes.Contains(b, []byte("检查报告")) {
		t.Errorf("report.html: status %d, disposition %q", resp.StatusCode, resp.Header.Get("Content-Disposition"))
	}
	resp, b2 := ts.get(t, job+"report.html?download=1")
	if !strings.HasPrefix(resp.Header.Get("Content-Disposition"), "attachment") || !bytes.Equal(b, b2) {
		t.Errorf("report.html?download=1: disposition %q", resp.Header.Get("Content-Disposition"))
	}
	// The same files in another order give the same report bytes.
	again := ts.upload(t, files[2], files[0], files[1])
	_, b3 := ts.get(t, again+"report.html")
	if !bytes.Equal(b, b3) {
		t.Errorf("the same files in another order gave another HTML report")
	}
}

func TestUploadProblems(t *testing.T) {
	ts := newTestServer(t, Options{MaxFileSize: 64 << 10})
	big := file{"big.txt", bytes.Repeat([]byte("序号\t名称\n"), 10000)}
	job := ts.upload(t,
		readTestdata(t, "small.txt"),
		file{"清单.pdf", []byte("%PDF-1.4")},
		file{"old.xls", []byte{0xd0, 0xcf, 0x11, 0xe0}},
		file{"broken.docx", []byte("PK\x03\x04 not really a zip")},
		file{"broken.doc", []byte("this is no Word file")},
		big,
		readTestdata(t, "zhuzhou.doc"),
		file{"../../etc/small.txt", readTestdata(t, "small.txt").data},
		file{"noext", []byte("x")},
	)
	_, b := ts.get(t, job)
	page := string(b)
	for _, want := range []string{
		"不支持的文件类型（.pdf）",
		"在 Excel/WPS 中“另存为”.xlsx",
		"无法读取文件（read catalog broken.docx:",
		"请在 Word/WPS 中“另存为”.docx 后重新上传（read catalog broken.doc:",
		"文件过大（",
		"上限 64 KB），未校验。",
		"旧版 Word 文件没有批注副本：在 Word/WPS 中“另存为”.docx",
		"small (2).txt",
		"不支持的文件类型（无扩展名）",
		"已校验 3 个文件",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("job page lacks %q", want)
		}
	}
	if strings.Contains(page, "etc/") {
		t.Errorf("the uploaded name's directories are shown")
	}
	r := ts.jsonReport(t, job)
	var paths []string
	for _, f := range r.Files {
		paths = append(paths, f.Path)
	}
	if got := strings.Join(paths, ","); got != "small (2).txt,small.txt,zhuzhou.doc" {
		t.Errorf("report files = %s", got)
	}
}

func TestRequestErrors(t *testing.T) {
	ts := newTestServer(t, Options{MaxFiles: 2, MaxRequestSize: 1 << 20})
	small := readTestdata(t, "small.txt")
	cases := []struct {
		name   string
		token  string
		files  []file
		status int
		msg    string
	}{
		{"too many files", ts.token, []file{small, small, small}, 413, "一次最多上传 2 个文件"},
		{"too large in all", ts.token, []file{{"a.txt", bytes.Repeat([]byte("x"), 2<<20)}}, 413, "上传的文件合计超过 1 MB"},
		{"no file", ts.token, nil, 400, "请先选择要校验的文件"},
		{"no token", "", []file{small}, 403, "请刷新页面后重新上传"},
		{"wrong token", strings.Repeat("0", len(ts.token)), []file{small}, 403, "请刷新页面后重新上传"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			resp := ts.post(t, c.token, c.files...)
			defer resp.Body.Close()
			b, _ := io.ReadAll(resp.Body)
			if resp.StatusCode != c.status || !strings.Contains(string(b), c.msg) {
				t.Errorf("status %d, want %d with %q:\n%s", resp.StatusCode, c.status, c.msg, b)
			}
		})
	}
	if n := ts.jobs.len(); n != 0 {
		t.Errorf("refused uploads left %d jobs", n)
	}

	// The token may come as a header instead of the form's first field.
	ctype, body := form(t, "", small)
	req, _ := http.NewRequest(http.MethodPost, ts.url+"/check", body)
	req.Header.Set("Content-Type", ctype)
	req.Header.Set("X-CSRF-Token", ts.token)
	resp, err := ts.client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther {
		t.Errorf("token in header: status %d, want 303", resp.StatusCode)
	}

	// Not a multipart form at all.
	req, _ = http.NewRequest(http.MethodPost, ts.url+"/check", strings.NewReader("a=b"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("X-CSRF-Token", ts.token)
	resp, err = ts.client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusBadRequest {
		t.Errorf("urlencoded form: status %d, want 400", resp.StatusCode)
	}
}

func TestHostAndOrigin(t *testing.T) {
	ts := newTestServer(t, Options{})
	u, _ := url.Parse(ts.url)
	port := u.Port()
	hosts := []struct {
		host string
		ok   bool
	}{
		{"127.0.0.1:" + port, true},
		{"localhost:" + port, true},
		{"LOCALHOST:" + port, true},
		{"evil.example:" + port, false},
		{"evil.example", false},
		{"127.0.0.1", false},
		{"127.0.0.1:1", false},
		{"[::1]:" + port, false},
	}
	for _, h := range hosts {
		req, _ := http.NewRequest(http.MethodGet, ts.url+"/", nil)
		req.Host = h.host
		resp, err := ts.client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if got := resp.StatusCode == 200; got != h.ok {
			t.Errorf("Host %q: status %d", h.host, resp.StatusCode)
		}
	}
	small := readTestdata(t, "small.txt")
	for _, c := range []struct {
		header, value string
		ok            bool
	}{
		{"Origin", "http://127.0.0.1:" + port, true},
		{"Origin", "http://localhost:" + port, true},
		{"Origin", "http://evil.example", false},
		{"Origin", "null", false},
		{"Sec-Fetch-Site", "cross-site", false},
		{"Sec-Fetch-Site", "same-origin", true},
	} {
		ctype, body := form(t, ts.token, small)
		req, _ := http.NewRequest(http.MethodPost, ts.url+"/check", body)
		req.Header.Set("Content-Type", ctype)
		req.Header.Set(c.header, c.value)
		resp, err := ts.client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if got := resp.StatusCode == http.StatusSeeOther; got != c.ok {
			t.Errorf("%s: %s: status %d", c.header, c.value, resp.StatusCode)
		}
	}
}

func TestNothingElseServed(t *testing.T) {
	ts := newTestServer(t, Options{})
	job := ts.upload(t, readTestdata(t, "small.txt"))
	for _, p := range []string{
		"/index.html", "/assets/", "/assets/page.js", "/jobs/", "/testdata/small.txt",
		"/jobs/0123456789abcdef0123456789abcdef/", "/jobs/0123456789abcdef0123456789abcdef/report.json",
		job + "files/0/small.txt", job + "files/9/x.docx", job + "files/-1/x", "/server.go",
		"/check",
	} {
		resp, _ := ts.get(t, p)
		if resp.StatusCode != http.StatusNotFound && resp.StatusCode != http.StatusMethodNotAllowed {
			t.Errorf("GET %s: status %d, want 404", p, resp.StatusCode)
		}
	}
}

// Many uploads at once each get their own result (run with -race).
func TestConcurrentUploads(t *testing.T) {
	ts := newTestServer(t, Options{})
	small := readTestdata(t, "small.txt")
	docx := readTestdata(t, "zhuzhou.docx")
	const n = 12
	jobs := make([]string, n)
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			f := small
			if i%2 == 1 {
				f = docx
			}
			f.name = fmt.Sprintf("upload-%02d%s", i, filepath.Ext(f.name))
			jobs[i] = ts.upload(t, f)
		}()
	}
	wg.Wait()
	seen := map[string]bool{}
	for i, job := range jobs {
		if t.Failed() {
			return
		}
		if seen[job] {
			t.Fatalf("two uploads got job %s", job)
		}
		seen[job] = true
		r := ts.jsonReport(t, job)
		want := fmt.Sprintf("upload-%02d", i)
		if len(r.Files) != 1 || !strings.HasPrefix(r.Files[0].Path, want) {
			t.Errorf("job %d holds %+v, want %s", i, r.Files, want)
		}
	}
}

func TestJobsBounded(t *testing.T) {
	now := testNow
	var mu sync.Mutex
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	ts := newTestServer(t, Options{MaxJobs: 2, JobTTL: time.Hour, Now: clock})
	small := readTestdata(t, "small.txt")
	first := ts.upload(t, small)
	second := ts.upload(t, small)
	third := ts.upload(t, small)
	for _, c := range []struct {
		job  string
		want int
	}{{first, 404}, {second, 200}, {third, 200}} {
		if resp, _ := ts.get(t, c.job+"report.json"); resp.StatusCode != c.want {
			t.Errorf("job %s: status %d, want %d", c.job, resp.StatusCode, c.want)
		}
	}
	mu.Lock()
	now = now.Add(61 * time.Minute)
	mu.Unlock()
	resp, b := ts.get(t, third)
	if resp.StatusCode != 404 || !strings.Contains(string(b), "结果已过期") {
		t.Errorf("expired job: status %d", resp.StatusCode)
	}
	if n := ts.jobs.len(); n != 0 {
		t.Errorf("%d expired jobs kept", n)
	}
}

func TestNewRefusesOtherAddresses(t *testing.T) {
	for _, addr := range []string{"0.0.0.0:8080", "192.168.1.2:80", ":8080", "127.0.0.1", "[::1]:8080", "localhost:80", "127.0.0.1:0"} {
		if _, err := New(Options{Addr: addr, Corpus: testCorpus(t)}); err == nil {
			t.Errorf("New(%q) accepted the address", addr)
		}
	}
}

func TestCleanName(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"a.docx", "a.docx"},
		{"../../etc/passwd", "passwd"},
		{`C:\Users\张三\清单.xlsx`, "清单.xlsx"},
		{"a\x00b\r\n.txt", "ab.txt"},
		{"\u202ecod.txt", "cod.txt"},
		{"..", "未命名"},
		{"  ", "未命名"},
		{strings.Repeat("长", 200) + ".docx", strings.Repeat("长", 60) + "…" + strings.Repeat("长", 54) + ".docx"},
	} {
		if got := cleanName(c.in); got != c.want {
			t.Errorf("cleanName(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestFormatSize(t *testing.T) {
	for _, c := range []struct {
		n    int64
		want string
	}{{512, "512 字节"}, {64 << 10, "64 KB"}, {20 << 20, "20 MB"}, {3 << 19, "1.5 MB"}} {
		if got := formatSize(c.n); got != c.want {
			t.Errorf("formatSize(%d) = %q, want %q", c.n, got, c.want)
		}
	}
}
