package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/pmpath/pmpath/internal/account"
	"github.com/pmpath/pmpath/internal/advising"
	"github.com/pmpath/pmpath/internal/assessment"
	"github.com/pmpath/pmpath/internal/audit"
	"github.com/pmpath/pmpath/internal/construct"
	"github.com/pmpath/pmpath/internal/errs"
	"github.com/pmpath/pmpath/internal/listing"
	"github.com/pmpath/pmpath/internal/progress"
)

type shareRow struct {
	CandidateID string `gorm:"primaryKey"`
	AdvisorID   string `gorm:"primaryKey"`
	CreatedAt   time.Time
}

func (shareRow) TableName() string { return "shares" }

type noteRow struct {
	ID          string `gorm:"primaryKey"`
	AdvisorID   string
	CandidateID string
	Body        string
	CreatedAt   time.Time
}

func (noteRow) TableName() string { return "advisor_notes" }

type progressRow struct {
	UserID    string `gorm:"primaryKey"`
	StepID    string `gorm:"primaryKey"`
	Status    string
	UpdatedAt time.Time
}

func (progressRow) TableName() string { return "roadmap_progress" }

type auditRow struct {
	ID        int64 `gorm:"primaryKey"`
	At        time.Time
	ActorID   *string
	ActorRole string
	Action    string
	SubjectID *string
	Detail    string
	RequestID string
}

func (auditRow) TableName() string { return "audit_log" }

// AddShare shares a candidate's results with an advisor; again is a no-op.
func (db *DB) AddShare(ctx context.Context, candidateID, advisorID string, at time.Time) (*advising.Share, error) {
	tx := db.gorm.WithContext(ctx)
	if err := tx.Clauses(clause.OnConflict{DoNothing: true}).Create(&shareRow{CandidateID: candidateID, AdvisorID: advisorID, CreatedAt: at}).Error; err != nil {
		return nil, translate(err, "share")
	}
	shares, err := db.SharesOf(ctx, candidateID)
	if err != nil {
		return nil, err
	}
	for _, s := range shares {
		if s.AdvisorID == advisorID {
			return &s, nil
		}
	}
	// Unclassified, so Internal: the row was just written.
	return nil, errors.New("store: share not found after insert")
}

// RemoveShare takes a share back; NotFound when there was none.
func (db *DB) RemoveShare(ctx context.Context, candidateID, advisorID string) error {
	res := db.gorm.WithContext(ctx).Delete(&shareRow{}, "candidate_id = ? AND advisor_id = ?", candidateID, advisorID)
	if res.Error != nil {
		return translate(res.Error, "share")
	}
	if res.RowsAffected == 0 {
		return errs.E(errs.NotFound, "you do not share with advisor %s", advisorID)
	}
	return nil
}

// SharesOf lists the advisors a candidate shares with.
func (db *DB) SharesOf(ctx context.Context, candidateID string) ([]advising.Share, error) {
	var rows []struct {
		AdvisorID   string
		DisplayName string
		CreatedAt   time.Time
	}
	err := db.gorm.WithContext(ctx).Table("shares").
		Select("shares.advisor_id, users.display_name, shares.created_at").
		Joins("JOIN users ON users.id = shares.advisor_id").
		Where("shares.candidate_id = ?", candidateID).
		Order("shares.created_at, shares.advisor_id").Scan(&rows).Error
	if err != nil {
		return nil, translate(err, "share")
	}
	out := make([]advising.Share, len(rows))
	for i, r := range rows {
		out[i] = advising.Share{AdvisorID: r.AdvisorID, AdvisorName: r.DisplayName, CandidateID: candidateID, CreatedAt: r.CreatedAt.UTC()}
	}
	return out, nil
}

type listedRow struct {
	ID                string
	DisplayName       string
	LatestRole        string
	LatestLean        string
	LatestFit         int
	LatestSubmittedAt time.Time
	SharedAt          *time.Time
}

