package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"path/filepath"
	"time"

	"github.com/pmpath/pmpath/cmd/loadbench/internal/loadgen"
)

// catalogPath is the catalog read measured: every role, in the default
// language, as a first visit to the catalog page asks for it.
const catalogPath = "/api/v1/roles"

// catalog compares GET /api/v1/roles on pmpath with a bare net/http
// handler serving the bytes pmpath answered, at the same concurrency for
// the same time. pmpath runs on PostgreSQL when there is one (production's
// database), else SQLite.
func (b *bench) catalog(ctx context.Context) error {
	db := dbTarget{sqlitePath: filepath.Join(b.dir, "catalog.db")}
	where := "SQLite"
	if b.pgAdmin != nil {
		u, err := b.newDatabase(ctx, "", false)
		if err != nil {
			return err
		}
		db, where = dbTarget{postgresURL: u}, "PostgreSQL"
	}
	ours, err := b.startPmpath(ctx, "catalog", db)
	if err != nil {
		return err
	}
	resp, err := capture(ctx, ours.url+catalogPath)
	if err != nil {
		return err
	}
	ref, err := startStatic(ctx, b.dir, resp)
	if err != nil {
		return err
	}
	b.atEnd(ref.stop)
	b.logf("catalog: %d-byte body; pmpath at %s, reference at %s", len(resp.Body), ours.url, ref.url)

	load := func(base string, d time.Duration) (loadgen.Result, error) {
		cfg := loadgen.Config{Concurrency: b.cfg.concurrency, Duration: d}
		if b.wrk != nil {
			return b.wrk.Run(ctx, cfg, base+catalogPath)
		}
		client := loadgen.NewClient(b.cfg.concurrency)
		defer client.CloseIdleConnections()
		return loadgen.Run(ctx, cfg, client, getOK(base+catalogPath, len(resp.Body))), nil
	}
	c := Comparison{
		Name: "catalog reads, GET " + catalogPath, Unit: "req/s", Target: 0.7, HigherIsBetter: true,
		Reference: "bare net/http, same bytes", Ours: "pmpath on " + where,
		Note: fmt.Sprintf("%d-byte body, %d keep-alive connections", len(resp.Body), b.cfg.concurrency),
	}
	for _, base := range []string{ref.url, ours.url} {
		if _, err := load(base, b.cfg.warmup); err != nil {
			return err
		}
	}
	measure := func(base string, into *[]float64) func(int) error {
		return func(run int) error {
			r, err := load(base, b.cfg.duration)
			if err != nil {
				return err
			}
			if r.Errors > 0 {
				return fmt.Errorf("%s: %d of %d requests failed: %v", base, r.Errors, r.Requests, r.FirstError)
			}
			*into = append(*into, r.Throughput())
			b.logf("catalog run %d %s: %.0f req/s", run+1, base, r.Throughput())
			return nil
		}
	}
	if err := interleave(ctx, b.cfg.runs, measure(ref.url, &c.Refs), measure(ours.url, &c.Ourss)); err != nil {
		return err
	}
	b.report.Comparisons = append(b.report.Comparisons, c)
	return nil
}

// getOK is an Op fetching url and checking for a 200 with a body of size
// bytes.
func getOK(url string, size int) loadgen.Op {
	return func(ctx context.Context, client *http.Client, _, _ int) (int, error) {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
		if err != nil {
			return 0, err
		}
		res, err := client.Do(req)
		if err != nil {
			return 0, err
		}
		n, err := io.Copy(io.Discard, res.Body)
		res.Body.Close()
		switch {
		case err != nil:
			return 0, err
		case res.StatusCode != http.StatusOK || int(n) != size:
			return 0, fmt.Errorf("GET %s: status %d, %d bytes", url, res.StatusCode, n)
		}
		return 0, nil
	}
}
