// Package config reads pmpath's settings from PMPATH_* environment variables.
package config

import (
	"errors"
	"fmt"
	"log/slog"
	"net/netip"
	"reflect"
	"strings"
	"time"

	"github.com/caarlos0/env/v11"
)

// Config is every setting of the service. The env tags name the variables;
// the envDefault tags are the documented defaults (see README.md).
type Config struct {
	// Addr is the address the HTTP server listens on.
	Addr string `env:"ADDR" envDefault:"127.0.0.1:8080"`
	// DatabaseURL selects PostgreSQL (postgres://...). Empty means the
	// embedded SQLite file at SQLitePath.
	DatabaseURL string `env:"DATABASE_URL"`
	// SQLitePath is the embedded database file used when DatabaseURL is empty.
	SQLitePath string `env:"SQLITE_PATH" envDefault:"pmpath.db"`
	// DBMaxOpenConns caps the connection pool (PostgreSQL only; SQLite uses
	// its own small pool).
	DBMaxOpenConns int `env:"DB_MAX_OPEN_CONNS" envDefault:"20"`
	// LogLevel is debug, info, warn or error.
	LogLevel slog.Level `env:"LOG_LEVEL" envDefault:"info"`
	// LogFormat is json or text.
	LogFormat string `env:"LOG_FORMAT" envDefault:"json"`
	// MaxBodyBytes caps request bodies; larger ones get 413.
	MaxBodyBytes int64 `env:"MAX_BODY_BYTES" envDefault:"1048576"`
	// ShutdownTimeout bounds how long in-flight requests may take to finish
	// after SIGTERM.
	ShutdownTimeout time.Duration `env:"SHUTDOWN_TIMEOUT" envDefault:"15s"`
	// ShutdownDelay is how long the server keeps serving after SIGTERM,
	// with /readyz already answering 503, before it stops accepting
	// connections: time for a load balancer to notice and stop sending.
	ShutdownDelay time.Duration `env:"SHUTDOWN_DELAY" envDefault:"0s"`
	// RequestTimeout bounds how long a request may wait on the database;
	// past it the caller gets a 503 rather than a hung connection.
	RequestTimeout time.Duration `env:"REQUEST_TIMEOUT" envDefault:"20s"`
	// TrustedProxies lists the proxy addresses or CIDRs whose
	// X-Forwarded-For is believed. Empty trusts none.
	TrustedProxies []string `env:"TRUSTED_PROXIES" envSeparator:","`
	// CatalogMaxAge is the Cache-Control max-age of catalog responses.
	CatalogMaxAge time.Duration `env:"CATALOG_MAX_AGE" envDefault:"5m"`
	// SeedOnStart loads the seed catalog at start-up.
	SeedOnStart bool `env:"SEED_ON_START" envDefault:"true"`
	// JWTSecret signs access tokens (at least 32 bytes). Empty: a random key
	// is generated once and kept in the database, so restarts and replicas
	// share it; set it explicitly in production and keep it out of the DB.
	JWTSecret string `env:"JWT_SECRET"`
	// AccessTokenTTL is the lifetime of access tokens.
	AccessTokenTTL time.Duration `env:"ACCESS_TOKEN_TTL" envDefault:"15m"`
	// HashConcurrency caps password hashes running at once (each takes
	// 19 MiB).
	HashConcurrency int `env:"HASH_CONCURRENCY" envDefault:"4"`
	// SeedDir, when set, is a directory laid out like seed/ whose files
	// replace the catalog built into the binary.
	SeedDir string `env:"SEED_DIR"`
}

// MaxRequestTimeout keeps the request timeout below the server's 30s write
// timeout, so a request that runs out of time can still be answered.
const MaxRequestTimeout = 25 * time.Second

// Load reads the configuration from environ (as os.Environ returns it).
func Load(environ []string) (Config, error) {
	var c Config
	err := env.ParseWithOptions(&c, env.Options{
		Prefix:      "PMPATH_",
		Environment: env.ToMap(environ),
	})
	var agg env.AggregateError
	if errors.As(err, &agg) {
		for _, e := range agg.Errors {
			var pe env.ParseError
			if errors.As(e, &pe) {
				return Config{}, fmt.Errorf("config: PMPATH_%s: cannot read as %s: %w", envName(pe.Name), pe.Type, pe.Err)
			}
		}
	}
	if err != nil {
		return Config{}, fmt.Errorf("config: %w", err)
	}
	return c, c.validate()
}

// envName returns the variable name (without prefix) of a Config field.
func envName(field string) string {
	f, ok := reflect.TypeFor[Config]().FieldByName(field)
	if !ok {
		return field
	}
	name, _, _ := strings.Cut(f.Tag.Get("env"), ",")
	return name
}

func (c Config) validate() error {
	switch {
	case c.DatabaseURL != "" && !strings.HasPrefix(c.DatabaseURL, "postgres://") && !strings.HasPrefix(c.DatabaseURL, "postgresql://"):
		return fmt.Errorf("config: PMPATH_DATABASE_URL must start with postgres:// (leave it empty for SQLite)")
	case c.DatabaseURL == "" && c.SQLitePath == "":
		return fmt.Errorf("config: PMPATH_SQLITE_PATH must not be empty when PMPATH_DATABASE_URL is unset")
	case c.LogFormat != "json" && c.LogFormat != "text":
		return fmt.Errorf("config: PMPATH_LOG_FORMAT must be json or text, not %q", c.LogFormat)
	case c.MaxBodyBytes < 1024:
		return fmt.Errorf("config: PMPATH_MAX_BODY_BYTES must be at least 1024")
	case c.DBMaxOpenConns < 1:
		return fmt.Errorf("config: PMPATH_DB_MAX_OPEN_CONNS must be at least 1")
	case c.ShutdownTimeout <= 0:
		return fmt.Errorf("config: PMPATH_SHUTDOWN_TIMEOUT must be positive")
	case c.ShutdownDelay < 0 || c.ShutdownDelay > time.Minute:
		return fmt.Errorf("config: PMPATH_SHUTDOWN_DELAY must be between 0s and 1m")
	case c.RequestTimeout < time.Second || c.RequestTimeout > MaxRequestTimeout:
		return fmt.Errorf("config: PMPATH_REQUEST_TIMEOUT must be between 1s and %s", MaxRequestTimeout)
	case c.JWTSecret != "" && len(c.JWTSecret) < 32:
		return fmt.Errorf("config: PMPATH_JWT_SECRET must be at least 32 bytes")
	case c.AccessTokenTTL < time.Minute || c.AccessTokenTTL > time.Hour:
		return fmt.Errorf("config: PMPATH_ACCESS_TOKEN_TTL must be between 1m and 1h")
	case c.HashConcurrency < 1:
		return fmt.Errorf("config: PMPATH_HASH_CONCURRENCY must be at least 1")
	}
	for _, p := range c.TrustedProxies {
		if _, err := netip.ParsePrefix(p); err == nil {
			continue
		}
		if _, err := netip.ParseAddr(p); err != nil {
			return fmt.Errorf("config: PMPATH_TRUSTED_PROXIES: %q is neither an address nor a CIDR", p)
		}
	}
	return nil
}

// Postgres reports whether the configuration selects PostgreSQL.
func (c Config) Postgres() bool { return c.DatabaseURL != "" }
