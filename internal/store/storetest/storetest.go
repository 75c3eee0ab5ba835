// Package storetest opens a fresh, migrated database per test: an SQLite
// file in the test's temporary directory, or a new PostgreSQL database on
// the server named by PMPATH_TEST_POSTGRES_URL, dropped when the test ends.
package storetest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" database/sql driver, for CREATE DATABASE

	"github.com/pmpath/pmpath/internal/store"
)

// EnvPostgres names the variable holding the PostgreSQL server URL that
// integration tests create their databases on. `make test` sets it.
const EnvPostgres = "PMPATH_TEST_POSTGRES_URL"

// Dialects are the engines every integration test runs on.
var Dialects = []store.Dialect{store.SQLite, store.Postgres}

// Run calls fn once per dialect, each in its own subtest on its own fresh
// database.
func Run(t *testing.T, fn func(t *testing.T, db *store.DB)) {
	t.Helper()
	for _, d := range Dialects {
		t.Run(string(d), func(t *testing.T) {
			fn(t, Open(t, d))
		})
	}
}

// Open returns a fresh migrated database of dialect d, closed (and on
// PostgreSQL dropped) when the test ends.
func Open(t testing.TB, d store.Dialect) *store.DB {
	t.Helper()
	opts := Options(t, d)
	db, err := store.Open(context.Background(), opts)
	if err != nil {
		t.Fatalf("storetest: open %s: %v", d, err)
	}
	t.Cleanup(func() { db.Close() })
	if _, err := db.Migrate(context.Background()); err != nil {
		t.Fatalf("storetest: migrate %s: %v", d, err)
	}
	return db
}

// Options creates an empty database of dialect d and returns the options
// that open it, for tests that open it themselves (or start the binary on
// it).
func Options(t testing.TB, d store.Dialect) store.Options {
	t.Helper()
	if d == store.SQLite {
		return store.Options{SQLitePath: filepath.Join(t.TempDir(), "pmpath.db")}
	}
	return store.Options{PostgresURL: NewPostgresDatabase(t), MaxOpenConns: 8}
}

// NewPostgresDatabase creates an empty database and returns its URL. It
// skips the test when EnvPostgres is unset (see README.md) and fails it when
// the server cannot be reached.
func NewPostgresDatabase(t testing.TB) string {
	t.Helper()
	admin := os.Getenv(EnvPostgres)
	if admin == "" {
		t.Skipf("%s is not set: PostgreSQL integration tests need a server (make test sets it)", EnvPostgres)
	}
	u, err := url.Parse(admin)
	if err != nil {
		t.Fatalf("storetest: %s: %v", EnvPostgres, err)
	}
	conn, err := sql.Open("pgx", admin)
	if err != nil {
		t.Fatalf("storetest: %v", err)
	}
	defer conn.Close()
	var b [6]byte
	_, _ = rand.Read(b[:])
	name := "pmpath_test_" + hex.EncodeToString(b[:])
	if _, err := conn.Exec("CREATE DATABASE " + name); err != nil {
		t.Fatalf("storetest: create database on %s: %v", u.Host, err)
	}
	t.Cleanup(func() {
		conn, err := sql.Open("pgx", admin)
		if err != nil {
			t.Errorf("storetest: %v", err)
			return
		}
		defer conn.Close()
		if _, err := conn.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"); err != nil {
			t.Errorf("storetest: drop %s: %v", name, err)
		}
	})
	u.Path = "/" + name
	return u.String()
}
