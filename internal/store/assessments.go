package store

import (
	"context"
	"errors"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

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
	Result               *jsonCol[scoring.Result]
	ScoringVersion       *string
	RecommendedRole      *string
	Lean                 *string
	Fit                  *int
	CreatedAt            time.Time
	UpdatedAt            time.Time
	SubmittedAt          *time.Time
}

func (assessmentRow) TableName() string { return "assessments" }

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
		res := jsonOf(*r)
		row.Result = &res
		row.ScoringVersion = &r.ScoringVersion
		row.RecommendedRole = &r.RecommendedRole
		row.Lean = &r.Orientation.Lean
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
		res := r.Result.V
		a.Result = &res
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
		if err := insertIdempotency(tx, idem); err != nil {
			return err
		}
		if a.OwnerID != "" && a.Status == assessment.Submitted {
			return setLatest(tx, a.OwnerID, a.ID)
		}
		return nil
	})
	return translate(err, "assessment")
}

func insertIdempotency(tx *gorm.DB, idem *assessment.Idempotency) error {
	if idem == nil {
		return nil
	}
	res := tx.Clauses(clause.OnConflict{DoNothing: true}).Create(&idempotencyRow{
		KeyHash: idem.KeyHash, RequestHash: idem.RequestHash, AssessmentID: idem.AssessmentID,
		Token: idem.Token, CreatedAt: idem.CreatedAt,
	})
	if res.Error != nil {
		return res.Error
	}
	if res.RowsAffected == 0 {
		return errs.E(errs.Conflict, "this Idempotency-Key is already in use")
	}
	return nil
}

// Assessment returns an assessment and its token hash.
func (db *DB) Assessment(ctx context.Context, id string) (*assessment.Assessment, string, error) {
	var row assessmentRow
	if err := db.gorm.WithContext(ctx).Take(&row, "id = ?", id).Error; err != nil {
		return nil, "", translate(err, "assessment")
	}
	return assessmentFromRow(row), row.TokenHash, nil
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
	row := assessmentToRow(a, "")
	err := db.gorm.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		res := tx.Model(&assessmentRow{}).
			Where("id = ? AND status = ?", a.ID, string(assessment.Draft)).
			Updates(map[string]any{
				"status": row.Status, "answers": row.Answers, "result": row.Result,
				"scoring_version": row.ScoringVersion, "recommended_role": row.RecommendedRole,
				"lean": row.Lean, "fit": row.Fit, "updated_at": row.UpdatedAt, "submitted_at": row.SubmittedAt,
			})
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return errs.E(errs.Conflict, "assessment %s is already submitted", a.ID)
		}
		if err := insertIdempotency(tx, idem); err != nil {
			return err
		}
		if a.OwnerID == "" {
			return nil
		}
		return setLatest(tx, a.OwnerID, a.ID)
	})
	return translate(err, "assessment")
}

// setLatest records assessment id as the owner's latest result if it is
// submitted and newer than the one recorded.
func setLatest(tx *gorm.DB, ownerID, id string) error {
	var row assessmentRow
	if err := tx.Take(&row, "id = ?", id).Error; err != nil {
		return err
	}
	if row.SubmittedAt == nil || row.Result == nil {
		return nil
	}
	r := row.Result.V
	fit := -1
	if len(r.Roles) > 0 {
		fit = r.Roles[0].Fit
	}
	return tx.Model(&userRow{}).
		Where("id = ? AND (latest_submitted_at IS NULL OR latest_submitted_at <= ?)", ownerID, *row.SubmittedAt).
		Updates(map[string]any{
			"latest_assessment_id": id, "latest_role": r.RecommendedRole, "latest_lean": r.Orientation.Lean,
			"latest_fit": fit, "latest_submitted_at": *row.SubmittedAt,
		}).Error
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
		return setLatest(tx, ownerID, id)
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
