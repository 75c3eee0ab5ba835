package api

import (
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/google/uuid"

	"github.com/pmpath/pmpath/internal/audit"
)

func TestRecoverPanicsAnswersProblem(t *testing.T) {
	gin.SetMode(gin.ReleaseMode)
	r := gin.New()
	r.Use(withRequestContext(slog.New(slog.DiscardHandler), 0), recoverPanics())
	r.GET("/boom", func(*gin.Context) { panic("kaboom") })
	w := httptest.NewRecorder()
	r.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/boom", nil))
	if w.Code != http.StatusInternalServerError || w.Header().Get("Content-Type") != "application/problem+json" {
		t.Fatalf("status %d, type %q", w.Code, w.Header().Get("Content-Type"))
	}
	var p Problem
	if err := json.Unmarshal(w.Body.Bytes(), &p); err != nil {
		t.Fatal(err)
	}
	if p.Type != "urn:pmpath:problem:internal" || p.RequestID == "" || p.Detail == "" {
		t.Errorf("problem = %+v", p)
	}
	if strings.Contains(w.Body.String(), "kaboom") {
		t.Error("the panic value leaked into the response")
	}
}

func TestRefuseNUL(t *testing.T) {
	gin.SetMode(gin.ReleaseMode)
	r := gin.New()
	r.Use(withRequestContext(slog.New(slog.DiscardHandler), 0), refuseNUL())
	r.GET("/items/:id", func(c *gin.Context) { c.Status(http.StatusNoContent) })
	tests := []struct {
		target string
		want   int
	}{
		{"/items/a?q=b", http.StatusNoContent},
		{"/items/a?q=%2500", http.StatusNoContent}, // a literal "%00", not NUL
		{"/items/a?q=x%00y", http.StatusBadRequest},
		{"/items/a?%00=1", http.StatusBadRequest},
		{"/items/a%00b", http.StatusBadRequest},
	}
	for _, tt := range tests {
		w := httptest.NewRecorder()
		r.ServeHTTP(w, httptest.NewRequest(http.MethodGet, tt.target, nil))
		if w.Code != tt.want {
			t.Errorf("GET %s: status %d, want %d", tt.target, w.Code, tt.want)
		}
		if tt.want == http.StatusBadRequest && w.Header().Get("Content-Type") != "application/problem+json" {
			t.Errorf("GET %s: Content-Type %q, want a problem document", tt.target, w.Header().Get("Content-Type"))
		}
	}
}

func TestWithRequestContext(t *testing.T) {
	gin.SetMode(gin.ReleaseMode)
	for _, d := range []time.Duration{0, time.Minute} {
		for _, sent := range []string{"", "client-chosen-id-1", "bad id!"} {
			r := gin.New()
			r.Use(withRequestContext(slog.New(slog.DiscardHandler), d))
			var deadline time.Time
			var has bool
			var auditID string
			r.GET("/", func(c *gin.Context) {
				deadline, has = c.Request.Context().Deadline()
				auditID = audit.RequestID(c.Request.Context())
			})
			req := httptest.NewRequest(http.MethodGet, "/", nil)
			if sent != "" {
				req.Header.Set("X-Request-ID", sent)
			}
			w := httptest.NewRecorder()
			start := time.Now()
			r.ServeHTTP(w, req)
			switch {
			case d == 0 && has:
				t.Errorf("timeout 0 set a deadline")
			case d > 0 && (!has || deadline.Before(start.Add(d)) || deadline.After(time.Now().Add(d))):
				t.Errorf("timeout %s: deadline %v (set %v), want %s after the request began", d, deadline, has, d)
			}
			got := w.Header().Get("X-Request-ID")
			switch {
			case sent == "client-chosen-id-1" && got != sent:
				t.Errorf("X-Request-ID %q sent, %q echoed", sent, got)
			case sent != "client-chosen-id-1" && uuid.Validate(got) != nil:
				t.Errorf("X-Request-ID %q sent, %q answered; want a fresh UUID", sent, got)
			}
			if auditID != got {
				t.Errorf("the context carries request id %q, the response %q", auditID, got)
			}
		}
	}
}

// TestOutOfTimeIsUnavailable: a request that runs out of its time waiting
// (for the database, a password-hashing slot) is a 503 worth retrying.
func TestOutOfTimeIsUnavailable(t *testing.T) {
	gin.SetMode(gin.ReleaseMode)
	r := gin.New()
	r.Use(withRequestContext(slog.New(slog.DiscardHandler), 10*time.Millisecond))
	r.GET("/", func(c *gin.Context) {
		<-c.Request.Context().Done()
		writeError(c, fmt.Errorf("waiting: %w", c.Request.Context().Err()))
	})
	w := httptest.NewRecorder()
	r.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/", nil))
	var p Problem
	if err := json.Unmarshal(w.Body.Bytes(), &p); err != nil {
		t.Fatal(err)
	}
	if w.Code != http.StatusServiceUnavailable || p.Type != "urn:pmpath:problem:unavailable" || w.Header().Get("Retry-After") == "" {
		t.Errorf("status %d, problem %+v, Retry-After %q; want a 503 unavailable problem", w.Code, p, w.Header().Get("Retry-After"))
	}
}

func TestETagMatches(t *testing.T) {
	tests := []struct {
		header string
		want   bool
	}{
		{"", false},
		{`"abc"`, true},
		{`W/"abc"`, true},
		{`"x", "abc"`, true},
		{`*`, true},
		{`"abcd"`, false},
		{`abc`, false},
	}
	for _, tt := range tests {
		if got := etagMatches(tt.header, `"abc"`); got != tt.want {
			t.Errorf("etagMatches(%q) = %v, want %v", tt.header, got, tt.want)
		}
	}
}
