// Package loadgen generates closed-loop HTTP load: a fixed number of
// workers, each sending its next request as soon as the previous one
// answers, over keep-alive connections, for a fixed time. It records every
// request's latency so callers can report throughput and percentiles.
package loadgen

import (
	"context"
	"errors"
	"net/http"
	"slices"
	"sync"
	"time"
)

// ErrDone is returned by an Op that has no more work (its pool of
// prepared items is used up); the worker stops without counting an error.
var ErrDone = errors.New("loadgen: no more work")

// Op sends one request with client and checks the answer. seq numbers the
// worker's requests from 0. It returns a tag that groups the sample in
// the result (say, which filter a listing request used) and an error when
// the answer was wrong.
type Op func(ctx context.Context, client *http.Client, worker, seq int) (tag int, err error)

// Config says how much load to generate.
type Config struct {
	Concurrency int
	Duration    time.Duration
}

// Sample is one request's latency.
type Sample struct {
	Tag     int
	Latency time.Duration
}

// Result is what one Run measured.
type Result struct {
	Requests int
	Errors   int
	// FirstError is the first wrong answer seen, for the report.
	FirstError error
	Elapsed    time.Duration
	Samples    []Sample
}

// Throughput is successful requests per second.
func (r Result) Throughput() float64 {
	if r.Elapsed <= 0 {
		return 0
	}
	return float64(max(r.Requests-r.Errors, 0)) / r.Elapsed.Seconds()
}

// Percentile returns the p-th percentile (0 < p ≤ 100) latency of the
// samples with tag, or of all samples when tag is AllTags; 0 without
// samples. It uses the nearest-rank method.
func (r Result) Percentile(p float64, tag int) time.Duration {
	var ds []time.Duration
	for _, s := range r.Samples {
		if tag == AllTags || s.Tag == tag {
			ds = append(ds, s.Latency)
		}
	}
	return Percentile(ds, p)
}

// AllTags selects every sample in Result.Percentile.
const AllTags = -1

// Percentile returns the p-th percentile of ds by nearest rank; 0 when ds
// is empty. ds is not modified.
func Percentile(ds []time.Duration, p float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	rank := int(float64(len(s))*p/100+0.999999) - 1
	return s[min(max(rank, 0), len(s)-1)]
}

// NewClient returns an HTTP client that keeps one idle connection per
// worker, so every request after the first on a worker reuses its
// connection, as a browser or a keep-alive proxy would.
func NewClient(concurrency int) *http.Client {
	return &http.Client{
		Transport: &http.Transport{
			MaxIdleConns:        concurrency,
			MaxIdleConnsPerHost: concurrency,
			MaxConnsPerHost:     concurrency,
			IdleConnTimeout:     time.Minute,
			DisableCompression:  true,
		},
		Timeout: 30 * time.Second,
	}
}

// Run runs cfg.Concurrency workers calling op until cfg.Duration has
// passed, ctx is done, or every worker got ErrDone.
func Run(ctx context.Context, cfg Config, client *http.Client, op Op) Result {
	ctx, cancel := context.WithTimeout(ctx, cfg.Duration)
	defer cancel()
	type workerResult struct {
		requests, errors int
		firstErr         error
		samples          []Sample
	}
	results := make([]workerResult, max(cfg.Concurrency, 1))
	var wg sync.WaitGroup
	start := time.Now()
	for w := range results {
		wg.Go(func() {
			res := &results[w]
			for seq := 0; ctx.Err() == nil; seq++ {
				t0 := time.Now()
				tag, err := op(ctx, client, w, seq)
				d := time.Since(t0)
				if errors.Is(err, ErrDone) {
					return
				}
				if ctx.Err() != nil {
					// Cut off by the deadline: neither a success nor a
					// failure of the server.
					return
				}
				res.requests++
				res.samples = append(res.samples, Sample{Tag: tag, Latency: d})
				if err != nil {
					res.errors++
					if res.firstErr == nil {
						res.firstErr = err
					}
				}
			}
		})
	}
	wg.Wait()
	out := Result{Elapsed: time.Since(start)}
	for _, r := range results {
		out.Requests += r.requests
		out.Errors += r.errors
		out.Samples = append(out.Samples, r.samples...)
		if out.FirstError == nil {
			out.FirstError = r.firstErr
		}
	}
	return out
}
