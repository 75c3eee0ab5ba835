package main

import (
	"bytes"
	"context"
	"database/sql"
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/google/uuid"

	"github.com/pmpath/pmpath/cmd/loadbench/internal/loadgen"
)

// pgbenchScript is the submit path's SQL as pgbench runs it; see the file.
//
//go:embed submit.pgbench
var pgbenchScript []byte

// wrkScript makes wrk submit one prepared draft per request; see the file.
//
//go:embed submit.lua
var wrkScript []byte

// What is measured is the submission alone, POST
// /api/v1/assessments/{id}/submit on a complete draft: the "score and
// store" step. A person creates the draft and PATCHes answers over the
// quarter of an hour the quiz takes, so those requests are spread thin;
// the submit is the one that scores and writes the result. Drafts are made
// the real way once (create, then PATCH) and copied in the database to
// give every submission its own draft, for pmpath and pgbench alike. The
// template is dated back by the questionnaire's minutes, as if its person
// had just finished: pmpath times a sheet from its draft's creation and
// refuses one answered faster than anyone reads, and every submission
// measured must be scored as a real person's is (a reliable sheet with a
// recommended role), not refused.

// submitTarget is one pmpath server taking submissions, with the database
// where its drafts are copied.
type submitTarget struct {
	name     string // "PostgreSQL" or "SQLite"
	srv      *server
	db       *sql.DB
	postgres bool
	template draft
	client   *http.Client
	lastRate float64 // submissions/s of the previous run, to size the next pool
}

func (b *bench) submit(ctx context.Context) error {
	var targets []*submitTarget
	var pgURL string
	if b.pgAdmin != nil {
		u, err := b.newDatabase(ctx, "", false)
		if err != nil {
			return err
		}
		pgURL = u
		t, err := b.submitTarget(ctx, "PostgreSQL", dbTarget{postgresURL: u})
		if err != nil {
			return err
		}
		targets = append(targets, t)
	}
	lite, err := b.submitTarget(ctx, "SQLite", dbTarget{sqlitePath: filepath.Join(b.dir, "submit.db")})
	if err != nil {
		return err
	}
	targets = append(targets, lite)

	for _, t := range targets {
		if _, err := t.run(ctx, b, b.cfg.warmup); err != nil {
			return fmt.Errorf("%s warm-up: %w", t.name, err)
		}
	}
	var pgb *pgbench
	if pgURL != "" {
		if pgb, err = b.newPgbench(ctx, pgURL, targets[0]); err != nil {
			return err
		}
		if pgb != nil {
			if _, err := pgb.run(ctx, b.cfg.warmup); err != nil {
				return fmt.Errorf("pgbench warm-up: %w", err)
			}
		}
	}

	figures := make([][]float64, len(targets))
	var ref []float64
	var fns []func(int) error
	if pgb != nil {
		fns = append(fns, func(run int) error {
			tps, err := pgb.run(ctx, b.cfg.duration)
			if err != nil {
				return err
			}
			ref = append(ref, tps)
			b.logf("submit run %d pgbench: %.0f tx/s", run+1, tps)
			return nil
		})
	}
	for i, t := range targets {
		fns = append(fns, func(run int) error {
			rate, err := t.run(ctx, b, b.cfg.duration)
			if err != nil {
				return err
			}
			figures[i] = append(figures[i], rate)
			b.logf("submit run %d pmpath on %s: %.0f submissions/s", run+1, t.name, rate)
			return nil
		})
	}
	if err := interleave(ctx, b.cfg.runs, fns...); err != nil {
		return err
	}

	for i, t := range targets {
		peak, err := t.srv.peakRSS()
		if err != nil {
			return err
		}
		b.report.Memory = append(b.report.Memory, Memory{Server: "on " + t.name + " after the submission runs", Bytes: peak, Limit: b.cfg.memLimit})
		if t.postgres && pgb != nil {
			b.report.Comparisons = append(b.report.Comparisons, Comparison{
				Name: "quiz submission (score and store)", Unit: "tx/s", Target: 0.5, HigherIsBetter: true,
				Reference: "pgbench, same SQL", Ours: "pmpath on PostgreSQL", Refs: ref, Ourss: figures[i],
				Note: fmt.Sprintf("%d concurrent clients; pgbench script cmd/loadbench/submit.pgbench, -M prepared", b.cfg.concurrency),
			})
			continue
		}
		b.report.Figures = append(b.report.Figures, Figure{Name: "quiz submission, pmpath on " + t.name, Unit: "submissions/s", Values: figures[i]})
	}
	if pgURL != "" && pgb == nil {
		b.note("pgbench is not installed: the submission figure has no reference (apt-get install postgresql-contrib)")
	}
	return nil
}

