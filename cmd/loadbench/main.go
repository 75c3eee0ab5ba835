// Command loadbench measures pmpath under load against references taken
// in the same run on the same machine, and prints a markdown report:
//
//   - catalog reads (GET /api/v1/roles) against a bare net/http handler
//     serving the same bytes;
//   - quiz submission (score and store) on PostgreSQL against pgbench
//     running the same statements, and on the embedded SQLite;
//   - the advisor candidate listing on a small and a large dataset, and a
//     page deep in the list against the first page, with the EXPLAIN
//     output of the listing queries;
//   - the server's peak resident memory under the submission load.
//
// pmpath runs as its own process, built from this module. Each figure is
// the median of -runs runs, reference and pmpath alternating.
//
//	go run ./cmd/loadbench                 # defaults: a few minutes, 1M-result listing dataset
//	go run ./cmd/loadbench -quick          # seconds: a smoke test of the harness
//	go run ./cmd/loadbench -rows 1000000 -duration 20s -runs 5 -keep -out report.md
package main

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/signal"
	"slices"
	"strings"
	"syscall"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" database/sql driver
	_ "modernc.org/sqlite"             // the "sqlite" database/sql driver

	"github.com/pmpath/pmpath/cmd/loadbench/internal/loadgen"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if path := os.Getenv(staticEnv); path != "" {
		if err := serveStatic(ctx, path, os.Stdout); err != nil {
			fmt.Fprintln(os.Stderr, "loadbench reference server:", err)
			os.Exit(1)
		}
		return
	}
	cfg, err := parseFlags(os.Args[1:], os.Stderr)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return
		}
		os.Exit(2)
	}
	rep, err := run(ctx, cfg, os.Stderr)
	if err != nil {
		fmt.Fprintln(os.Stderr, "loadbench:", err)
		os.Exit(1)
	}
	out := io.Writer(os.Stdout)
	if cfg.out != "" {
		f, err := os.Create(cfg.out)
		if err != nil {
			fmt.Fprintln(os.Stderr, "loadbench:", err)
			os.Exit(1)
		}
		defer f.Close()
		out = io.MultiWriter(os.Stdout, f)
	}
	rep.Markdown(out)
}

// config is the harness's flags.
type config struct {
	only        []string // parts to run
	concurrency int
	duration    time.Duration
	warmup      time.Duration
	runs        int
	smallRows   int
	largeRows   int
	perCand     int
	postgres    string // admin URL: where scratch databases are created
	pmpath      string // a prebuilt binary; empty builds one
	loadgen     string // auto, wrk or go
	keep        bool
	out         string
	dir         string
	memLimit    int64
}

var parts = []string{"catalog", "submit", "listing"}

