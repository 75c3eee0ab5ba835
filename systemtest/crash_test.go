//go:build slow

package systemtest

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"reflect"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/google/uuid"

	"github.com/pmpath/pmpath/internal/store"
	"github.com/pmpath/pmpath/internal/store/storetest"
)

// TestSubmissionsSurviveSIGKILL kills pmpath with SIGKILL while many
// clients are submitting questionnaires, restarts it on the same database,
// and checks that every submission it acknowledged is stored, once, with
// the result it answered; then that retrying every submission, answered or
// not, with its Idempotency-Keys completes it without storing anything
// twice.
func TestSubmissionsSurviveSIGKILL(t *testing.T) {
	for _, d := range storetest.Dialects {
		t.Run(string(d), func(t *testing.T) { crashDuringSubmissions(t, d) })
	}
}

const (
	// crashWorkers submit concurrently, so requests are in flight at the kill.
	crashWorkers = 12
	// crashAfter is how many submissions are acknowledged before the kill.
	crashAfter = 100
)

func crashDuringSubmissions(t *testing.T, d store.Dialect) {
	db := newDatabase(t, d)
	answers := fullAnswers(t)
	first := startPmpath(t, "pmpath before the crash", db.settings...)
	c := newClient(first.URL, false)

	var (
		mu       sync.Mutex
		subs     []*submission
		failures []string // unexpected outcomes before the kill
		acked    atomic.Int64
		inFlight atomic.Int64
		killing  atomic.Bool
		killOnce sync.Once
		atKill   int64
		wg       sync.WaitGroup
	)
	next := func() *submission {
		mu.Lock()
		defer mu.Unlock()
		s := &submission{oneShot: len(subs)%3 == 0, createKey: uuid.NewString(), submitKey: uuid.NewString()}
		subs = append(subs, s)
		return s
	}
	fail := func(format string, args ...any) {
		mu.Lock()
		defer mu.Unlock()
		failures = append(failures, fmt.Sprintf(format, args...))
	}
	for range crashWorkers {
		wg.Go(func() {
			for !killing.Load() {
				s := next()
				err := s.load(c, answers, &inFlight)
				switch {
				case err != nil && killing.Load():
					return // the server is gone; expected
				case err != nil:
					fail("before the kill: %v", err)
					return
				}
				if s.submitted && acked.Add(1) == crashAfter {
					killOnce.Do(func() {
						killing.Store(true)
						atKill = inFlight.Load()
						first.kill()
					})
				}
			}
		})
	}
	wg.Wait()
	if len(failures) > 0 {
		t.Fatalf("the submission load failed before the crash:\n%v", failures)
	}
	if !killing.Load() {
		t.Fatalf("the load ended without reaching %d acknowledged submissions", crashAfter)
	}
	if atKill == 0 {
		t.Fatalf("no request was in flight when pmpath was killed; the test proved nothing about a crash mid-load")
	}
	var ackedCreates, ackedSubmits int
	for _, s := range subs {
		if s.created {
			ackedCreates++
		}
		if s.submitted {
			ackedSubmits++
		}
	}
	t.Logf("%s: killed with %d requests in flight; %d submissions started, %d created and %d submitted with an acknowledgement",
		d, atKill, len(subs), ackedCreates, ackedSubmits)

	// Straight after the restart, before any retry: every acknowledged
	// submission is in the database, submitted.
	second := startPmpath(t, "pmpath after the crash", db.settings...)
	sqlDB := db.open(t)
	status := map[string]string{}
	for _, row := range queryStrings(t, sqlDB, "SELECT id || ' ' || status FROM assessments") {
		id, st, _ := strings.Cut(row, " ")
		status[id] = st
	}
	for _, s := range subs {
		switch {
		case s.submitted && status[s.id] != "submitted":
			t.Errorf("submission %s was acknowledged as submitted but is stored as %q", s.id, status[s.id])
		case s.created && status[s.id] == "":
			t.Errorf("assessment %s was acknowledged as created but is not stored", s.id)
		}
	}
	if len(status) > len(subs) {
		t.Errorf("%d assessments stored for %d submissions started: something was stored twice", len(status), len(subs))
	}

	// Retry everything twice with the same keys: the first pass completes
	// what the crash interrupted, the second must change nothing.
	c = newClient(second.URL, false)
	var ids [2][]string
	for pass := range ids {
		for _, s := range subs {
			ids[pass] = append(ids[pass], s.retry(t, c, answers, pass > 0))
		}
		stored := queryInt(t, sqlDB, "SELECT count(*) FROM assessments")
		submitted := queryInt(t, sqlDB, "SELECT count(*) FROM assessments WHERE status = 'submitted'")
		keys := queryInt(t, sqlDB, "SELECT count(*) FROM idempotency_keys")
		if distinct := len(setOf(ids[pass])); distinct != len(subs) || stored != len(subs) || submitted != len(subs) {
			t.Errorf("retry pass %d: %d submissions led to %d distinct assessments; %d stored, %d submitted; want %d of each",
				pass+1, len(subs), distinct, stored, submitted, len(subs))
		}
		if want := wantKeys(subs); keys != want {
			t.Errorf("retry pass %d: %d idempotency records stored, want %d (one per key used)", pass+1, keys, want)
		}
		if got, want := sortedCopy(queryStrings(t, sqlDB, "SELECT id FROM assessments")), sortedCopy(ids[pass]); !reflect.DeepEqual(got, want) {
			t.Errorf("retry pass %d: the stored assessments are not the ones the retries answered with", pass+1)
		}
	}
	if !reflect.DeepEqual(ids[0], ids[1]) {
		t.Errorf("the second retry pass answered with other assessments than the first")
	}
}

