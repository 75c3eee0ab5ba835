//go:build slow

package systemtest

import (
	"context"
	"database/sql"
	"net/http"
	"net/url"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"
	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver, for the admin connection

	"github.com/pmpath/pmpath/internal/store"
	"github.com/pmpath/pmpath/internal/store/storetest"
)

// TestDatabaseOutage takes this test's PostgreSQL database away from
// pmpath (never the server other tests share) in three ways: a proxy
// between them cuts every connection and refuses new ones; or it cuts them
// and then accepts new ones without ever answering, as a hung host does;
// or the server terminates pmpath's sessions and refuses new ones to that
// database. Meanwhile /readyz and every request that needs the database
// must answer 503 problem documents, not 500s and not hang; once the
// database is back, the same process must recover on its own.
func TestDatabaseOutage(t *testing.T) {
	tests := []struct {
		name     string
		down, up func(o *outage, t *testing.T)
	}{
		{"connections cut", func(o *outage, _ *testing.T) { o.proxy.cut() }, (*outage).restore},
		{"database stalled", func(o *outage, _ *testing.T) { o.proxy.stall() }, (*outage).restore},
		{"sessions terminated", (*outage).terminate, (*outage).allow},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			databaseOutage(t, tt.down, tt.up)
		})
	}
}

// outage is one test's database and the ways of taking it away.
type outage struct {
	proxy *proxy
	admin *sql.DB
	name  string
}

