package api

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/pmpath/pmpath/internal/advising"
	"github.com/pmpath/pmpath/internal/audit"
	"github.com/pmpath/pmpath/internal/progress"
	"github.com/pmpath/pmpath/internal/report"
)

// mineHandlers serve a candidate's own sharing, roadmap and data export.
type mineHandlers struct {
	advising *advising.Service
	progress *progress.Service
	reports  *report.Service
	validate *validate
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
	noStore(c)
	c.JSON(http.StatusOK, gin.H{"shares": nonNil(each(ss, shareOf))})
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
	var role *string
	if slug, given := c.GetQuery("role"); given {
		role = &slug
	}
	rm, err := h.reports.Roadmap(c.Request.Context(), principal(c), role, lang(c))
	if err != nil {
		writeError(c, err)
		return
	}
	steps := each(rm.Steps, func(s report.RoadmapStep) roadmapStepJSON {
		return roadmapStepJSON{stepJSON: stepOf(s.Step), Status: s.Status, UpdatedAt: s.UpdatedAt}
	})
	noStore(c)
	c.JSON(http.StatusOK, gin.H{"role": rm.Role.Slug, "role_name": rm.Role.Name, "steps": steps, "next_step_id": optional(rm.NextStepID)})
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
	c.JSON(http.StatusOK, progressMarkOf(*m))
}

type staffReadJSON struct {
	At        time.Time `json:"at"`
	ActorRole string    `json:"actor_role"`
	Action    string    `json:"action"`
}

// progressMarkJSON is one step's status. Its fields are in the order
// the answer has always had them in (alphabetical).
type progressMarkJSON struct {
	Status    string    `json:"status"`
	StepID    string    `json:"step_id"`
	UpdatedAt time.Time `json:"updated_at"`
}

func progressMarkOf(m progress.Mark) progressMarkJSON {
	return progressMarkJSON{Status: m.Status, StepID: m.StepID, UpdatedAt: m.UpdatedAt}
}

// export returns everything pmpath holds about the caller, as JSON (the
// right of access): account, assessments with answers and results, shares,
// roadmap progress, and which staff roles read their data when.
func (h *mineHandlers) export(c *gin.Context) {
	e, err := h.reports.Export(c.Request.Context(), principal(c))
	if err != nil {
		writeError(c, err)
		return
	}
	out := gin.H{
		"exported_at": e.At, "account": userOf(e.Account),
		"assessments":      nonNil(each(e.Assessments, exportAssessmentOf)),
		"shares":           nonNil(each(e.Shares, shareOf)),
		"roadmap_progress": nonNil(each(e.Progress, progressMarkOf)),
		"staff_reads": nonNil(each(e.StaffReads, func(r audit.Entry) staffReadJSON {
			return staffReadJSON{At: r.At, ActorRole: r.ActorRole, Action: r.Action}
		})),
	}
	noStore(c)
	c.Header("Content-Disposition", `attachment; filename="pmpath-export.json"`)
	c.JSON(http.StatusOK, out)
}