// submission is one client's questionnaire submission: either one call that
// creates and submits, or create a draft, answer everything, submit.
type submission struct {
	oneShot              bool
	createKey, submitKey string

	// What the server acknowledged before the crash.
	id, token string
	created   bool           // the create answered 201
	submitted bool           // the submission answered with a result
	ack       assessmentView // the acknowledged submission
}

func (s *submission) createBody(answers map[string]json.RawMessage) []byte {
	if s.oneShot {
		return encode(map[string]any{"questionnaire": "pm-pmo-fit", "answers": answers, "submit": true})
	}
	return []byte(`{"questionnaire":"pm-pmo-fit","answers":{}}`)
}

// load runs the submission once against a server that may die at any
// moment. It returns transport errors and unexpected statuses.
func (s *submission) load(c *client, answers map[string]json.RawMessage, inFlight *atomic.Int64) error {
	call := func(method, path string, body []byte, want int, headers ...string) (*assessmentView, error) {
		inFlight.Add(1)
		r, err := c.call(context.Background(), method, path, body, headers...)
		inFlight.Add(-1)
		if err != nil {
			return nil, err
		}
		if r.status != want {
			return nil, fmt.Errorf("%s; want %d", r, want)
		}
		var v assessmentView
		if err := json.Unmarshal(r.body, &v); err != nil {
			return nil, fmt.Errorf("%s: %v", r, err)
		}
		return &v, nil
	}
	v, err := call(http.MethodPost, "/api/v1/assessments", s.createBody(answers), http.StatusCreated, "Idempotency-Key", s.createKey)
	if err != nil {
		return err
	}
	s.id, s.token, s.created = v.ID, v.Token, true
	if s.oneShot {
		s.submitted, s.ack = true, *v
		return nil
	}
	path := "/api/v1/assessments/" + s.id
	if _, err := call(http.MethodPatch, path, encode(map[string]any{"answers": answers}), http.StatusOK, "X-Assessment-Token", s.token); err != nil {
		return err
	}
	v, err = call(http.MethodPost, path+"/submit", nil, http.StatusOK, "X-Assessment-Token", s.token, "Idempotency-Key", s.submitKey)
	if err != nil {
		return err
	}
	s.submitted, s.ack = true, *v
	return nil
}

