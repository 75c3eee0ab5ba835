package store

import (
	"context"
	"database/sql/driver"
	"errors"
	"fmt"
	"net"
	"syscall"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"
	"gorm.io/gorm"

	"github.com/pmpath/pmpath/internal/errs"
)

// TestTranslateKinds pins which driver errors become which kinds: a
// database that cannot be reached or dropped the session is Unavailable
// (a 503 the client may retry), never an Internal error.
func TestTranslateKinds(t *testing.T) {
	refused := &net.OpError{Op: "dial", Net: "tcp", Err: syscall.ECONNREFUSED}
	tests := []struct {
		name string
		err  error
		want errs.Kind
	}{
		{"not found", gorm.ErrRecordNotFound, errs.NotFound},
		{"unique violation", &pgconn.PgError{Code: "23505", Message: "duplicate key"}, errs.Conflict},
		{"sqlite unique violation", errors.New("constraint failed: UNIQUE constraint failed: users.email (2067)"), errs.Conflict},
		{"connection refused", refused, errs.Unavailable},
		{"wrapped connection refused", fmt.Errorf("failed to connect: %w", refused), errs.Unavailable},
		{"bad connection", driver.ErrBadConn, errs.Unavailable},
		{"session terminated by an administrator", &pgconn.PgError{Severity: "FATAL", Code: "57P01"}, errs.Unavailable},
		{"server restarting", &pgconn.PgError{Severity: "FATAL", Code: "57P03"}, errs.Unavailable},
		{"too many connections", &pgconn.PgError{Severity: "FATAL", Code: "53300"}, errs.Unavailable},
		{"connection exception", &pgconn.PgError{Code: "08006"}, errs.Unavailable},
		{"deadline", fmt.Errorf("query: %w", context.DeadlineExceeded), errs.Unavailable},
		{"syntax error", &pgconn.PgError{Code: "42601"}, errs.Internal},
		{"check violation", &pgconn.PgError{Code: "23514"}, errs.Internal},
		{"anything else", errors.New("boom"), errs.Internal},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := errs.KindOf(translate(tt.err, "thing")); got != tt.want {
				t.Errorf("translate(%v) kind = %s, want %s", tt.err, got, tt.want)
			}
		})
	}
}

// TestTranslateKeepsCancellation: a request whose caller went away is not
// a database outage.
func TestTranslateKeepsCancellation(t *testing.T) {
	err := fmt.Errorf("query: %w", context.Canceled)
	if got := translate(err, "thing"); !errors.Is(got, context.Canceled) || errs.KindOf(got) == errs.Unavailable {
		t.Errorf("translate(canceled) = %v (kind %s), want the cancellation unchanged", got, errs.KindOf(got))
	}
}

func TestWithConnectTimeout(t *testing.T) {
	tests := []struct{ in, want string }{
		{"postgres://u@h:5432/db", "postgres://u@h:5432/db?connect_timeout=5"},
		{"postgres://u:p%40ss@h/db?sslmode=disable", "postgres://u:p%40ss@h/db?sslmode=disable&connect_timeout=5"},
		{"postgres://u@h/db?connect_timeout=1", "postgres://u@h/db?connect_timeout=1"},
	}
	for _, tt := range tests {
		if got := withConnectTimeout(tt.in); got != tt.want {
			t.Errorf("withConnectTimeout(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
