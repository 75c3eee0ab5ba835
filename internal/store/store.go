// Package store keeps pmpath's data in PostgreSQL or in an embedded SQLite
// file. Its GORM row types are private; it returns domain types and
// translates driver errors into errs kinds.
package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	"gorm.io/driver/postgres"
	"gorm.io/driver/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	_ "modernc.org/sqlite" // registers the pure-Go "sqlite" database/sql driver

	"github.com/pmpath/pmpath/internal/errs"
)

// Dialect names the database engine behind a DB.
type Dialect string

// The supported dialects.
const (
	Postgres Dialect = "postgres"
	SQLite   Dialect = "sqlite"
)

// Options say which database to open and how.
type Options struct {
	// PostgresURL selects PostgreSQL when set.
	PostgresURL string
	// SQLitePath is the database file used when PostgresURL is empty.
	SQLitePath string
	// MaxOpenConns caps the PostgreSQL connection pool.
	MaxOpenConns int
	// Logger receives slow-query and error logs.
	Logger *slog.Logger
}

// DB is an open database.
type DB struct {
	gorm    *gorm.DB
	sql     *sql.DB
	dialect Dialect
	stmts   *statements
}

// Open connects to the database chosen by opts. It does not migrate.
func Open(ctx context.Context, opts Options) (*DB, error) {
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	gcfg := &gorm.Config{
		Logger: logger.NewSlogLogger(log, logger.Config{
			SlowThreshold:             500 * time.Millisecond,
			LogLevel:                  logger.Warn,
			IgnoreRecordNotFoundError: true,
			ParameterizedQueries:      true,
		}),
		TranslateError: false,
		NowFunc:        func() time.Time { return time.Now().UTC() },
	}
	var (
		dialector gorm.Dialector
		dialect   Dialect
	)
	if opts.PostgresURL != "" {
		dialect = Postgres
		dialector = postgres.Open(withConnectTimeout(opts.PostgresURL))
	} else {
		dialect = SQLite
		dsn, err := sqliteDSN(opts.SQLitePath)
		if err != nil {
			return nil, err
		}
		dialector = sqlite.New(sqlite.Config{DriverName: "sqlite", DSN: dsn})
	}
	g, err := gorm.Open(dialector, gcfg)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", dialect, err)
	}
	sqlDB, err := g.DB()
	if err != nil {
		return nil, err
	}
	if dialect == Postgres {
		n := max(opts.MaxOpenConns, 1)
		sqlDB.SetMaxOpenConns(n)
		sqlDB.SetMaxIdleConns(n)
		sqlDB.SetConnMaxIdleTime(5 * time.Minute)
	} else {
		// WAL lets readers run beside the one writer; writers queue on
		// busy_timeout. A small pool keeps that queue short.
		sqlDB.SetMaxOpenConns(4)
		sqlDB.SetMaxIdleConns(4)
	}
	db := &DB{gorm: g, sql: sqlDB, dialect: dialect, stmts: newStatements(dialect)}
	pingCtx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := db.Ping(pingCtx); err != nil {
		sqlDB.Close()
		return nil, fmt.Errorf("open %s: %w", dialect, err)
	}
	return db, nil
}

// defaultConnectTimeout bounds each new PostgreSQL connection when the URL
// sets no connect_timeout of its own.
const defaultConnectTimeout = "5"

// withConnectTimeout adds connect_timeout to a PostgreSQL URL that has
// none. Without one, connecting to a server that accepts but never answers
// (a stalled host, a half-open network path) waits for as long as the
// request lasts; with one, the request gets a 503 and the pool slot is
// freed.
func withConnectTimeout(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil || u.Query().Has("connect_timeout") {
		return dsn
	}
	// Appended rather than re-encoded, so the rest of the URL stays as given.
	sep := "?"
	if strings.Contains(dsn, "?") {
		sep = "&"
	}
	return dsn + sep + "connect_timeout=" + defaultConnectTimeout
}

// sqliteDSN turns a file path into a modernc.org/sqlite DSN with the pragmas
// pmpath relies on: foreign keys, WAL, a busy timeout, and write transactions
// that take the lock up front so they queue instead of failing.
func sqliteDSN(path string) (string, error) {
	if path == "" {
		return "", errors.New("sqlite: empty database path")
	}
	if dir := filepath.Dir(path); dir != "." {
		if err := os.MkdirAll(dir, 0o750); err != nil {
			return "", fmt.Errorf("sqlite: %w", err)
		}
	}
	q := url.Values{}
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Set("_txlock", "immediate")
	return "file:" + path + "?" + q.Encode(), nil
}

// Dialect reports which engine the DB runs on.
func (db *DB) Dialect() Dialect { return db.dialect }

// Ping checks the database answers.
func (db *DB) Ping(ctx context.Context) error {
	if err := db.sql.PingContext(ctx); err != nil {
		return errs.Wrap(errs.Unavailable, err, "the database is unavailable")
	}
	return nil
}

// Close closes the connection pool.
func (db *DB) Close() error { return db.sql.Close() }

// translate maps a driver or GORM error to an errs kind. what names the
// missing thing for NotFound messages, in English: a constant, translated
// with the message.
func translate(err error, what string) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, gorm.ErrRecordNotFound), errors.Is(err, sql.ErrNoRows):
		return errs.Wrap(errs.NotFound, err, "%s not found", errs.Term(what))
	case errors.Is(err, context.Canceled):
		// The caller went away; nobody reads the answer.
		return err
	case isUniqueViolation(err):
		return errs.Wrap(errs.Conflict, err, "%s already exists", errs.Term(what))
	case isConnectionError(err):
		return errs.Wrap(errs.Unavailable, err, "the database is unavailable")
	}
	return err
}

// isConnectionError reports whether err says the database could not be
// reached or did not answer, rather than refusing the statement: the same
// request may work a moment later, so it is Unavailable (503), not a bug.
func isConnectionError(err error) bool {
	var (
		connect *pgconn.ConnectError
		pgErr   *pgconn.PgError
		netErr  net.Error
	)
	switch {
	case errors.Is(err, sql.ErrConnDone), errors.Is(err, driver.ErrBadConn),
		errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, context.DeadlineExceeded),
		errors.As(err, &connect), errors.As(err, &netErr), pgconn.Timeout(err):
		return true
	case errors.As(err, &pgErr):
		// Class 08 is connection exceptions; 57P01-57P03 are sessions
		// ended by an administrator, a crash or a server still starting
		// (a restart); 53300 is too many connections.
		switch pgErr.Code {
		case "57P01", "57P02", "57P03", "53300":
			return true
		}
		return strings.HasPrefix(pgErr.Code, "08")
	}
	// Some broken connections surface from pgx only as text.
	msg := err.Error()
	for _, s := range []string{"connection refused", "failed to connect", "broken pipe", "connection reset", "server closed", "the database system is shutting down", "unexpected EOF", "conn closed"} {
		if strings.Contains(msg, s) {
			return true
		}
	}
	return false
}

// SQL returns the underlying connection pool, for pool metrics.
func (db *DB) SQL() *sql.DB { return db.sql }

// isUniqueViolation reports a unique-constraint failure on either engine.
func isUniqueViolation(err error) bool {
	msg := err.Error()
	return strings.Contains(msg, "SQLSTATE 23505") || strings.Contains(msg, "UNIQUE constraint failed")
}
