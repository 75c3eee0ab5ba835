package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"gorm.io/gorm"

	"github.com/pmpath/pmpath/internal/assessment"
	"github.com/pmpath/pmpath/internal/errs"
	"github.com/pmpath/pmpath/internal/questionnaire"
	"github.com/pmpath/pmpath/internal/scoring"
)

type questionnaireRow struct {
	ID          int64 `gorm:"primaryKey"`
	Slug        string
	Version     int
	Definition  jsonCol[*questionnaire.Questionnaire]
	ContentHash string
	PublishedAt time.Time
}

func (questionnaireRow) TableName() string { return "questionnaires" }

type assessmentRow struct {
	ID                   string `gorm:"primaryKey"`
	OwnerID              *string
	QuestionnaireSlug    string
	QuestionnaireVersion int
	Status               string
	TokenHash            string
	Answers              jsonCol[questionnaire.Answers]
	Result               *jsonCol[resultRow]
	ScoringVersion       *string
	RecommendedRole      *string
	Lean                 *string
	Fit                  *int
	CreatedAt            time.Time
	UpdatedAt            time.Time
	SubmittedAt          *time.Time
}

func (assessmentRow) TableName() string { return "assessments" }

// statements is the SQL of the path every quiz submission takes (read the
// draft, store the result and the Idempotency-Key record, and for a
// signed-in owner the latest result), written out rather than built by
// GORM on each call: GORM's reflection cost about as much CPU as the
// scoring. Each is prepared once per connection: by pgx's statement cache
// on PostgreSQL, as a database/sql statement on SQLite, whose driver would
// otherwise compile it on every call. cmd/loadbench/submit.pgbench runs
// the same statements.
type statements struct {
	assessment, submit, insertIdempotency, setLatest string

	prepare bool // SQLite
	// prepared holds every statement by query once prepareAll has run.
	prepared atomic.Pointer[map[string]*sql.Stmt]
}

func newStatements(d Dialect) *statements {
	return &statements{
		prepare: d == SQLite,
		assessment: placeholders(d, "SELECT id, owner_id, questionnaire_slug, questionnaire_version, status, token_hash, answers, result, "+
			"created_at, updated_at, submitted_at FROM assessments WHERE id = ?"),
		submit: placeholders(d, "UPDATE assessments SET answers = ?, fit = ?, lean = ?, recommended_role = ?, result = ?, "+
			"scoring_version = ?, status = ?, submitted_at = ?, updated_at = ? WHERE id = ? AND status = 'draft'"),
		insertIdempotency: placeholders(d, "INSERT INTO idempotency_keys (key_hash, request_hash, assessment_id, token, created_at) "+
			"VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"),
		setLatest: placeholders(d, "UPDATE users SET latest_assessment_id = ?, latest_fit = ?, latest_lean = ?, latest_role = ?, "+
			"latest_submitted_at = ?, updated_at = ? WHERE id = ? AND (latest_submitted_at IS NULL OR latest_submitted_at <= ?)"),
	}
}

// stmt returns query prepared, or nil to send it as text: on PostgreSQL,
// and on SQLite until prepareAll has run.
func (s *statements) stmt(query string) *sql.Stmt {
	if m := s.prepared.Load(); m != nil {
		return (*m)[query]
	}
	return nil
}

// prepareAll prepares the statements on SQLite, once. Preparing takes a
// connection of the pool, so the caller must hold none: a transaction
// waiting for one while it holds SQLite's write lock would wait for the
// transactions queued behind that lock, until the busy timeout. It is not
// done when the DB opens, because the tables exist only once migrated.
func (s *statements) prepareAll(ctx context.Context, db *sql.DB) error {
	if !s.prepare || s.prepared.Load() != nil {
		return nil
	}
	m := map[string]*sql.Stmt{}
	closeAll := func() {
		for _, st := range m {
			st.Close()
		}
	}
	for _, q := range []string{s.assessment, s.submit, s.insertIdempotency, s.setLatest} {
		st, err := db.PrepareContext(ctx, q)
		if err != nil {
			closeAll()
			return err
		}
		m[q] = st
	}
	if !s.prepared.CompareAndSwap(nil, &m) {
		closeAll() // another request prepared them first
	}
	return nil
}

// placeholders numbers the ? placeholders of query $1, $2, ... for
// PostgreSQL; SQLite takes them as they are. The queries it is given hold
// no ? of their own.
func placeholders(d Dialect, query string) string {
	if d != Postgres {
		return query
	}
	var b strings.Builder
	n := 0
	for _, r := range query {
		if r != '?' {
			b.WriteRune(r)
			continue
		}
		n++
		b.WriteString("$" + strconv.Itoa(n))
	}
	return b.String()
}

