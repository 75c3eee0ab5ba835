package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"io"
	"io/fs"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"sort"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/gorillamux"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/pmpath/pmpath/api"
	questionnaires "github.com/pmpath/pmpath/assessments"
	"github.com/pmpath/pmpath/internal/account"
	"github.com/pmpath/pmpath/internal/advising"
	"github.com/pmpath/pmpath/internal/assessment"
	"github.com/pmpath/pmpath/internal/audit"
	"github.com/pmpath/pmpath/internal/catalog"
	"github.com/pmpath/pmpath/internal/password"
	"github.com/pmpath/pmpath/internal/progress"
	"github.com/pmpath/pmpath/internal/report"
	"github.com/pmpath/pmpath/internal/store"
	"github.com/pmpath/pmpath/internal/store/storetest"
	"github.com/pmpath/pmpath/internal/talent"
	"github.com/pmpath/pmpath/internal/token"
	"github.com/pmpath/pmpath/seed"
)

// spec is the OpenAPI document every request and response in these tests
// is checked against, and the record of which operations the tests reached.
var spec = struct {
	once      sync.Once
	router    routers.Router
	doc       *openapi3.T
	mu        sync.Mutex
	exercised map[string]bool
}{exercised: map[string]bool{}}

func specRouter(t *testing.T) routers.Router {
	t.Helper()
	spec.once.Do(func() {
		loader := openapi3.NewLoader()
		doc, err := loader.LoadFromData(api.OpenAPI)
		if err != nil {
			panic("openapi.yaml does not parse: " + err.Error())
		}
		if err := doc.Validate(context.Background()); err != nil {
			panic("openapi.yaml is not valid OpenAPI: " + err.Error())
		}
		doc.Servers = nil // match requests to any test server address
		r, err := gorillamux.NewRouter(doc)
		if err != nil {
			panic(err)
		}
		openapi3filter.RegisterBodyDecoder("application/problem+json", openapi3filter.JSONBodyDecoder)
		spec.doc, spec.router = doc, r
	})
	return spec.router
}

// TestMain runs the tests, then fails if an operation of the document was
// never exercised: the document cannot list what the server does not do.
func TestMain(m *testing.M) {
	code := m.Run()
	if code == 0 && spec.doc != nil && flag.Lookup("test.run").Value.String() == "" {
		var missing []string
		for path, item := range spec.doc.Paths.Map() {
			for method := range item.Operations() {
				if !spec.exercised[method+" "+path] {
					missing = append(missing, method+" "+path)
				}
			}
		}
		if len(missing) > 0 {
			sort.Strings(missing)
			println("openapi.yaml operations no test exercised:\n  " + strings.Join(missing, "\n  "))
			code = 1
		}
	}
	os.Exit(code)
}

// testServer is the real router on a real, freshly seeded database.
type testServer struct {
	*httptest.Server
	DB          *store.DB
	Catalog     *catalog.Catalog
	Assessments *assessment.Service
	Accounts    *account.Service
	Signer      *token.Signer
	// clock is the assessments' clock: a submitted draft is scored with the
	// time since it was started, and a test lets that time pass with wait.
	clock *testClock
}

// testClock is the wall clock moved forward by what tests let pass.
type testClock struct {
	mu     sync.Mutex
	offset time.Duration
}

func (c *testClock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return time.Now().UTC().Add(c.offset)
}

// wait lets d pass on the assessments' clock, as a person answering a
// draft takes time before submitting it: the profile model refuses a
// sheet answered faster than anyone can read it.
func (s *testServer) wait(d time.Duration) {
	s.clock.mu.Lock()
	defer s.clock.mu.Unlock()
	s.clock.offset += d
}

// hasher is shared by every test server: it caps concurrent hashing for
// the whole test binary, as it does for one server.
var hasher = password.NewHasher(4)

func newTestServer(t *testing.T, db *store.DB) *testServer {
	t.Helper()
	return newTestServerPublishing(t, db, questionnaires.FS)
}

// newTestServerPublishing is newTestServer with only the questionnaire
// files in fsys published at start.
func newTestServerPublishing(t *testing.T, db *store.DB, fsys fs.FS) *testServer {
	t.Helper()
	// Tests reseed the store directly, as another replica would, and read
	// at once: the catalog is rechecked on every read, not once a second.
	log := slog.New(slog.NewTextHandler(testWriter{t}, &slog.HandlerOptions{Level: slog.LevelError}))
	return newServerPublishing(t, db, log, fsys, catalog.RecheckEvery(0))
}

