package config

import (
	"log/slog"
	"strings"
	"testing"
	"time"
)

func TestLoadDefaults(t *testing.T) {
	c, err := Load(nil)
	if err != nil {
		t.Fatalf("Load(nil): %v", err)
	}
	if c.Addr != "127.0.0.1:8080" || c.SQLitePath != "pmpath.db" || c.Postgres() {
		t.Errorf("defaults = %+v", c)
	}
	if c.MaxBodyBytes != 1<<20 || c.ShutdownTimeout != 15*time.Second || c.ShutdownDelay != 0 || c.RequestTimeout != 20*time.Second || c.LogLevel != slog.LevelInfo || !c.SeedOnStart {
		t.Errorf("defaults = %+v", c)
	}
}

func TestLoadOverrides(t *testing.T) {
	c, err := Load([]string{
		"PMPATH_ADDR=:9000",
		"PMPATH_DATABASE_URL=postgres://u@h/db",
		"PMPATH_LOG_LEVEL=debug",
		"PMPATH_TRUSTED_PROXIES=10.0.0.0/8,192.168.1.1",
		"PMPATH_SHUTDOWN_TIMEOUT=3s",
		"PMPATH_SHUTDOWN_DELAY=5s",
		"PMPATH_REQUEST_TIMEOUT=3s",
		"UNRELATED=1",
	})
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	if c.Addr != ":9000" || !c.Postgres() || c.LogLevel != slog.LevelDebug || len(c.TrustedProxies) != 2 || c.ShutdownTimeout != 3*time.Second || c.ShutdownDelay != 5*time.Second || c.RequestTimeout != 3*time.Second {
		t.Errorf("got %+v", c)
	}
}

func TestLoadRejects(t *testing.T) {
	tests := []struct{ env, want string }{
		{"PMPATH_DATABASE_URL=mysql://x", "must start with postgres://"},
		{"PMPATH_LOG_FORMAT=xml", "json or text"},
		{"PMPATH_MAX_BODY_BYTES=10", "at least 1024"},
		{"PMPATH_MAX_BODY_BYTES=lots", "PMPATH_MAX_BODY_BYTES: cannot read as int64"},
		{"PMPATH_TRUSTED_PROXIES=everyone", "neither an address nor a CIDR"},
		{"PMPATH_SHUTDOWN_TIMEOUT=-1s", "must be positive"},
		{"PMPATH_SHUTDOWN_DELAY=-1s", "between 0s and 1m"},
		{"PMPATH_SHUTDOWN_DELAY=2m", "between 0s and 1m"},
		{"PMPATH_REQUEST_TIMEOUT=0s", "between 1s and 25s"},
		{"PMPATH_REQUEST_TIMEOUT=1m", "between 1s and 25s"},
		{"PMPATH_DB_MAX_OPEN_CONNS=0", "at least 1"},
		{"PMPATH_JWT_SECRET=short", "at least 32 bytes"},
		{"PMPATH_ACCESS_TOKEN_TTL=24h", "between 1m and 1h"},
		{"PMPATH_HASH_CONCURRENCY=0", "at least 1"},
	}
	for _, tt := range tests {
		t.Run(tt.env, func(t *testing.T) {
			_, err := Load([]string{tt.env})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Load(%q) error = %v, want it to mention %q", tt.env, err, tt.want)
			}
		})
	}
}
