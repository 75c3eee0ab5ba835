package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pmpath/pmpath/internal/catalog"
	"github.com/pmpath/pmpath/internal/store"
	"github.com/pmpath/pmpath/internal/store/storetest"
)

// syncBuffer collects the server's log output safely across goroutines.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// dbEnv returns the PMPATH_* variables that point the binary at a fresh
// database of dialect d.
func dbEnv(t *testing.T, d store.Dialect) []string {
	t.Helper()
	opts := storetest.Options(t, d)
	if d == store.Postgres {
		return []string{"PMPATH_DATABASE_URL=" + opts.PostgresURL}
	}
	return []string{"PMPATH_SQLITE_PATH=" + opts.SQLitePath}
}

// testGC keeps serve from tuning the test binary's garbage collector: the
// runtime's settings are the process's, not one test's (gc_test.go tests
// the tuning).
var testGC = []string{"GOGC=100", "GOMEMLIMIT=off"}

// startServer runs `pmpath serve` in the background and returns its base
// URL once it listens, and a function that stops it and returns run's error.
func startServer(t *testing.T, env []string) (string, func() error) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	logs := &syncBuffer{}
	done := make(chan error, 1)
	env = append(append([]string{"PMPATH_ADDR=127.0.0.1:0", "PMPATH_LOG_FORMAT=json"}, testGC...), env...)
	go func() { done <- run(ctx, []string{"serve"}, env, nil, io.Discard, logs) }()

	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		sc := bufio.NewScanner(strings.NewReader(logs.String()))
		for sc.Scan() {
			var rec struct{ Msg, URL string }
			if json.Unmarshal(sc.Bytes(), &rec) == nil && rec.Msg == "listening" {
				stopped := false
				stop := func() error {
					if stopped {
						return nil
					}
					stopped = true
					cancel()
					select {
					case err := <-done:
						return err
					case <-time.After(20 * time.Second):
						return errors.New("server did not stop")
					}
				}
				t.Cleanup(func() { _ = stop() })
				return rec.URL, stop
			}
		}
		select {
		case err := <-done:
			cancel()
			t.Fatalf("server exited before listening: %v\nlogs:\n%s", err, logs.String())
		case <-time.After(20 * time.Millisecond):
		}
	}
	cancel()
	t.Fatalf("server did not listen in time; logs:\n%s", logs.String())
	return "", nil
}

func getJSON(t *testing.T, url string, v any) int {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	defer res.Body.Close()
	if v != nil {
		if err := json.NewDecoder(res.Body).Decode(v); err != nil {
			t.Fatalf("GET %s: decode: %v", url, err)
		}
	}
	return res.StatusCode
}

// TestServeEndToEnd boots the real binary's run function on each database,
// reads the catalog in both languages, and shuts it down as SIGTERM would.
func TestServeEndToEnd(t *testing.T) {
	for _, d := range storetest.Dialects {
		t.Run(string(d), func(t *testing.T) {
			base, stop := startServer(t, dbEnv(t, d))

			var roles struct {
				Roles []struct{ Slug, Name string }
			}
			if code := getJSON(t, base+"/api/v1/roles", &roles); code != http.StatusOK {
				t.Fatalf("roles: status %d", code)
			}
			if len(roles.Roles) < len(catalog.RequiredRoles) {
				t.Fatalf("got %d roles", len(roles.Roles))
			}
			var en struct {
				Roles []struct{ Slug, Name string }
			}
			getJSON(t, base+"/api/v1/roles?lang=en", &en)
			for i := range roles.Roles {
				if roles.Roles[i].Name == en.Roles[i].Name {
					t.Errorf("role %s has the same name in ja and en: %q", roles.Roles[i].Slug, en.Roles[i].Name)
				}
			}
			var pmo struct {
				Roadmap      []struct{ ID string }
				SalaryRanges []struct{ Source struct{ Name string } } `json:"salary_ranges"`
			}
			if code := getJSON(t, base+"/api/v1/roles/pmo-manager", &pmo); code != http.StatusOK || len(pmo.Roadmap) == 0 || len(pmo.SalaryRanges) == 0 {
				t.Errorf("pmo-manager: status %d, %+v", code, pmo)
			}
			var p struct{ Status int }
			if code := getJSON(t, base+"/api/v1/roles/nope", &p); code != http.StatusNotFound || p.Status != 404 {
				t.Errorf("unknown role: status %d, problem %+v", code, p)
			}
			// The questionnaire is published at start-up; a draft round-trips.
			var qs struct {
				Questionnaires []struct{ Slug string }
			}
			if code := getJSON(t, base+"/api/v1/questionnaires", &qs); code != http.StatusOK || len(qs.Questionnaires) != 1 || qs.Questionnaires[0].Slug != "pm-pmo-fit" {
				t.Errorf("questionnaires: %d %+v", code, qs)
			}
			res, err := http.Post(base+"/api/v1/assessments", "application/json", strings.NewReader(`{"questionnaire":"pm-pmo-fit","answers":{"q01":4}}`))
			if err != nil {
				t.Fatal(err)
			}
			var draft struct{ ID, Token string }
			json.NewDecoder(res.Body).Decode(&draft)
			res.Body.Close()
			if res.StatusCode != http.StatusCreated || draft.Token == "" {
				t.Errorf("create draft: %d %+v", res.StatusCode, draft)
			}

			addr := strings.TrimPrefix(base, "http://")
			if err := run(context.Background(), []string{"healthcheck"}, []string{"PMPATH_ADDR=" + addr}, nil, io.Discard, io.Discard); err != nil {
				t.Errorf("healthcheck against a ready server: %v", err)
			}
			if err := stop(); err != nil {
				t.Errorf("graceful stop: %v", err)
			}
			if err := run(context.Background(), []string{"healthcheck"}, []string{"PMPATH_ADDR=" + addr}, nil, io.Discard, io.Discard); err == nil {
				t.Error("healthcheck passed against a stopped server")
			}
		})
	}
}