// newServer is newTestServer with the logger and catalog options given:
// benchmarks log as production does and recheck the catalog as it does.
func newServer(t testing.TB, db *store.DB, log *slog.Logger, catalogOpts ...catalog.Option) *testServer {
	t.Helper()
	return newServerPublishing(t, db, log, questionnaires.FS, catalogOpts...)
}

func newServerPublishing(t testing.TB, db *store.DB, log *slog.Logger, fsys fs.FS, catalogOpts ...catalog.Option) *testServer {
	t.Helper()
	svc := catalog.NewService(db, catalogOpts...)
	if _, err := svc.Seed(context.Background(), seed.FS); err != nil {
		t.Fatalf("seed: %v", err)
	}
	c, err := catalog.Load(seed.FS)
	if err != nil {
		t.Fatal(err)
	}
	clock := &testClock{}
	as := assessment.NewService(db, svc, clock.now)
	if err := as.Publish(context.Background(), fsys); err != nil {
		t.Fatalf("publish questionnaires: %v", err)
	}
	signer, err := token.NewSigner(testKey, 15*time.Minute, time.Now)
	if err != nil {
		t.Fatal(err)
	}
	accounts := account.NewService(db, hasher, password.Check, signer, time.Now)
	advisors := advising.NewService(db, time.Now)
	marks := progress.NewService(db, svc, time.Now)
	auditLog := audit.NewService(db)
	h, err := api.NewRouter(api.Deps{
		Logger:      log,
		Catalog:     svc,
		Assessments: as,
		Accounts:    accounts,
		Signer:      signer,
		Advising:    advisors,
		Talent:      talent.NewService(db, time.Now),
		Progress:    marks,
		Audit:       auditLog,
		Reports: report.NewService(report.Deps{
			Assessments: as, Catalogs: svc, Accounts: accounts,
			Advising: advisors, Marks: marks, StaffReads: auditLog, Now: time.Now,
		}),
		// The limits' clock stands still, so what a test sees of them
		// does not depend on how fast the machine runs it.
		Limits:       api.DefaultLimits(func() time.Time { return limitsEpoch }),
		DB:           db,
		Registry:     prometheus.NewRegistry(),
		Frontend:     testApp,
		MaxBodyBytes: 64 << 10,
		// As in production (PMPATH_REQUEST_TIMEOUT).
		RequestTimeout: 20 * time.Second,
		CatalogMaxAge:  5 * time.Minute,
	})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return &testServer{Server: srv, DB: db, Catalog: c, Assessments: as, Accounts: accounts, Signer: signer, clock: clock}
}

// openSQLite opens a fresh SQLite database for tests that need only one.
func openSQLite(t *testing.T) *store.DB {
	t.Helper()
	return storetest.Open(t, store.SQLite)
}

