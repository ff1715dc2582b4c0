//go:build unix

package test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/citelint/citelint/internal/gen"
	"github.com/citelint/citelint/statutes"
)

// The citelint binary TestMain builds, and the cache directory the tests
// share once an index is built in it (cases about the cache use their own).
var (
	bin      string
	buildErr error
	workDir  string
	cacheDir string
)

func TestMain(m *testing.M) {
	var err error
	workDir, err = os.MkdirTemp("", "citelint-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	bin = filepath.Join(workDir, "citelint")
	cacheDir = filepath.Join(workDir, "cache")
	if out, err := exec.Command("go", "build", "-o", bin, "github.com/citelint/citelint/cmd/citelint").CombinedOutput(); err != nil {
		buildErr = fmt.Errorf("build citelint: %v\n%s", err, out)
	}
	code := m.Run()
	os.RemoveAll(workDir)
	os.Exit(code)
}

// needBinary fails the test when the binary could not be built.
func needBinary(t testing.TB) {
	t.Helper()
	if buildErr != nil {
		t.Fatal(buildErr)
	}
}

// run is one finished citelint process.
type run struct {
	args     []string
	code     int // exit status; -1 when killed
	stdout   []byte
	stderr   []byte
	wall     time.Duration
	maxRSS   int64 // bytes
	timedOut bool
}

func (r *run) String() string {
	return fmt.Sprintf("citelint %s: exit %d, %v, %d MB peak%s\nstderr: %s", strings.Join(r.args, " "), r.code,
		r.wall.Round(time.Millisecond), r.maxRSS>>20, map[bool]string{true: " (TIMED OUT)"}[r.timedOut], clip(r.stderr, 2000))
}

func clip(b []byte, n int) string {
	if len(b) > n {
		return string(b[:n]) + "…"
	}
	return string(b)
}

// citelint runs the binary with a timeout and extra environment (the cache
// directory defaults to the shared one). Peak memory comes from
// /usr/bin/time when installed: the rusage of a child the test process
// starts itself counts the test process's own memory (Go starts children
// with vfork, and Linux carries the high-water mark across exec).
func citelint(t testing.TB, timeout time.Duration, env []string, args ...string) *run {
	t.Helper()
	needBinary(t)
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	var cmd *exec.Cmd
	rssFile := ""
	if _, err := os.Stat("/usr/bin/time"); err == nil {
		f, err := os.CreateTemp(workDir, "rss-")
		if err != nil {
			t.Fatal(err)
		}
		f.Close()
		rssFile = f.Name()
		defer os.Remove(rssFile)
		cmd = exec.CommandContext(ctx, "/usr/bin/time", append([]string{"-f", "%M", "-o", rssFile, bin}, args...)...)
	} else {
		cmd = exec.CommandContext(ctx, bin, args...)
	}
	// kill the whole group on timeout: time and citelint
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	cmd.Env = append(os.Environ(), "NO_COLOR=1", statutesCacheEnv+"="+cacheDir)
	cmd.Env = append(cmd.Env, env...)
	cmd.WaitDelay = 5 * time.Second
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	start := time.Now()
	err := cmd.Run()
	r := &run{args: args, stdout: out.Bytes(), stderr: errb.Bytes(), wall: time.Since(start), code: -1}
	if cmd.ProcessState != nil {
		r.code = cmd.ProcessState.ExitCode()
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok && rssFile == "" {
			r.maxRSS = ru.Maxrss * 1024
		}
	}
	if rssFile != "" {
		b, _ := os.ReadFile(rssFile)
		lines := strings.Fields(string(b))
		if len(lines) > 0 {
			var kb int64
			fmt.Sscan(lines[len(lines)-1], &kb)
			r.maxRSS = kb * 1024
		}
		if bytes.Contains(b, []byte("terminated by signal")) {
			r.stderr = append(r.stderr, b...)
		}
	}
	r.timedOut = ctx.Err() != nil
	if err != nil && cmd.ProcessState == nil {
		t.Fatalf("run citelint: %v", err)
	}
	return r
}

const statutesCacheEnv = "CITELINT_CACHE_DIR"

// noCrash fails when the process panicked, crashed, was killed or ran out
// of time.
func noCrash(t testing.TB, r *run) {
	t.Helper()
	if r.timedOut {
		t.Errorf("timed out: %v", r)
	}
	if bytes.Contains(r.stderr, []byte("panic:")) || bytes.Contains(r.stderr, []byte("goroutine ")) || bytes.Contains(r.stderr, []byte("fatal error:")) {
		t.Errorf("crashed: %v", r)
	}
	if r.code != 0 && r.code != 1 && r.code != 2 {
		t.Errorf("exit status %d: %v", r.code, r)
	}
}

// Report is the part of the JSON report the tests read.
type Report struct {
	Files []struct {
		Path        string       `json:"path"`
		Format      string       `json:"format"`
		Entries     int          `json:"entries"`
		Diagnostics []Diagnostic `json:"diagnostics"`
	} `json:"files"`
	Summary struct {
		Files, Entries, Error, Warning, Info int
	} `json:"summary"`
}

// Diagnostic is one finding of the JSON report.
type Diagnostic struct {
	Rule     string `json:"rule"`
	Severity string `json:"severity"`
	Entry    *struct {
		Index int    `json:"index"`
		Seq   string `json:"seq"`
	} `json:"entry"`
	Field   string `json:"field"`
	Column  string `json:"column"`
	Message string `json:"message"`
	Span    struct {
		Start int `json:"start"`
		End   int `json:"end"`
	} `json:"span"`
}

func (d Diagnostic) entry() int {
	if d.Entry == nil {
		return 0
	}
	return d.Entry.Index
}

func parseReport(t testing.TB, r *run) *Report {
	t.Helper()
	var rep Report
	if err := json.Unmarshal(r.stdout, &rep); err != nil {
		t.Fatalf("report is not JSON (%v): %s\n%v", err, clip(r.stdout, 500), r)
	}
	return &rep
}

func sha(t testing.TB, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

// corpus loads the embedded corpus once for the generator.
var corpus = sync.OnceValues(statutes.Default)

// generated writes (once per process) an N-entry catalog of seed 1 in the
// given formats under workDir, and returns its directory and result.
func generated(t testing.TB, n int, formats ...string) (string, *gen.Result) {
	t.Helper()
	key := fmt.Sprintf("%d-%s", n, strings.Join(formats, ","))
	genMu.Lock()
	defer genMu.Unlock()
	if g, ok := genCache[key]; ok {
		return g.dir, g.res
	}
	c, err := corpus()
	if err != nil {
		t.Fatal(err)
	}
	res, err := gen.Generate(gen.FromCorpus(c, gen.AsOf(2025)), gen.Options{N: n, Seed: 1, Year: 2025})
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(workDir, "gen-"+key)
	if _, err := gen.WriteDir(dir, "catalog", res, formats...); err != nil {
		t.Fatal(err)
	}
	genCache[key] = generatedCat{dir, res}
	return dir, res
}

type generatedCat struct {
	dir string
	res *gen.Result
}

var (
	genMu    sync.Mutex
	genCache = map[string]generatedCat{}
)
