package api

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/pmpath/pmpath/internal/account"
	"github.com/pmpath/pmpath/internal/assessment"
)

type accountHandlers struct {
	limits      *Limits
	accounts    *account.Service
	assessments *assessment.Service
	validate    *validate
}

// Request bodies list only what a caller may set: a role, an id or any
// other field in the JSON is not decoded at all (OWASP API3).
type registerRequest struct {
	Email       string `json:"email" validate:"required,max=254"`
	Password    string `json:"password" validate:"required"`
	DisplayName string `json:"display_name" validate:"required"`
}

type loginRequest struct {
	Email    string `json:"email" validate:"required,max=254"`
	Password string `json:"password" validate:"required,max=1024"`
}

type refreshRequest struct {
	RefreshToken string `json:"refresh_token" validate:"required,max=256"`
}

type patchMeRequest struct {
	DisplayName  *string `json:"display_name"`
	Discoverable *bool   `json:"discoverable"`
}

type passwordRequest struct {
	CurrentPassword string `json:"current_password" validate:"required,max=1024"`
	NewPassword     string `json:"new_password" validate:"required"`
}

type claimRequest struct {
	AssessmentID string `json:"assessment_id" validate:"required,max=64"`
	Token        string `json:"token" validate:"required,max=256"`
}

type userJSON struct {
	ID           string      `json:"id"`
	Email        string      `json:"email"`
	DisplayName  string      `json:"display_name"`
	Role         string      `json:"role"`
	Discoverable bool        `json:"discoverable"`
	CreatedAt    time.Time   `json:"created_at"`
	Latest       *latestJSON `json:"latest_result"`
}

type latestJSON struct {
	AssessmentID    string    `json:"assessment_id"`
	RecommendedRole *string   `json:"recommended_role"`
	Lean            string    `json:"lean"`
	Fit             int       `json:"fit"`
	SubmittedAt     time.Time `json:"submitted_at"`
}

type sessionJSON struct {
	AccessToken      string    `json:"access_token"`
	TokenType        string    `json:"token_type"`
	ExpiresIn        int       `json:"expires_in"`
	RefreshToken     string    `json:"refresh_token"`
	RefreshExpiresAt time.Time `json:"refresh_expires_at"`
	User             *userJSON `json:"user,omitempty"`
}

func latestOf(l *account.Latest) *latestJSON {
	if l == nil {
		return nil
	}
	return &latestJSON{AssessmentID: l.AssessmentID, RecommendedRole: optional(l.Role), Lean: string(l.Lean), Fit: l.Fit, SubmittedAt: l.SubmittedAt}
}

func userOf(u *account.User) *userJSON {
	return &userJSON{
		ID: u.ID, Email: u.Email, DisplayName: u.DisplayName, Role: string(u.Role),
		Discoverable: u.Discoverable, CreatedAt: u.CreatedAt, Latest: latestOf(u.Latest),
	}
}

func sessionOf(t *account.Tokens, u *account.User, now time.Time) sessionJSON {
	s := sessionJSON{
		AccessToken: t.AccessToken, TokenType: "Bearer", ExpiresIn: int(t.AccessExpiresAt.Sub(now).Seconds()),
		RefreshToken: t.RefreshToken, RefreshExpiresAt: t.RefreshExpiresAt,
	}
	if u != nil {
		s.User = userOf(u)
	}
	return s
}

// bind decodes and validates a JSON body.
func (v *validate) bind(c *gin.Context, dst any) bool {
	if err := decodeJSON(c.Request, dst); err != nil {
		writeError(c, err)
		return false
	}
	if err := v.Struct(dst, "$"); err != nil {
		writeError(c, err)
		return false
	}
	return true
}

func noStore(c *gin.Context) {
	c.Header("Cache-Control", "no-store")
}

func (h *accountHandlers) register(c *gin.Context) {
	var req registerRequest
	if !h.validate.bind(c, &req) || !h.limits.allow(c, req.Email) {
		return
	}
	u, t, err := h.accounts.Register(c.Request.Context(), req.Email, req.Password, req.DisplayName)
	if err != nil {
		writeError(c, err)
		return
	}
	noStore(c)
	c.JSON(http.StatusCreated, sessionOf(t, u, time.Now()))
}

