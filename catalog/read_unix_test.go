//go:build unix

package catalog

import (
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestReadSpecialFiles: a FIFO (which nothing writes to) and a device are
// refused at once, never waited on or read forever.
func TestReadSpecialFiles(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "fifo.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("mkfifo:", err)
	}
	for _, tc := range []struct{ path, want string }{
		{fifo, "named pipe"},
		{"/dev/zero", "device"}, // reading it would never end
	} {
		t.Run(filepath.Base(tc.path), func(t *testing.T) {
			done := make(chan error, 1)
			go func() {
				_, err := Read(tc.path)
				done <- err
			}()
			select {
			case err := <-done:
				checkInputError(t, err, tc.path, tc.want)
			case <-time.After(10 * time.Second):
				t.Fatalf("Read(%s) still blocked after 10 s", tc.path)
			}
		})
	}
}
