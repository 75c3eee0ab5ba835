package assessment

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"sort"
	"time"

	"github.com/google/uuid"

	"github.com/pmpath/pmpath/internal/catalog"
	"github.com/pmpath/pmpath/internal/errs"
	"github.com/pmpath/pmpath/internal/questionnaire"
	"github.com/pmpath/pmpath/internal/scoring"
)

// Publish loads the questionnaire files in fsys, checks them against the
// catalog, publishes the versions not yet stored and refreshes the cache.
// A file whose version is already published with other content is refused:
// published versions are immutable.
func (s *Service) Publish(ctx context.Context, fsys fs.FS) error {
	qs, err := questionnaire.LoadFS(fsys)
	if err != nil {
		return err
	}
	snap, err := s.catalogs.Snapshot(ctx)
	if err != nil {
		return err
	}
	for _, q := range qs {
		if err := checkAgainstCatalog(q, snap.Catalog); err != nil {
			return err
		}
		if _, err := s.store.PublishQuestionnaire(ctx, q, ContentHash(q), s.now()); err != nil {
			return fmt.Errorf("publish %s version %d: %w", q.Slug, q.Version, err)
		}
	}
	return s.refresh(ctx)
}

// ContentHash fingerprints a questionnaire's content.
func ContentHash(q *questionnaire.Questionnaire) string {
	b, err := json.Marshal(q)
	if err != nil {
		panic(err) // plain data
	}
	return hashParts(string(b))
}

func checkAgainstCatalog(q *questionnaire.Questionnaire, c *catalog.Catalog) error {
	for _, it := range q.Items {
		for _, o := range it.Options {
			if o.Certification == "" {
				continue
			}
			if _, ok := c.Certification(o.Certification); !ok {
				return errs.E(errs.Invalid, "%s version %d: item %s option %s names unknown certification %q", q.Slug, q.Version, it.ID, o.ID, o.Certification)
			}
		}
	}
	return nil
}

func (s *Service) refresh(ctx context.Context) error {
	all, err := s.store.Questionnaires(ctx)
	if err != nil {
		return err
	}
	s.qs.replace(all)
	return nil
}

// Questionnaires returns the current version of every questionnaire,
// sorted by slug.
func (s *Service) Questionnaires(ctx context.Context) ([]*questionnaire.Questionnaire, error) {
	if err := s.refresh(ctx); err != nil {
		return nil, err
	}
	out := s.qs.all()
	sort.Slice(out, func(i, j int) bool { return out[i].Slug < out[j].Slug })
	return out, nil
}

// Questionnaire returns the current version of slug.
func (s *Service) Questionnaire(ctx context.Context, slug string) (*questionnaire.Questionnaire, error) {
	if q, ok := s.qs.latest(slug); ok {
		return q, nil
	}
	if err := s.refresh(ctx); err != nil {
		return nil, err
	}
	if q, ok := s.qs.latest(slug); ok {
		return q, nil
	}
	return nil, errs.E(errs.NotFound, "no questionnaire %q", slug)
}

// Version returns one version of slug; versions published by another
// replica are picked up on a miss.
func (s *Service) Version(ctx context.Context, slug string, version int) (*questionnaire.Questionnaire, error) {
	if q, ok := s.qs.version(slug, version); ok {
		return q, nil
	}
	if err := s.refresh(ctx); err != nil {
		return nil, err
	}
	if q, ok := s.qs.version(slug, version); ok {
		return q, nil
	}
	return nil, errs.E(errs.NotFound, "no questionnaire %q version %d", slug, version)
}

// CreateInput is a request to start (and maybe submit) an assessment.
type CreateInput struct {
	Questionnaire string
	Answers       map[string]json.RawMessage
	Submit        bool
	// IdempotencyKey, when set, makes a retry return the first outcome.
	IdempotencyKey string
	// Owner is the signed-in user starting it; empty when anonymous.
	Owner string
}

// Created is the outcome of Create.
type Created struct {
	Assessment *Assessment
	// Token grants access to an anonymous assessment; shown once.
	Token string
	// Replayed is true when an earlier request with the same
	// Idempotency-Key produced this outcome.
	Replayed bool
}

