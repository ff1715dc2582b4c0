package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
	"runtime"
	"strconv"
	"syscall"
	"time"

	"github.com/urfave/cli/v3"

	"github.com/citelint/citelint/internal/serve"
	"github.com/citelint/citelint/lint/config"
	"github.com/citelint/citelint/lint/report"
	"github.com/citelint/citelint/rules"
)

func serveCmd() *cli.Command {
	return &cli.Command{
		Name:  "serve",
		Usage: "check catalogs in the browser: a local page on 127.0.0.1 (drop files, see the report, download annotated copies)",
		Description: `Listens on 127.0.0.1 only (a free port unless --port or --addr names one),
prints the address and opens it in the browser. Files are checked in memory
and nothing leaves the machine. Stop it with Ctrl+C (or close its window).

On Windows, running citelint.exe with no arguments (a double-click) starts it.`,
		Flags: []cli.Flag{
			statutesFlag(),
			&cli.StringFlag{Name: "addr", Value: "127.0.0.1:0", Usage: "listen on `HOST:PORT`; the host must be 127.0.0.1 or localhost, port 0 picks a free one"},
			&cli.IntFlag{Name: "port", Usage: "listen on 127.0.0.1:`N` (overrides --addr's port)"},
			&cli.BoolFlag{Name: "no-browser", Usage: "do not open the browser; only print the address"},
			&cli.StringFlag{Name: "config", Aliases: []string{"c"}, Usage: "check every upload with this citelint.yaml"},
			&cli.StringFlag{Name: "as-of", Usage: "check quotes against the law in force on `DATE` (YYYY-MM-DD)"},
			&cli.IntFlag{Name: "max-file-size", Value: serve.DefaultMaxFileSize >> 20, Usage: "largest uploaded file, in `MB`"},
			&cli.IntFlag{Name: "max-files", Value: serve.DefaultMaxFiles, Usage: "most files in one upload"},
			&cli.IntFlag{Name: "max-upload-size", Value: serve.DefaultMaxRequestSize >> 20, Usage: "largest upload (all its files), in `MB`"},
		},
		Action: runServe,
	}
}

// serveAddr is the address to listen on: --addr, with --port's port,
// refused unless it is on this machine's loopback.
func serveAddr(addr string, port int, portSet bool) (string, error) {
	host, p, err := net.SplitHostPort(addr)
	if err != nil {
		return "", fmt.Errorf("serve: --addr %q: want HOST:PORT such as 127.0.0.1:8080", addr)
	}
	if host == "localhost" {
		host = "127.0.0.1"
	}
	if ip := net.ParseIP(host); ip == nil || !ip.Equal(net.IPv4(127, 0, 0, 1)) {
		return "", fmt.Errorf("serve: --addr %q: citelint serve listens on 127.0.0.1 only (files must not leave the machine)", addr)
	}
	if portSet {
		if port < 0 || port > 65535 {
			return "", fmt.Errorf("serve: --port %d: want 0 to 65535", port)
		}
		p = strconv.Itoa(port)
	}
	if n, err := strconv.Atoi(p); err != nil || n < 0 || n > 65535 {
		return "", fmt.Errorf("serve: --addr %q: bad port", addr)
	}
	return net.JoinHostPort(host, p), nil
}

func runServe(ctx context.Context, cmd *cli.Command) error {
	stdout, stderr := cmd.Root().Writer, cmd.Root().ErrWriter
	if cmd.Args().Len() > 0 {
		return inputError(fmt.Errorf("serve: unexpected argument %q (files are chosen on the page)", cmd.Args().First()))
	}
	addr, err := serveAddr(cmd.String("addr"), cmd.Int("port"), cmd.IsSet("port"))
	if err != nil {
		return inputError(err)
	}
	for _, f := range []string{"max-file-size", "max-files", "max-upload-size"} {
		if cmd.Int(f) <= 0 {
			return inputError(fmt.Errorf("serve: --%s %d: want a positive number", f, cmd.Int(f)))
		}
	}
	all := rules.All()
	cfg := &config.Config{}
	if p := cmd.String("config"); p != "" {
		ids := make([]string, len(all))
		for i, r := range all {
			ids[i] = r.ID
		}
		if cfg, err = config.Load(p, config.Options{Rules: ids}); err != nil {
			return inputError(err)
		}
	}
	if v := cmd.String("as-of"); v != "" {
		t, err := time.Parse("2006-01-02", v)
		if err != nil {
			return inputError(fmt.Errorf("--as-of %q: want a date such as 2025-12-31", v))
		}
		cfg.Lint.AsOf = t
	}
	corpus, err := buildCorpus(cfg, cmd.StringSlice("statutes"))
	if err != nil {
		return err
	}

	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return inputError(fmt.Errorf("serve: listen on %s: %w (is the port in use? --port 0 picks a free one)", addr, err))
	}
	defer ln.Close()
	srv, err := serve.New(serve.Options{
		Addr:           ln.Addr().String(),
		Rules:          all,
		Corpus:         corpus,
		Config:         &cfg.Lint,
		Tool:           report.Tool{Name: "citelint", Version: version, Corpus: corpus.ID()},
		MaxFileSize:    int64(cmd.Int("max-file-size")) << 20,
		MaxFiles:       int(cmd.Int("max-files")),
		MaxRequestSize: int64(cmd.Int("max-upload-size")) << 20,
	})
	if err != nil {
		return err
	}
	hs := &http.Server{
		Handler:           srv,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       10 * time.Minute,
		IdleTimeout:       2 * time.Minute,
	}
	address := "http://" + ln.Addr().String() + "/"
	fmt.Fprintf(stdout, "citelint 已启动：%s\n在浏览器中打开这个地址即可校验清单；按 Ctrl+C 或关闭此窗口即停止。\n", address)
	if !cmd.Bool("no-browser") {
		if err := serve.OpenBrowser(runtime.GOOS, address); err != nil {
			fmt.Fprintf(stderr, "citelint: 无法自动打开浏览器（%v），请手动打开上面的地址。\n", err)
		}
	}

	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	done := make(chan error, 1)
	go func() { done <- hs.Serve(ln) }()
	select {
	case err := <-done:
		if !errors.Is(err, http.ErrServerClosed) {
			return fmt.Errorf("serve: %w", err)
		}
		return nil
	case <-ctx.Done():
	}
	shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_ = hs.Shutdown(shut)
	fmt.Fprintln(stdout, "citelint 已停止。")
	return nil
}