type idempotencyRow struct {
	KeyHash      string `gorm:"primaryKey"`
	RequestHash  string
	AssessmentID string
	Token        string
	CreatedAt    time.Time
}

func (idempotencyRow) TableName() string { return "idempotency_keys" }

// PublishQuestionnaire stores a questionnaire version unless it exists. An
// existing version with other content is a Conflict: published versions
// never change.
func (db *DB) PublishQuestionnaire(ctx context.Context, q *questionnaire.Questionnaire, contentHash string, at time.Time) (bool, error) {
	var created bool
	err := db.gorm.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var existing questionnaireRow
		err := tx.Where("slug = ? AND version = ?", q.Slug, q.Version).Take(&existing).Error
		switch {
		case err == nil && existing.ContentHash == contentHash:
			return nil
		case err == nil:
			return errs.E(errs.Conflict, "%s version %d is already published with other content; publish a new version instead", q.Slug, q.Version)
		case !errors.Is(err, gorm.ErrRecordNotFound):
			return err
		}
		created = true
		return tx.Create(&questionnaireRow{Slug: q.Slug, Version: q.Version, Definition: jsonOf(q), ContentHash: contentHash, PublishedAt: at}).Error
	})
	return created, translate(err, "questionnaire")
}

// Questionnaires returns every published version, by slug and version.
func (db *DB) Questionnaires(ctx context.Context) ([]*questionnaire.Questionnaire, error) {
	var rows []questionnaireRow
	if err := db.gorm.WithContext(ctx).Order("slug, version").Find(&rows).Error; err != nil {
		return nil, translate(err, "questionnaire")
	}
	out := make([]*questionnaire.Questionnaire, len(rows))
	for i, r := range rows {
		out[i] = r.Definition.V
	}
	return out, nil
}

func assessmentToRow(a *assessment.Assessment, tokenHash string) assessmentRow {
	row := assessmentRow{
		ID: a.ID, QuestionnaireSlug: a.Questionnaire, QuestionnaireVersion: a.QuestionnaireVersion,
		Status: string(a.Status), TokenHash: tokenHash, Answers: jsonOf(a.Answers),
		CreatedAt: a.CreatedAt, UpdatedAt: a.UpdatedAt, SubmittedAt: a.SubmittedAt,
	}
	if a.OwnerID != "" {
		row.OwnerID = &a.OwnerID
	}
	if r := a.Result; r != nil {
		res := jsonOf(resultToRow(r))
		row.Result = &res
		row.ScoringVersion = &r.ScoringVersion
		row.RecommendedRole = &r.RecommendedRole
		lean := string(r.Orientation.Lean)
		row.Lean = &lean
		if len(r.Roles) > 0 {
			row.Fit = &r.Roles[0].Fit
		}
	}
	return row
}

func assessmentFromRow(r assessmentRow) *assessment.Assessment {
	a := &assessment.Assessment{
		ID: r.ID, Questionnaire: r.QuestionnaireSlug, QuestionnaireVersion: r.QuestionnaireVersion,
		Status: assessment.Status(r.Status), Answers: r.Answers.V,
		CreatedAt: r.CreatedAt.UTC(), UpdatedAt: r.UpdatedAt.UTC(),
	}
	if a.Answers == nil {
		a.Answers = questionnaire.Answers{}
	}
	if r.OwnerID != nil {
		a.OwnerID = *r.OwnerID
	}
	if r.SubmittedAt != nil {
		t := r.SubmittedAt.UTC()
		a.SubmittedAt = &t
	}
	if r.Result != nil {
		a.Result = r.Result.V.toResult()
	}
	return a
}

// CreateAssessment stores a new assessment and its idempotency record
// together. A key already taken is a Conflict.
func (db *DB) CreateAssessment(ctx context.Context, a *assessment.Assessment, tokenHash string, idem *assessment.Idempotency) error {
	err := db.gorm.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		row := assessmentToRow(a, tokenHash)
		if err := tx.Create(&row).Error; err != nil {
			return err
		}
		// The GORM transaction's connection runs the same statements as
		// the submit path.
		if err := db.insertIdempotency(ctx, tx.Statement.ConnPool, idem); err != nil {
			return err
		}
		if a.OwnerID != "" && a.Status == assessment.Submitted {
			return db.setLatest(ctx, tx.Statement.ConnPool, a.OwnerID, a.ID, a.SubmittedAt, a.Result)
		}
		return nil
	})
	return translate(err, "assessment")
}

// execer runs a statement: a *sql.Tx, or the connection of a GORM
// transaction.
type execer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