func parseFlags(args []string, stderr io.Writer) (config, error) {
	fs := flag.NewFlagSet("loadbench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var cfg config
	only := fs.String("only", strings.Join(parts, ","), "comma-separated parts to run: "+strings.Join(parts, ", "))
	fs.IntVar(&cfg.concurrency, "concurrency", 8, "concurrent clients (connections, pgbench clients)")
	fs.DurationVar(&cfg.duration, "duration", 10*time.Second, "length of each measured run")
	fs.DurationVar(&cfg.warmup, "warmup", 2*time.Second, "unmeasured load before the runs of each target")
	fs.IntVar(&cfg.runs, "runs", 3, "measured runs of each target (medians are reported; at least 3)")
	fs.IntVar(&cfg.smallRows, "small-rows", 10_000, "results in the small listing dataset")
	fs.IntVar(&cfg.largeRows, "rows", 1_000_000, "results in the large listing dataset")
	fs.IntVar(&cfg.perCand, "per-candidate", 1, "results per candidate in the listing datasets (candidates = rows / this)")
	fs.StringVar(&cfg.postgres, "postgres", envOr("PMPATH_TEST_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable"),
		"PostgreSQL server URL to create scratch databases on (empty: SQLite only)")
	fs.StringVar(&cfg.pmpath, "pmpath", "", "pmpath binary to measure (default: build this module's)")
	fs.StringVar(&cfg.loadgen, "loadgen", "auto", "catalog and submission load generator: wrk, go (the harness's own client), or auto (wrk when installed)")
	fs.BoolVar(&cfg.keep, "keep", false, "keep the listing datasets (and reuse kept ones of the same size)")
	fs.StringVar(&cfg.out, "out", "", "also write the report to this file")
	fs.StringVar(&cfg.dir, "dir", "", "scratch directory (default: a new temporary one, removed at the end)")
	mem := fs.Int64("mem-limit-mib", 150, "peak resident memory target of the server, MiB")
	quick := fs.Bool("quick", false, "smoke-test scale: tiny datasets, 1 s runs")
	if err := fs.Parse(args); err != nil {
		return cfg, err
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "loadbench takes no arguments, got %q\n", fs.Args())
		return cfg, errors.New("arguments")
	}
	if *quick {
		// Quick scale for what was not set explicitly.
		set := map[string]bool{}
		fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
		for name, v := range map[string]func(){
			"small-rows": func() { cfg.smallRows = 200 },
			"rows":       func() { cfg.largeRows = 2_000 },
			"duration":   func() { cfg.duration = time.Second },
			"warmup":     func() { cfg.warmup = 300 * time.Millisecond },
		} {
			if !set[name] {
				v()
			}
		}
	}
	cfg.memLimit = *mem << 20
	for p := range strings.SplitSeq(*only, ",") {
		if p = strings.TrimSpace(p); p == "" {
			continue
		}
		if !slices.Contains(parts, p) {
			fmt.Fprintf(stderr, "-only: unknown part %q (want %s)\n", p, strings.Join(parts, ", "))
			return cfg, errors.New("only")
		}
		cfg.only = append(cfg.only, p)
	}
	switch {
	case cfg.runs < 3:
		fmt.Fprintln(stderr, "-runs must be at least 3: medians of fewer say little on a noisy machine")
		return cfg, errors.New("runs")
	case cfg.concurrency < 1 || cfg.duration <= 0 || cfg.smallRows < 1 || cfg.largeRows < cfg.smallRows || cfg.perCand < 1:
		fmt.Fprintln(stderr, "-concurrency, -duration, -small-rows, -rows and -per-candidate must be positive, -rows ≥ -small-rows")
		return cfg, errors.New("range")
	case cfg.loadgen != "auto" && cfg.loadgen != "wrk" && cfg.loadgen != "go":
		fmt.Fprintln(stderr, "-loadgen must be auto, wrk or go")
		return cfg, errors.New("loadgen")
	}
	return cfg, nil
}

func envOr(k, def string) string {
	if v, ok := os.LookupEnv(k); ok {
		return v
	}
	return def
}

// bench is what every part of a run shares.
type bench struct {
	cfg      config
	dir      string
	bin      string
	pgAdmin  *sql.DB // nil without PostgreSQL
	wrk      *loadgen.Wrk
	progress io.Writer
	report   *Report
	cleanups []func()
}

func (b *bench) logf(format string, args ...any) {
	fmt.Fprintf(b.progress, "loadbench: "+format+"\n", args...)
}

// atEnd runs f when the whole run ends, last registered first.
func (b *bench) atEnd(f func()) { b.cleanups = append(b.cleanups, f) }

func (b *bench) wants(part string) bool { return slices.Contains(b.cfg.only, part) }

