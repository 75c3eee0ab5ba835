package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// staticEnv, when set in the environment, makes this program the reference
// server instead of the harness: it serves the response stored in the
// file the variable names. The harness starts it as a separate process,
// like pmpath, so both sides of the comparison run alone in their process.
const staticEnv = "LOADBENCH_STATIC_RESPONSE"

// staticResponse is a captured pmpath answer that the reference server
// repeats byte for byte, headers included.
type staticResponse struct {
	Header http.Header `json:"header"`
	Body   []byte      `json:"body"`
}

// capture fetches url and keeps its answer for the reference server.
func capture(ctx context.Context, url string) (staticResponse, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return staticResponse{}, err
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return staticResponse{}, fmt.Errorf("capture %s: %w", url, err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		return staticResponse{}, fmt.Errorf("capture %s: %w", url, err)
	}
	if res.StatusCode != http.StatusOK {
		return staticResponse{}, fmt.Errorf("capture %s: status %d", url, res.StatusCode)
	}
	h := res.Header.Clone()
	h.Del("Date") // net/http writes its own
	return staticResponse{Header: h, Body: body}, nil
}

// serveStatic is the reference server: a bare net/http handler writing the
// stored response, nothing else. It prints its URL on stdout and serves
// until ctx ends.
func serveStatic(ctx context.Context, path string, stdout io.Writer) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var resp staticResponse
	if err := json.Unmarshal(b, &resp); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	srv := &http.Server{
		Handler: http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
			h := w.Header()
			for k, v := range resp.Header {
				h[k] = v
			}
			_, _ = w.Write(resp.Body)
		}),
		ReadHeaderTimeout: 5 * time.Second,
	}
	fmt.Fprintf(stdout, "listening http://%s\n", ln.Addr())
	go func() {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(shutdown)
	}()
	if err := srv.Serve(ln); err != http.ErrServerClosed {
		return err
	}
	return nil
}

// startStatic runs this same executable as the reference server for resp.
func startStatic(ctx context.Context, dir string, resp staticResponse) (*server, error) {
	path := filepath.Join(dir, "static-response.json")
	b, err := json.Marshal(resp)
	if err != nil {
		return nil, err
	}
	if err := os.WriteFile(path, b, 0o600); err != nil {
		return nil, err
	}
	self, err := os.Executable()
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(self)
	cmd.Env = append(os.Environ(), staticEnv+"="+path)
	// An os.Pipe rather than StdoutPipe: Wait, running in its own
	// goroutine, must not close the pipe while it is being read.
	out, w, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	defer w.Close()
	cmd.Stdout = w
	logPath := filepath.Join(dir, "static.log")
	logf, err := os.Create(logPath)
	if err != nil {
		return nil, err
	}
	cmd.Stderr = logf
	if err := cmd.Start(); err != nil {
		logf.Close()
		out.Close()
		return nil, fmt.Errorf("start reference server: %w", err)
	}
	s := &server{cmd: cmd, logPath: logPath, exited: make(chan error, 1)}
	lines := make(chan string, 1)
	go func() {
		line, _ := bufio.NewReader(out).ReadString('\n')
		lines <- line
		_, _ = io.Copy(io.Discard, out)
		out.Close()
	}()
	go func() { s.exited <- cmd.Wait(); logf.Close() }()
	select {
	case line := <-lines:
		u, ok := strings.CutPrefix(strings.TrimSpace(line), "listening ")
		if !ok {
			s.stop()
			return nil, fmt.Errorf("reference server said %q:\n%s", line, tail(logPath))
		}
		s.url = u
		return s, nil
	case <-time.After(30 * time.Second):
		s.stop()
		return nil, fmt.Errorf("reference server did not start:\n%s", tail(logPath))
	case <-ctx.Done():
		s.stop()
		return nil, ctx.Err()
	}
}