func TestMigrateAndSeedCommands(t *testing.T) {
	for _, d := range storetest.Dialects {
		t.Run(string(d), func(t *testing.T) {
			env := dbEnv(t, d)
			var out bytes.Buffer
			for i := 0; i < 2; i++ {
				out.Reset()
				if err := run(context.Background(), []string{"migrate"}, env, nil, &out, io.Discard); err != nil {
					t.Fatalf("migrate #%d: %v", i+1, err)
				}
				if !strings.HasPrefix(out.String(), "schema at version ") {
					t.Errorf("migrate #%d printed %q", i+1, out.String())
				}
			}
			for i, want := range []string{"catalog seeded\n", "catalog already up to date\n"} {
				out.Reset()
				if err := run(context.Background(), []string{"seed"}, env, nil, &out, io.Discard); err != nil {
					t.Fatalf("seed #%d: %v", i+1, err)
				}
				if out.String() != want {
					t.Errorf("seed #%d printed %q, want %q", i+1, out.String(), want)
				}
			}
		})
	}
}

// TestMalformedSeedStopsStartup copies the seed, breaks one field, and
// checks serve refuses to start, names the file and field, and stores no
// catalog.
func TestMalformedSeedStopsStartup(t *testing.T) {
	for _, d := range storetest.Dialects {
		t.Run(string(d), func(t *testing.T) {
			dir := t.TempDir()
			if err := os.CopyFS(dir, os.DirFS("seed")); err != nil {
				t.Fatal(err)
			}
			os.Remove(filepath.Join(dir, "embed.go"))
			f := filepath.Join(dir, "roles", "pmo-analyst.yaml")
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			broken := strings.Replace(string(data), "dimension: analysis", "dimension: fortune_telling", 1)
			if broken == string(data) {
				t.Fatal("pmo-analyst.yaml has no analysis weight to break")
			}
			if err := os.WriteFile(f, []byte(broken), 0o644); err != nil {
				t.Fatal(err)
			}

			opts := storetest.Options(t, d)
			env := append([]string{"PMPATH_SEED_DIR=" + dir, "PMPATH_ADDR=127.0.0.1:0"}, testGC...)
			if d == store.Postgres {
				env = append(env, "PMPATH_DATABASE_URL="+opts.PostgresURL)
			} else {
				env = append(env, "PMPATH_SQLITE_PATH="+opts.SQLitePath)
			}
			err = run(context.Background(), []string{"serve"}, env, nil, io.Discard, io.Discard)
			if err == nil {
				t.Fatal("serve started with a malformed seed")
			}
			if !strings.Contains(err.Error(), "seed/roles/pmo-analyst.yaml") || !strings.Contains(err.Error(), "dimension") {
				t.Errorf("error %q does not name the file and field", err)
			}

			db, err := store.Open(context.Background(), opts)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			if v, err := db.CatalogVersion(context.Background()); err != nil || v != "" {
				t.Errorf("catalog version after a refused seed = %q, %v; want nothing stored", v, err)
			}
			c, err := db.LoadCatalog(context.Background())
			if err != nil || len(c.Roles) != 0 || len(c.Certifications) != 0 {
				t.Errorf("stored catalog after a refused seed: %d roles, %d certifications, %v", len(c.Roles), len(c.Certifications), err)
			}
		})
	}
}

