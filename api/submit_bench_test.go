package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/pmpath/pmpath/internal/store"
	"github.com/pmpath/pmpath/internal/store/storetest"
)

// BenchmarkSubmit measures what the server does for one quiz submission,
// POST /api/v1/assessments/{id}/submit with an Idempotency-Key on a
// complete anonymous draft, as cmd/loadbench drives it: through the whole
// router in-process (no network, no client), logging JSON at the info
// level and reading the catalog version at most once a second, as in
// production. Each submission has its own draft, copied in the database
// beforehand. It is there for CPU and allocation profiles of the submit
// path:
//
//	go test -run '^$' -bench 'BenchmarkSubmit/postgres' -benchmem -cpuprofile cpu.out ./api/
func BenchmarkSubmit(b *testing.B) {
	for _, d := range storetest.Dialects {
		b.Run(string(d), func(b *testing.B) {
			db := storetest.Open(b, d)
			s := newServer(b, db, slog.New(slog.NewJSONHandler(io.Discard, nil)))
			template, token := benchDraft(b, s)
			ids := make([]string, b.N)
			for i := range ids {
				ids[i] = uuid.NewString()
			}
			copyDraft(b, db, template, ids)
			h := s.Config.Handler
			b.ReportAllocs()
			b.ResetTimer()
			for _, id := range ids {
				req := httptest.NewRequest(http.MethodPost, "/api/v1/assessments/"+id+"/submit", nil)
				req.Header.Set("X-Assessment-Token", token)
				req.Header.Set("Idempotency-Key", uuid.NewString())
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, req)
				if rec.Code != http.StatusOK || !bytes.Contains(rec.Body.Bytes(), []byte(`"status":"submitted"`)) || !bytes.Contains(rec.Body.Bytes(), []byte(`"reliable":true`)) {
					b.Fatalf("submit: %d %.300s", rec.Code, rec.Body.Bytes())
				}
			}
		})
	}
}

// benchDraft creates a complete anonymous draft, the real way, and returns
// its id and token.
func benchDraft(b *testing.B, s *testServer) (id, token string) {
	b.Helper()
	body, err := json.Marshal(map[string]any{"questionnaire": "pm-pmo-fit", "answers": honestSheet(b, latestQuestionnaire(b), "pmo-analyst")})
	if err != nil {
		b.Fatal(err)
	}
	req := httptest.NewRequest(http.MethodPost, "/api/v1/assessments", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	s.Config.Handler.ServeHTTP(rec, req)
	var a struct{ ID, Token string }
	if err := json.Unmarshal(rec.Body.Bytes(), &a); rec.Code != http.StatusCreated || err != nil {
		b.Fatalf("create draft: %d %s", rec.Code, rec.Body.Bytes())
	}
	// The person took the time to read the form: the submissions score a
	// reliable sheet, not the refusal of one answered too fast.
	s.wait(12 * time.Minute)
	return a.ID, a.Token
}

// copyDraft stores a copy of the template draft under each of ids, token
// hash included, so the template's token opens every copy.
func copyDraft(b *testing.B, db *store.DB, template string, ids []string) {
	b.Helper()
	const cols = "questionnaire_slug, questionnaire_version, status, token_hash, answers, created_at, updated_at"
	p1, p2 := "?", "?"
	if db.Dialect() == store.Postgres {
		p1, p2 = "$1", "$2"
	}
	ctx := context.Background()
	tx, err := db.SQL().BeginTx(ctx, nil)
	if err != nil {
		b.Fatal(err)
	}
	defer tx.Rollback()
	stmt, err := tx.PrepareContext(ctx, fmt.Sprintf("INSERT INTO assessments (id, %s) SELECT %s, %s FROM assessments WHERE id = %s", cols, p1, cols, p2))
	if err != nil {
		b.Fatal(err)
	}
	for _, id := range ids {
		if _, err := stmt.ExecContext(ctx, id, template); err != nil {
			b.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
}