// submitTarget starts pmpath on db and makes the draft every submission
// copies.
func (b *bench) submitTarget(ctx context.Context, name string, db dbTarget) (*submitTarget, error) {
	srv, err := b.startPmpath(ctx, "submit-"+name, db)
	if err != nil {
		return nil, err
	}
	f, err := fetchForm(ctx, srv.url)
	if err != nil {
		return nil, err
	}
	tmpl, err := startDraft(ctx, srv.url, f, rand.New(rand.NewPCG(1, 2)))
	if err != nil {
		return nil, fmt.Errorf("%s: template draft: %w", name, err)
	}
	t := &submitTarget{name: name, srv: srv, postgres: db.postgresURL != "", template: tmpl, client: loadgen.NewClient(b.cfg.concurrency)}
	b.atEnd(t.client.CloseIdleConnections)
	if t.postgres {
		t.db, err = sql.Open("pgx", db.postgresURL)
	} else {
		// The harness writes drafts beside the running server, as a second
		// SQLite connection would; it waits for the write lock like one.
		t.db, err = sql.Open("sqlite", "file:"+db.sqlitePath+"?_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)")
	}
	if err != nil {
		return nil, err
	}
	b.atEnd(func() { t.db.Close() })
	if err := backdate(ctx, t.db, t.postgres, tmpl.ID, time.Duration(f.q.Minutes)*time.Minute); err != nil {
		return nil, fmt.Errorf("%s: template draft: %w", name, err)
	}
	return t, nil
}

// backdate moves the creation of draft id back by d, so its copies are
// submitted as if their person had taken d to answer.
func backdate(ctx context.Context, db *sql.DB, postgres bool, id string, d time.Duration) error {
	get, set := "SELECT created_at FROM assessments WHERE id = ?", "UPDATE assessments SET created_at = ? WHERE id = ?"
	if postgres {
		get, set = "SELECT created_at FROM assessments WHERE id = $1", "UPDATE assessments SET created_at = $1 WHERE id = $2"
	}
	var created time.Time
	if err := db.QueryRowContext(ctx, get, id).Scan(&created); err != nil {
		return fmt.Errorf("backdate: %w", err)
	}
	if _, err := db.ExecContext(ctx, set, created.Add(-d).UTC(), id); err != nil {
		return fmt.Errorf("backdate: %w", err)
	}
	return nil
}

// copyDrafts stores a copy of the template draft under each of ids.
func copyDrafts(ctx context.Context, db *sql.DB, postgres bool, template string, ids []string) error {
	const cols = "questionnaire_slug, questionnaire_version, status, token_hash, answers, created_at, updated_at"
	for len(ids) > 0 {
		n := min(len(ids), 2000)
		var err error
		if postgres {
			_, err = db.ExecContext(ctx, "INSERT INTO assessments (id, "+cols+") SELECT x.id, "+cols+
				" FROM unnest($1::text[]) AS x(id) CROSS JOIN (SELECT "+cols+" FROM assessments WHERE id = $2) t", ids[:n], template)
		} else {
			list, _ := json.Marshal(ids[:n])
			_, err = db.ExecContext(ctx, "INSERT INTO assessments (id, "+cols+") SELECT x.value, "+cols+
				" FROM json_each(?) AS x CROSS JOIN (SELECT "+cols+" FROM assessments WHERE id = ?) t", string(list), template)
		}
		if err != nil {
			return fmt.Errorf("copy drafts: %w", err)
		}
		ids = ids[n:]
	}
	return nil
}

