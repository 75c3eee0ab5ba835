//go:build slow

package systemtest

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pmpath/pmpath/internal/store"
	"github.com/pmpath/pmpath/internal/store/storetest"
)

// database is the empty database one test runs pmpath on.
type database struct {
	dialect store.Dialect
	opts    store.Options
	// url is the PostgreSQL database's URL; empty for SQLite.
	url string
	// settings are the PMPATH_* variables that point pmpath at it.
	settings []string
}

// newDatabase creates an empty database of dialect d for this test: an
// SQLite file in its temporary directory or a new PostgreSQL database,
// dropped when the test ends.
func newDatabase(t *testing.T, d store.Dialect) database {
	t.Helper()
	if d == store.SQLite {
		path := filepath.Join(t.TempDir(), "pmpath.db")
		return database{dialect: d, opts: store.Options{SQLitePath: path}, settings: []string{"PMPATH_SQLITE_PATH=" + path}}
	}
	url := storetest.NewPostgresDatabase(t)
	return database{dialect: d, url: url, opts: store.Options{PostgresURL: url, MaxOpenConns: 2}, settings: []string{"PMPATH_DATABASE_URL=" + url}}
}

// open connects the test itself to the database, to check what pmpath
// stored there.
func (d database) open(t *testing.T) *sql.DB {
	t.Helper()
	db, err := store.Open(context.Background(), d.opts)
	if err != nil {
		t.Fatalf("open the %s database to inspect it: %v", d.dialect, err)
	}
	t.Cleanup(func() { db.Close() })
	return db.SQL()
}

// queryInt runs a query returning one integer.
func queryInt(t *testing.T, db *sql.DB, query string) int {
	t.Helper()
	var n int
	if err := db.QueryRow(query).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

// queryStrings runs a query returning one string column.
func queryStrings(t *testing.T, db *sql.DB, query string) []string {
	t.Helper()
	rows, err := db.Query(query)
	if err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatalf("%s: %v", query, err)
		}
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return out
}

// fullAnswers is a complete answer set for the current version of the
// pm-pmo-fit questionnaire (version 2): the documented example sheet of a
// PMO analyst plus the two items it leaves open, answered as she would.
func fullAnswers(t *testing.T) map[string]json.RawMessage {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "docs", "examples", "pmo-analyst-draft-v2.json"))
	if err != nil {
		t.Fatalf("read the example answers: %v", err)
	}
	var sheet struct {
		Answers map[string]json.RawMessage `json:"answers"`
	}
	if err := json.Unmarshal(b, &sheet); err != nil {
		t.Fatalf("decode the example answers: %v", err)
	}
	sheet.Answers["q44"] = json.RawMessage(`2`)
	sheet.Answers["s08"] = json.RawMessage(`"b"`)
	return sheet.Answers
}

// client calls one pmpath server.
type client struct {
	base string
	http *http.Client
}

// newClient returns a client for base. Keep-alive is off when fresh is set,
// so every request opens its own connection and a transport error can be
// told apart by when the connection was made.
func newClient(base string, fresh bool) *client {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.DisableKeepAlives = fresh
	tr.MaxIdleConnsPerHost = 64
	return &client{base: base, http: &http.Client{Transport: tr, Timeout: 60 * time.Second}}
}

// reply is a finished exchange.
type reply struct {
	method, path string
	status       int
	header       http.Header
	body         []byte
}

func (r *reply) String() string {
	return fmt.Sprintf("%s %s: %d %.300s", r.method, r.path, r.status, r.body)
}

// call sends a request; headers come in name, value pairs. The error is
// only ever a transport error: any HTTP status is a reply.
func (c *client) call(ctx context.Context, method, path string, body []byte, headers ...string) (*reply, error) {
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, method, c.base+path, rd)
	if err != nil {
		return nil, err
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	res, err := c.http.Do(req)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	got, err := io.ReadAll(res.Body)
	if err != nil {
		return nil, fmt.Errorf("%s %s: read the body of a %d: %w", method, path, res.StatusCode, err)
	}
	return &reply{method: method, path: path, status: res.StatusCode, header: res.Header, body: got}, nil
}

// must is call for requests that have to get through.
func (c *client) must(t *testing.T, method, path string, body []byte, headers ...string) *reply {
	t.Helper()
	r, err := c.call(context.Background(), method, path, body, headers...)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	return r
}

// expect fails the test unless r has status want.
func expect(t *testing.T, r *reply, want int) *reply {
	t.Helper()
	if r.status != want {
		t.Fatalf("%s; want %d", r, want)
	}
	return r
}

// decode decodes r's body into v.
func decode(t *testing.T, r *reply, v any) {
	t.Helper()
	if err := json.Unmarshal(r.body, v); err != nil {
		t.Fatalf("%s: decode body: %v", r, err)
	}
}

// problem is an RFC 9457 problem document as pmpath writes it.
type problem struct {
	Type   string `json:"type"`
	Title  string `json:"title"`
	Status int    `json:"status"`
	Detail string `json:"detail"`
}

// problemOf checks that r is a problem document of status and kind (its
// type is urn:pmpath:problem:<kind>) and says what is wrong when not.
func problemOf(r *reply, status int, kind string) error {
	if r.status != status {
		return fmt.Errorf("%s; want %d", r, status)
	}
	if ct := r.header.Get("Content-Type"); ct != "application/problem+json" {
		return fmt.Errorf("%s: Content-Type %q, want application/problem+json", r, ct)
	}
	var p problem
	if err := json.Unmarshal(r.body, &p); err != nil {
		return fmt.Errorf("%s: not a problem document: %v", r, err)
	}
	if want := "urn:pmpath:problem:" + kind; p.Type != want || p.Status != status || p.Detail == "" {
		return fmt.Errorf("%s: problem type %q status %d detail %q; want type %s, status %d and a detail", r, p.Type, p.Status, p.Detail, want, status)
	}
	return nil
}

// assessmentView is the part of an assessment response the tests compare.
type assessmentView struct {
	ID          string          `json:"id"`
	Status      string          `json:"status"`
	Token       string          `json:"token"`
	SubmittedAt *string         `json:"submitted_at"`
	Result      json.RawMessage `json:"result"`
}

// replayed reports whether r says it repeats an earlier outcome.
func replayed(r *reply) bool { return strings.EqualFold(r.header.Get("Idempotent-Replayed"), "true") }