func (h *accountHandlers) login(c *gin.Context) {
	var req loginRequest
	if !h.validate.bind(c, &req) || !h.limits.allow(c, req.Email) {
		return
	}
	u, t, err := h.accounts.Login(c.Request.Context(), req.Email, req.Password)
	if err != nil {
		writeError(c, err)
		return
	}
	noStore(c)
	c.JSON(http.StatusOK, sessionOf(t, u, time.Now()))
}

func (h *accountHandlers) refresh(c *gin.Context) {
	var req refreshRequest
	if !h.validate.bind(c, &req) {
		return
	}
	t, err := h.accounts.Refresh(c.Request.Context(), req.RefreshToken)
	if err != nil {
		writeError(c, err)
		return
	}
	noStore(c)
	c.JSON(http.StatusOK, sessionOf(t, nil, time.Now()))
}

func (h *accountHandlers) logout(c *gin.Context) {
	if err := h.accounts.Logout(c.Request.Context(), principal(c)); err != nil {
		writeError(c, err)
		return
	}
	c.Status(http.StatusNoContent)
}

func (h *accountHandlers) me(c *gin.Context) {
	u, err := h.accounts.Me(c.Request.Context(), principal(c))
	if err != nil {
		writeError(c, err)
		return
	}
	noStore(c)
	c.JSON(http.StatusOK, userOf(u))
}

func (h *accountHandlers) patchMe(c *gin.Context) {
	var req patchMeRequest
	if !h.validate.bind(c, &req) {
		return
	}
	u, err := h.accounts.UpdateMe(c.Request.Context(), principal(c), account.Update{DisplayName: req.DisplayName, Discoverable: req.Discoverable})
	if err != nil {
		writeError(c, err)
		return
	}
	noStore(c)
	c.JSON(http.StatusOK, userOf(u))
}

func (h *accountHandlers) changePassword(c *gin.Context) {
	var req passwordRequest
	if !h.validate.bind(c, &req) {
		return
	}
	if err := h.accounts.ChangePassword(c.Request.Context(), principal(c), req.CurrentPassword, req.NewPassword); err != nil {
		writeError(c, err)
		return
	}
	c.Status(http.StatusNoContent)
}

func (h *accountHandlers) deleteMe(c *gin.Context) {
	if err := h.accounts.Erase(c.Request.Context(), principal(c)); err != nil {
		writeError(c, err)
		return
	}
	c.Status(http.StatusNoContent)
}

type myAssessmentJSON struct {
	ID              string               `json:"id"`
	Questionnaire   questionnaireRefJSON `json:"questionnaire"`
	Status          string               `json:"status"`
	CreatedAt       time.Time            `json:"created_at"`
	SubmittedAt     *time.Time           `json:"submitted_at"`
	RecommendedRole *string              `json:"recommended_role"`
	Lean            *string              `json:"lean"`
	Fit             *int                 `json:"fit"`
}

func myAssessmentOf(a *assessment.Assessment) myAssessmentJSON {
	out := myAssessmentJSON{
		ID: a.ID, Questionnaire: questionnaireRefJSON{a.Questionnaire, a.QuestionnaireVersion},
		Status: string(a.Status), CreatedAt: a.CreatedAt, SubmittedAt: a.SubmittedAt,
	}
	if r := a.Result; r != nil {
		lean := string(r.Orientation.Lean)
		// A refused sheet recommends no role: null, as everywhere.
		out.RecommendedRole, out.Lean = optional(r.RecommendedRole), &lean
		if len(r.Roles) > 0 {
			out.Fit = &r.Roles[0].Fit
		}
	}
	return out
}

func (h *accountHandlers) myAssessments(c *gin.Context) {
	as, err := h.assessments.Mine(c.Request.Context(), principal(c).UserID)
	if err != nil {
		writeError(c, err)
		return
	}
	out := make([]myAssessmentJSON, len(as))
	for i, a := range as {
		out[i] = myAssessmentOf(a)
	}
	noStore(c)
	c.JSON(http.StatusOK, gin.H{"assessments": out})
}

func (h *accountHandlers) claim(c *gin.Context) {
	var req claimRequest
	if !h.validate.bind(c, &req) {
		return
	}
	a, err := h.assessments.Claim(c.Request.Context(), req.AssessmentID, req.Token, principal(c).UserID)
	if err != nil {
		writeError(c, err)
		return
	}
	noStore(c)
	c.JSON(http.StatusOK, myAssessmentOf(a))
}
