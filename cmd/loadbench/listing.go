package main

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"strings"
	"time"

	"github.com/pmpath/pmpath/cmd/loadbench/internal/benchfill"
	"github.com/pmpath/pmpath/cmd/loadbench/internal/loadgen"
	"github.com/pmpath/pmpath/internal/listing"
	"github.com/pmpath/pmpath/internal/store"
)

// listingQueries are the advisor listings the mixed load cycles through:
// the default, each filter, combinations, the other sort and a name search.
var listingQueries = []string{
	"",
	"sort=date",
	"role=pmo-analyst",
	"lean=pm",
	"min_fit=70",
	"role=project-manager&lean=pm&min_fit=40",
	"q=tanaka",
	"sort=date&lean=pmo&limit=50",
}

const (
	advisorEmail    = "advisor@loadbench.example"
	advisorPassword = "quiet harbour lanterns at dusk 42"
	// deepPosition is how far into the advisor's list the deep page starts.
	deepPosition = 0.9
)

// listingSet is one dataset and the pmpath server reading it.
type listingSet struct {
	rows      int
	name      string
	srv       *server
	token     string
	advisorID string
	db        *sql.DB
	store     *store.DB
	client    *http.Client
}

func (b *bench) listing(ctx context.Context) error {
	small, err := b.listingSet(ctx, b.cfg.smallRows)
	if err != nil {
		return err
	}
	large, err := b.listingSet(ctx, b.cfg.largeRows)
	if err != nil {
		return err
	}
	deep, err := large.deepCursor(ctx)
	if err != nil {
		return err
	}

	mixed := func(s *listingSet) loadgen.Op {
		return s.op(func(worker, seq int) (int, string) {
			tag := (worker + seq) % len(listingQueries)
			return tag, listingQueries[tag]
		})
	}
	single := func(s *listingSet, query string) loadgen.Op {
		return s.op(func(int, int) (int, string) { return 0, query })
	}
	cfg := loadgen.Config{Concurrency: b.cfg.concurrency, Duration: b.cfg.duration}
	warm := loadgen.Config{Concurrency: b.cfg.concurrency, Duration: b.cfg.warmup}
	for _, s := range []*listingSet{small, large} {
		if r := loadgen.Run(ctx, warm, s.client, mixed(s)); r.Errors > 0 {
			return fmt.Errorf("%s warm-up: %v", s.name, r.FirstError)
		}
	}

	scale := Comparison{
		Name: "advisor listing p95, mixed filters", Unit: "ms", Target: 2,
		Reference: fmt.Sprintf("%d results", small.rows), Ours: fmt.Sprintf("%d results", large.rows),
		Note: fmt.Sprintf("%d queries in turn (%s), limit 20 unless given", len(listingQueries), strings.Join(quoted(listingQueries), ", ")),
	}
	depth := Comparison{
		Name: fmt.Sprintf("advisor listing p50, page %d%% deep vs first page (%d results)", int(deepPosition*100), large.rows), Unit: "ms", Target: 1.5,
		Reference: "first page", Ours: "deep page",
	}
	var firstP95, deepP95 []float64
	perQuery := make([][2][]float64, len(listingQueries))
	measure := func(s *listingSet, op loadgen.Op, what string, record func(loadgen.Result)) func(int) error {
		return func(run int) error {
			r := loadgen.Run(ctx, cfg, s.client, op)
			if r.Errors > 0 {
				return fmt.Errorf("%s %s: %d of %d requests failed: %v", s.name, what, r.Errors, r.Requests, r.FirstError)
			}
			if r.Requests == 0 {
				return fmt.Errorf("%s %s: no request completed", s.name, what)
			}
			record(r)
			b.logf("listing run %d %s %s: %.0f req/s, p50 %s, p95 %s", run+1, s.name, what, r.Throughput(),
				r.Percentile(50, loadgen.AllTags), r.Percentile(95, loadgen.AllTags))
			return nil
		}
	}
	byQuery := func(size int) func(loadgen.Result) {
		return func(r loadgen.Result) {
			for q := range listingQueries {
				perQuery[q][size] = append(perQuery[q][size], ms(r.Percentile(95, q)))
			}
		}
	}
	err = interleave(ctx, b.cfg.runs,
		measure(small, mixed(small), "mixed", func(r loadgen.Result) {
			scale.Refs = append(scale.Refs, ms(r.Percentile(95, loadgen.AllTags)))
			byQuery(0)(r)
		}),
		measure(large, mixed(large), "mixed", func(r loadgen.Result) {
			scale.Ourss = append(scale.Ourss, ms(r.Percentile(95, loadgen.AllTags)))
			byQuery(1)(r)
		}),
		measure(large, single(large, ""), "first page", func(r loadgen.Result) {
			depth.Refs = append(depth.Refs, ms(r.Percentile(50, loadgen.AllTags)))
			firstP95 = append(firstP95, ms(r.Percentile(95, loadgen.AllTags)))
		}),
		measure(large, single(large, "cursor="+deep), "deep page", func(r loadgen.Result) {
			depth.Ourss = append(depth.Ourss, ms(r.Percentile(50, loadgen.AllTags)))
			deepP95 = append(deepP95, ms(r.Percentile(95, loadgen.AllTags)))
		}),
	)
	if err != nil {
		return err
	}
	depth.Note = fmt.Sprintf("p95: first page %s ms, deep page %s ms", num(median(firstP95)), num(median(deepP95)))
	b.report.Comparisons = append(b.report.Comparisons, scale, depth)
	for q, v := range perQuery {
		b.report.Details = append(b.report.Details, Detail{Query: orDefault(listingQueries[q]), SmallP95: median(v[0]), LargeP95: median(v[1])})
	}
	return b.explain(ctx, large)
}