// Create starts an assessment on the current version of the questionnaire,
// scoring it at once when in.Submit is set.
func (s *Service) Create(ctx context.Context, in CreateInput) (*Created, error) {
	q, err := s.Questionnaire(ctx, in.Questionnaire)
	if errs.KindOf(err) == errs.NotFound {
		return nil, errs.Fields("unknown questionnaire", errs.Field("$.questionnaire", "no questionnaire %q", in.Questionnaire))
	}
	if err != nil {
		return nil, err
	}
	answers, err := q.ParseAnswers(in.Answers, "$.answers")
	if err != nil {
		return nil, err
	}

	var idem *Idempotency
	if in.IdempotencyKey != "" {
		body, _ := json.Marshal(answers)
		idem = &Idempotency{
			KeyHash:     hashParts("create", in.Owner, in.IdempotencyKey),
			RequestHash: hashParts(q.Slug, fmt.Sprint(in.Submit), string(body)),
		}
		if c, err := s.replayCreate(ctx, idem); c != nil || err != nil {
			return c, err
		}
	}

	now := s.now()
	a := &Assessment{
		ID: uuid.NewString(), OwnerID: in.Owner, Questionnaire: q.Slug, QuestionnaireVersion: q.Version,
		Status: Draft, Answers: answers, CreatedAt: now, UpdatedAt: now,
	}
	if in.Submit {
		// Created and submitted in one request: the server has not seen
		// the person answer, so the time is unknown (never the client's).
		if err := s.score(ctx, q, a, 0, now); err != nil {
			return nil, err
		}
	}
	token, tokenHash := newToken()
	if idem != nil {
		idem.AssessmentID, idem.CreatedAt = a.ID, now
		if a.OwnerID == "" {
			idem.Token = token
		}
	}
	if err := s.store.CreateAssessment(ctx, a, tokenHash, idem); err != nil {
		if idem != nil && errs.KindOf(err) == errs.Conflict {
			// A concurrent request with the same key won the race.
			if c, rerr := s.replayCreate(ctx, idem); c != nil || rerr != nil {
				return c, rerr
			}
		}
		return nil, err
	}
	if a.OwnerID != "" {
		// An owned assessment is reached through the account; no token.
		token = ""
	}
	return &Created{Assessment: a, Token: token}, nil
}