// count returns the number of rows in table.
func (s *testServer) count(t *testing.T, table string) int {
	t.Helper()
	var n int
	if err := s.DB.SQL().QueryRow("SELECT count(*) FROM " + table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// testWriter sends the server's error logs to the test's log, so a 500
// shows its cause.
type testWriter struct{ t *testing.T }

func (w testWriter) Write(p []byte) (int, error) {
	w.t.Helper()
	w.t.Log(strings.TrimSpace(string(p)))
	return len(p), nil
}

// eachDB runs fn against a test server on each database.
func eachDB(t *testing.T, fn func(t *testing.T, s *testServer)) {
	t.Helper()
	storetest.Run(t, func(t *testing.T, db *store.DB) {
		fn(t, newTestServer(t, db))
	})
}

// response is a finished exchange.
type response struct {
	*http.Response
	Body []byte
}

// JSON decodes the body into v, failing the test if it cannot.
func (r *response) JSON(t *testing.T, v any) {
	t.Helper()
	if err := json.Unmarshal(r.Body, v); err != nil {
		t.Fatalf("decode %s body %q: %v", r.Request.URL, r.Body, err)
	}
}

// call options
type callOpt func(*callCfg)

type callCfg struct {
	header     http.Header
	badRequest bool
}

func header(k, v string) callOpt { return func(c *callCfg) { c.header.Set(k, v) } }

// invalidInput marks a request the document itself must reject: the test
// asserts the request fails validation against the spec, and still
// validates the response.
func invalidInput() callOpt { return func(c *callCfg) { c.badRequest = true } }

// invalidInputUnless is invalidInput, except when only the server can tell
// (the value is well formed by the document but refused by content).
func invalidInputUnless(serverOnly bool) callOpt {
	return func(c *callCfg) { c.badRequest = !serverOnly }
}

// do sends a request and checks the exchange against openapi.yaml.
func (s *testServer) do(t *testing.T, method, path string, body []byte, opts ...callOpt) *response {
	t.Helper()
	cfg := callCfg{header: http.Header{}}
	for _, o := range opts {
		o(&cfg)
	}
	req, err := http.NewRequest(method, s.URL+path, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header = cfg.header
	if body != nil && req.Header.Get("Content-Type") == "" {
		req.Header.Set("Content-Type", "application/json")
	}
	route, params, routeErr := specRouter(t).FindRoute(req)
	var input *openapi3filter.RequestValidationInput
	if routeErr == nil {
		spec.mu.Lock()
		spec.exercised[method+" "+route.Path] = true
		spec.mu.Unlock()
		input = &openapi3filter.RequestValidationInput{
			Request: req, PathParams: params, Route: route,
			Options: &openapi3filter.Options{AuthenticationFunc: openapi3filter.NoopAuthenticationFunc},
		}
		vreq := req.Clone(context.Background())
		vreq.Body = io.NopCloser(bytes.NewReader(body))
		input.Request = vreq
		err := openapi3filter.ValidateRequest(context.Background(), input)
		switch {
		case cfg.badRequest && err == nil:
			t.Errorf("%s %s: openapi.yaml accepts this request, but the test sends it as invalid input", method, path)
		case !cfg.badRequest && err != nil:
			t.Errorf("%s %s: request does not match openapi.yaml: %v", method, path, err)
		}
	}

	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	defer res.Body.Close()
	got, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	if res.StatusCode >= 500 && res.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("%s %s: status %d: %s", method, path, res.StatusCode, got)
	}
	if input != nil {
		err := openapi3filter.ValidateResponse(context.Background(), &openapi3filter.ResponseValidationInput{
			RequestValidationInput: input,
			Status:                 res.StatusCode,
			Header:                 res.Header,
			Body:                   io.NopCloser(bytes.NewReader(got)),
			Options:                &openapi3filter.Options{IncludeResponseStatus: true},
		})
		if err != nil {
			t.Errorf("%s %s: response %d does not match openapi.yaml: %v\nbody: %.500s", method, path, res.StatusCode, err, got)
		}
	}
	return &response{Response: res, Body: got}
}

func (s *testServer) get(t *testing.T, path string, opts ...callOpt) *response {
	t.Helper()
	return s.do(t, http.MethodGet, path, nil, opts...)
}

// problem is the decoded body of an error response.
type problem struct {
	Type      string `json:"type"`
	Title     string `json:"title"`
	Status    int    `json:"status"`
	Detail    string `json:"detail"`
	Instance  string `json:"instance"`
	RequestID string `json:"request_id"`
	Errors    []struct {
		Path    string `json:"path"`
		Message string `json:"message"`
	} `json:"errors"`
}

// wantProblem asserts r is a problem document with status and returns it.
func wantProblem(t *testing.T, r *response, status int) problem {
	t.Helper()
	if r.StatusCode != status {
		t.Fatalf("%s: status = %d, want %d; body %s", r.Request.URL, r.StatusCode, status, r.Body)
	}
	if ct := r.Header.Get("Content-Type"); ct != "application/problem+json" {
		t.Errorf("Content-Type = %q, want application/problem+json", ct)
	}
	var p problem
	r.JSON(t, &p)
	if p.Status != status || p.Title == "" || !strings.HasPrefix(p.Type, "urn:pmpath:problem:") || p.Detail == "" {
		t.Errorf("problem = %+v; want status %d with type, title and detail", p, status)
	}
	if p.RequestID == "" || p.RequestID != r.Header.Get("X-Request-ID") {
		t.Errorf("problem request_id %q, header %q: want equal and set", p.RequestID, r.Header.Get("X-Request-ID"))
	}
	return p
}

// testApp stands in for the built frontend, which the Go tests do not build.
var testApp = fstest.MapFS{
	"index.html":         {Data: []byte("<!doctype html><html><body><div id=root></div></body></html>")},
	"assets/app-1a2b.js": {Data: []byte("console.log('app')")},
	".gitkeep":           {Data: nil},
}

// limitsEpoch is the frozen time the test servers' rate limits see.
var limitsEpoch = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