// explain records the plans of the listing queries on the large dataset.
func (b *bench) explain(ctx context.Context, s *listingSet) error {
	atFit, atDate, err := s.deepRows(ctx)
	if err != nil {
		return err
	}
	plans := []struct {
		name string
		f    listing.Filter
	}{
		{"first page (sort=fit)", listing.Filter{Sort: listing.ByFit}},
		{fmt.Sprintf("page %d%% deep (sort=fit, cursor)", int(deepPosition*100)), listing.Filter{Sort: listing.ByFit, After: &atFit}},
		{"first page, sort=date", listing.Filter{Sort: listing.ByDate}},
		{fmt.Sprintf("page %d%% deep (sort=date, cursor)", int(deepPosition*100)), listing.Filter{Sort: listing.ByDate, After: &atDate}},
		{"role=pmo-analyst", listing.Filter{Sort: listing.ByFit, Role: "pmo-analyst"}},
		{"role=project-manager&lean=pm&min_fit=40", listing.Filter{Sort: listing.ByFit, Role: "project-manager", Lean: "pm", MinFit: 40}},
		{"q=tanaka", listing.Filter{Sort: listing.ByFit, Query: "tanaka"}},
	}
	for _, p := range plans {
		p.f.Limit = listing.DefaultLimit
		text, err := s.store.ExplainSharedCandidates(ctx, s.advisorID, p.f)
		if err != nil {
			return fmt.Errorf("explain %s: %w", p.name, err)
		}
		b.report.Plans = append(b.report.Plans, Plan{Name: fmt.Sprintf("EXPLAIN (ANALYZE, BUFFERS), advisor listing, %s, %d results", p.name, s.rows), Text: text})
	}
	return nil
}

func quoted(qs []string) []string {
	out := make([]string, len(qs))
	for i, q := range qs {
		out[i] = "`" + orDefault(q) + "`"
	}
	return out
}

func orDefault(q string) string {
	if q == "" {
		return "(no filter)"
	}
	return q
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// op is an Op fetching the listing that pick chooses for each request.
func (s *listingSet) op(pick func(worker, seq int) (tag int, query string)) loadgen.Op {
	return func(ctx context.Context, client *http.Client, worker, seq int) (int, error) {
		tag, query := pick(worker, seq)
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, s.srv.url+"/api/v1/advisor/candidates?"+query, nil)
		if err != nil {
			return tag, err
		}
		req.Header.Set("Authorization", "Bearer "+s.token)
		res, err := client.Do(req)
		if err != nil {
			return tag, err
		}
		body, err := io.ReadAll(res.Body)
		res.Body.Close()
		switch {
		case err != nil:
			return tag, err
		case res.StatusCode != http.StatusOK || !strings.Contains(string(body), `"candidates"`):
			return tag, fmt.Errorf("GET candidates?%s: status %d: %.200s", query, res.StatusCode, body)
		}
		return tag, nil
	}
}