// candidateQuery applies a filter, sort and keyset cursor to q, which
// selects from users. Every value is a bound parameter and every column and
// direction comes from this function, never from the caller.
func candidateQuery(q *gorm.DB, f listing.Filter) *gorm.DB {
	q = q.Where("users.latest_assessment_id IS NOT NULL")
	if f.Role != "" {
		q = q.Where("users.latest_role = ?", f.Role)
	}
	if f.Lean != "" {
		q = q.Where("users.latest_lean = ?", string(f.Lean))
	}
	if f.MinFit > 0 {
		q = q.Where("users.latest_fit >= ?", f.MinFit)
	}
	if f.Query != "" {
		q = q.Where("LOWER(users.display_name) LIKE ? ESCAPE '\\'", "%"+escapeLike(strings.ToLower(f.Query))+"%")
	}
	// The cursor is a row comparison, not the equivalent OR of its parts:
	// both engines turn it into the start of an index range, so a page
	// deep in the list costs what the first one does (see migration 4).
	if f.Sort == listing.ByDate {
		if c := f.After; c != nil {
			q = q.Where("(users.latest_submitted_at, users.id) < (?, ?)", c.At, c.ID)
		}
		q = q.Order("users.latest_submitted_at DESC").Order("users.id DESC")
	} else {
		if c := f.After; c != nil {
			q = q.Where("(users.latest_fit, users.id) < (?, ?)", c.Fit, c.ID)
		}
		q = q.Order("users.latest_fit DESC").Order("users.id DESC")
	}
	return q.Limit(f.Limit + 1)
}

// listCandidates runs candidateQuery.
func listCandidates(q *gorm.DB, f listing.Filter) ([]listing.Row, error) {
	var rows []listedRow
	if err := candidateQuery(q, f).Scan(&rows).Error; err != nil {
		return nil, translate(err, "candidate")
	}
	out := make([]listing.Row, len(rows))
	for i, r := range rows {
		out[i] = listing.Row{
			UserID: r.ID, DisplayName: r.DisplayName, RecommendedRole: r.LatestRole, Lean: construct.Lean(r.LatestLean),
			Fit: r.LatestFit, SubmittedAt: r.LatestSubmittedAt.UTC(),
		}
		if r.SharedAt != nil {
			t := r.SharedAt.UTC()
			out[i].SharedAt = &t
		}
	}
	return out, nil
}

func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// ListSharedCandidates lists the candidates who share with advisorID.
func (db *DB) ListSharedCandidates(ctx context.Context, advisorID string, f listing.Filter) ([]listing.Row, error) {
	return listCandidates(db.sharedCandidates(ctx, advisorID), f)
}

func (db *DB) sharedCandidates(ctx context.Context, advisorID string) *gorm.DB {
	return db.gorm.WithContext(ctx).Table("shares").
		Select("users.id, users.display_name, users.latest_role, users.latest_lean, users.latest_fit, users.latest_submitted_at, shares.created_at AS shared_at").
		Joins("JOIN users ON users.id = shares.candidate_id").
		Where("shares.advisor_id = ?", advisorID)
}

// ExplainSharedCandidates returns the query plan of the advisor listing
// for f: EXPLAIN (ANALYZE, BUFFERS) on PostgreSQL, which runs the query,
// and EXPLAIN QUERY PLAN on SQLite. It explains the very SQL that
// ListSharedCandidates sends, so checking index use cannot drift from it.
func (db *DB) ExplainSharedCandidates(ctx context.Context, advisorID string, f listing.Filter) (string, error) {
	var rows []listedRow
	stmt := candidateQuery(db.sharedCandidates(ctx, advisorID), f).Session(&gorm.Session{DryRun: true}).Scan(&rows).Statement
	explain := "EXPLAIN (ANALYZE, BUFFERS) "
	if db.dialect == SQLite {
		explain = "EXPLAIN QUERY PLAN "
	}
	res, err := db.sql.QueryContext(ctx, explain+stmt.SQL.String(), stmt.Vars...)
	if err != nil {
		return "", translate(err, "query plan")
	}
	defer res.Close()
	cols, err := res.Columns()
	if err != nil {
		return "", err
	}
	var b strings.Builder
	for res.Next() {
		// PostgreSQL answers one text column per plan line; SQLite a row
		// per step whose last column is the step.
		vals := make([]any, len(cols))
		for i := range vals {
			vals[i] = new(any)
		}
		if err := res.Scan(vals...); err != nil {
			return "", err
		}
		switch v := (*vals[len(vals)-1].(*any)).(type) {
		case []byte:
			fmt.Fprintln(&b, string(v))
		default:
			fmt.Fprintln(&b, v)
		}
	}
	return b.String(), translate(res.Err(), "query plan")
}