// run measures every part asked for and returns the report.
func run(ctx context.Context, cfg config, progress io.Writer) (rep *Report, err error) {
	b := &bench{cfg: cfg, progress: progress, report: &Report{}}
	defer func() {
		for _, f := range slices.Backward(b.cleanups) {
			f()
		}
	}()
	b.dir = cfg.dir
	if b.dir == "" {
		dir, err := os.MkdirTemp("", "loadbench-")
		if err != nil {
			return nil, err
		}
		b.dir = dir
		b.atEnd(func() { os.RemoveAll(dir) })
	}
	b.bin = cfg.pmpath
	if b.bin == "" {
		b.logf("building pmpath")
		if b.bin, err = buildPmpath(ctx, b.dir); err != nil {
			return nil, err
		}
	}
	b.report.Settings = Settings{Concurrency: cfg.concurrency, Duration: cfg.duration, Runs: cfg.runs,
		SmallRows: cfg.smallRows, LargeRows: cfg.largeRows, LoadGen: "the harness's Go HTTP client (keep-alive)"}
	if w, ok := loadgen.FindWrk(); ok && cfg.loadgen != "go" {
		b.wrk = &w
		b.report.Settings.LoadGen = w.Version(ctx) + " for catalog reads and submissions; the harness's Go HTTP client (keep-alive) for the listing"
	} else if cfg.loadgen == "wrk" {
		return nil, errors.New("-loadgen wrk: wrk is not installed (apt-get install wrk)")
	}
	if cfg.postgres != "" {
		db, err := sql.Open("pgx", cfg.postgres)
		if err != nil {
			return nil, err
		}
		b.atEnd(func() { db.Close() })
		if err := db.PingContext(ctx); err != nil {
			return nil, fmt.Errorf("PostgreSQL at -postgres: %w", err)
		}
		b.pgAdmin = db
	} else {
		b.note("no PostgreSQL (-postgres is empty): the PostgreSQL submission and listing figures were not taken")
	}
	lite, err := sql.Open("sqlite", ":memory:")
	if err != nil {
		return nil, err
	}
	b.report.Machine = describeMachine(ctx, b.pgAdmin, lite)
	lite.Close()

	if b.wants("catalog") {
		if err := b.catalog(ctx); err != nil {
			return nil, fmt.Errorf("catalog: %w", err)
		}
	}
	if b.wants("submit") {
		if err := b.submit(ctx); err != nil {
			return nil, fmt.Errorf("submit: %w", err)
		}
	}
	if b.wants("listing") && b.pgAdmin != nil {
		if err := b.listing(ctx); err != nil {
			return nil, fmt.Errorf("listing: %w", err)
		}
	}
	return b.report, nil
}

func (b *bench) note(s string) { b.report.Notes = append(b.report.Notes, s) }

// newDatabase creates a PostgreSQL database and returns its URL; it is
// dropped at the end of the run unless keep is set.
func (b *bench) newDatabase(ctx context.Context, name string, keep bool) (string, error) {
	if name == "" {
		buf := make([]byte, 6)
		_, _ = rand.Read(buf)
		name = "loadbench_" + hex.EncodeToString(buf)
	}
	if _, err := b.pgAdmin.ExecContext(ctx, "CREATE DATABASE "+quoteIdent(name)); err != nil {
		return "", fmt.Errorf("create database %s: %w", name, err)
	}
	if !keep {
		b.atEnd(func() { b.dropDatabase(name) })
	}
	return b.databaseURL(name)
}

func (b *bench) databaseURL(name string) (string, error) {
	u, err := url.Parse(b.cfg.postgres)
	if err != nil {
		return "", err
	}
	u.Path = "/" + name
	return u.String(), nil
}

func (b *bench) dropDatabase(name string) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if _, err := b.pgAdmin.ExecContext(ctx, "DROP DATABASE IF EXISTS "+quoteIdent(name)+" WITH (FORCE)"); err != nil {
		b.logf("drop database %s: %v", name, err)
	}
}

func quoteIdent(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

// startPmpath starts a pmpath server on db and stops it when the run ends.
func (b *bench) startPmpath(ctx context.Context, name string, db dbTarget) (*server, error) {
	s, err := startServer(ctx, b.bin, serverEnv(db), b.dir+"/"+name+".log")
	if err != nil {
		return nil, err
	}
	b.atEnd(s.stop)
	return s, nil
}

// interleave calls each of fns once per run, in order, runs times: the
// targets of one comparison see the same machine conditions as closely
// as a noisy machine allows.
func interleave(ctx context.Context, runs int, fns ...func(run int) error) error {
	for r := range runs {
		for _, f := range fns {
			if err := ctx.Err(); err != nil {
				return err
			}
			if err := f(r); err != nil {
				return err
			}
		}
	}
	return nil
}
