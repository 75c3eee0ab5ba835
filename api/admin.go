package api

import (
	"math"
	"net/http"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/pmpath/pmpath/internal/account"
	"github.com/pmpath/pmpath/internal/assessment"
	"github.com/pmpath/pmpath/internal/audit"
	"github.com/pmpath/pmpath/internal/errs"
	"github.com/pmpath/pmpath/internal/report"
)

// adminHandlers serve admins: staff accounts, questionnaire versions,
// instrument statistics and the audit log.
type adminHandlers struct {
	accounts    *account.Service
	assessments *assessment.Service
	audit       *audit.Service
	validate    *validate
}

type createUserRequest struct {
	Email       string `json:"email" validate:"required,max=254"`
	Password    string `json:"password" validate:"required"`
	DisplayName string `json:"display_name" validate:"required"`
	Role        string `json:"role" validate:"required,oneof=advisor recruiter admin"`
}

func (h *adminHandlers) createUser(c *gin.Context) {
	var req createUserRequest
	if !h.validate.bind(c, &req) {
		return
	}
	u, err := h.accounts.CreateStaff(c.Request.Context(), account.NewUser{Email: req.Email, Password: req.Password, DisplayName: req.DisplayName, Role: account.Role(req.Role)})
	if err != nil {
		writeError(c, err)
		return
	}
	c.JSON(http.StatusCreated, userOf(u))
}

func (h *adminHandlers) questionnaires(c *gin.Context) {
	qs, err := h.assessments.AllVersions(c.Request.Context())
	noStore(c)
	if err != nil {
		writeError(c, err)
		return
	}
	writeQuestionnaires(c, report.Questionnaires(qs, lang(c)))
}

type uploadRequest struct {
	Definition string `json:"definition" validate:"required,max=524288"`
}

func (h *adminHandlers) upload(c *gin.Context) {
	l := lang(c)
	var req uploadRequest
	if !h.validate.bind(c, &req) {
		return
	}
	q, err := h.assessments.PublishUpload(c.Request.Context(), []byte(req.Definition))
	if err != nil {
		writeError(c, err)
		return
	}
	c.JSON(http.StatusCreated, questionnaireSummaryOf(report.QuestionnaireOf(q, l)))
}

type itemStatsJSON struct {
	ID        string  `json:"id"`
	Dimension string  `json:"dimension"`
	Reverse   bool    `json:"reverse"`
	N         int     `json:"n"`
	Mean      float64 `json:"mean"`
	SD        float64 `json:"sd"`
}

type dimensionStatsJSON struct {
	Dimension string   `json:"dimension"`
	Items     int      `json:"items"`
	N         int      `json:"n"`
	Alpha     *float64 `json:"alpha"`
}

func round3(f float64) float64 { return math.Round(f*1000) / 1000 }

func (h *adminHandlers) stats(c *gin.Context) {
	version := 0
	if v, ok := c.GetQuery("version"); ok {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 100000 {
			writeError(c, errs.Fields("invalid version", errs.Field("query.version", "must be a positive integer")))
			return
		}
		version = n
	}
	q, st, err := h.assessments.Stats(c.Request.Context(), c.Param("slug"), version)
	if err != nil {
		writeError(c, err)
		return
	}
	items := make([]itemStatsJSON, len(st.Items))
	for i, it := range st.Items {
		items[i] = itemStatsJSON{ID: it.ID, Dimension: it.Dimension, Reverse: it.Reverse, N: it.N, Mean: round3(it.Mean), SD: round3(it.SD)}
	}
	dims := make([]dimensionStatsJSON, len(st.Dimensions))
	for i, d := range st.Dimensions {
		dims[i] = dimensionStatsJSON{Dimension: d.Dimension, Items: d.Items, N: d.N}
		if d.Alpha != nil {
			a := round3(*d.Alpha)
			dims[i].Alpha = &a
		}
	}
	noStore(c)
	c.JSON(http.StatusOK, gin.H{"slug": q.Slug, "version": q.Version, "responses": st.Responses, "items": items, "dimensions": dims})
}

type auditEntryJSON struct {
	ID        int64     `json:"id"`
	At        time.Time `json:"at"`
	ActorID   string    `json:"actor_id"`
	ActorRole string    `json:"actor_role"`
	Action    string    `json:"action"`
	SubjectID *string   `json:"subject_id"`
	Detail    string    `json:"detail"`
	RequestID string    `json:"request_id"`
}

func (h *adminHandlers) auditLog(c *gin.Context) {
	limit, before := 50, int64(0)
	var fields []errs.FieldError
	if v, ok := c.GetQuery("limit"); ok {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 200 {
			fields = append(fields, errs.Field("query.limit", "must be an integer from %d to %d", 1, 200))
		}
		limit = n
	}
	if v, ok := c.GetQuery("before"); ok {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n < 1 {
			fields = append(fields, errs.Field("query.before", "must be an entry id"))
		}
		before = n
	}
	if len(fields) > 0 {
		writeError(c, errs.Fields("invalid query parameters", fields...))
		return
	}
	entries, err := h.audit.Log(c.Request.Context(), before, limit)
	if err != nil {
		writeError(c, err)
		return
	}
	out := make([]auditEntryJSON, len(entries))
	for i, e := range entries {
		out[i] = auditEntryJSON{ID: e.ID, At: e.At, ActorID: e.ActorID, ActorRole: e.ActorRole, Action: e.Action, Detail: e.Detail, RequestID: e.RequestID}
		if e.SubjectID != "" {
			s := e.SubjectID
			out[i].SubjectID = &s
		}
	}
	var next *int64
	if len(entries) == limit {
		n := entries[len(entries)-1].ID
		next = &n
	}
	noStore(c)
	c.JSON(http.StatusOK, gin.H{"entries": out, "next_before": next})
}