// replayCreate returns the first outcome of an idempotent create, nil when
// the key is new.
func (s *Service) replayCreate(ctx context.Context, idem *Idempotency) (*Created, error) {
	rec, err := s.store.Idempotency(ctx, idem.KeyHash)
	if errs.KindOf(err) == errs.NotFound {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if rec.RequestHash != idem.RequestHash {
		return nil, errs.E(errs.Conflict, "this Idempotency-Key was already used with a different request")
	}
	a, _, err := s.store.Assessment(ctx, rec.AssessmentID)
	if err != nil {
		return nil, err
	}
	return &Created{Assessment: a, Token: rec.Token, Replayed: true}, nil
}

// score scores a draft on its own questionnaire version and marks it
// submitted.
func (s *Service) score(ctx context.Context, q *questionnaire.Questionnaire, a *Assessment, elapsed time.Duration, now time.Time) error {
	if missing := q.Missing(a.Answers, "$.answers"); len(missing) > 0 {
		return errs.Fields("answer every required item before submitting", missing...)
	}
	snap, err := s.catalogs.Snapshot(ctx)
	if err != nil {
		return err
	}
	r, err := scoring.Score(scoring.Input{Questionnaire: q, Catalog: snap.Catalog, Answers: a.Answers, Elapsed: elapsed})
	if err != nil {
		return err
	}
	r.CatalogVersion = snap.Version
	a.Result, a.Status, a.SubmittedAt, a.UpdatedAt = &r, Submitted, &now, now
	return nil
}

// Get returns an assessment to whoever may see it: its owner, or, while it
// is anonymous, the holder of its token. Anyone else gets the same NotFound
// as for a missing assessment, so ids cannot be probed.
func (s *Service) Get(ctx context.Context, id string, who Access) (*Assessment, error) {
	if who.Token == "" && who.UserID == "" {
		return nil, errs.E(errs.Unauthenticated, "sign in, or send the assessment's token in X-Assessment-Token")
	}
	if _, err := uuid.Parse(id); err != nil {
		return nil, errs.E(errs.NotFound, "no assessment %q", id)
	}
	a, hash, err := s.store.Assessment(ctx, id)
	if err != nil {
		return nil, err
	}
	switch {
	case a.OwnerID != "" && a.OwnerID == who.UserID:
		return a, nil
	case a.OwnerID == "" && tokenMatches(who.Token, hash):
		return a, nil
	}
	return nil, errs.E(errs.NotFound, "no assessment %q", id)
}

// Claim gives an anonymous assessment to the signed-in user who presents
// its token. The token stops working: from now on the account is the key.
// Claiming one's own assessment again is a no-op.
func (s *Service) Claim(ctx context.Context, id, token, userID string) (*Assessment, error) {
	if _, err := uuid.Parse(id); err != nil {
		return nil, errs.E(errs.NotFound, "no assessment %q", id)
	}
	a, hash, err := s.store.Assessment(ctx, id)
	if err != nil {
		return nil, err
	}
	if a.OwnerID == userID {
		return a, nil
	}
	if a.OwnerID != "" || !tokenMatches(token, hash) {
		return nil, errs.E(errs.NotFound, "no assessment %q", id)
	}
	if err := s.store.ClaimAssessment(ctx, id, userID); err != nil {
		return nil, err
	}
	a.OwnerID = userID
	return a, nil
}

// Mine lists a user's assessments, newest first.
func (s *Service) Mine(ctx context.Context, userID string) ([]*Assessment, error) {
	return s.store.AssessmentsOf(ctx, userID)
}

// MergeAnswers merges answers into a draft: new items are added, answered
// ones replaced, and an item sent as null is cleared (a person who unticks
// every box of a question takes the answer back).
func (s *Service) MergeAnswers(ctx context.Context, id string, who Access, raw map[string]json.RawMessage) (*Assessment, error) {
	a, err := s.Get(ctx, id, who)
	if err != nil {
		return nil, err
	}
	if a.Status != Draft {
		return nil, errs.E(errs.Conflict, "assessment %s is already submitted; start a new one to answer again", id)
	}
	q, err := s.Version(ctx, a.Questionnaire, a.QuestionnaireVersion)
	if err != nil {
		return nil, err
	}
	cleared, rest := splitCleared(q, raw)
	answers, err := q.ParseAnswers(rest, "$.answers")
	if err != nil {
		return nil, err
	}
	merged := make(questionnaire.Answers, len(a.Answers)+len(answers))
	for k, v := range a.Answers {
		merged[k] = v
	}
	for k, v := range answers {
		merged[k] = v
	}
	for _, k := range cleared {
		delete(merged, k)
	}
	now := s.now()
	if err := s.store.SaveDraftAnswers(ctx, id, merged, now); err != nil {
		return nil, err
	}
	a.Answers, a.UpdatedAt = merged, now
	return a, nil
}

// Submit scores a draft on the questionnaire version it was started on.
// With an Idempotency-Key, a retry returns the first outcome.
func (s *Service) Submit(ctx context.Context, id string, who Access, idempotencyKey string) (a *Assessment, replayed bool, err error) {
	a, err = s.Get(ctx, id, who)
	if err != nil {
		return nil, false, err
	}
	var idem *Idempotency
	if idempotencyKey != "" {
		idem = &Idempotency{KeyHash: hashParts("submit", id, idempotencyKey), RequestHash: hashParts("submit", id)}
	}
	if a.Status != Draft {
		// Only a submitted assessment can have a record under this key (the
		// key's hash includes the id, and the record is written with the
		// submission), so a draft skips the lookup: one query fewer on the
		// path every submission takes.
		if idem != nil {
			rec, err := s.store.Idempotency(ctx, idem.KeyHash)
			switch {
			case err == nil && rec.AssessmentID == id:
				return a, true, nil
			case err != nil && errs.KindOf(err) != errs.NotFound:
				return nil, false, err
			}
		}
		return nil, false, errs.E(errs.Conflict, "assessment %s is already submitted", id)
	}
	q, err := s.Version(ctx, a.Questionnaire, a.QuestionnaireVersion)
	if err != nil {
		return nil, false, err
	}
	now := s.now()
	if err := s.score(ctx, q, a, now.Sub(a.CreatedAt), now); err != nil {
		return nil, false, err
	}
	if idem != nil {
		idem.AssessmentID, idem.CreatedAt = id, now
	}
	if err := s.store.SubmitAssessment(ctx, a, idem); err != nil {
		if idem != nil && errs.KindOf(err) == errs.Conflict {
			// A concurrent request with the same key won the race.
			if rec, rerr := s.store.Idempotency(ctx, idem.KeyHash); rerr == nil && rec.AssessmentID == id {
				a, _, err := s.store.Assessment(ctx, id)
				return a, true, err
			}
		}
		return nil, false, err
	}
	return a, false, nil
}

// splitCleared separates the items of q sent as JSON null (to be cleared)
// from the answers to parse. A null for an unknown id stays with the
// answers, so the parser reports the id as it reports any other.
func splitCleared(q *questionnaire.Questionnaire, raw map[string]json.RawMessage) (cleared []string, rest map[string]json.RawMessage) {
	rest = make(map[string]json.RawMessage, len(raw))
	for k, v := range raw {
		if _, known := q.Item(k); known && bytes.Equal(bytes.TrimSpace(v), []byte("null")) {
			cleared = append(cleared, k)
			continue
		}
		rest[k] = v
	}
	return cleared, rest
}
