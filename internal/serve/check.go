package serve

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/citelint/citelint/catalog"
	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/report"
)

// acceptedExts are the uploads the page offers to check.
var acceptedExts = []string{".docx", ".xlsx", ".csv", ".txt", ".doc", ".wps"}

// job is one upload's result.
type job struct {
	id      string
	created time.Time
	Files   []jobFile
	Checked int          // files checked
	Summary lint.Summary // of the checked files
	html    []byte
	json    []byte
	sarif   []byte
}

// jobFile is one uploaded file: checked, or the reason it was not.
type jobFile struct {
	Name                 string // the uploaded name, cleaned; never a path
	Size                 int64
	Format               string
	Title                string
	Entries              int
	Error, Warning, Info int
	Problem              string // why the file was not checked (Chinese)
	Note                 string // a remark on a checked file (Chinese)
	CopyName             string // the annotated copy's name, when there is one
	copy                 []byte
	copyType             string
}

// size is about how much memory the job holds.
func (j *job) size() int64 {
	n := int64(len(j.html) + len(j.json) + len(j.sarif))
	for i := range j.Files {
		n += int64(len(j.Files[i].copy)) + 256
	}
	return n
}

// ID is the job's id, for the page's links.
func (j *job) ID() string { return j.id }

// upload is one file as read from the request.
type upload struct {
	name    string
	data    []byte
	size    int64
	problem string
}

// requestError is a refusal of the whole upload, shown on the page.
type requestError struct {
	status int
	msg    string
}

func (e *requestError) Error() string { return e.msg }

func (s *Server) handleCheck(w http.ResponseWriter, r *http.Request) {
	select {
	case s.sem <- struct{}{}:
		defer func() { <-s.sem }()
	case <-r.Context().Done():
		return
	}
	ups, err := s.readUploads(w, r)
	if err != nil {
		var re *requestError
		if !errors.As(err, &re) {
			re = &requestError{http.StatusBadRequest, "上传失败：" + err.Error()}
		}
		s.render(w, re.status, nil, re.msg)
		return
	}
	j := s.check(ups)
	id := s.jobs.add(j)
	http.Redirect(w, r, "/jobs/"+id+"/", http.StatusSeeOther)
}

// readUploads reads the multipart form as it streams: the token first
// (header X-CSRF-Token or field "csrf" before any file), then the files,
// each up to the file limit, all up to the request limit.
func (s *Server) readUploads(w http.ResponseWriter, r *http.Request) ([]upload, error) {
	r.Body = http.MaxBytesReader(w, r.Body, s.opts.MaxRequestSize)
	tokenOK := s.validToken(r.Header.Get("X-CSRF-Token"))
	mr, err := r.MultipartReader()
	if err != nil {
		if !tokenOK {
			return nil, errBadToken
		}
		return nil, &requestError{http.StatusBadRequest, "上传失败：请求不是文件上传表单。"}
	}
	var ups []upload
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, s.bodyError(err)
		}
		switch {
		case part.FormName() == "csrf" && part.FileName() == "":
			v, err := io.ReadAll(io.LimitReader(part, 128))
			if err != nil {
				return nil, s.bodyError(err)
			}
			tokenOK = tokenOK || s.validToken(string(v))
		case part.FormName() == "files":
			if !tokenOK {
				return nil, errBadToken
			}
			if part.FileName() == "" {
				// An empty file input sends one part with no name.
				if _, err := io.Copy(io.Discard, part); err != nil {
					return nil, s.bodyError(err)
				}
				continue
			}
			if len(ups) == s.opts.MaxFiles {
				return nil, &requestError{http.StatusRequestEntityTooLarge,
					fmt.Sprintf("一次最多上传 %d 个文件，请分批上传。", s.opts.MaxFiles)}
			}
			u, err := s.readPart(part)
			if err != nil {
				return nil, s.bodyError(err)
			}
			ups = append(ups, u)
		default:
			if _, err := io.Copy(io.Discard, part); err != nil {
				return nil, s.bodyError(err)
			}
		}
	}
	if !tokenOK {
		return nil, errBadToken
	}
	if len(ups) == 0 {
		return nil, &requestError{http.StatusBadRequest, "请先选择要校验的文件。"}
	}
	return ups, nil
}

var errBadToken = &requestError{http.StatusForbidden, "页面已过期或请求不是来自本页面：请刷新页面后重新上传。"}

func (s *Server) bodyError(err error) error {
	var mb *http.MaxBytesError
	if errors.As(err, &mb) {
		return &requestError{http.StatusRequestEntityTooLarge,
			fmt.Sprintf("上传的文件合计超过 %s，请分批上传。", formatSize(s.opts.MaxRequestSize))}
	}
	return &requestError{http.StatusBadRequest, "上传中断或格式有误，请重新上传（" + err.Error() + "）。"}
}

// readPart reads one file, keeping at most the file limit: a larger file
// is drained (the request may go on) and marked too large.
func (s *Server) readPart(part *multipart.Part) (upload, error) {
	u := upload{name: cleanName(part.FileName())}
	data, err := io.ReadAll(io.LimitReader(part, s.opts.MaxFileSize+1))
	if err != nil {
		return u, err
	}
	u.size = int64(len(data))
	if u.size > s.opts.MaxFileSize {
		n, err := io.Copy(io.Discard, part)
		if err != nil {
			return u, err
		}
		u.size += n
		u.problem = fmt.Sprintf("文件过大（%s，上限 %s），未校验。", formatSize(u.size), formatSize(s.opts.MaxFileSize))
		return u, nil
	}
	u.data = data
	return u, nil
}

