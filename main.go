// Command pmpath runs the pmpath service: a career-guidance API and web app
// for engineers choosing between project manager and PMO careers.
//
//	pmpath [serve]   run the HTTP server (migrates and seeds first)
//	pmpath migrate   apply schema migrations and exit
//	pmpath seed      load the seed catalog and exit
//	pmpath healthcheck  exit 0 when the local server reports ready
//
// Settings come from PMPATH_* environment variables; see README.md.
package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"github.com/pmpath/pmpath/api"
	questionnaires "github.com/pmpath/pmpath/assessments"
	"github.com/pmpath/pmpath/frontend"
	"github.com/pmpath/pmpath/internal/account"
	"github.com/pmpath/pmpath/internal/advising"
	"github.com/pmpath/pmpath/internal/assessment"
	"github.com/pmpath/pmpath/internal/audit"
	"github.com/pmpath/pmpath/internal/catalog"
	"github.com/pmpath/pmpath/internal/config"
	"github.com/pmpath/pmpath/internal/errs"
	"github.com/pmpath/pmpath/internal/password"
	"github.com/pmpath/pmpath/internal/progress"
	"github.com/pmpath/pmpath/internal/report"
	"github.com/pmpath/pmpath/internal/store"
	"github.com/pmpath/pmpath/internal/talent"
	"github.com/pmpath/pmpath/internal/token"
	"github.com/pmpath/pmpath/seed"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Environ(), os.Stdin, os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "pmpath:", err)
		os.Exit(1)
	}
}

const usage = `usage: pmpath [command]

commands:
  serve     run the HTTP server (the default); migrates and seeds first
  migrate   apply database migrations and exit
  seed      load the seed catalog into the database and exit
  user create --email E --role R [--name N] [--password-stdin]
            create an account (R: admin, advisor, recruiter); the password
            is read from standard input, or generated and printed once
  healthcheck
            ask the server at PMPATH_ADDR whether it is ready (for container
            health checks); exits non-zero when it is not

Configuration is read from PMPATH_* environment variables (see README.md).
`

// run is the whole program; tests call it with their own arguments,
// environment and output.
func run(ctx context.Context, args, environ []string, stdin io.Reader, stdout, stderr io.Writer) error {
	cmd := "serve"
	if len(args) > 0 {
		cmd, args = args[0], args[1:]
	}
	if cmd == "user" {
		return userCommand(ctx, args, environ, stdin, stdout, stderr)
	}
	if len(args) > 0 {
		return fmt.Errorf("%s takes no arguments, got %q\n%s", cmd, args, usage)
	}
	if cmd == "help" || cmd == "-h" || cmd == "--help" {
		fmt.Fprint(stdout, usage)
		return nil
	}
	cfg, err := config.Load(environ)
	if err != nil {
		return err
	}
	log := newLogger(cfg, stderr)

	switch cmd {
	case "healthcheck":
		return healthcheck(ctx, cfg.Addr)
	case "serve":
		gcPercent, memoryLimit := tuneGC(environ)
		log.Debug("garbage collector", "gc_percent", gcPercent, "memory_limit_bytes", memoryLimit)
		return serve(ctx, cfg, log)
	case "migrate":
		db, err := openDB(ctx, cfg, log)
		if err != nil {
			return err
		}
		defer db.Close()
		version, err := db.SchemaVersion(ctx)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "schema at version %d\n", version)
		return nil
	case "seed":
		db, err := openDB(ctx, cfg, log)
		if err != nil {
			return err
		}
		defer db.Close()
		changed, err := catalog.NewService(db).Seed(ctx, seedFS(cfg))
		if err != nil {
			return err
		}
		if changed {
			fmt.Fprintln(stdout, "catalog seeded")
		} else {
			fmt.Fprintln(stdout, "catalog already up to date")
		}
		return nil
	}
	return fmt.Errorf("unknown command %q\n%s", cmd, usage)
}

// newAccounts builds the account service and its token signer. The
// signing key is PMPATH_JWT_SECRET, or one generated once and kept in the
// database.
func newAccounts(ctx context.Context, cfg config.Config, db *store.DB, log *slog.Logger) (*account.Service, *token.Signer, error) {
	key := cfg.JWTSecret
	if key == "" {
		log.Warn("PMPATH_JWT_SECRET is not set: using a key generated and stored in the database; set one in production")
		var err error
		key, err = db.ServerKey(ctx, "jwt-hs256", func() string {
			b := make([]byte, 32)
			if _, err := rand.Read(b); err != nil {
				panic(err)
			}
			return hex.EncodeToString(b)
		})
		if err != nil {
			return nil, nil, err
		}
	}
	signer, err := token.NewSigner([]byte(key), cfg.AccessTokenTTL, time.Now)
	if err != nil {
		return nil, nil, err
	}
	hasher := password.NewHasher(cfg.HashConcurrency)
	return account.NewService(db, hasher, password.Check, signer, time.Now), signer, nil
}