// run submits fresh drafts for d and returns the submissions per second.
// The pool of drafts is sized from the previous run's rate with room to
// spare; should it run dry the run ends early and the rate stays right.
func (t *submitTarget) run(ctx context.Context, b *bench, d time.Duration) (float64, error) {
	n := 2000
	if t.lastRate > 0 {
		n = int(math.Ceil(t.lastRate*d.Seconds()*1.5)) + 200
	}
	if b.wrk != nil {
		// wrk cannot end a run early without a replay, so its pool has
		// more room: a dry pool would make the rate a lower bound.
		n = max(n, int(3000*d.Seconds())) * 4 / 3
	}
	ids := make([]string, n)
	for i := range ids {
		ids[i] = uuid.NewString()
	}
	if err := copyDrafts(ctx, t.db, t.postgres, t.template.ID, ids); err != nil {
		return 0, fmt.Errorf("%s: %w", t.name, err)
	}
	if b.wrk != nil {
		return t.runWrk(ctx, b, d, ids)
	}
	var next atomic.Int64
	op := func(ctx context.Context, client *http.Client, _, _ int) (int, error) {
		i := next.Add(1) - 1
		if i >= int64(len(ids)) {
			return 0, loadgen.ErrDone
		}
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, t.srv.url+"/api/v1/assessments/"+ids[i]+"/submit", nil)
		if err != nil {
			return 0, err
		}
		req.Header.Set("X-Assessment-Token", t.template.Token)
		req.Header.Set("Idempotency-Key", uuid.NewString())
		res, err := client.Do(req)
		if err != nil {
			return 0, err
		}
		body, err := io.ReadAll(res.Body)
		res.Body.Close()
		switch {
		case err != nil:
			return 0, err
		case res.StatusCode != http.StatusOK || !bytes.Contains(body, []byte(`"status":"submitted"`)):
			return 0, fmt.Errorf("submit: status %d: %.200s", res.StatusCode, body)
		case !bytes.Contains(body, []byte(`"reliable":true`)):
			return 0, fmt.Errorf("submit: the sheet was refused, so the run would measure the refusal path: %.300s", body)
		}
		return 0, nil
	}
	r := loadgen.Run(ctx, loadgen.Config{Concurrency: b.cfg.concurrency, Duration: d}, t.client, op)
	if r.Errors > 0 {
		return 0, fmt.Errorf("%s: %d of %d submissions failed: %v", t.name, r.Errors, r.Requests, r.FirstError)
	}
	if r.Requests == 0 {
		return 0, fmt.Errorf("%s: no submission completed", t.name)
	}
	t.lastRate = r.Throughput()
	return t.lastRate, nil
}

