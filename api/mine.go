package api

import (
	"maps"
	"net/http"
	"slices"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/pmpath/pmpath/internal/account"
	"github.com/pmpath/pmpath/internal/advising"
	"github.com/pmpath/pmpath/internal/assessment"
	"github.com/pmpath/pmpath/internal/audit"
	"github.com/pmpath/pmpath/internal/catalog"
	"github.com/pmpath/pmpath/internal/errs"
	"github.com/pmpath/pmpath/internal/progress"
	"github.com/pmpath/pmpath/internal/questionnaire"
	"github.com/pmpath/pmpath/internal/scoring"
)

// mineHandlers serve a candidate's own sharing, roadmap and data export.
type mineHandlers struct {
	accounts    *account.Service
	assessments *assessment.Service
	advising    *advising.Service
	progress    *progress.Service
	catalogs    *catalog.Service
	audit       func(c *gin.Context, userID string) ([]audit.Entry, error)
	validate    *validate
}

type shareRequest struct {
	AdvisorEmail string `json:"advisor_email" validate:"required,max=254"`
}

type shareJSON struct {
	AdvisorID   string    `json:"advisor_id"`
	DisplayName string    `json:"display_name"`
	SharedAt    time.Time `json:"shared_at"`
}

func shareOf(s advising.Share) shareJSON {
	return shareJSON{AdvisorID: s.AdvisorID, DisplayName: s.AdvisorName, SharedAt: s.CreatedAt}
}

func (h *mineHandlers) share(c *gin.Context) {
	var req shareRequest
	if !h.validate.bind(c, &req) {
		return
	}
	s, err := h.advising.ShareWith(c.Request.Context(), principal(c), req.AdvisorEmail)
	if err != nil {
		writeError(c, err)
		return
	}
	c.JSON(http.StatusCreated, shareOf(*s))
}

func (h *mineHandlers) shares(c *gin.Context) {
	ss, err := h.advising.Shares(c.Request.Context(), principal(c))
	if err != nil {
		writeError(c, err)
		return
	}
	out := make([]shareJSON, len(ss))
	for i, s := range ss {
		out[i] = shareOf(s)
	}
	noStore(c)
	c.JSON(http.StatusOK, gin.H{"shares": out})
}

func (h *mineHandlers) unshare(c *gin.Context) {
	if err := h.advising.Unshare(c.Request.Context(), principal(c), c.Param("advisor_id")); err != nil {
		writeError(c, err)
		return
	}
	c.Status(http.StatusNoContent)
}

type progressRequest struct {
	Status string `json:"status" validate:"required"`
}

type roadmapStepJSON struct {
	stepJSON
	Status    string     `json:"status"`
	UpdatedAt *time.Time `json:"updated_at"`
}

// roadmap shows the steps of one role (?role=, else the role of the
// caller's latest result) with the caller's progress on each.
func (h *mineHandlers) roadmap(c *gin.Context) {
	l := lang(c)
	ctx := c.Request.Context()
	snap, err := h.catalogs.Snapshot(ctx)
	if err != nil {
		writeError(c, err)
		return
	}
	slug, given := c.GetQuery("role")
	if !given {
		u, err := h.accounts.Me(ctx, principal(c))
		if err != nil {
			writeError(c, err)
			return
		}
		if u.Latest == nil {
			writeError(c, errs.E(errs.NotFound, "no result yet: take the quiz, or pass ?role= to follow a role's roadmap"))
			return
		}
		slug = u.Latest.Role
	}
	role, ok := snap.Role(slug)
	if !ok {
		writeError(c, errs.Fields("unknown role", errs.Field("query.role", "must be the slug of a catalog role")))
		return
	}
	marks, err := h.progress.Marks(ctx, principal(c).UserID)
	if err != nil {
		writeError(c, err)
		return
	}
	steps := make([]roadmapStepJSON, len(role.Roadmap))
	for i, s := range role.Roadmap {
		steps[i] = roadmapStepJSON{stepJSON: stepOf(s, l), Status: progress.Pending}
		if m, ok := marks[s.ID]; ok {
			at := m.UpdatedAt
			steps[i].Status, steps[i].UpdatedAt = m.Status, &at
		}
	}
	noStore(c)
	c.JSON(http.StatusOK, gin.H{"role": role.Slug, "role_name": role.Name.In(l), "steps": steps})
}

func (h *mineHandlers) setProgress(c *gin.Context) {
	var req progressRequest
	if !h.validate.bind(c, &req) {
		return
	}
	m, err := h.progress.Set(c.Request.Context(), principal(c).UserID, c.Param("step_id"), req.Status)
	if err != nil {
		writeError(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"step_id": m.StepID, "status": m.Status, "updated_at": m.UpdatedAt})
}

type exportAssessmentJSON struct {
	ID            string                `json:"id"`
	Questionnaire questionnaireRefJSON  `json:"questionnaire"`
	Status        string                `json:"status"`
	Answers       questionnaire.Answers `json:"answers"`
	Result        *scoring.Result       `json:"result"`
	CreatedAt     time.Time             `json:"created_at"`
	SubmittedAt   *time.Time            `json:"submitted_at"`
}

type staffReadJSON struct {
	At        time.Time `json:"at"`
	ActorRole string    `json:"actor_role"`
	Action    string    `json:"action"`
}

// export returns everything pmpath holds about the caller, as JSON (the
// right of access): account, assessments with answers and results, shares,
// roadmap progress, and which staff roles read their data when. Advisors'
// private notes are the advisors' own work and are not included.
func (h *mineHandlers) export(c *gin.Context) {
	ctx := c.Request.Context()
	p := principal(c)
	u, err := h.accounts.Me(ctx, p)
	if err != nil {
		writeError(c, err)
		return
	}
	as, err := h.assessments.Mine(ctx, p.UserID)
	if err != nil {
		writeError(c, err)
		return
	}
	shares, err := h.advising.Shares(ctx, p)
	if err != nil {
		writeError(c, err)
		return
	}
	marks, err := h.progress.Marks(ctx, p.UserID)
	if err != nil {
		writeError(c, err)
		return
	}
	reads, err := h.audit(c, p.UserID)
	if err != nil {
		writeError(c, err)
		return
	}
	out := gin.H{"exported_at": time.Now().UTC(), "account": userOf(u)}
	assessments := make([]exportAssessmentJSON, len(as))
	for i, a := range as {
		assessments[i] = exportAssessmentJSON{
			ID: a.ID, Questionnaire: questionnaireRefJSON{a.Questionnaire, a.QuestionnaireVersion}, Status: string(a.Status),
			Answers: a.Answers, Result: a.Result, CreatedAt: a.CreatedAt, SubmittedAt: a.SubmittedAt,
		}
	}
	out["assessments"] = assessments
	sj := make([]shareJSON, len(shares))
	for i, s := range shares {
		sj[i] = shareOf(s)
	}
	out["shares"] = sj
	pj := []gin.H{}
	for _, id := range slices.Sorted(maps.Keys(marks)) {
		m := marks[id]
		pj = append(pj, gin.H{"step_id": m.StepID, "status": m.Status, "updated_at": m.UpdatedAt})
	}
	out["roadmap_progress"] = pj
	rj := make([]staffReadJSON, len(reads))
	for i, r := range reads {
		rj[i] = staffReadJSON{At: r.At, ActorRole: r.ActorRole, Action: r.Action}
	}
	out["staff_reads"] = rj
	noStore(c)
	c.Header("Content-Disposition", `attachment; filename="pmpath-export.json"`)
	c.JSON(http.StatusOK, out)
}
