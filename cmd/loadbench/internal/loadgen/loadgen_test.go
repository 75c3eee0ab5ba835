package loadgen

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"
)

func TestPercentile(t *testing.T) {
	ms := func(vs ...int) []time.Duration {
		out := make([]time.Duration, len(vs))
		for i, v := range vs {
			out[i] = time.Duration(v) * time.Millisecond
		}
		return out
	}
	tests := []struct {
		name string
		ds   []time.Duration
		p    float64
		want time.Duration
	}{
		{"empty", nil, 95, 0},
		{"one", ms(7), 50, 7 * time.Millisecond},
		{"median of odd, unsorted", ms(5, 1, 3), 50, 3 * time.Millisecond},
		{"nearest rank p95 of 20", ms(20, 19, 18, 17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1), 95, 19 * time.Millisecond},
		{"p100 is the max", ms(4, 9, 2), 100, 9 * time.Millisecond},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Percentile(tt.ds, tt.p); got != tt.want {
				t.Errorf("Percentile = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestResultPercentileByTag(t *testing.T) {
	r := Result{Samples: []Sample{{0, 1 * time.Millisecond}, {1, 10 * time.Millisecond}, {0, 2 * time.Millisecond}, {1, 20 * time.Millisecond}}}
	if got := r.Percentile(100, 0); got != 2*time.Millisecond {
		t.Errorf("tag 0 max = %v", got)
	}
	if got := r.Percentile(50, 1); got != 10*time.Millisecond {
		t.Errorf("tag 1 median = %v", got)
	}
	if got := r.Percentile(100, AllTags); got != 20*time.Millisecond {
		t.Errorf("all max = %v", got)
	}
}

// TestRunStopsWhenWorkRunsOut gives the workers a pool of 50 requests,
// one of which the server fails, and checks every request was counted
// once, the failure among them, and that the run ended before its time.
func TestRunStopsWhenWorkRunsOut(t *testing.T) {
	var served atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		served.Add(1)
		if r.URL.Query().Get("fail") != "" {
			http.Error(w, "no", http.StatusInternalServerError)
		}
	}))
	defer srv.Close()
	var next atomic.Int64
	op := func(ctx context.Context, c *http.Client, worker, seq int) (int, error) {
		i := next.Add(1)
		if i > 50 {
			return 0, ErrDone
		}
		url := srv.URL
		if i == 25 {
			url += "?fail=1"
		}
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
		res, err := c.Do(req)
		if err != nil {
			return 0, err
		}
		res.Body.Close()
		if res.StatusCode != http.StatusOK {
			return int(i % 2), errors.New(res.Status)
		}
		return int(i % 2), nil
	}
	client := NewClient(4)
	defer client.CloseIdleConnections()
	r := Run(context.Background(), Config{Concurrency: 4, Duration: time.Minute}, client, op)
	if r.Requests != 50 || r.Errors != 1 || r.FirstError == nil || len(r.Samples) != 50 || served.Load() != 50 {
		t.Errorf("requests %d, errors %d (%v), samples %d, served %d; want 50, 1, 50, 50", r.Requests, r.Errors, r.FirstError, len(r.Samples), served.Load())
	}
	if r.Elapsed >= time.Minute {
		t.Errorf("ran %v: it should stop when the pool is used up", r.Elapsed)
	}
	if got := r.Throughput(); got <= 0 {
		t.Errorf("throughput %v", got)
	}
}

func TestParseWrk(t *testing.T) {
	tests := []struct {
		name         string
		out          string
		wantRequests int
		wantErrors   int
		wantElapsed  time.Duration
		wantErr      bool
	}{
		{name: "clean run", out: `Running 2s test @ http://127.0.0.1:18302/api/v1/roles
  2 threads and 8 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     3.38ms    7.65ms  73.19ms   93.22%
    Req/Sec     3.32k     1.70k    6.42k    60.00%
  13283 requests in 2.04s, 143.98MB read
Requests/sec:   6519.98
Transfer/sec:     70.67MB
`, wantRequests: 13283, wantElapsed: 2040 * time.Millisecond},
		{name: "non-2xx answers", out: `Running 1s test @ http://127.0.0.1:18302/api/v1/nope
  2 threads and 8 connections
  28494 requests in 1.01s, 13.70MB read
  Non-2xx or 3xx responses: 28494
Requests/sec:  28249.67
`, wantRequests: 28494, wantErrors: 28494, wantElapsed: 1010 * time.Millisecond},
		{name: "socket errors", out: `  100 requests in 500.00ms, 1.00MB read
  Socket errors: connect 1, read 2, write 0, timeout 3
`, wantRequests: 100, wantErrors: 6, wantElapsed: 500 * time.Millisecond},
		{name: "no summary", out: "unable to connect to 127.0.0.1:1 Connection refused\n", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := ParseWrk(tt.out)
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, want error %v", err, tt.wantErr)
			}
			if err != nil {
				return
			}
			if r.Requests != tt.wantRequests || r.Errors != tt.wantErrors || r.Elapsed != tt.wantElapsed {
				t.Errorf("got %d requests, %d errors in %v; want %d, %d in %v", r.Requests, r.Errors, r.Elapsed, tt.wantRequests, tt.wantErrors, tt.wantElapsed)
			}
			if (r.FirstError != nil) != (tt.wantErrors > 0) {
				t.Errorf("FirstError = %v with %d errors", r.FirstError, r.Errors)
			}
		})
	}
}
