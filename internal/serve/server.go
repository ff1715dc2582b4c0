package serve

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"embed"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"html/template"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/report"
	"github.com/citelint/citelint/statutes"
)

// Defaults of the limits in Options.
const (
	DefaultMaxFileSize    = 20 << 20
	DefaultMaxFiles       = 50
	DefaultMaxRequestSize = 100 << 20
	DefaultMaxJobs        = 20
	DefaultMaxStoreBytes  = 512 << 20
	DefaultJobTTL         = 2 * time.Hour
	DefaultMaxConcurrent  = 2
)

// Options configure a Server. Zero limits take the defaults above.
type Options struct {
	// Addr is the address the server listens on, 127.0.0.1:PORT. Requests
	// must name it (or localhost:PORT) as their Host.
	Addr   string
	Rules  []*lint.Rule
	Corpus *statutes.Corpus
	Config *lint.Config // nil: the defaults
	Tool   report.Tool

	MaxFileSize    int64 // bytes of one uploaded file
	MaxFiles       int   // files in one upload
	MaxRequestSize int64 // bytes of one upload request
	MaxJobs        int   // results kept in memory
	MaxStoreBytes  int64 // bytes of the results kept in memory
	JobTTL         time.Duration
	MaxConcurrent  int // uploads checked at once; more wait their turn

	// Now is the clock (job expiry, "today" for undated catalogs); nil
	// means time.Now.
	Now func() time.Time
}

// Server is the handler of `citelint serve`.
type Server struct {
	opts  Options
	hosts map[string]bool // Host header values admitted
	orig  map[string]bool // Origin header values admitted
	token string          // the CSRF token every POST carries
	jobs  *jobStore
	sem   chan struct{}
	mux   *http.ServeMux
	page  *template.Template
	css   []byte
	js    []byte
	csp   string
}

//go:embed assets/page.html.tmpl assets/page.css assets/page.js
var assets embed.FS

// New returns a server for the listener at opts.Addr, which must be a
// loopback IPv4 address with a port.
func New(opts Options) (*Server, error) {
	host, port, err := net.SplitHostPort(opts.Addr)
	if err != nil {
		return nil, fmt.Errorf("serve: address %q: %w", opts.Addr, err)
	}
	if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() || ip.To4() == nil {
		return nil, fmt.Errorf("serve: address %q is not a 127.0.0.1 address", opts.Addr)
	}
	if p, err := strconv.Atoi(port); err != nil || p <= 0 || p > 65535 {
		return nil, fmt.Errorf("serve: address %q has no port", opts.Addr)
	}
	if opts.Corpus == nil {
		return nil, errors.New("serve: no statute corpus")
	}
	setDefault(&opts.MaxFileSize, DefaultMaxFileSize)
	setDefault(&opts.MaxFiles, DefaultMaxFiles)
	setDefault(&opts.MaxRequestSize, DefaultMaxRequestSize)
	setDefault(&opts.MaxJobs, DefaultMaxJobs)
	setDefault(&opts.MaxStoreBytes, DefaultMaxStoreBytes)
	setDefault(&opts.JobTTL, DefaultJobTTL)
	setDefault(&opts.MaxConcurrent, DefaultMaxConcurrent)
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Tool.Name == "" {
		opts.Tool.Name = "citelint"
	}
	s := &Server{
		opts: opts,
		hosts: map[string]bool{
			host + ":" + port:   true,
			"localhost:" + port: true,
		},
		jobs: newJobStore(opts.MaxJobs, opts.MaxStoreBytes, opts.JobTTL, opts.Now),
		sem:  make(chan struct{}, opts.MaxConcurrent),
	}
	s.orig = map[string]bool{}
	for h := range s.hosts {
		s.orig["http://"+h] = true
	}
	var tok [32]byte
	if _, err := rand.Read(tok[:]); err != nil {
		return nil, err
	}
	s.token = hex.EncodeToString(tok[:])
	if err := s.loadAssets(); err != nil {
		return nil, err
	}
	s.routes()
	return s, nil
}

func setDefault[T int | int64 | time.Duration](v *T, def T) {
	if *v <= 0 {
		*v = def
	}
}

func (s *Server) loadAssets() error {
	tmpl, err := assets.ReadFile("assets/page.html.tmpl")
	if err != nil {
		return err
	}
	if s.css, err = assets.ReadFile("assets/page.css"); err != nil {
		return err
	}
	if s.js, err = assets.ReadFile("assets/page.js"); err != nil {
		return err
	}
	s.page, err = template.New("page").Funcs(template.FuncMap{"size": formatSize}).Parse(string(tmpl))
	if err != nil {
		return err
	}
	// The page runs only its own style and script; it talks only to this
	// server and frames only its reports.
	s.csp = "default-src 'none'; img-src data:; style-src " + cspHash(s.css) + "; script-src " + cspHash(s.js) +
		"; frame-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
	return nil
}

func cspHash(b []byte) string {
	sum := sha256.Sum256(b)
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}

func (s *Server) routes() {
	m := http.NewServeMux()
	m.HandleFunc("GET /{$}", s.handleIndex)
	m.HandleFunc("POST /check", s.handleCheck)
	m.HandleFunc("GET /jobs/{id}/{$}", s.handleJob)
	m.HandleFunc("GET /jobs/{id}/report.html", s.handleReport)
	m.HandleFunc("GET /jobs/{id}/report.json", s.handleReport)
	m.HandleFunc("GET /jobs/{id}/report.sarif", s.handleReport)
	m.HandleFunc("GET /jobs/{id}/files/{n}/{name}", s.handleCopy)
	s.mux = m
}

