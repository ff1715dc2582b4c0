package index

import (
	"encoding/json"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/citelint/citelint/statutes"
)

func cpu() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func TestExpOne(t *testing.T) {
	if os.Getenv("EXP") == "" {
		t.Skip()
	}
	s, _ := statutes.Default()
	docs := collect(s)
	gc, _ := strconv.Atoi(os.Getenv("GCP"))
	bs, _ := strconv.Atoi(os.Getenv("BS"))
	var extra map[string]any
	if e := os.Getenv("SC"); e != "" {
		if err := json.Unmarshal([]byte(e), &extra); err != nil {
			t.Fatal(err)
		}
	}
	for r := 0; r < 3; r++ {
		dir := t.TempDir()
		if gc != 0 {
			debug.SetGCPercent(gc)
		}
		t0 := time.Now()
		c0 := cpu()
		if err := build(filepath.Join(dir, "x"), docs, buildConfig{batchSize: bs, scorch: extra}); err != nil {
			t.Fatal(err)
		}
		debug.SetGCPercent(100)
		sz, _ := dirSizes(dir)
		t.Logf("gc=%d bs=%d wall %v cpu %v files %d", gc, bs, time.Since(t0), cpu()-c0, len(sz))
	}
}
