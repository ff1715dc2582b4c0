//go:build unix

package reporttest

import (
	"bufio"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"sync"
	"testing"
	"time"
)

// Browser is a headless Chromium driven through the DevTools protocol over
// a pipe (--remote-debugging-pipe: commands on fd 3, answers on fd 4, each
// message JSON ended by a NUL byte), for tests that act on a page as a
// user does: choose files in a file input, click, wait for the next page.
type Browser struct {
	t       testing.TB
	cmd     *exec.Cmd
	in      *os.File // commands to the browser
	mu      sync.Mutex
	next    int
	pending map[int]chan cdpReply
	session string // the page target's session
	done    chan struct{}
}

type cdpReply struct {
	Result json.RawMessage `json:"result"`
	Error  *struct {
		Message string `json:"message"`
	} `json:"error"`
}

// StartBrowser starts Chromium (bin, from Chromium) with one page of
// 1280×900 and attaches to it. The browser is stopped when the test ends.
func StartBrowser(t testing.TB, bin string) *Browser {
	t.Helper()
	toBrowser, cmdIn, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	fromBrowser, browserOut, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	args := []string{
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--disable-dev-shm-usage", "--hide-scrollbars", "--window-size=1280,900",
		"--user-data-dir=" + t.TempDir(), "--remote-debugging-pipe", "about:blank",
	}
	cmd := exec.Command(bin, args...)
	cmd.ExtraFiles = []*os.File{toBrowser, browserOut} // fd 3, fd 4
	if err := cmd.Start(); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	toBrowser.Close()
	browserOut.Close()
	b := &Browser{t: t, cmd: cmd, in: cmdIn, pending: map[int]chan cdpReply{}, done: make(chan struct{})}
	go b.read(fromBrowser)
	t.Cleanup(func() {
		_ = b.call("", "Browser.close", nil, nil)
		cmdIn.Close()
		waited := make(chan struct{})
		go func() { _ = cmd.Wait(); close(waited) }()
		select {
		case <-waited:
		case <-time.After(10 * time.Second):
			_ = cmd.Process.Kill()
			<-waited
		}
		fromBrowser.Close()
	})

	var targets struct {
		TargetInfos []struct {
			TargetID string `json:"targetId"`
			Type     string `json:"type"`
		} `json:"targetInfos"`
	}
	var target string
	for deadline := time.Now().Add(30 * time.Second); target == "" && time.Now().Before(deadline); {
		b.must("", "Target.getTargets", nil, &targets)
		for _, ti := range targets.TargetInfos {
			if ti.Type == "page" {
				target = ti.TargetID
				break
			}
		}
		if target == "" {
			time.Sleep(50 * time.Millisecond)
		}
	}
	if target == "" {
		t.Fatal("chromium: no page target")
	}
	var att struct {
		SessionID string `json:"sessionId"`
	}
	b.must("", "Target.attachToTarget", map[string]any{"targetId": target, "flatten": true}, &att)
	b.session = att.SessionID
	return b
}

func (b *Browser) read(f *os.File) {
	defer close(b.done)
	r := bufio.NewReaderSize(f, 1<<20)
	for {
		msg, err := r.ReadBytes(0)
		if err != nil {
			b.mu.Lock()
			for id, ch := range b.pending {
				ch <- cdpReply{Error: &struct {
					Message string `json:"message"`
				}{"browser closed the pipe"}}
				delete(b.pending, id)
			}
			b.mu.Unlock()
			return
		}
		var m struct {
			ID int `json:"id"`
			cdpReply
		}
		if json.Unmarshal(msg[:len(msg)-1], &m) != nil || m.ID == 0 {
			continue // an event
		}
		b.mu.Lock()
		ch := b.pending[m.ID]
		delete(b.pending, m.ID)
		b.mu.Unlock()
		if ch != nil {
			ch <- m.cdpReply
		}
	}
}

// call sends one command (to the page's session unless session is "")
// and decodes its result into out.
func (b *Browser) call(session, method string, params, out any) error {
	b.mu.Lock()
	b.next++
	id := b.next
	ch := make(chan cdpReply, 1)
	b.pending[id] = ch
	b.mu.Unlock()
	msg := map[string]any{"id": id, "method": method}
	if params != nil {
		msg["params"] = params
	}
	if session != "" {
		msg["sessionId"] = session
	}
	data, err := json.Marshal(msg)
	if err != nil {
		return err
	}
	if _, err := b.in.Write(append(data, 0)); err != nil {
		return fmt.Errorf("%s: %w", method, err)
	}
	select {
	case rep := <-ch:
		if rep.Error != nil {
			return fmt.Errorf("%s: %s", method, rep.Error.Message)
		}
		if out != nil {
			return json.Unmarshal(rep.Result, out)
		}
		return nil
	case <-time.After(60 * time.Second):
		return fmt.Errorf("%s: no answer in 60 s", method)
	}
}