// ListDiscoverable lists discoverable candidates with a result that
// recommends a role: a sheet refused as unreliable tells a recruiter
// nothing.
func (db *DB) ListDiscoverable(ctx context.Context, f listing.Filter) ([]listing.Row, error) {
	q := db.gorm.WithContext(ctx).Table("users").
		Select("users.id, users.display_name, users.latest_role, users.latest_lean, users.latest_fit, users.latest_submitted_at").
		Where("users.discoverable = ? AND users.role = ? AND users.latest_role <> ''", true, string(account.Candidate))
	return listCandidates(q, f)
}

// SharedCandidate returns a candidate who shares with advisorID.
func (db *DB) SharedCandidate(ctx context.Context, advisorID, candidateID string) (*account.User, time.Time, error) {
	var share shareRow
	if err := db.gorm.WithContext(ctx).Take(&share, "advisor_id = ? AND candidate_id = ?", advisorID, candidateID).Error; err != nil {
		return nil, time.Time{}, translate(err, "candidate")
	}
	u, err := db.UserByID(ctx, candidateID)
	if err != nil {
		return nil, time.Time{}, err
	}
	return u, share.CreatedAt.UTC(), nil
}

// SubmittedAssessmentsOf lists an owner's submitted assessments, oldest
// first.
func (db *DB) SubmittedAssessmentsOf(ctx context.Context, ownerID string) ([]*assessment.Assessment, error) {
	var rows []assessmentRow
	err := db.gorm.WithContext(ctx).Where("owner_id = ? AND status = ?", ownerID, string(assessment.Submitted)).
		Order("submitted_at, id").Limit(200).Find(&rows).Error
	if err != nil {
		return nil, translate(err, "assessment")
	}
	out := make([]*assessment.Assessment, len(rows))
	for i, r := range rows {
		out[i] = assessmentFromRow(r)
	}
	return out, nil
}

// Notes returns one advisor's notes about one candidate, oldest first.
func (db *DB) Notes(ctx context.Context, advisorID, candidateID string) ([]advising.Note, error) {
	var rows []noteRow
	err := db.gorm.WithContext(ctx).Where("advisor_id = ? AND candidate_id = ?", advisorID, candidateID).
		Order("created_at, id").Limit(1000).Find(&rows).Error
	if err != nil {
		return nil, translate(err, "note")
	}
	out := make([]advising.Note, len(rows))
	for i, r := range rows {
		out[i] = advising.Note{ID: r.ID, Body: r.Body, CreatedAt: r.CreatedAt.UTC()}
	}
	return out, nil
}

// AddNote stores a note.
func (db *DB) AddNote(ctx context.Context, advisorID, candidateID string, n advising.Note) error {
	row := noteRow{ID: n.ID, AdvisorID: advisorID, CandidateID: candidateID, Body: n.Body, CreatedAt: n.CreatedAt}
	return translate(db.gorm.WithContext(ctx).Create(&row).Error, "note")
}