// cleanName keeps the last element of an uploaded name (browsers send a
// base name, other clients anything), without control characters and at
// most 120 characters. It is only ever shown, never opened.
func cleanName(name string) string {
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	name = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == utf8.RuneError || unicode.Is(unicode.Bidi_Control, r) {
			return -1
		}
		return r
	}, name)
	name = strings.TrimSpace(name)
	if utf8.RuneCountInString(name) > 120 {
		rs := []rune(name)
		name = string(rs[:60]) + "…" + string(rs[len(rs)-59:])
	}
	if name == "" || name == "." || name == ".." {
		name = "未命名"
	}
	return name
}

// ext is a name's extension, lower case, with the dot.
func ext(name string) string {
	i := strings.LastIndexByte(name, '.')
	if i < 0 {
		return ""
	}
	return strings.ToLower(name[i:])
}

// check reads and lints each upload and renders the reports.
func (s *Server) check(ups []upload) *job {
	j := &job{}
	seen := map[string]int{}
	var results []lint.FileResult
	for _, u := range ups {
		f := jobFile{Name: uniqueName(u.name, seen), Size: u.size, Problem: u.problem}
		if f.Problem == "" {
			s.checkFile(&f, u.data, &results)
		}
		j.Files = append(j.Files, f)
	}
	if len(results) == 0 {
		return j
	}
	j.Checked = len(results)
	// Sorted by name as `citelint lint` sorts by path: the same files give
	// the same report in whatever order they were chosen.
	sort.SliceStable(results, func(a, b int) bool { return results[a].Path < results[b].Path })
	res := lint.Summarize(results)
	j.Summary = res.Summary
	opts := report.Options{Tool: s.opts.Tool, Rules: s.opts.Rules}
	for _, out := range []struct {
		format string
		dst    *[]byte
	}{{"html", &j.html}, {"json", &j.json}, {"sarif", &j.sarif}} {
		fm, err := report.New(out.format, opts)
		var b bytes.Buffer
		if err == nil {
			err = fm.Format(&b, &res)
		}
		if err != nil {
			// The formatters fail only on a broken template: say so
			// instead of serving half a report.
			b.Reset()
			fmt.Fprintf(&b, "citelint: %s report failed: %v\n", out.format, err)
		}
		*out.dst = b.Bytes()
	}
	return j
}

// checkFile reads and lints one file, recording the outcome in f.
func (s *Server) checkFile(f *jobFile, data []byte, results *[]lint.FileResult) {
	e := ext(f.Name)
	switch e {
	case ".docx", ".xlsx", ".csv", ".txt", ".doc", ".wps":
	case ".xls", ".et":
		f.Problem = "旧版 Excel/WPS 表格文件：请在 Excel/WPS 中“另存为”.xlsx 后重新上传。"
		return
	case ".dps", ".ppt", ".pptx":
		f.Problem = "演示文稿不是清单文件：请上传 .docx、.xlsx、.csv、.txt 或 .doc 文件。"
		return
	default:
		shown := e
		if shown == "" {
			shown = "无扩展名"
		}
		f.Problem = "不支持的文件类型（" + shown + "）：请上传 .docx、.xlsx、.csv、.txt 或 .doc 文件。"
		return
	}
	cat, err := catalog.ReadFrom(bytes.NewReader(data), f.Name, "")
	if err != nil {
		if e == ".doc" || e == ".wps" {
			f.Problem = "无法读取这个旧版 Word/WPS 文件：请在 Word/WPS 中“另存为”.docx 后重新上传（" + err.Error() + "）。"
		} else {
			f.Problem = "无法读取文件（" + err.Error() + "）。"
		}
		return
	}
	cfg := s.opts.Config
	fr, err := lint.Run(cat, lint.Options{Rules: s.opts.Rules, Corpus: s.opts.Corpus, Config: cfg, Now: s.opts.Now()})
	if err != nil {
		f.Problem = "校验失败（" + err.Error() + "）。"
		return
	}
	f.Format, f.Title, f.Entries = fr.Format, fr.Title, fr.Entries
	for _, d := range fr.Diagnostics {
		switch d.Severity {
		case lint.Error:
			f.Error++
		case lint.Warning:
			f.Warning++
		default:
			f.Info++
		}
	}
	s.annotate(f, data, cat, &fr)
	*results = append(*results, fr)
}

// uniqueName numbers a name already in the job: a.docx, a (2).docx.
func uniqueName(name string, seen map[string]int) string {
	seen[name]++
	if seen[name] == 1 {
		return name
	}
	for n := seen[name]; ; n++ {
		e := ext(name)
		cand := strings.TrimSuffix(name, name[len(name)-len(e):]) + " (" + strconv.Itoa(n) + ")" + name[len(name)-len(e):]
		if seen[cand] == 0 {
			seen[cand] = 1
			return cand
		}
	}
}

// attachment is a Content-Disposition for a download named name (any
// script: RFC 2231 encoding for names outside ASCII).
func attachment(name string) string {
	return mime.FormatMediaType("attachment", map[string]string{"filename": name})
}

// formatSize writes a byte count for people: 812 KB, 20 MB.
func formatSize(n int64) string {
	switch {
	case n >= 1<<20:
		v := float64(n) / (1 << 20)
		if v == float64(int64(v)) {
			return strconv.FormatInt(int64(v), 10) + " MB"
		}
		return strconv.FormatFloat(v, 'f', 1, 64) + " MB"
	case n >= 1<<10:
		return strconv.FormatInt((n+512)>>10, 10) + " KB"
	}
	return strconv.FormatInt(n, 10) + " 字节"
}