// ServeHTTP checks the Host and, for a POST, the origin and the token,
// then routes. Anything not routed is 404: there is no directory to list.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	// same-origin, not no-referrer: under no-referrer the browser sends
	// the form's POST with "Origin: null", which the origin check refuses.
	h.Set("Referrer-Policy", "same-origin")
	h.Set("Cache-Control", "no-store")
	if !s.hosts[strings.ToLower(r.Host)] {
		// A page on another site whose name resolves to 127.0.0.1 (DNS
		// rebinding) reaches this port with its own name as Host.
		http.Error(w, "拒绝访问：请求的地址不是本机 citelint 的地址。", http.StatusForbidden)
		return
	}
	if r.Method == http.MethodPost {
		if o := r.Header.Get("Origin"); o != "" && !s.orig[strings.ToLower(o)] {
			http.Error(w, "拒绝访问：请求来自其他网站。", http.StatusForbidden)
			return
		}
		if r.Header.Get("Sec-Fetch-Site") == "cross-site" {
			http.Error(w, "拒绝访问：请求来自其他网站。", http.StatusForbidden)
			return
		}
	}
	s.mux.ServeHTTP(w, r)
}

// validToken compares a request's token with the server's in constant time.
func (s *Server) validToken(t string) bool {
	return len(t) == len(s.token) && subtle.ConstantTimeCompare([]byte(t), []byte(s.token)) == 1
}

// pageData is what the page template shows.
type pageData struct {
	Tool   report.Tool
	Token  string
	CSP    string
	CSS    template.CSS
	JS     template.JS
	Accept string
	Limits limitsData
	Error  string // a request-level error
	Job    *job
}

type limitsData struct {
	FileSize, RequestSize int64
	Files                 int
}

func (s *Server) render(w http.ResponseWriter, status int, j *job, errMsg string) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Security-Policy", s.csp)
	w.Header().Set("X-Frame-Options", "DENY")
	d := pageData{
		Tool: s.opts.Tool, Token: s.token, CSP: s.csp, CSS: template.CSS(s.css), JS: template.JS(s.js),
		Accept: strings.Join(acceptedExts, ","),
		Limits: limitsData{FileSize: s.opts.MaxFileSize, RequestSize: s.opts.MaxRequestSize, Files: s.opts.MaxFiles},
		Error:  errMsg, Job: j,
	}
	var b strings.Builder
	if err := s.page.Execute(&b, d); err != nil {
		http.Error(w, "页面生成失败："+err.Error(), http.StatusInternalServerError)
		return
	}
	w.WriteHeader(status)
	_, _ = w.Write([]byte(b.String()))
}

func (s *Server) handleIndex(w http.ResponseWriter, r *http.Request) {
	s.render(w, http.StatusOK, nil, "")
}

func (s *Server) handleJob(w http.ResponseWriter, r *http.Request) {
	j := s.jobs.get(r.PathValue("id"))
	if j == nil {
		s.render(w, http.StatusNotFound, nil, msgJobGone)
		return
	}
	s.render(w, http.StatusOK, j, "")
}

const msgJobGone = "结果已过期或不存在，请重新上传文件校验。"

// handleReport serves a job's report: the HTML inline (the page frames
// it) unless ?download=1, JSON and SARIF as downloads.
func (s *Server) handleReport(w http.ResponseWriter, r *http.Request) {
	j := s.jobs.get(r.PathValue("id"))
	if j == nil || j.html == nil {
		http.Error(w, msgJobGone, http.StatusNotFound)
		return
	}
	h := w.Header()
	name := r.URL.Path[strings.LastIndexByte(r.URL.Path, '/')+1:]
	switch name {
	case "report.html":
		h.Set("Content-Type", "text/html; charset=utf-8")
		// The report's own policy is in its <meta>; this adds who may frame it.
		h.Set("Content-Security-Policy", "frame-ancestors 'self'")
		h.Set("X-Frame-Options", "SAMEORIGIN")
		if r.URL.Query().Get("download") == "1" {
			h.Set("Content-Disposition", attachment("citelint-report.html"))
		}
		_, _ = w.Write(j.html)
	case "report.json":
		h.Set("Content-Type", "application/json")
		h.Set("Content-Disposition", attachment("citelint-report.json"))
		_, _ = w.Write(j.json)
	case "report.sarif":
		h.Set("Content-Type", "application/sarif+json")
		h.Set("Content-Disposition", attachment("citelint-report.sarif"))
		_, _ = w.Write(j.sarif)
	}
}

// handleCopy serves an annotated copy. The name in the address is only
// for the browser's sake; the file is picked by its number.
func (s *Server) handleCopy(w http.ResponseWriter, r *http.Request) {
	j := s.jobs.get(r.PathValue("id"))
	n, err := strconv.Atoi(r.PathValue("n"))
	if j == nil || err != nil || n < 0 || n >= len(j.Files) || j.Files[n].copy == nil {
		http.Error(w, msgJobGone, http.StatusNotFound)
		return
	}
	f := &j.Files[n]
	w.Header().Set("Content-Type", f.copyType)
	w.Header().Set("Content-Disposition", attachment(f.CopyName))
	_, _ = w.Write(f.copy)
}
