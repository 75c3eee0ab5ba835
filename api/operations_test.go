package api_test

import (
	"bytes"
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/pmpath/pmpath/api"
	"github.com/pmpath/pmpath/internal/store"
	"github.com/pmpath/pmpath/internal/store/storetest"
)

func TestOperations(t *testing.T) {
	eachDB(t, func(t *testing.T, s *testServer) {
		if r := s.get(t, "/healthz"); r.StatusCode != http.StatusOK || !strings.Contains(string(r.Body), `"ok"`) {
			t.Errorf("healthz: %d %s", r.StatusCode, r.Body)
		}
		if r := s.get(t, "/readyz"); r.StatusCode != http.StatusOK || !strings.Contains(string(r.Body), `"ready"`) {
			t.Errorf("readyz: %d %s", r.StatusCode, r.Body)
		}
		if r := s.get(t, "/api/v1/openapi.yaml"); r.StatusCode != http.StatusOK || !bytes.Equal(r.Body, api.OpenAPI) {
			t.Errorf("openapi.yaml: status %d, %d bytes; want the embedded document", r.StatusCode, len(r.Body))
		}
		s.get(t, "/api/v1/roles")
		r := s.get(t, "/metrics")
		if r.StatusCode != http.StatusOK || !strings.Contains(string(r.Body), `pmpath_http_requests_total{method="GET",route="/api/v1/roles",status="200"}`) {
			t.Errorf("metrics: status %d, want a request counter labelled by route template:\n%.2000s", r.StatusCode, r.Body)
		}
	})
}

func TestReadyzFailsWithoutDatabase(t *testing.T) {
	for _, d := range storetest.Dialects {
		t.Run(string(d), func(t *testing.T) {
			db, err := store.Open(context.Background(), storetest.Options(t, d))
			if err != nil {
				t.Fatal(err)
			}
			if _, err := db.Migrate(context.Background()); err != nil {
				t.Fatal(err)
			}
			s := newTestServer(t, db)
			db.Close()
			r := s.get(t, "/readyz")
			p := wantProblem(t, r, http.StatusServiceUnavailable)
			if p.Type != "urn:pmpath:problem:unavailable" || r.Header.Get("Retry-After") == "" {
				t.Errorf("problem %+v, Retry-After %q", p, r.Header.Get("Retry-After"))
			}
			if r := s.get(t, "/healthz"); r.StatusCode != http.StatusOK {
				t.Errorf("healthz with the database down: %d; liveness must not depend on it", r.StatusCode)
			}
		})
	}
}

func TestRoutingErrors(t *testing.T) {
	eachDB(t, func(t *testing.T, s *testServer) {
		p := wantProblem(t, s.get(t, "/api/v1/no-such-endpoint"), http.StatusNotFound)
		if !strings.Contains(p.Detail, "/api/v1/no-such-endpoint") {
			t.Errorf("detail %q does not name the path", p.Detail)
		}
		wantProblem(t, s.do(t, http.MethodDelete, "/api/v1/roles", nil), http.StatusMethodNotAllowed)
		wantProblem(t, s.do(t, http.MethodPost, "/api/v1/roles/pmo-manager", []byte(`{}`)), http.StatusMethodNotAllowed)
		wantProblem(t, s.do(t, http.MethodPost, "/no-such-page", []byte(`{}`)), http.StatusNotFound)
	})
}

func TestBodyLimit(t *testing.T) {
	eachDB(t, func(t *testing.T, s *testServer) {
		big := bytes.Repeat([]byte("a"), 65<<10)
		p := wantProblem(t, s.do(t, http.MethodPost, "/api/v1/roles", big), http.StatusRequestEntityTooLarge)
		if p.Type != "urn:pmpath:problem:too-large" {
			t.Errorf("type %q", p.Type)
		}
	})
}

func TestFrontendFallback(t *testing.T) {
	eachDB(t, func(t *testing.T, s *testServer) {
		for _, path := range []string{"/", "/roles/pmo-manager", "/quiz/resume"} {
			r := s.get(t, path)
			if r.StatusCode != http.StatusOK || !strings.HasPrefix(r.Header.Get("Content-Type"), "text/html") || !strings.Contains(string(r.Body), "<html") {
				t.Errorf("%s: status %d, type %q; want the app's index.html", path, r.StatusCode, r.Header.Get("Content-Type"))
			}
			if cc := r.Header.Get("Cache-Control"); cc != "no-cache" {
				t.Errorf("%s: Cache-Control %q; the page must be revalidated so a new build shows", path, cc)
			}
			if csp := r.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") || !strings.Contains(csp, "frame-ancestors 'none'") {
				t.Errorf("%s: Content-Security-Policy %q", path, csp)
			}
		}
		asset := s.get(t, "/assets/app-1a2b.js")
		if asset.StatusCode != http.StatusOK || string(asset.Body) != "console.log('app')" || !strings.Contains(asset.Header.Get("Cache-Control"), "immutable") {
			t.Errorf("asset: status %d, cache %q, body %q", asset.StatusCode, asset.Header.Get("Cache-Control"), asset.Body)
		}
		// A dotfile is not served as itself: the path falls back to the app.
		if r := s.get(t, "/.gitkeep"); !strings.Contains(string(r.Body), "<html") {
			t.Errorf("/.gitkeep served %q", r.Body)
		}
		// Unknown API paths and non-GET methods stay problem documents.
		wantProblem(t, s.get(t, "/api/v1/nope"), http.StatusNotFound)
		wantProblem(t, s.do(t, http.MethodPost, "/quiz", []byte("{}")), http.StatusNotFound)
	})
}

func TestRequestID(t *testing.T) {
	eachDB(t, func(t *testing.T, s *testServer) {
		r := s.get(t, "/healthz", header("X-Request-ID", "client-chosen-id-123"))
		if got := r.Header.Get("X-Request-ID"); got != "client-chosen-id-123" {
			t.Errorf("a sane incoming id was replaced by %q", got)
		}
		for _, bad := range []string{"short", "has spaces in it!!", strings.Repeat("x", 200), "<script>alert(1)</script>"} {
			r := s.get(t, "/healthz", header("X-Request-ID", bad))
			if got := r.Header.Get("X-Request-ID"); got == bad || len(got) != 36 {
				t.Errorf("incoming id %q answered with %q; want a fresh UUID", bad, got)
			}
		}
		if r := s.get(t, "/healthz"); r.Header.Get("X-Content-Type-Options") != "nosniff" {
			t.Error("X-Content-Type-Options missing")
		}
	})
}
