//go:build slow

package systemtest

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/pmpath/pmpath/internal/store"
)

const (
	// drainRegistrations queue behind a single password hasher
	// (PMPATH_HASH_CONCURRENCY=1), so they are still being served when
	// shutdown begins. The per-address sign-up limit allows 30 at once.
	drainRegistrations = 28
	// drainSubmissions run beside them.
	drainSubmissions = 20
	// drainTimeout is PMPATH_SHUTDOWN_TIMEOUT: generous, since a busy
	// machine hashes slowly, and the test fails if the drain needs it all.
	drainTimeout = 60 * time.Second
)

// TestSIGTERMDrains sends SIGTERM while requests are in flight: each of them
// must complete successfully, the process must exit 0 within the shutdown
// timeout, and new connections must be refused once it stops accepting.
// With PMPATH_SHUTDOWN_DELAY set, /readyz must turn 503 at once while
// requests are still served, so a load balancer can stop sending in time.
func TestSIGTERMDrains(t *testing.T) {
	tests := []struct {
		name  string
		delay time.Duration
	}{
		{"no delay", 0},
		{"with delay", time.Second},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { drain(t, tt.delay) })
	}
}

func drain(t *testing.T, delay time.Duration) {
	db := newDatabase(t, store.Postgres)
	p := startPmpath(t, "pmpath", append(db.settings,
		"PMPATH_HASH_CONCURRENCY=1",
		"PMPATH_SHUTDOWN_TIMEOUT="+drainTimeout.String(),
		"PMPATH_SHUTDOWN_DELAY="+delay.String())...)
	answers := fullAnswers(t)
	// Every request on its own connection: a connection refused then means
	// the request never reached pmpath, anything else is a failed request.
	fresh := newClient(p.URL, true)

	// The batch that is in flight when SIGTERM arrives.
	type outcome struct {
		what string
		r    *reply
		err  error
		at   time.Time
	}
	batch := make(chan outcome, drainRegistrations+drainSubmissions)
	var finished atomic.Int64
	send := func(what, method, path string, body []byte, headers ...string) {
		r, err := fresh.call(context.Background(), method, path, body, headers...)
		finished.Add(1)
		batch <- outcome{what: what, r: r, err: err, at: time.Now()}
	}
	for i := range drainRegistrations {
		body := encode(map[string]string{"email": fmt.Sprintf("drain%d@example.com", i), "password": "a long passphrase 1", "display_name": "Drain"})
		go send("register", http.MethodPost, "/api/v1/auth/register", body)
	}
	submit := encode(map[string]any{"questionnaire": "pm-pmo-fit", "answers": answers, "submit": true})
	for range drainSubmissions {
		go send("submit", http.MethodPost, "/api/v1/assessments", submit, "Idempotency-Key", uuid.NewString())
	}

	// SIGTERM once every unfinished request of the batch is inside pmpath's
	// handlers (its in-flight gauge counts them, plus the /metrics request
	// asking), and enough are, so the drain has something to wait for.
	metrics := newClient(p.URL, false)
	total := int64(drainRegistrations + drainSubmissions)
	var inFlight int64
	for {
		n, err := gauge(metrics, "pmpath_http_requests_in_flight")
		if err != nil {
			t.Fatalf("read the in-flight gauge: %v", err)
		}
		inFlight = n - 1
		done := finished.Load()
		if inFlight >= total-done && inFlight >= drainRegistrations/2 {
			break
		}
		if done == total || inFlight < 0 {
			t.Fatalf("the batch finished before SIGTERM could be sent (%d in flight); nothing to drain", inFlight)
		}
		time.Sleep(5 * time.Millisecond)
	}
	sigterm := time.Now()
	p.signal(syscall.SIGTERM)
	t.Logf("SIGTERM with %d requests in flight", inFlight)

	if delay > 0 {
		loadBalancer(t, p, fresh)
	}

	// New connections are refused from the moment the listener closes,
	// while the batch is still finishing.
	var refused time.Time
	for refused.IsZero() {
		conn, err := net.DialTimeout("tcp", p.Addr, time.Second)
		switch {
		case err == nil:
			conn.Close()
			time.Sleep(10 * time.Millisecond)
		case errors.Is(err, syscall.ECONNREFUSED):
			refused = time.Now()
		case errors.Is(err, syscall.ECONNRESET):
			// This probe raced the listener closing: accepted by the
			// kernel, reset when the socket closed. The next one tells.
		default:
			t.Fatalf("connecting while pmpath drains: %v; want success or connection refused", err)
		}
	}
	if delay > 0 && refused.Sub(sigterm) < delay {
		t.Errorf("connections were refused %s after SIGTERM, before the %s shutdown delay ended", refused.Sub(sigterm), delay)
	}

	code, exited := p.wait(delay + drainTimeout + 30*time.Second)
	switch {
	case !exited:
		t.Fatalf("pmpath still running %s after SIGTERM (shutdown delay %s, timeout %s)", time.Since(sigterm), delay, drainTimeout)
	case code != 0:
		t.Errorf("pmpath exited with %d after SIGTERM, want 0", code)
	}
	took := time.Since(sigterm)

	var failed []string
	var afterRefused int
	for range total {
		o := <-batch
		switch {
		case o.err != nil:
			failed = append(failed, fmt.Sprintf("%s: %v", o.what, o.err))
		case o.r.status/100 != 2:
			failed = append(failed, o.r.String())
		case o.at.After(refused):
			afterRefused++
		}
	}
	if len(failed) > 0 {
		t.Errorf("%d of %d requests in flight at SIGTERM failed:\n%s", len(failed), total, strings.Join(failed, "\n"))
	}
	// Without a delay, shutdown begins while the batch is still queued;
	// with one, the batch may be done before the listener closes.
	if delay == 0 && afterRefused == 0 {
		t.Errorf("no request finished after new connections were refused: the test did not catch pmpath draining")
	}
	if _, err := net.DialTimeout("tcp", p.Addr, time.Second); !errors.Is(err, syscall.ECONNREFUSED) {
		t.Errorf("connecting after pmpath exited: %v; want connection refused", err)
	}
	if p.log.count(`"msg":"stopped"`) != 1 {
		t.Errorf(`pmpath did not log "stopped" after SIGTERM`)
	}
	t.Logf("exited %d after %s; %d requests finished after the listener closed", code, took.Round(time.Millisecond), afterRefused)
}