// listingSet opens (or, with -keep, reuses) the dataset of rows results
// and starts pmpath on it, signed in as the advisor.
func (b *bench) listingSet(ctx context.Context, rows int) (*listingSet, error) {
	s := &listingSet{rows: rows, name: fmt.Sprintf("loadbench_listing_%d_%d", rows, b.cfg.perCand)}
	reuse, err := b.reusable(ctx, s.name, rows)
	if err != nil {
		return nil, err
	}
	var url string
	if reuse {
		b.logf("listing: reusing %s", s.name)
		if url, err = b.databaseURL(s.name); err != nil {
			return nil, err
		}
	} else {
		b.dropDatabase(s.name)
		if url, err = b.newDatabase(ctx, s.name, b.cfg.keep); err != nil {
			return nil, err
		}
	}
	if s.srv, err = b.startPmpath(ctx, s.name, dbTarget{postgresURL: url}); err != nil {
		return nil, err
	}
	if s.db, err = sql.Open("pgx", url); err != nil {
		return nil, err
	}
	b.atEnd(func() { s.db.Close() })
	if !reuse {
		if err := b.fill(ctx, s, url); err != nil {
			return nil, err
		}
	}
	if err := s.db.QueryRowContext(ctx, "SELECT id FROM users WHERE email = $1", advisorEmail).Scan(&s.advisorID); err != nil {
		return nil, fmt.Errorf("%s: the advisor: %w", s.name, err)
	}
	if s.token, err = login(ctx, s.srv.url, advisorEmail, advisorPassword); err != nil {
		return nil, err
	}
	if s.store, err = store.Open(ctx, store.Options{PostgresURL: url, MaxOpenConns: 2}); err != nil {
		return nil, err
	}
	b.atEnd(func() { s.store.Close() })
	s.client = loadgen.NewClient(b.cfg.concurrency)
	b.atEnd(s.client.CloseIdleConnections)
	return s, nil
}

// reusable reports whether a kept dataset called name with rows results
// exists; only with -keep.
func (b *bench) reusable(ctx context.Context, name string, rows int) (bool, error) {
	if !b.cfg.keep {
		return false, nil
	}
	var exists bool
	if err := b.pgAdmin.QueryRowContext(ctx, "SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)", name).Scan(&exists); err != nil || !exists {
		return false, err
	}
	url, err := b.databaseURL(name)
	if err != nil {
		return false, err
	}
	db, err := sql.Open("pgx", url)
	if err != nil {
		return false, err
	}
	defer db.Close()
	var stored int
	// The marker is written last, so a fill cut short is not reused.
	if err := db.QueryRowContext(ctx, "SELECT results FROM loadbench_dataset").Scan(&stored); err != nil {
		return false, nil
	}
	return stored == rows, nil
}

