// Package assessment runs questionnaires for people: it publishes
// questionnaire versions, keeps drafts, scores submissions on the version
// they were started on, and makes retried creates and submits idempotent.
package assessment

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"time"

	"github.com/pmpath/pmpath/internal/catalog"
	"github.com/pmpath/pmpath/internal/questionnaire"
	"github.com/pmpath/pmpath/internal/scoring"
)

// Status is where an assessment is in its life.
type Status string

// The statuses.
const (
	Draft     Status = "draft"
	Submitted Status = "submitted"
)

// Assessment is one person's attempt at one questionnaire version.
type Assessment struct {
	ID string
	// OwnerID is the account that owns it; empty while anonymous.
	OwnerID              string
	Questionnaire        string
	QuestionnaireVersion int
	Status               Status
	Answers              questionnaire.Answers
	Result               *scoring.Result
	CreatedAt            time.Time
	UpdatedAt            time.Time
	SubmittedAt          *time.Time
}

// Idempotency is a stored outcome of a create or submit, kept under the
// client's Idempotency-Key so a retry gets the first answer.
type Idempotency struct {
	// KeyHash identifies the key within its operation (a hash; the key is
	// never stored).
	KeyHash string
	// RequestHash fingerprints the request the key was first used with.
	RequestHash  string
	AssessmentID string
	// Token is the anonymous access token handed out by the first create,
	// so its replay can hand out the same one.
	Token     string
	CreatedAt time.Time
}

// Store is what the service needs from storage.
type Store interface {
	// PublishQuestionnaire stores a version if it is new. It returns a
	// Conflict error if that slug and version exist with other content.
	PublishQuestionnaire(ctx context.Context, q *questionnaire.Questionnaire, contentHash string, at time.Time) (bool, error)
	// Questionnaires lists every published version.
	Questionnaires(ctx context.Context) ([]*questionnaire.Questionnaire, error)
	// CreateAssessment stores a new assessment with its token hash and,
	// when idem is not nil, the idempotency record, in one transaction.
	CreateAssessment(ctx context.Context, a *Assessment, tokenHash string, idem *Idempotency) error
	// Assessment returns an assessment and its token hash.
	Assessment(ctx context.Context, id string) (*Assessment, string, error)
	// SaveDraftAnswers replaces a draft's answers; Conflict if it is no
	// longer a draft.
	SaveDraftAnswers(ctx context.Context, id string, answers questionnaire.Answers, at time.Time) error
	// SubmitAssessment stores the answers and result of a draft and, when
	// idem is not nil, the idempotency record, in one transaction;
	// Conflict if it is no longer a draft.
	SubmitAssessment(ctx context.Context, a *Assessment, idem *Idempotency) error
	// Idempotency returns the record for a key hash, or NotFound.
	Idempotency(ctx context.Context, keyHash string) (*Idempotency, error)
	// ClaimAssessment gives an anonymous assessment to ownerID and voids
	// its token; Conflict if someone else owns it.
	ClaimAssessment(ctx context.Context, id, ownerID string) error
	// AssessmentsOf lists an owner's assessments, newest first.
	AssessmentsOf(ctx context.Context, ownerID string) ([]*Assessment, error)
	// SubmittedAnswers returns the Likert answers of every submitted
	// assessment of one questionnaire version.
	SubmittedAnswers(ctx context.Context, slug string, version int) ([]map[string]int, error)
}

// Access is who asks for an assessment: a signed-in user, the holder of
// an anonymous assessment's token, or both.
type Access struct {
	UserID string
	Token  string
}

// Clock tells the time; tests pass a fixed one.
type Clock func() time.Time

// Service runs assessments.
type Service struct {
	store    Store
	catalogs *catalog.Service
	now      Clock
	qs       *registry
}

// NewService returns a Service. Call Publish before serving.
func NewService(store Store, catalogs *catalog.Service, now Clock) *Service {
	// Times are kept to the microsecond, as PostgreSQL stores them, so a
	// response built in memory equals one read back later.
	micro := func() time.Time { return now().UTC().Truncate(time.Microsecond) }
	return &Service{store: store, catalogs: catalogs, now: micro, qs: newRegistry()}
}

// newToken returns a random access token and its stored hash.
func newToken() (token, hash string) {
	var b [32]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic(err) // crypto/rand never fails on supported platforms
	}
	token = base64.RawURLEncoding.EncodeToString(b[:])
	return token, hashToken(token)
}

func hashToken(token string) string {
	sum := sha256.Sum256([]byte("pmpath-assessment-token:" + token))
	return hex.EncodeToString(sum[:])
}

// tokenMatches compares a presented token with a stored hash in constant
// time.
func tokenMatches(token, hash string) bool {
	if token == "" || hash == "" {
		return false
	}
	return subtle.ConstantTimeCompare([]byte(hashToken(token)), []byte(hash)) == 1
}

func hashParts(parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))
}