func (b *Browser) must(session, method string, params, out any) {
	b.t.Helper()
	if err := b.call(session, method, params, out); err != nil {
		b.t.Fatalf("chromium: %v", err)
	}
}

// Navigate loads address in the page and waits for it to finish loading.
func (b *Browser) Navigate(address string) {
	b.t.Helper()
	b.must(b.session, "Page.navigate", map[string]any{"url": address}, nil)
	b.WaitFor(fmt.Sprintf("location.href === %q && document.readyState === 'complete'", address), 30*time.Second)
}

// Eval evaluates a JavaScript expression in the page (awaiting it when it
// is a promise) and decodes its value into out (nil: ignore it).
func (b *Browser) Eval(expr string, out any) {
	b.t.Helper()
	if err := b.eval(expr, out); err != nil {
		b.t.Fatalf("chromium: %s: %v", expr, err)
	}
}

func (b *Browser) eval(expr string, out any) error {
	var res struct {
		Result struct {
			Value json.RawMessage `json:"value"`
		} `json:"result"`
		ExceptionDetails *struct {
			Text      string `json:"text"`
			Exception struct {
				Description string `json:"description"`
			} `json:"exception"`
		} `json:"exceptionDetails"`
	}
	err := b.call(b.session, "Runtime.evaluate", map[string]any{"expression": expr, "returnByValue": true, "awaitPromise": true}, &res)
	if err != nil {
		return err
	}
	if e := res.ExceptionDetails; e != nil {
		return fmt.Errorf("%s %s", e.Text, e.Exception.Description)
	}
	if out != nil && len(res.Result.Value) > 0 {
		return json.Unmarshal(res.Result.Value, out)
	}
	return nil
}

// WaitFor polls a JavaScript expression until it is true. Errors while
// polling (the page navigating away) count as false.
func (b *Browser) WaitFor(expr string, timeout time.Duration) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	for {
		var ok bool
		if err := b.eval("!!("+expr+")", &ok); err == nil && ok {
			return
		}
		select {
		case <-ctx.Done():
			var state string
			_ = b.eval("location.href + ' ' + document.readyState + ': ' + (document.body ? document.body.innerText.slice(0, 300) : '')", &state)
			b.t.Fatalf("chromium: %s not true within %s (page: %s)", expr, timeout, state)
		case <-time.After(100 * time.Millisecond):
		}
	}
}

// SetFiles chooses files in the page's file input matched by selector, as
// the user does in the file dialog (the input fires its change event).
func (b *Browser) SetFiles(selector string, paths ...string) {
	b.t.Helper()
	var doc struct {
		Root struct {
			NodeID int `json:"nodeId"`
		} `json:"root"`
	}
	b.must(b.session, "DOM.getDocument", map[string]any{"depth": 0}, &doc)
	var q struct {
		NodeID int `json:"nodeId"`
	}
	b.must(b.session, "DOM.querySelector", map[string]any{"nodeId": doc.Root.NodeID, "selector": selector}, &q)
	if q.NodeID == 0 {
		b.t.Fatalf("chromium: no element %s", selector)
	}
	b.must(b.session, "DOM.setFileInputFiles", map[string]any{"nodeId": q.NodeID, "files": paths}, nil)
}

// AllowDownloads makes downloads go to dir under their suggested names.
func (b *Browser) AllowDownloads(dir string) {
	b.t.Helper()
	b.must("", "Browser.setDownloadBehavior", map[string]any{"behavior": "allow", "downloadPath": dir}, nil)
}

// Screenshot writes a PNG of the page's viewport to path.
func (b *Browser) Screenshot(path string) {
	b.t.Helper()
	var shot struct {
		Data string `json:"data"`
	}
	b.must(b.session, "Page.captureScreenshot", map[string]any{"format": "png"}, &shot)
	data, err := base64.StdEncoding.DecodeString(shot.Data)
	if err != nil {
		b.t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		b.t.Fatal(err)
	}
}
