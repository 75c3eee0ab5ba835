package api_test

import (
	"bytes"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/pmpath/pmpath/internal/store"
	"github.com/pmpath/pmpath/internal/store/storetest"
)

// BenchmarkCatalogRoles measures what the server does for one catalog
// read, GET /api/v1/roles, through the whole router in-process, logging
// JSON at the info level as in production, beside a bare handler writing
// the same bytes: the difference is the cost of the middleware every
// request passes. It is there for CPU and allocation profiles:
//
//	go test -run '^$' -bench 'BenchmarkCatalogRoles' -benchmem -cpuprofile cpu.out ./api/
func BenchmarkCatalogRoles(b *testing.B) {
	db := storetest.Open(b, store.SQLite)
	s := newServer(b, db, slog.New(slog.NewJSONHandler(io.Discard, nil)))
	h := s.Config.Handler
	first := httptest.NewRecorder()
	h.ServeHTTP(first, httptest.NewRequest(http.MethodGet, "/api/v1/roles", nil))
	if first.Code != http.StatusOK {
		b.Fatalf("roles: %d %.300s", first.Code, first.Body.Bytes())
	}
	body, header := first.Body.Bytes(), first.Header()
	bare := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for k, v := range header {
			w.Header()[k] = v
		}
		w.WriteHeader(http.StatusOK)
		_, _ = w.Write(body)
	})
	for _, c := range []struct {
		name string
		h    http.Handler
	}{{"pmpath", h}, {"bare", bare}} {
		b.Run(c.name, func(b *testing.B) {
			req := httptest.NewRequest(http.MethodGet, "/api/v1/roles", nil)
			b.ReportAllocs()
			for b.Loop() {
				rec := discardWriter{h: http.Header{}}
				c.h.ServeHTTP(&rec, req)
				if rec.code != http.StatusOK || !bytes.Equal(rec.first, body[:16]) {
					b.Fatalf("roles: %d", rec.code)
				}
			}
		})
	}
}

// discardWriter is a ResponseWriter that keeps the status and the first
// bytes only, so that the benchmark measures the server, not a recorder.
type discardWriter struct {
	h     http.Header
	code  int
	first []byte
}

func (w *discardWriter) Header() http.Header { return w.h }
func (w *discardWriter) WriteHeader(code int) {
	if w.code == 0 {
		w.code = code
	}
}
func (w *discardWriter) Write(p []byte) (int, error) {
	if w.code == 0 {
		w.code = http.StatusOK
	}
	if w.first == nil && len(p) >= 16 {
		w.first = p[:16]
	}
	return len(p), nil
}
