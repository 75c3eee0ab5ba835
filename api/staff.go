package api

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/pmpath/pmpath/internal/advising"
	"github.com/pmpath/pmpath/internal/catalog"
	"github.com/pmpath/pmpath/internal/listing"
	"github.com/pmpath/pmpath/internal/report"
	"github.com/pmpath/pmpath/internal/talent"
)

// staffHandlers serve advisors and recruiters.
type staffHandlers struct {
	advising *advising.Service
	talent   *talent.Service
	catalogs *catalog.Service
	reports  *report.Service
	validate *validate
}

type candidateRowJSON struct {
	ID                  string     `json:"id"`
	DisplayName         string     `json:"display_name"`
	RecommendedRole     *string    `json:"recommended_role"`
	RecommendedRoleName *string    `json:"recommended_role_name"`
	Lean                string     `json:"lean"`
	Fit                 int        `json:"fit"`
	SubmittedAt         *time.Time `json:"submitted_at,omitempty"`
	SharedAt            *time.Time `json:"shared_at,omitempty"`
}

// list serves a page of candidates from one of the two listings; staff
// says whether the caller may see dates (advisors) or not (recruiters).
func (h *staffHandlers) list(c *gin.Context, fetch func(*gin.Context, listing.Filter) (listing.Page, error), dates bool) {
	snap, err := h.catalogs.Snapshot(c.Request.Context())
	if err != nil {
		writeError(c, err)
		return
	}
	f, err := listFilter(c, snap)
	if err != nil {
		writeError(c, err)
		return
	}
	page, err := fetch(c, f)
	if err != nil {
		writeError(c, err)
		return
	}
	l := lang(c)
	out := make([]candidateRowJSON, len(page.Rows))
	for i, r := range page.Rows {
		role, _ := snap.Role(r.RecommendedRole)
		out[i] = candidateRowJSON{ID: r.UserID, DisplayName: r.DisplayName, Lean: string(r.Lean), Fit: r.Fit}
		if r.RecommendedRole != "" {
			out[i].RecommendedRole, out[i].RecommendedRoleName = optional(r.RecommendedRole), optional(role.Name.In(l))
		}
		if dates {
			at := r.SubmittedAt
			out[i].SubmittedAt, out[i].SharedAt = &at, r.SharedAt
		}
	}
	noStore(c)
	c.JSON(http.StatusOK, gin.H{"candidates": out, "next_cursor": nextCursor(page)})
}

func (h *staffHandlers) candidates(c *gin.Context) {
	h.list(c, func(c *gin.Context, f listing.Filter) (listing.Page, error) {
		return h.advising.Candidates(c.Request.Context(), principal(c), f)
	}, true)
}

// pool is the recruiters' listing: no dates, no e-mails, no answers.
func (h *staffHandlers) pool(c *gin.Context) {
	h.list(c, func(c *gin.Context, f listing.Filter) (listing.Page, error) {
		return h.talent.Pool(c.Request.Context(), principal(c), f)
	}, false)
}

type attemptJSON struct {
	AssessmentID         string              `json:"assessment_id"`
	SubmittedAt          *time.Time          `json:"submitted_at"`
	QuestionnaireVersion int                 `json:"questionnaire_version"`
	RecommendedRole      *string             `json:"recommended_role"`
	Fit                  int                 `json:"fit"`
	Lean                 string              `json:"lean"`
	PM                   int                 `json:"pm"`
	PMO                  int                 `json:"pmo"`
	Dimensions           []dimensionMoveJSON `json:"dimensions"`
	Flags                []string            `json:"quality_flags"`
}

type dimensionMoveJSON struct {
	Key    string `json:"key"`
	Name   string `json:"name"`
	Score  int    `json:"score"`
	Change *int   `json:"change"`
}

func attemptOf(a report.Attempt) attemptJSON {
	return attemptJSON{
		AssessmentID: a.AssessmentID, SubmittedAt: a.SubmittedAt, QuestionnaireVersion: a.QuestionnaireVersion,
		RecommendedRole: optional(a.RecommendedRole), Fit: a.Fit,
		Lean: string(a.Orientation.Lean), PM: a.Orientation.PM, PMO: a.Orientation.PMO,
		Dimensions: each(a.Dimensions, func(d report.DimensionMove) dimensionMoveJSON {
			return dimensionMoveJSON{Key: string(d.Key), Name: d.Name, Score: d.Score, Change: d.Change}
		}),
		Flags: a.Flags,
	}
}

func (h *staffHandlers) candidate(c *gin.Context) {
	p, err := h.reports.Candidate(c.Request.Context(), principal(c), c.Param("id"), lang(c))
	if err != nil {
		writeError(c, err)
		return
	}
	noStore(c)
	c.JSON(http.StatusOK, gin.H{
		"id": p.User.ID, "display_name": p.User.DisplayName, "email": p.User.Email,
		"shared_at": p.SharedAt, "attempts": each(p.Attempts, attemptOf), "latest_result": resultOf(p.Latest),
	})
}

type noteJSON struct {
	ID        string    `json:"id"`
	Body      string    `json:"body"`
	CreatedAt time.Time `json:"created_at"`
}

type noteRequest struct {
	Body string `json:"body" validate:"required"`
}

func (h *staffHandlers) notes(c *gin.Context) {
	notes, err := h.advising.Notes(c.Request.Context(), principal(c), c.Param("id"))
	if err != nil {
		writeError(c, err)
		return
	}
	out := make([]noteJSON, len(notes))
	for i, n := range notes {
		out[i] = noteJSON(n)
	}
	noStore(c)
	c.JSON(http.StatusOK, gin.H{"notes": out})
}

func (h *staffHandlers) addNote(c *gin.Context) {
	var req noteRequest
	if !h.validate.bind(c, &req) {
		return
	}
	n, err := h.advising.AddNote(c.Request.Context(), principal(c), c.Param("id"), req.Body)
	if err != nil {
		writeError(c, err)
		return
	}
	noStore(c)
	c.JSON(http.StatusCreated, noteJSON(*n))
}