// healthcheck asks the server listening on addr for /readyz.
func healthcheck(ctx context.Context, addr string) error {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("healthcheck: PMPATH_ADDR %q: %w", addr, err)
	}
	if host == "" || host == "0.0.0.0" || host == "::" {
		host = "127.0.0.1"
	}
	ctx, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://"+net.JoinHostPort(host, port)+"/readyz", nil)
	if err != nil {
		return err
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("healthcheck: %w", err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return fmt.Errorf("healthcheck: /readyz answered %d", res.StatusCode)
	}
	return nil
}

// seedFS returns the catalog seed files: PMPATH_SEED_DIR when set, else the
// files built into the binary.
func seedFS(cfg config.Config) fs.FS {
	if cfg.SeedDir != "" {
		return os.DirFS(cfg.SeedDir)
	}
	return seed.FS
}

func newLogger(cfg config.Config, w io.Writer) *slog.Logger {
	opts := &slog.HandlerOptions{Level: cfg.LogLevel}
	if cfg.LogFormat == "text" {
		return slog.New(slog.NewTextHandler(w, opts))
	}
	return slog.New(slog.NewJSONHandler(w, opts))
}

// openDB connects and migrates.
func openDB(ctx context.Context, cfg config.Config, log *slog.Logger) (*store.DB, error) {
	db, err := store.Open(ctx, store.Options{
		PostgresURL:  cfg.DatabaseURL,
		SQLitePath:   cfg.SQLitePath,
		MaxOpenConns: cfg.DBMaxOpenConns,
		Logger:       log,
	})
	if err != nil {
		return nil, err
	}
	applied, err := db.Migrate(ctx)
	if err != nil {
		db.Close()
		return nil, err
	}
	for _, m := range applied {
		log.Info("migration applied", "version", m.Version, "source", m.Source)
	}
	return db, nil
}

func serve(ctx context.Context, cfg config.Config, log *slog.Logger) error {
	db, err := openDB(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer db.Close()
	catalogs := catalog.NewService(db)
	if cfg.SeedOnStart {
		changed, err := catalogs.Seed(ctx, seedFS(cfg))
		if err != nil {
			return err
		}
		log.Info("catalog seed checked", "changed", changed)
	}
	assessments := assessment.NewService(db, catalogs, time.Now)
	if err := assessments.Publish(ctx, questionnaires.FS); err != nil {
		return err
	}
	accounts, signer, err := newAccounts(ctx, cfg, db, log)
	if err != nil {
		return err
	}

	ready := &readiness{db: db}
	reg := prometheus.NewRegistry()
	reg.MustRegister(
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		collectors.NewDBStatsCollector(db.SQL(), string(db.Dialect())),
	)
	advisors := advising.NewService(db, time.Now)
	marks := progress.NewService(db, catalogs, time.Now)
	auditLog := audit.NewService(db)
	handler, err := api.NewRouter(api.Deps{
		Logger:      log,
		Catalog:     catalogs,
		Assessments: assessments,
		Accounts:    accounts,
		Signer:      signer,
		Advising:    advisors,
		Talent:      talent.NewService(db, time.Now),
		Progress:    marks,
		Audit:       auditLog,
		Reports: report.NewService(report.Deps{
			Assessments: assessments, Catalogs: catalogs, Accounts: accounts,
			Advising: advisors, Marks: marks, StaffReads: auditLog, Now: time.Now,
		}),
		Limits:         api.DefaultLimits(time.Now),
		DB:             ready,
		Registry:       reg,
		Frontend:       frontend.Dist(),
		MaxBodyBytes:   cfg.MaxBodyBytes,
		TrustedProxies: cfg.TrustedProxies,
		CatalogMaxAge:  cfg.CatalogMaxAge,
		RequestTimeout: cfg.RequestTimeout,
	})
	if err != nil {
		return err
	}
	srv := &http.Server{
		Handler:           handler,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       15 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
		BaseContext:       func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return err
	}
	log.Info("listening", "url", "http://"+ln.Addr().String(), "database", string(db.Dialect()))

	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	// Unready first, and still serving for the delay, so a load balancer
	// polling /readyz stops sending before the listener closes; then stop
	// accepting and let the requests in flight finish.
	ready.stopping.Store(true)
	log.Info("shutting down", "delay", cfg.ShutdownDelay.String(), "timeout", cfg.ShutdownTimeout.String())
	time.Sleep(cfg.ShutdownDelay)
	shutdownCtx, cancel := context.WithTimeout(context.Background(), cfg.ShutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	log.Info("stopped")
	return nil
}

// readiness answers /readyz: whether the database answers, except that
// once shutdown begins the server reports itself unready while it drains.
type readiness struct {
	db       api.Pinger
	stopping atomic.Bool
}

func (r *readiness) Ping(ctx context.Context) error {
	if r.stopping.Load() {
		return errs.E(errs.Unavailable, "the server is shutting down")
	}
	return r.db.Ping(ctx)
}