// runWrk is run with wrk as the load generator: like pgbench's, its
// client costs the shared CPUs little. What counts is the drafts the
// database holds as submitted afterwards, not wrk's requests: every one
// must have been answered 200, and a pool that runs dry stops its wrk
// thread rather than submit twice.
func (t *submitTarget) runWrk(ctx context.Context, b *bench, d time.Duration, ids []string) (float64, error) {
	script := filepath.Join(b.dir, "submit.lua")
	if err := os.WriteFile(script, wrkScript, 0o600); err != nil {
		return 0, err
	}
	list := filepath.Join(b.dir, "submit-ids.txt")
	if err := os.WriteFile(list, []byte(strings.Join(ids, "\n")+"\n"), 0o600); err != nil {
		return 0, err
	}
	cfg := loadgen.Config{Concurrency: b.cfg.concurrency, Duration: d}
	r, err := b.wrk.RunScript(ctx, cfg, t.srv.url, script, list, t.template.Token, strconv.Itoa(b.wrk.ThreadsFor(cfg)))
	if err != nil {
		return 0, fmt.Errorf("%s: %w", t.name, err)
	}
	if r.Errors > 0 {
		return 0, fmt.Errorf("%s: %d of %d submissions failed: %v", t.name, r.Errors, r.Requests, r.FirstError)
	}
	submitted, refused, err := countSubmitted(ctx, t.db, t.postgres, ids)
	if err != nil {
		return 0, fmt.Errorf("%s: %w", t.name, err)
	}
	switch {
	case refused > 0:
		return 0, fmt.Errorf("%s: %d of %d submissions were refused, so the run measured the refusal path", t.name, refused, submitted)
	case submitted == 0:
		return 0, fmt.Errorf("%s: no submission completed", t.name)
	case submitted > r.Requests+b.cfg.concurrency:
		// wrk counts answers it read before the end; up to one request a
		// connection was still in flight then.
		return 0, fmt.Errorf("%s: %d drafts submitted by %d requests", t.name, submitted, r.Requests)
	case submitted >= len(ids)-b.wrk.ThreadsFor(cfg):
		// Within a thread's worth of the pool (wrk's check of the script
		// takes one draft that is never sent): a thread may have run dry.
		b.logf("%s: the draft pool (%d) may have run dry; the rate is a lower bound", t.name, len(ids))
	}
	// Answers wrk read in time, less any replay a dry pool caused.
	t.lastRate = float64(min(submitted, r.Requests)) / r.Elapsed.Seconds()
	return t.lastRate, nil
}

// countSubmitted counts the drafts of ids that are now submitted, and
// those of them stored without a recommended role: refused sheets.
func countSubmitted(ctx context.Context, db *sql.DB, postgres bool, ids []string) (submitted, refused int, err error) {
	const counts = "SELECT count(*), coalesce(sum(CASE WHEN coalesce(recommended_role, '') = '' THEN 1 ELSE 0 END), 0) FROM assessments "
	if postgres {
		err = db.QueryRowContext(ctx, counts+"WHERE id = ANY($1) AND status = 'submitted'", ids).Scan(&submitted, &refused)
	} else {
		list, _ := json.Marshal(ids)
		err = db.QueryRowContext(ctx, counts+"WHERE id IN (SELECT value FROM json_each(?)) AND status = 'submitted'", string(list)).Scan(&submitted, &refused)
	}
	if err != nil {
		return 0, 0, fmt.Errorf("count submissions: %w", err)
	}
	return submitted, refused, nil
}

// pgbench runs submit.pgbench against the PostgreSQL database pmpath
// submits to, with the values pmpath stored for a real submission.
type pgbench struct {
	path, url, script string
	db                *sql.DB
	template          string
	vars              []string
	concurrency       int
	runNo             int
	lastTPS           float64
}

func (b *bench) newPgbench(ctx context.Context, dbURL string, t *submitTarget) (*pgbench, error) {
	path, ok := lookPgbench()
	if !ok {
		return nil, nil
	}
	script := filepath.Join(b.dir, "submit.pgbench")
	if err := os.WriteFile(script, pgbenchScript, 0o600); err != nil {
		return nil, err
	}
	// The stored values of one real, scored submission (not a refused
	// one), so pgbench writes rows of the same size as pmpath does.
	var answers, result, scoringVersion, role, lean string
	var fit int
	err := t.db.QueryRowContext(ctx, `SELECT answers::text, result::text, scoring_version, recommended_role, lean, fit
		FROM assessments WHERE status = 'submitted' AND recommended_role <> '' LIMIT 1`).Scan(&answers, &result, &scoringVersion, &role, &lean, &fit)
	if err != nil {
		return nil, fmt.Errorf("pgbench: a stored, scored submission to copy: %w", err)
	}
	// libpq takes a URL as the database name; pgbench's own -h/-U flags
	// would otherwise override it.
	u, err := url.Parse(dbURL)
	if err != nil {
		return nil, err
	}
	return &pgbench{
		path: path, url: u.String(), script: script, db: t.db, template: t.template.ID, concurrency: b.cfg.concurrency,
		vars: []string{
			"-D", "k=0", "-D", "answers=" + answers, "-D", "result=" + result, "-D", "scoring_version=" + scoringVersion,
			// pgbench refuses an empty -D value; the prefix keeps the
			// variable set whatever the role, and the script strips it.
			"-D", "role=r" + role, "-D", "lean=" + lean, "-D", "fit=" + strconv.Itoa(fit),
			"-D", "request_hash=" + fmt.Sprintf("%064x", 1),
		},
	}, nil
}

