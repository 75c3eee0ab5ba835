package api

import (
	"encoding/json"
	"net/http"
	"regexp"

	"github.com/gin-gonic/gin"

	"github.com/pmpath/pmpath/internal/assessment"
	"github.com/pmpath/pmpath/internal/errs"
	"github.com/pmpath/pmpath/internal/i18n"
	"github.com/pmpath/pmpath/internal/report"
)

const (
	tokenHeader       = "X-Assessment-Token"
	idempotencyHeader = "Idempotency-Key"
	replayedHeader    = "Idempotent-Replayed"
)

// assessmentHandlers serves questionnaires and assessments.
type assessmentHandlers struct {
	svc      *assessment.Service
	reports  *report.Service
	validate *validate
}

type createAssessmentRequest struct {
	Questionnaire string                     `json:"questionnaire" validate:"required,max=64"`
	Answers       map[string]json.RawMessage `json:"answers"`
	Submit        bool                       `json:"submit"`
	// ElapsedSeconds is accepted for older clients and ignored: time is
	// measured by the server, from a draft's creation to its submission,
	// since a client's figure can say anything.
	ElapsedSeconds int `json:"elapsed_seconds" validate:"gte=0,lte=604800"`
}

type patchAssessmentRequest struct {
	Answers map[string]json.RawMessage `json:"answers" validate:"required"`
}

var validIdempotencyKey = regexp.MustCompile(`^[\x21-\x7e]{1,255}$`)

func idempotencyKey(c *gin.Context) (string, error) {
	k := c.GetHeader(idempotencyHeader)
	if k != "" && !validIdempotencyKey.MatchString(k) {
		return "", errs.Fields("invalid Idempotency-Key", errs.Field("header.Idempotency-Key", "must be 1-255 visible ASCII characters (a UUID is best)"))
	}
	return k, nil
}

// access is who is asking for an assessment.
func access(c *gin.Context) assessment.Access {
	return assessment.Access{UserID: ownerOf(c), Token: c.GetHeader(tokenHeader)}
}

// ownerOf is the signed-in caller's id, or "" when anonymous.
func ownerOf(c *gin.Context) string {
	if p := principal(c); p != nil {
		return p.UserID
	}
	return ""
}

func (h *assessmentHandlers) listQuestionnaires(c *gin.Context) {
	qs, err := h.svc.Questionnaires(c.Request.Context())
	if err != nil {
		writeError(c, err)
		return
	}
	writeQuestionnaires(c, report.Questionnaires(qs, lang(c)))
}

// writeQuestionnaires answers with questionnaire summaries.
func writeQuestionnaires(c *gin.Context, qs []report.Questionnaire) {
	c.JSON(http.StatusOK, gin.H{"questionnaires": each(qs, questionnaireSummaryOf)})
}

func (h *assessmentHandlers) getQuestionnaire(c *gin.Context) {
	l := lang(c)
	q, err := h.svc.Questionnaire(c.Request.Context(), c.Param("slug"))
	if err != nil {
		writeError(c, err)
		return
	}
	c.JSON(http.StatusOK, questionnaireFormOf(report.FormOf(q, l)))
}

func (h *assessmentHandlers) create(c *gin.Context) {
	l := lang(c)
	key, err := idempotencyKey(c)
	if err != nil {
		writeError(c, err)
		return
	}
	var req createAssessmentRequest
	if err := decodeJSON(c.Request, &req); err != nil {
		writeError(c, err)
		return
	}
	if err := h.validate.Struct(req, "$"); err != nil {
		writeError(c, err)
		return
	}
	created, err := h.svc.Create(c.Request.Context(), assessment.CreateInput{
		Questionnaire:  req.Questionnaire,
		Answers:        req.Answers,
		Submit:         req.Submit,
		IdempotencyKey: key,
		Owner:          ownerOf(c),
	})
	if err != nil {
		writeError(c, err)
		return
	}
	view, err := h.view(c, created.Assessment, l)
	if err != nil {
		writeError(c, err)
		return
	}
	view.Token = created.Token
	if created.Replayed {
		c.Header(replayedHeader, "true")
	}
	c.Header("Location", "/api/v1/assessments/"+created.Assessment.ID)
	c.Header("Cache-Control", "no-store")
	c.JSON(http.StatusCreated, view)
}

func (h *assessmentHandlers) get(c *gin.Context) {
	l := lang(c)
	a, err := h.svc.Get(c.Request.Context(), c.Param("id"), access(c))
	if err != nil {
		writeError(c, err)
		return
	}
	h.writeView(c, http.StatusOK, a, l)
}

func (h *assessmentHandlers) patch(c *gin.Context) {
	l := lang(c)
	var req patchAssessmentRequest
	if err := decodeJSON(c.Request, &req); err != nil {
		writeError(c, err)
		return
	}
	if err := h.validate.Struct(req, "$"); err != nil {
		writeError(c, err)
		return
	}
	a, err := h.svc.MergeAnswers(c.Request.Context(), c.Param("id"), access(c), req.Answers)
	if err != nil {
		writeError(c, err)
		return
	}
	h.writeView(c, http.StatusOK, a, l)
}

func (h *assessmentHandlers) submit(c *gin.Context) {
	l := lang(c)
	key, err := idempotencyKey(c)
	if err != nil {
		writeError(c, err)
		return
	}
	a, replayed, err := h.svc.Submit(c.Request.Context(), c.Param("id"), access(c), key)
	if err != nil {
		writeError(c, err)
		return
	}
	if replayed {
		c.Header(replayedHeader, "true")
	}
	h.writeView(c, http.StatusOK, a, l)
}

func (h *assessmentHandlers) writeView(c *gin.Context, status int, a *assessment.Assessment, l i18n.Lang) {
	view, err := h.view(c, a, l)
	if err != nil {
		writeError(c, err)
		return
	}
	c.Header("Cache-Control", "no-store")
	c.JSON(status, view)
}

func (h *assessmentHandlers) view(c *gin.Context, a *assessment.Assessment, l i18n.Lang) (*assessmentJSON, error) {
	v, err := h.reports.Assessment(c.Request.Context(), a, l)
	if err != nil {
		return nil, err
	}
	return assessmentOf(v), nil
}