func nullable(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// AppendAudit records an audit entry.
func (db *DB) AppendAudit(ctx context.Context, e audit.Entry) error {
	row := auditRow{At: e.At, ActorID: nullable(e.ActorID), ActorRole: e.ActorRole, Action: e.Action, SubjectID: nullable(e.SubjectID), Detail: e.Detail, RequestID: e.RequestID}
	return translate(db.gorm.WithContext(ctx).Create(&row).Error, "audit entry")
}

// AuditLog lists entries newest first.
func (db *DB) AuditLog(ctx context.Context, before int64, limit int) ([]audit.Entry, error) {
	q := db.gorm.WithContext(ctx).Order("id DESC").Limit(limit)
	if before > 0 {
		q = q.Where("id < ?", before)
	}
	var rows []auditRow
	if err := q.Find(&rows).Error; err != nil {
		return nil, translate(err, "audit entry")
	}
	out := make([]audit.Entry, len(rows))
	for i, r := range rows {
		out[i] = audit.Entry{ID: r.ID, At: r.At.UTC(), ActorRole: r.ActorRole, Action: r.Action, Detail: r.Detail, RequestID: r.RequestID}
		if r.ActorID != nil {
			out[i].ActorID = *r.ActorID
		}
		if r.SubjectID != nil {
			out[i].SubjectID = *r.SubjectID
		}
	}
	return out, nil
}

// AuditAbout lists entries whose subject is userID, newest first.
func (db *DB) AuditAbout(ctx context.Context, userID string) ([]audit.Entry, error) {
	var rows []auditRow
	if err := db.gorm.WithContext(ctx).Where("subject_id = ?", userID).Order("id DESC").Limit(1000).Find(&rows).Error; err != nil {
		return nil, translate(err, "audit entry")
	}
	out := make([]audit.Entry, len(rows))
	for i, r := range rows {
		out[i] = audit.Entry{ID: r.ID, At: r.At.UTC(), ActorRole: r.ActorRole, Action: r.Action}
	}
	return out, nil
}

// SetProgress records a step's status.
func (db *DB) SetProgress(ctx context.Context, userID string, m progress.Mark) error {
	row := progressRow{UserID: userID, StepID: m.StepID, Status: m.Status, UpdatedAt: m.UpdatedAt}
	err := db.gorm.WithContext(ctx).Clauses(clause.OnConflict{
		Columns:   []clause.Column{{Name: "user_id"}, {Name: "step_id"}},
		DoUpdates: clause.AssignmentColumns([]string{"status", "updated_at"}),
	}).Create(&row).Error
	return translate(err, "progress")
}

// Progress returns every step a user has marked.
func (db *DB) Progress(ctx context.Context, userID string) ([]progress.Mark, error) {
	var rows []progressRow
	if err := db.gorm.WithContext(ctx).Where("user_id = ?", userID).Order("step_id").Find(&rows).Error; err != nil {
		return nil, translate(err, "progress")
	}
	out := make([]progress.Mark, len(rows))
	for i, r := range rows {
		out[i] = progress.Mark{StepID: r.StepID, Status: r.Status, UpdatedAt: r.UpdatedAt.UTC()}
	}
	return out, nil
}

// SubmittedAnswers returns the answers of every submitted assessment of a
// questionnaire version whose result raised no quality flag, for
// instrument statistics: careless sheets would blur item means and
// reliability.
func (db *DB) SubmittedAnswers(ctx context.Context, slug string, version int) ([]map[string]int, error) {
	var rows []assessmentRow
	err := db.gorm.WithContext(ctx).Select("answers", "result").
		Where("questionnaire_slug = ? AND questionnaire_version = ? AND status = ?", slug, version, string(assessment.Submitted)).
		Find(&rows).Error
	if err != nil {
		return nil, translate(err, "assessment")
	}
	out := make([]map[string]int, 0, len(rows))
	for _, r := range rows {
		if r.Result != nil && len(r.Result.V.Quality.Flags) > 0 {
			continue
		}
		m := make(map[string]int, len(r.Answers.V))
		for id, a := range r.Answers.V {
			if a.Value > 0 {
				m[id] = a.Value
			}
		}
		out = append(out, m)
	}
	return out, nil
}