// lookPgbench finds pgbench on PATH.
func lookPgbench() (string, bool) {
	p, err := exec.LookPath("pgbench")
	return p, err == nil
}

// pgbenchDraft is the id of the k-th draft of client c in pgbench run r;
// submit.pgbench computes the same.
func pgbenchDraft(r, c, k int) string {
	return fmt.Sprintf("00000000-0000-4000-8000-%012d", int64(r)*10_000_000_000+int64(c)*100_000_000+int64(k))
}

var pgbenchTPS = regexp.MustCompile(`(?m)^tps = ([0-9.]+) \(without initial connection time\)`)
var pgbenchFailed = regexp.MustCompile(`(?m)^number of failed transactions: (\d+)`)

// run runs pgbench for about d: every client runs a fixed number of
// transactions (-t), one per draft prepared for it, sized from the last
// run's rate.
func (p *pgbench) run(ctx context.Context, d time.Duration) (float64, error) {
	p.runNo++
	perClient := 100
	if p.lastTPS > 0 {
		perClient = max(int(math.Ceil(p.lastTPS*d.Seconds()/float64(p.concurrency))), 20)
	}
	ids := make([]string, 0, perClient*p.concurrency)
	for c := range p.concurrency {
		for k := 1; k <= perClient; k++ {
			ids = append(ids, pgbenchDraft(p.runNo, c, k))
		}
	}
	if err := copyDrafts(ctx, p.db, true, p.template, ids); err != nil {
		return 0, fmt.Errorf("pgbench: %w", err)
	}
	args := append([]string{"-n", "-M", "prepared", "-c", strconv.Itoa(p.concurrency), "-j", strconv.Itoa(min(p.concurrency, 2)),
		"-t", strconv.Itoa(perClient), "-f", p.script, "-D", "run=" + strconv.Itoa(p.runNo)}, p.vars...)
	args = append(args, p.url)
	cmd := exec.CommandContext(ctx, p.path, args...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		return 0, fmt.Errorf("pgbench: %w\n%s", err, out.String())
	}
	m := pgbenchTPS.FindStringSubmatch(out.String())
	if m == nil {
		return 0, fmt.Errorf("pgbench: no tps in output:\n%s", out.String())
	}
	if f := pgbenchFailed.FindStringSubmatch(out.String()); f != nil && f[1] != "0" {
		return 0, fmt.Errorf("pgbench: %s failed transactions:\n%s", f[1], out.String())
	}
	// Every UPDATE must have found its draft, or pgbench measured less
	// work than pmpath does.
	submitted, refused, err := countSubmitted(ctx, p.db, true, ids)
	if err != nil {
		return 0, fmt.Errorf("pgbench: %w", err)
	}
	if left := len(ids) - submitted; left > 0 {
		return 0, fmt.Errorf("pgbench left %d of %d drafts unsubmitted: the script and the drafts disagree", left, len(ids))
	}
	if refused > 0 {
		return 0, fmt.Errorf("pgbench stored %d of %d submissions without a role: it wrote refused sheets, not scored ones", refused, submitted)
	}
	tps, _ := strconv.ParseFloat(m[1], 64)
	p.lastTPS = tps
	return tps, nil
}