func (db *DB) insertIdempotency(ctx context.Context, tx execer, idem *assessment.Idempotency) error {
	if idem == nil {
		return nil
	}
	created := idem.CreatedAt
	if created.IsZero() {
		created = db.gorm.NowFunc()
	}
	n, err := db.exec(ctx, tx, db.stmts.insertIdempotency, idem.KeyHash, idem.RequestHash, idem.AssessmentID, idem.Token, created)
	if err != nil {
		return err
	}
	if n == 0 {
		return errs.E(errs.Conflict, "this Idempotency-Key is already in use")
	}
	return nil
}

// exec runs one of the statements in tx and returns the rows it affected.
func (db *DB) exec(ctx context.Context, tx execer, query string, args ...any) (int64, error) {
	begin := time.Now()
	res, err := db.execIn(ctx, tx, query, args)
	n := int64(0)
	if err == nil {
		n, err = res.RowsAffected()
	}
	db.trace(ctx, begin, query, n, err)
	return n, err
}

func (db *DB) execIn(ctx context.Context, tx execer, query string, args []any) (sql.Result, error) {
	// A GORM transaction's connection is a *sql.Tx too. The statement is
	// prepared on the transaction's connection if it is not yet.
	if st := db.stmts.stmt(query); st != nil {
		if sqlTx, ok := tx.(*sql.Tx); ok {
			return sqlTx.StmtContext(ctx, st).ExecContext(ctx, args...)
		}
	}
	return tx.ExecContext(ctx, query, args...)
}

// trace reports a statement to GORM's logger as GORM reports its own, so
// slow and failed statements are logged alike whichever way they were
// sent. A missing row is no failure, as for GORM.
func (db *DB) trace(ctx context.Context, begin time.Time, query string, rows int64, err error) {
	if errors.Is(err, sql.ErrNoRows) {
		err = gorm.ErrRecordNotFound
	}
	db.gorm.Logger.Trace(ctx, begin, func() (string, int64) { return query, rows }, err)
}

// Assessment returns an assessment and its token hash.
func (db *DB) Assessment(ctx context.Context, id string) (*assessment.Assessment, string, error) {
	var (
		a                 assessment.Assessment
		owner             sql.NullString
		status, tokenHash string
		answers, result   []byte
		submitted         sql.NullTime
	)
	// Every submission reads its draft first, holding no connection yet:
	// the moment to prepare the statements it goes on to use.
	if err := db.stmts.prepareAll(ctx, db.sql); err != nil {
		return nil, "", translate(err, "assessment")
	}
	begin := time.Now()
	var row *sql.Row
	if st := db.stmts.stmt(db.stmts.assessment); st != nil {
		row = st.QueryRowContext(ctx, id)
	} else {
		row = db.sql.QueryRowContext(ctx, db.stmts.assessment, id)
	}
	err := row.Scan(&a.ID, &owner, &a.Questionnaire, &a.QuestionnaireVersion,
		&status, &tokenHash, &answers, &result, &a.CreatedAt, &a.UpdatedAt, &submitted)
	db.trace(ctx, begin, db.stmts.assessment, 1, err)
	if err != nil {
		return nil, "", translate(err, "assessment")
	}
	a.Status, a.OwnerID = assessment.Status(status), owner.String
	a.CreatedAt, a.UpdatedAt = a.CreatedAt.UTC(), a.UpdatedAt.UTC()
	if submitted.Valid {
		t := submitted.Time.UTC()
		a.SubmittedAt = &t
	}
	if err := a.Answers.UnmarshalJSON(answers); err != nil {
		return nil, "", fmt.Errorf("assessment %s: stored answers: %w", id, err)
	}
	if result != nil {
		if a.Result, err = decodeResult(result); err != nil {
			return nil, "", fmt.Errorf("assessment %s: stored result: %w", id, err)
		}
	}
	return &a, tokenHash, nil
}

// SaveDraftAnswers replaces a draft's answers.
func (db *DB) SaveDraftAnswers(ctx context.Context, id string, answers questionnaire.Answers, at time.Time) error {
	res := db.gorm.WithContext(ctx).Model(&assessmentRow{}).
		Where("id = ? AND status = ?", id, string(assessment.Draft)).
		Updates(map[string]any{"answers": jsonOf(answers), "updated_at": at})
	if res.Error != nil {
		return translate(res.Error, "assessment")
	}
	if res.RowsAffected == 0 {
		return errs.E(errs.Conflict, "assessment %s is no longer a draft", id)
	}
	return nil
}

