package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// buildPmpath builds the pmpath binary of this module into dir. A separate
// process, not the router in-process, is what is measured: the harness's
// own load generator and bookkeeping then do not share a Go runtime (heap,
// GC, scheduler) with the server, and the peak memory read from /proc is
// the server's alone.
func buildPmpath(ctx context.Context, dir string) (string, error) {
	bin := filepath.Join(dir, "pmpath")
	cmd := exec.CommandContext(ctx, "go", "build", "-trimpath", "-o", bin, "github.com/pmpath/pmpath")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("build pmpath: %w\n%s", err, out)
	}
	return bin, nil
}

// serverEnv is the environment of a pmpath process: the harness's own,
// less any PMPATH_* setting that would change what is measured, plus db
// and the settings every run shares.
func serverEnv(db dbTarget, extra ...string) []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "PMPATH_") {
			env = append(env, kv)
		}
	}
	env = append(env,
		"PMPATH_ADDR=127.0.0.1:0", // the kernel picks a free port; we read it from the log
		"PMPATH_LOG_FORMAT=json",
		"PMPATH_JWT_SECRET=loadbench-signing-key-of-at-least-32-bytes",
		"PMPATH_ACCESS_TOKEN_TTL=1h",
	)
	if db.postgresURL != "" {
		env = append(env, "PMPATH_DATABASE_URL="+db.postgresURL)
	} else {
		env = append(env, "PMPATH_SQLITE_PATH="+db.sqlitePath)
	}
	return append(env, extra...)
}

// dbTarget is the database a pmpath process runs on: PostgreSQL when
// postgresURL is set, else the SQLite file at sqlitePath.
type dbTarget struct {
	postgresURL string
	sqlitePath  string
}

// server is a running pmpath process.
type server struct {
	cmd     *exec.Cmd
	url     string // http://127.0.0.1:port
	logPath string
	exited  chan error
}

// startServer runs `pmpath serve` and waits until it listens. Its log
// (one JSON line per request at the default info level, as in production)
// goes to logPath.
func startServer(ctx context.Context, bin string, env []string, logPath string) (*server, error) {
	logf, err := os.Create(logPath)
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(bin, "serve")
	cmd.Env = env
	cmd.Stdout, cmd.Stderr = logf, logf
	if err := cmd.Start(); err != nil {
		logf.Close()
		return nil, fmt.Errorf("start pmpath: %w", err)
	}
	s := &server{cmd: cmd, logPath: logPath, exited: make(chan error, 1)}
	go func() { s.exited <- cmd.Wait(); logf.Close() }()

	deadline := time.Now().Add(2 * time.Minute) // migrating a large database takes a while
	for time.Now().Before(deadline) {
		if u := listeningURL(logPath); u != "" {
			s.url = u
			return s, nil
		}
		select {
		case err := <-s.exited:
			return nil, fmt.Errorf("pmpath exited before listening (%v):\n%s", err, tail(logPath))
		case <-ctx.Done():
			s.stop()
			return nil, ctx.Err()
		case <-time.After(50 * time.Millisecond):
		}
	}
	s.stop()
	return nil, fmt.Errorf("pmpath did not listen within 2 minutes:\n%s", tail(logPath))
}

// listeningURL finds the "listening" line pmpath logs once it accepts
// connections.
func listeningURL(logPath string) string {
	f, err := os.Open(logPath)
	if err != nil {
		return ""
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		var line struct {
			Msg string `json:"msg"`
			URL string `json:"url"`
		}
		if json.Unmarshal(sc.Bytes(), &line) == nil && line.Msg == "listening" && line.URL != "" {
			return line.URL
		}
	}
	return ""
}

func tail(path string) string {
	b, _ := os.ReadFile(path)
	if len(b) > 4000 {
		b = b[len(b)-4000:]
	}
	return string(b)
}

// stop ends the server with SIGTERM, as an orchestrator would, and kills
// it if it has not drained in 20 s.
func (s *server) stop() {
	if s.cmd.Process == nil {
		return
	}
	_ = s.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-s.exited:
	case <-time.After(20 * time.Second):
		_ = s.cmd.Process.Kill()
		<-s.exited
	}
}

// peakRSS is the server's peak resident memory so far (VmHWM), in bytes.
func (s *server) peakRSS() (int64, error) {
	return vmHWM(s.cmd.Process.Pid)
}

func vmHWM(pid int) (int64, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, fmt.Errorf("peak memory: %w", err)
	}
	for line := range strings.Lines(string(b)) {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			f := strings.Fields(rest)
			if len(f) == 2 && f[1] == "kB" {
				kb, err := strconv.ParseInt(f[0], 10, 64)
				if err != nil {
					return 0, fmt.Errorf("peak memory: %q: %w", line, err)
				}
				return kb << 10, nil
			}
		}
	}
	return 0, errors.New("peak memory: no VmHWM line in /proc status")
}

// createUser runs `pmpath user create` on db.
func createUser(ctx context.Context, bin string, env []string, email, role, password string) error {
	cmd := exec.CommandContext(ctx, bin, "user", "create", "--email", email, "--role", role, "--name", "Load Bench "+role, "--password-stdin")
	cmd.Env = env
	cmd.Stdin = strings.NewReader(password + "\n")
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("pmpath user create: %w\n%s", err, out)
	}
	return nil
}

// login signs in and returns an access token.
func login(ctx context.Context, baseURL, email, password string) (string, error) {
	body, _ := json.Marshal(map[string]string{"email": email, "password": password})
	var out struct {
		AccessToken string `json:"access_token"`
	}
	if err := doJSON(ctx, http.DefaultClient, http.MethodPost, baseURL+"/api/v1/auth/login", body, nil, &out); err != nil {
		return "", fmt.Errorf("login: %w", err)
	}
	return out.AccessToken, nil
}

// doJSON sends a request and decodes a 2xx JSON answer into out (when not
// nil); any other status is an error carrying the body.
func doJSON(ctx context.Context, client *http.Client, method, url string, body []byte, header http.Header, out any) error {
	req, err := http.NewRequestWithContext(ctx, method, url, bytes.NewReader(body))
	if err != nil {
		return err
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	for k, v := range header {
		req.Header[k] = v
	}
	res, err := client.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		return err
	}
	if res.StatusCode/100 != 2 {
		return fmt.Errorf("%s %s: %d: %.300s", method, url, res.StatusCode, b)
	}
	if out == nil {
		return nil
	}
	if err := json.Unmarshal(b, out); err != nil {
		return fmt.Errorf("%s %s: %w", method, url, err)
	}
	return nil
}
