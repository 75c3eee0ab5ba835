package loadgen

import (
	"bytes"
	"context"
	"fmt"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Wrk runs the wrk HTTP benchmarking tool. Where it is installed it is the
// better load generator for cheap requests: its event loop costs far less
// CPU per request than a Go client, so on a small machine less of the CPU
// the server needs goes to generating the load.
type Wrk struct {
	// Path is the wrk executable.
	Path string
	// Threads is wrk's -t; at most the number of connections.
	Threads int
}

// FindWrk returns wrk from PATH, or false when it is not installed.
func FindWrk() (Wrk, bool) {
	p, err := exec.LookPath("wrk")
	if err != nil {
		return Wrk{}, false
	}
	return Wrk{Path: p, Threads: 2}, true
}

// Version returns wrk's version line.
func (w Wrk) Version(ctx context.Context) string {
	// wrk prints its version with the usage text and exits non-zero.
	out, _ := exec.CommandContext(ctx, w.Path, "-v").CombinedOutput()
	line, _, _ := strings.Cut(string(out), "\n")
	if f := strings.Fields(line); len(f) >= 2 {
		return f[0] + " " + f[1]
	}
	return "wrk"
}

// Run loads url with cfg.Concurrency keep-alive connections for
// cfg.Duration. The result has no per-request samples: wrk reports totals.
func (w Wrk) Run(ctx context.Context, cfg Config, url string) (Result, error) {
	return w.RunScript(ctx, cfg, url, "")
}

// ThreadsFor is the number of threads wrk runs for cfg.
func (w Wrk) ThreadsFor(cfg Config) int {
	return max(min(w.Threads, cfg.Concurrency), 1)
}

// RunScript is Run with a Lua script (wrk's -s) that makes the requests;
// args reach the script's init function. An empty script is plain Run.
func (w Wrk) RunScript(ctx context.Context, cfg Config, url, script string, args ...string) (Result, error) {
	secs := max(int(cfg.Duration.Round(time.Second)/time.Second), 1)
	argv := []string{"-t", strconv.Itoa(w.ThreadsFor(cfg)), "-c", strconv.Itoa(cfg.Concurrency), "-d", strconv.Itoa(secs) + "s"}
	if script != "" {
		argv = append(argv, "-s", script)
	}
	argv = append(argv, url)
	if len(args) > 0 {
		argv = append(append(argv, "--"), args...)
	}
	cmd := exec.CommandContext(ctx, w.Path, argv...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return Result{}, fmt.Errorf("wrk: %w: %s", err, stderr.String())
	}
	return ParseWrk(string(out))
}

var (
	wrkTotal    = regexp.MustCompile(`(?m)^\s*(\d+) requests in ([0-9.]+)(us|ms|s|m)\b`)
	wrkNon2xx   = regexp.MustCompile(`(?m)^\s*Non-2xx or 3xx responses: (\d+)`)
	wrkSocket   = regexp.MustCompile(`(?m)^\s*Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)`)
	wrkDuration = map[string]time.Duration{"us": time.Microsecond, "ms": time.Millisecond, "s": time.Second, "m": time.Minute}
)

// ParseWrk reads wrk's summary: total requests, the time they took, and
// non-2xx answers and socket errors, which count as errors.
func ParseWrk(out string) (Result, error) {
	m := wrkTotal.FindStringSubmatch(out)
	if m == nil {
		return Result{}, fmt.Errorf("wrk: no request total in output:\n%s", out)
	}
	n, _ := strconv.Atoi(m[1])
	v, err := strconv.ParseFloat(m[2], 64)
	if err != nil {
		return Result{}, fmt.Errorf("wrk: duration %q: %w", m[2], err)
	}
	r := Result{Requests: n, Elapsed: time.Duration(v * float64(wrkDuration[m[3]]))}
	if m := wrkNon2xx.FindStringSubmatch(out); m != nil {
		r.Errors, _ = strconv.Atoi(m[1])
	}
	if m := wrkSocket.FindStringSubmatch(out); m != nil {
		for _, s := range m[1:] {
			k, _ := strconv.Atoi(s)
			r.Errors += k
		}
	}
	if r.Errors > 0 {
		r.FirstError = fmt.Errorf("wrk: %d errors (non-2xx answers or socket errors)", r.Errors)
	}
	return r, nil
}