// SubmitAssessment stores a scored draft; only a draft can be submitted,
// so of two concurrent submits exactly one wins.
func (db *DB) SubmitAssessment(ctx context.Context, a *assessment.Assessment, idem *assessment.Idempotency) error {
	return translate(db.submitAssessment(ctx, a, idem), "assessment")
}

func (db *DB) submitAssessment(ctx context.Context, a *assessment.Assessment, idem *assessment.Idempotency) error {
	// Encoded before the transaction opens, so it stays as short as the
	// statements.
	answers, err := a.Answers.MarshalJSON()
	if err != nil {
		return err
	}
	var result, scoringVersion, role, lean, fit, submittedAt any
	if r := a.Result; r != nil {
		b, err := encodeResult(r)
		if err != nil {
			return err
		}
		result, scoringVersion, role, lean = string(b), r.ScoringVersion, r.RecommendedRole, string(r.Orientation.Lean)
		if len(r.Roles) > 0 {
			fit = r.Roles[0].Fit
		}
	}
	if a.SubmittedAt != nil {
		submittedAt = *a.SubmittedAt
	}

	tx, err := db.sql.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback() // a no-op once committed
	n, err := db.exec(ctx, tx, db.stmts.submit,
		string(answers), fit, lean, role, result, scoringVersion, string(a.Status), submittedAt, a.UpdatedAt, a.ID)
	if err != nil {
		return err
	}
	if n == 0 {
		return errs.E(errs.Conflict, "assessment %s is already submitted", a.ID)
	}
	if err := db.insertIdempotency(ctx, tx, idem); err != nil {
		return err
	}
	if a.OwnerID != "" {
		if err := db.setLatest(ctx, tx, a.OwnerID, a.ID, a.SubmittedAt, a.Result); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// setLatest records assessment id, stored with submittedAt and r, as the
// owner's latest result if it is submitted and newer than the one
// recorded. The caller has the values at hand (it has just written or
// read them in the same transaction), so the row is not read again.
func (db *DB) setLatest(ctx context.Context, tx execer, ownerID, id string, submittedAt *time.Time, r *scoring.Result) error {
	if submittedAt == nil || r == nil {
		return nil
	}
	fit := -1
	if len(r.Roles) > 0 {
		fit = r.Roles[0].Fit
	}
	_, err := db.exec(ctx, tx, db.stmts.setLatest,
		id, fit, string(r.Orientation.Lean), r.RecommendedRole, *submittedAt, db.gorm.NowFunc(), ownerID, *submittedAt)
	return err
}

// ClaimAssessment gives an anonymous assessment to ownerID.
func (db *DB) ClaimAssessment(ctx context.Context, id, ownerID string) error {
	err := db.gorm.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		res := tx.Model(&assessmentRow{}).Where("id = ? AND owner_id IS NULL", id).
			Updates(map[string]any{"owner_id": ownerID, "token_hash": "claimed"})
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return errs.E(errs.Conflict, "assessment %s already has an owner", id)
		}
		// The anonymous token must not come back through an idempotent replay.
		if err := tx.Where("assessment_id = ?", id).Delete(&idempotencyRow{}).Error; err != nil {
			return err
		}
		var row assessmentRow
		if err := tx.Select("submitted_at", "result").Take(&row, "id = ?", id).Error; err != nil {
			return err
		}
		var r *scoring.Result
		if row.Result != nil {
			r = row.Result.V.toResult()
		}
		return db.setLatest(ctx, tx.Statement.ConnPool, ownerID, id, row.SubmittedAt, r)
	})
	return translate(err, "assessment")
}

// AssessmentsOf lists an owner's assessments, newest first.
func (db *DB) AssessmentsOf(ctx context.Context, ownerID string) ([]*assessment.Assessment, error) {
	var rows []assessmentRow
	if err := db.gorm.WithContext(ctx).Where("owner_id = ?", ownerID).Order("created_at DESC, id DESC").Limit(500).Find(&rows).Error; err != nil {
		return nil, translate(err, "assessment")
	}
	out := make([]*assessment.Assessment, len(rows))
	for i, r := range rows {
		out[i] = assessmentFromRow(r)
	}
	return out, nil
}

// Idempotency returns the record stored under keyHash.
func (db *DB) Idempotency(ctx context.Context, keyHash string) (*assessment.Idempotency, error) {
	var row idempotencyRow
	if err := db.gorm.WithContext(ctx).Take(&row, "key_hash = ?", keyHash).Error; err != nil {
		return nil, translate(err, "idempotency key")
	}
	return &assessment.Idempotency{
		KeyHash: row.KeyHash, RequestHash: row.RequestHash, AssessmentID: row.AssessmentID,
		Token: row.Token, CreatedAt: row.CreatedAt.UTC(),
	}, nil
}