// terminate stops the database accepting connections and ends pmpath's
// sessions, as a database restart or an administrator would.
func (o *outage) terminate(t *testing.T) {
	t.Helper()
	o.exec(t, "ALTER DATABASE "+o.name+" WITH ALLOW_CONNECTIONS false")
	o.exec(t, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"+o.name+"' AND pid <> pg_backend_pid()")
}

// restore reconnects the proxy to the database.
func (o *outage) restore(*testing.T) { o.proxy.restore() }

// allow lets connections in again.
func (o *outage) allow(t *testing.T) {
	t.Helper()
	o.exec(t, "ALTER DATABASE "+o.name+" WITH ALLOW_CONNECTIONS true")
}

func (o *outage) exec(t *testing.T, query string) {
	t.Helper()
	if _, err := o.admin.Exec(query); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
}

func databaseOutage(t *testing.T, down, up func(o *outage, t *testing.T)) {
	db := newDatabase(t, store.Postgres)
	u, err := url.Parse(db.url)
	if err != nil {
		t.Fatal(err)
	}
	admin, err := sql.Open("pgx", os.Getenv(storetest.EnvPostgres))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { admin.Close() })
	o := &outage{proxy: startProxy(t, u.Host), admin: admin, name: strings.TrimPrefix(u.Path, "/")}
	u.Host = o.proxy.Addr()
	// A stalled database fails each new connection after connect_timeout,
	// and each request after PMPATH_REQUEST_TIMEOUT (defaults 5s and 20s;
	// shorter ones keep the test short).
	q := u.Query()
	q.Set("connect_timeout", "1")
	u.RawQuery = q.Encode()
	p := startPmpath(t, "pmpath", "PMPATH_DATABASE_URL="+u.String(), "PMPATH_DB_MAX_OPEN_CONNS=4", "PMPATH_REQUEST_TIMEOUT=3s")
	c := newClient(p.URL, false)
	answers := fullAnswers(t)

	// State to use while the database is away.
	var draft, done assessmentView
	decode(t, expect(t, c.must(t, http.MethodPost, "/api/v1/assessments", []byte(`{"questionnaire":"pm-pmo-fit","answers":{}}`)), http.StatusCreated), &draft)
	decode(t, expect(t, c.must(t, http.MethodPost, "/api/v1/assessments",
		encode(map[string]any{"questionnaire": "pm-pmo-fit", "answers": answers, "submit": true})), http.StatusCreated), &done)
	account := encode(map[string]string{"email": "outage@example.com", "password": "a long passphrase 1", "display_name": "Outage"})
	var session struct {
		AccessToken  string `json:"access_token"`
		RefreshToken string `json:"refresh_token"`
	}
	decode(t, expect(t, c.must(t, http.MethodPost, "/api/v1/auth/register", account), http.StatusCreated), &session)
	bearer := "Bearer " + session.AccessToken
	submitKey := uuid.NewString()

	type request struct {
		method, path string
		body         []byte
		headers      []string
		// up is the status once the database is back.
		up int
		// cached marks what may be served from memory while the database
		// is away: 200 or 503 are both right, a 500 is not.
		cached bool
	}
	requests := []request{
		// The catalog may be served from memory for a while.
		{method: http.MethodGet, path: "/api/v1/roles", up: http.StatusOK, cached: true},
		{method: http.MethodGet, path: "/api/v1/roles/pmo-manager", up: http.StatusOK, cached: true},
		{method: http.MethodGet, path: "/api/v1/certifications", up: http.StatusOK, cached: true},
		{method: http.MethodGet, path: "/api/v1/questionnaires", up: http.StatusOK},
		{method: http.MethodGet, path: "/api/v1/questionnaires/pm-pmo-fit", up: http.StatusOK, cached: true},
		{method: http.MethodPost, path: "/api/v1/assessments", body: []byte(`{"questionnaire":"pm-pmo-fit","answers":{"q01":3}}`), up: http.StatusCreated},
		{method: http.MethodGet, path: "/api/v1/assessments/" + done.ID, headers: []string{"X-Assessment-Token", done.Token}, up: http.StatusOK},
		{method: http.MethodPatch, path: "/api/v1/assessments/" + draft.ID, body: encode(map[string]any{"answers": answers}),
			headers: []string{"X-Assessment-Token", draft.Token}, up: http.StatusOK},
		{method: http.MethodPost, path: "/api/v1/assessments/" + draft.ID + "/submit",
			headers: []string{"X-Assessment-Token", draft.Token, "Idempotency-Key", submitKey}, up: http.StatusOK},
		{method: http.MethodPost, path: "/api/v1/auth/login", body: account, up: http.StatusOK},
		{method: http.MethodPost, path: "/api/v1/auth/refresh", body: encode(map[string]string{"refresh_token": session.RefreshToken}), up: http.StatusOK},
		{method: http.MethodGet, path: "/api/v1/me", headers: []string{"Authorization", bearer}, up: http.StatusOK},
		{method: http.MethodGet, path: "/api/v1/me/assessments", headers: []string{"Authorization", bearer}, up: http.StatusOK},
		{method: http.MethodGet, path: "/readyz", up: http.StatusOK},
	}

	down(o, t)
	// Twice, every request at once: the first round meets the pool's
	// broken connections, the second finds no database to connect to. The
	// login limit (5 per account) leaves room for no more. A request
	// unanswered well after its 3s timeout counts as hung.
	const hangAfter = 10 * time.Second
	for round := 1; round <= 2; round++ {
		var wg sync.WaitGroup
		for _, rq := range requests {
			wg.Go(func() {
				ctx, cancel := context.WithTimeout(context.Background(), hangAfter)
				defer cancel()
				r, err := c.call(ctx, rq.method, rq.path, rq.body, rq.headers...)
				switch {
				case err != nil:
					t.Errorf("database down, round %d: %s %s: %v", round, rq.method, rq.path, err)
				case rq.cached && r.status == rq.up:
				default:
					if err := problemOf(r, http.StatusServiceUnavailable, "unavailable"); err != nil {
						t.Errorf("database down, round %d: %v", round, err)
					} else if r.header.Get("Retry-After") == "" {
						t.Errorf("database down, round %d: %s has no Retry-After", round, r)
					}
				}
			})
		}
		wg.Wait()
	}

	up(o, t)
	deadline := time.Now().Add(30 * time.Second)
	for p.readyz() != http.StatusOK {
		if time.Now().After(deadline) {
			t.Fatalf("/readyz still not 200 30s after the database came back")
		}
		time.Sleep(100 * time.Millisecond)
	}
	for _, rq := range requests {
		r, err := c.call(context.Background(), rq.method, rq.path, rq.body, rq.headers...)
		switch {
		case err != nil:
			t.Errorf("database back: %s %s: %v", rq.method, rq.path, err)
		case r.status != rq.up:
			t.Errorf("database back: %s; want %d without a restart", r, rq.up)
		}
	}
	if !p.running() {
		t.Errorf("pmpath exited during the outage:\n%s", p.log.tail(20))
	}
}