// fill creates the advisor and generates the dataset.
func (b *bench) fill(ctx context.Context, s *listingSet, url string) error {
	start := time.Now()
	if err := createUser(ctx, b.bin, serverEnv(dbTarget{postgresURL: url}), advisorEmail, "advisor", advisorPassword); err != nil {
		return err
	}
	var advisorID string
	if err := s.db.QueryRowContext(ctx, "SELECT id FROM users WHERE email = $1", advisorEmail).Scan(&advisorID); err != nil {
		return err
	}
	f, err := fetchForm(ctx, s.srv.url)
	if err != nil {
		return err
	}
	// Real scored submissions to copy: stored rows then have the size and
	// the spread of fits, roles and leans of real ones.
	r := rand.New(rand.NewPCG(3, 4))
	var ids []string
	for range 32 {
		id, err := submitNow(ctx, s.srv.url, f, r)
		if err != nil {
			return fmt.Errorf("template submission: %w", err)
		}
		ids = append(ids, id)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT answers::text, result::text, scoring_version, recommended_role, lean, fit
		FROM assessments WHERE id = ANY($1)`, ids)
	if err != nil {
		return err
	}
	var templates []benchfill.Template
	for rows.Next() {
		var t benchfill.Template
		var answers, result string
		if err := rows.Scan(&answers, &result, &t.ScoringVersion, &t.Role, &t.Lean, &t.Fit); err != nil {
			rows.Close()
			return err
		}
		t.Answers, t.Result = []byte(answers), []byte(result)
		templates = append(templates, t)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	// The templates were anonymous submissions: remove them so the dataset
	// holds exactly the results asked for.
	if _, err := s.db.ExecContext(ctx, "DELETE FROM assessments WHERE id = ANY($1)", ids); err != nil {
		return err
	}
	b.logf("listing: filling %s with %d results", s.name, s.rows)
	stats, err := benchfill.Fill(ctx, benchfill.Spec{
		URL: url, Results: s.rows, PerCandidate: b.cfg.perCand, AdvisorID: advisorID,
		Questionnaire: f.Slug, Version: f.Version, Templates: templates,
		Seed: 1, Now: time.Now().UTC().Truncate(time.Second), Workers: 2,
	})
	if err != nil {
		return err
	}
	if _, err := s.db.ExecContext(ctx, "CREATE TABLE loadbench_dataset (results INTEGER NOT NULL, candidates INTEGER NOT NULL)"); err != nil {
		return err
	}
	if _, err := s.db.ExecContext(ctx, "INSERT INTO loadbench_dataset VALUES ($1, $2)", stats.Results, stats.Candidates); err != nil {
		return err
	}
	b.logf("listing: %s filled in %s (%d candidates, %d results, %d shares; %s in total)",
		s.name, stats.Elapsed.Round(time.Second), stats.Candidates, stats.Results, stats.Shares, time.Since(start).Round(time.Second))
	return nil
}

// deepRows returns the cursors that start a page deepPosition into the
// advisor's list, in fit and in date order.
func (s *listingSet) deepRows(ctx context.Context) (byFit, byDate listing.Cursor, err error) {
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM shares JOIN users ON users.id = shares.candidate_id
		WHERE shares.advisor_id = $1 AND users.latest_assessment_id IS NOT NULL`, s.advisorID).Scan(&n); err != nil {
		return byFit, byDate, err
	}
	if n < 2 {
		return byFit, byDate, errors.New("the advisor's list is too short for a deep page")
	}
	offset := int(float64(n) * deepPosition)
	const from = ` FROM shares JOIN users ON users.id = shares.candidate_id
		WHERE shares.advisor_id = $1 AND users.latest_assessment_id IS NOT NULL `
	byFit = listing.Cursor{Sort: listing.ByFit}
	if err := s.db.QueryRowContext(ctx, `SELECT users.id, users.latest_fit`+from+`ORDER BY users.latest_fit DESC, users.id DESC OFFSET $2 LIMIT 1`,
		s.advisorID, offset).Scan(&byFit.ID, &byFit.Fit); err != nil {
		return byFit, byDate, fmt.Errorf("deep cursor: %w", err)
	}
	byDate = listing.Cursor{Sort: listing.ByDate}
	if err := s.db.QueryRowContext(ctx, `SELECT users.id, users.latest_submitted_at`+from+`ORDER BY users.latest_submitted_at DESC, users.id DESC OFFSET $2 LIMIT 1`,
		s.advisorID, offset).Scan(&byDate.ID, &byDate.At); err != nil {
		return byFit, byDate, fmt.Errorf("deep cursor: %w", err)
	}
	byDate.At = byDate.At.UTC()
	return byFit, byDate, nil
}

// deepCursor is the encoded cursor of the deep page in fit order.
func (s *listingSet) deepCursor(ctx context.Context) (string, error) {
	byFit, _, err := s.deepRows(ctx)
	return byFit.Encode(), err
}