// loadBalancer plays a load balancer after SIGTERM: it polls /readyz until
// pmpath reports 503, then checks pmpath still serves requests during its
// shutdown delay.
func loadBalancer(t *testing.T, p *process, c *client) {
	t.Helper()
	for {
		r, err := c.call(context.Background(), http.MethodGet, "/readyz", nil)
		if err != nil {
			t.Fatalf("/readyz after SIGTERM: %v; want 503 while the shutdown delay runs", err)
		}
		if r.status == http.StatusOK {
			time.Sleep(10 * time.Millisecond) // the signal is not handled yet
			continue
		}
		if err := problemOf(r, http.StatusServiceUnavailable, "unavailable"); err != nil {
			t.Fatalf("/readyz after SIGTERM: %v", err)
		}
		break
	}
	r, err := c.call(context.Background(), http.MethodGet, "/api/v1/roles", nil)
	if err != nil || r.status != http.StatusOK {
		t.Fatalf("a request during the shutdown delay: %v %v; want 200, pmpath must still serve while it is unready", r, err)
	}
}

// gauge reads one unlabelled value from /metrics.
func gauge(c *client, name string) (int64, error) {
	r, err := c.call(context.Background(), http.MethodGet, "/metrics", nil)
	if err != nil {
		return 0, err
	}
	sc := bufio.NewScanner(bytes.NewReader(r.body))
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), name+" "); ok {
			f, err := strconv.ParseFloat(v, 64)
			return int64(f), err
		}
	}
	return 0, fmt.Errorf("%s not in /metrics (status %d)", name, r.status)
}