// retry runs the submission again with the same keys and returns the id of
// its assessment. What was acknowledged must come back as it was, marked as
// a replay; after the first pass (again is set) everything must.
func (s *submission) retry(t *testing.T, c *client, answers map[string]json.RawMessage, again bool) string {
	t.Helper()
	r := expect(t, c.must(t, http.MethodPost, "/api/v1/assessments", s.createBody(answers), "Idempotency-Key", s.createKey), http.StatusCreated)
	var v assessmentView
	decode(t, r, &v)
	if (s.created || again) && !replayed(r) {
		t.Errorf("retrying the acknowledged create of %s with its key made a new assessment %s instead of replaying", s.id, v.ID)
	}
	if s.created && (v.ID != s.id || v.Token != s.token) {
		t.Errorf("retrying the create of %s answered with assessment %s (token changed: %v)", s.id, v.ID, v.Token != s.token)
	}
	if s.oneShot {
		s.checkResult(t, "the one-call submission", v, r)
		s.record(v.ID, v.Token, v)
		return v.ID
	}
	path := "/api/v1/assessments/" + v.ID
	patch := c.must(t, http.MethodPatch, path, encode(map[string]any{"answers": answers}), "X-Assessment-Token", v.Token)
	switch {
	case v.Status == "submitted" && patch.status != http.StatusConflict:
		t.Errorf("answering submitted assessment %s again: %s; want 409", v.ID, patch)
	case v.Status == "draft" && patch.status != http.StatusOK:
		t.Errorf("answering draft %s: %s; want 200", v.ID, patch)
	}
	r = expect(t, c.must(t, http.MethodPost, path+"/submit", nil, "X-Assessment-Token", v.Token, "Idempotency-Key", s.submitKey), http.StatusOK)
	var sub assessmentView
	decode(t, r, &sub)
	if (s.submitted || again) && !replayed(r) {
		t.Errorf("retrying the acknowledged submit of %s with its key was not a replay", v.ID)
	}
	s.checkResult(t, "the submit", sub, r)
	s.record(v.ID, v.Token, sub)
	return v.ID
}

// checkResult compares a retried submission with the acknowledged one.
func (s *submission) checkResult(t *testing.T, what string, got assessmentView, r *reply) {
	t.Helper()
	if got.Status != "submitted" || len(got.Result) == 0 || string(got.Result) == "null" {
		t.Errorf("retrying %s of %s: status %q and no result: %s", what, got.ID, got.Status, r)
		return
	}
	if !s.submitted {
		return
	}
	if got.SubmittedAt == nil || *got.SubmittedAt != *s.ack.SubmittedAt || !sameJSON(got.Result, s.ack.Result) {
		t.Errorf("retrying %s of %s answered with another result than the acknowledged one (submitted_at %v, was %v)",
			what, got.ID, deref(got.SubmittedAt), deref(s.ack.SubmittedAt))
	}
}

// record keeps the outcome of the first retry pass, which the second must
// repeat exactly.
func (s *submission) record(id, token string, result assessmentView) {
	if !s.submitted {
		s.id, s.token, s.created, s.submitted, s.ack = id, token, true, true, result
	}
}

// wantKeys is the number of idempotency records the submissions make: one
// per create, one per separate submit.
func wantKeys(subs []*submission) int {
	n := 0
	for _, s := range subs {
		n++
		if !s.oneShot {
			n++
		}
	}
	return n
}

func sameJSON(a, b json.RawMessage) bool {
	var x, y any
	return json.Unmarshal(a, &x) == nil && json.Unmarshal(b, &y) == nil && reflect.DeepEqual(x, y)
}

func deref(s *string) string {
	if s == nil {
		return "<nil>"
	}
	return *s
}

func setOf(xs []string) map[string]bool {
	m := make(map[string]bool, len(xs))
	for _, x := range xs {
		m[x] = true
	}
	return m
}

func sortedCopy(xs []string) []string {
	out := append([]string(nil), xs...)
	sort.Strings(out)
	return out
}

// encode encodes plain request data, which cannot fail.
func encode(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return b
}
