package main

import (
	"bytes"
	"context"
	"io"
	"mime/multipart"
	"net/http"
	"os"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestWithDefaultCommand(t *testing.T) {
	for _, c := range []struct {
		goos    string
		args    []string
		want    string
		serving bool
	}{
		{"windows", []string{`C:\citelint.exe`}, `C:\citelint.exe serve`, true},
		{"windows", []string{`citelint.exe`, "lint", "a.docx"}, "citelint.exe lint a.docx", false},
		{"windows", []string{`citelint.exe`, "--help"}, "citelint.exe --help", false},
		{"linux", []string{"citelint"}, "citelint", false},
		{"darwin", []string{"citelint"}, "citelint", false},
	} {
		got, serving := withDefaultCommand(c.goos, c.args)
		if strings.Join(got, " ") != c.want || serving != c.serving {
			t.Errorf("withDefaultCommand(%s, %q) = %q, %v; want %q, %v", c.goos, c.args, got, serving, c.want, c.serving)
		}
	}
}

func TestNoArgumentsPrintsHelp(t *testing.T) {
	stdout, _, code := runCLI(t)
	if code != 0 || !strings.Contains(stdout, "serve") || !strings.Contains(stdout, "lint") {
		t.Errorf("citelint with no arguments: status %d, stdout:\n%s", code, stdout)
	}
}

func TestServeAddr(t *testing.T) {
	for _, c := range []struct {
		addr    string
		port    int
		portSet bool
		want    string // "" for an error
	}{
		{"127.0.0.1:0", 0, false, "127.0.0.1:0"},
		{"localhost:8080", 0, false, "127.0.0.1:8080"},
		{"127.0.0.1:0", 8123, true, "127.0.0.1:8123"},
		{"0.0.0.0:8080", 0, false, ""},
		{":8080", 0, false, ""},
		{"192.168.1.5:80", 0, false, ""},
		{"[::1]:80", 0, false, ""},
		{"127.0.0.1", 0, false, ""},
		{"127.0.0.1:x", 0, false, ""},
		{"127.0.0.1:0", 70000, true, ""},
	} {
		got, err := serveAddr(c.addr, c.port, c.portSet)
		if (err != nil) != (c.want == "") || got != c.want {
			t.Errorf("serveAddr(%q, %d) = %q, %v; want %q", c.addr, c.port, got, err, c.want)
		}
	}
}

func TestServeRefusesPublicAddress(t *testing.T) {
	_, stderr, code := runCLI(t, "serve", "--no-browser", "--addr", "0.0.0.0:0")
	if code != 2 || !strings.Contains(stderr, "127.0.0.1 only") {
		t.Errorf("status %d, stderr %q", code, stderr)
	}
}

// syncBuffer is a bytes.Buffer safe to read while the command writes.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

var urlRE = regexp.MustCompile(`http://127\.0\.0\.1:\d+/`)

// citelint serve prints its address, serves the page and an upload, and
// stops cleanly when told to.
func TestServeCommand(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stdout, stderr syncBuffer
	exit := make(chan int, 1)
	go func() {
		exit <- runContext(ctx, []string{"citelint", "serve", "--no-browser", "--max-files", "3"}, &stdout, &stderr)
	}()
	var base string
	for deadline := time.Now().Add(20 * time.Second); base == "" && time.Now().Before(deadline); {
		select {
		case code := <-exit:
			t.Fatalf("serve exited with %d: %s", code, stderr.String())
		case <-time.After(20 * time.Millisecond):
		}
		base = urlRE.FindString(stdout.String())
	}
	if base == "" {
		t.Fatalf("no address printed: %q", stdout.String())
	}
	resp, err := http.Get(base)
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	m := regexp.MustCompile(`name="csrf" value="([0-9a-f]+)"`).FindSubmatch(page)
	if m == nil || !strings.Contains(string(page), "一次最多 3 个文件") {
		t.Fatalf("page: no token or not the --max-files limit:\n%s", page)
	}
	data, err := os.ReadFile(small)
	if err != nil {
		t.Fatal(err)
	}
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	_ = mw.WriteField("csrf", string(m[1]))
	w, _ := mw.CreateFormFile("files", "small.txt")
	_, _ = w.Write(data)
	_ = mw.Close()
	resp, err = http.Post(base+"check", mw.FormDataContentType(), &body)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(b), "已校验 1 个文件，共 2 项") {
		t.Errorf("upload: status %d:\n%s", resp.StatusCode, b)
	}
	cancel()
	select {
	case code := <-exit:
		if code != 0 || !strings.Contains(stdout.String(), "已停止") {
			t.Errorf("serve stopped with %d; stdout %q stderr %q", code, stdout.String(), stderr.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop")
	}
}
