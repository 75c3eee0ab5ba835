//go:build slow

package systemtest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"os/exec"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// startTimeout bounds how long pmpath may take to migrate, seed and listen
// on a busy machine.
const startTimeout = 90 * time.Second

// process is one running pmpath server.
type process struct {
	t    *testing.T
	name string
	cmd  *exec.Cmd
	// URL is the server's base URL, read from its "listening" log line.
	URL string
	// Addr is its host:port.
	Addr string
	log  *logLines

	exited  chan struct{} // closed when the process has exited
	waitErr error         // set before exited closes
}

// startPmpath runs `pmpath serve` with only the given PMPATH_* settings (and
// none of the caller's environment, so a developer's PMPATH_DATABASE_URL
// cannot leak in) and waits until it is listening and ready. It listens on
// a port the kernel picks, so parallel runs never collide.
func startPmpath(t *testing.T, name string, settings ...string) *process {
	t.Helper()
	p := launchPmpath(t, name, settings...)
	p.awaitReady(t)
	return p
}

// launchPmpath starts `pmpath serve` without waiting for it.
func launchPmpath(t *testing.T, name string, settings ...string) *process {
	t.Helper()
	env := []string{"PMPATH_ADDR=127.0.0.1:0", "PMPATH_LOG_FORMAT=json", "PMPATH_LOG_LEVEL=info"}
	env = append(env, settings...)
	p := &process{t: t, name: name, log: newLogLines(), exited: make(chan struct{})}
	p.cmd = exec.Command(binary, "serve")
	p.cmd.Env = env
	p.cmd.Stdout = p.log
	p.cmd.Stderr = p.log
	if err := p.cmd.Start(); err != nil {
		t.Fatalf("%s: start pmpath: %v", name, err)
	}
	go func() {
		p.waitErr = p.cmd.Wait()
		close(p.exited)
	}()
	t.Cleanup(func() {
		p.kill()
		// Whatever a test does to it, pmpath must never answer 500.
		if n := p.log.count(`"msg":"request"`, `"status":500`); n > 0 {
			t.Errorf("%s answered %d requests with 500", name, n)
		}
		if t.Failed() {
			t.Logf("%s: last log lines:\n%s", name, p.log.tail(30))
		}
	})
	return p
}

// awaitReady waits until the process listens and /readyz answers 200.
func (p *process) awaitReady(t *testing.T) {
	t.Helper()
	select {
	case url := <-p.log.listening:
		p.URL = url
		p.Addr = strings.TrimPrefix(url, "http://")
	case <-p.exited:
		t.Fatalf("%s: pmpath exited before listening (%v):\n%s", p.name, p.waitErr, p.log.tail(30))
	case <-time.After(startTimeout):
		t.Fatalf("%s: pmpath did not listen within %s:\n%s", p.name, startTimeout, p.log.tail(30))
	}
	if code := p.readyz(); code != http.StatusOK {
		t.Fatalf("%s: /readyz = %d right after start-up, want 200", p.name, code)
	}
}

// readyz returns the status of GET /readyz, or 0 when it cannot be asked.
func (p *process) readyz() int {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, p.URL+"/readyz", nil)
	if err != nil {
		p.t.Fatal(err)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0
	}
	res.Body.Close()
	return res.StatusCode
}

// signal sends sig to the process.
func (p *process) signal(sig syscall.Signal) {
	p.t.Helper()
	if err := p.cmd.Process.Signal(sig); err != nil {
		p.t.Fatalf("%s: send %v: %v", p.name, sig, err)
	}
}

// kill ends the process at once (SIGKILL), as a crash or the OOM killer
// would, and waits for it to be gone. It is a no-op once the process exited.
func (p *process) kill() {
	if !p.running() {
		return
	}
	_ = p.cmd.Process.Signal(syscall.SIGKILL)
	<-p.exited
}

// running reports whether the process has not exited.
func (p *process) running() bool {
	select {
	case <-p.exited:
		return false
	default:
		return true
	}
}

// wait waits up to d for the process to exit and returns its exit code.
func (p *process) wait(d time.Duration) (code int, exited bool) {
	select {
	case <-p.exited:
		var ee *exec.ExitError
		switch {
		case p.waitErr == nil:
			return 0, true
		case errors.As(p.waitErr, &ee):
			return ee.ExitCode(), true
		}
		return -1, true
	case <-time.After(d):
		return 0, false
	}
}

// logLines collects a process's output and spots its "listening" line.
type logLines struct {
	mu        sync.Mutex
	lines     []string
	partial   []byte
	listening chan string
	seen      bool
}

func newLogLines() *logLines { return &logLines{listening: make(chan string, 1)} }

func (l *logLines) Write(b []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.partial = append(l.partial, b...)
	for {
		i := bytes.IndexByte(l.partial, '\n')
		if i < 0 {
			break
		}
		line := string(l.partial[:i])
		l.partial = l.partial[i+1:]
		l.lines = append(l.lines, line)
		if !l.seen {
			var rec struct {
				Msg string `json:"msg"`
				URL string `json:"url"`
			}
			if json.Unmarshal([]byte(line), &rec) == nil && rec.Msg == "listening" && rec.URL != "" {
				l.seen = true
				l.listening <- rec.URL
			}
		}
	}
	return len(b), nil
}

// tail returns the last n lines.
func (l *logLines) tail(n int) string {
	l.mu.Lock()
	defer l.mu.Unlock()
	from := max(len(l.lines)-n, 0)
	return strings.Join(l.lines[from:], "\n")
}

// count returns how many lines contain all of the given substrings.
func (l *logLines) count(subs ...string) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	n := 0
next:
	for _, line := range l.lines {
		for _, s := range subs {
			if !strings.Contains(line, s) {
				continue next
			}
		}
		n++
	}
	return n
}