func TestRunRejectsBadUsage(t *testing.T) {
	tests := []struct {
		args []string
		env  []string
		want string
	}{
		{[]string{"frobnicate"}, nil, `unknown command "frobnicate"`},
		{[]string{"serve", "extra"}, nil, "takes no arguments"},
		{[]string{"serve"}, []string{"PMPATH_LOG_FORMAT=xml"}, "json or text"},
		{[]string{"serve"}, []string{"PMPATH_DATABASE_URL=postgres://postgres@127.0.0.1:1/none?connect_timeout=2"}, "open postgres"},
	}
	for _, tt := range tests {
		err := run(context.Background(), tt.args, tt.env, nil, io.Discard, io.Discard)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("run(%v) = %v, want error containing %q", tt.args, err, tt.want)
		}
	}
	var out bytes.Buffer
	if err := run(context.Background(), []string{"help"}, nil, nil, &out, io.Discard); err != nil || !strings.Contains(out.String(), "usage: pmpath") {
		t.Errorf("help: %v, %q", err, out.String())
	}
}

// TestUserCreate bootstraps an admin from the shell, then signs in as them
// through the real server.
func TestUserCreate(t *testing.T) {
	env := dbEnv(t, store.SQLite)
	var out bytes.Buffer
	err := run(context.Background(), []string{"user", "create", "--email", "Root@Example.com", "--role", "admin"}, env, nil, &out, io.Discard)
	if err != nil {
		t.Fatalf("user create: %v", err)
	}
	var generated string
	for _, line := range strings.Split(out.String(), "\n") {
		if p, ok := strings.CutPrefix(line, "password: "); ok {
			generated = p
		}
	}
	if !strings.HasPrefix(out.String(), "created admin root@example.com") || len(generated) < 20 {
		t.Fatalf("output %q", out.String())
	}
	out.Reset()
	err = run(context.Background(), []string{"user", "create", "--email", "adv@example.com", "--role", "advisor", "--name", "相談員", "--password-stdin"}, env, strings.NewReader("an advisor passphrase 42\n"), &out, io.Discard)
	if err != nil || strings.Contains(out.String(), "password:") {
		t.Fatalf("user create --password-stdin: %v, %q", err, out.String())
	}

	for _, tt := range []struct {
		args  []string
		stdin string
		want  string
	}{
		{[]string{"user", "create", "--email", "x@example.com", "--role", "candidate"}, "", "must be advisor, recruiter or admin"},
		{[]string{"user", "create", "--role", "admin"}, "", "needs --email and --role"},
		{[]string{"user", "create", "--email", "root@example.com", "--role", "admin"}, "", "already exists"},
		{[]string{"user", "create", "--email", "y@example.com", "--role", "admin", "--password-stdin"}, "password\n", "password"},
		{[]string{"user", "delete"}, "", "usage: pmpath user create"},
	} {
		err := run(context.Background(), tt.args, env, strings.NewReader(tt.stdin), io.Discard, io.Discard)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("run(%v) = %v, want an error containing %q", tt.args, err, tt.want)
		}
	}

	base, _ := startServer(t, env)
	for email, pw := range map[string]string{"root@example.com": generated, "adv@example.com": "an advisor passphrase 42"} {
		res, err := http.Post(base+"/api/v1/auth/login", "application/json", strings.NewReader(`{"email":"`+email+`","password":"`+pw+`"}`))
		if err != nil {
			t.Fatal(err)
		}
		var body struct{ User struct{ Role string } }
		json.NewDecoder(res.Body).Decode(&body)
		res.Body.Close()
		if res.StatusCode != http.StatusOK || body.User.Role == "candidate" {
			t.Errorf("login %s: %d, role %q", email, res.StatusCode, body.User.Role)
		}
	}
}
