package api

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/pmpath/pmpath/internal/errs"
)

// Problem is an RFC 9457 problem details document.
type Problem struct {
	Type      string            `json:"type"`
	Title     string            `json:"title"`
	Status    int               `json:"status"`
	Detail    string            `json:"detail,omitempty"`
	Instance  string            `json:"instance,omitempty"`
	RequestID string            `json:"request_id,omitempty"`
	Errors    []errs.FieldError `json:"errors,omitempty"`
}

// statusOf is the one mapping from error kinds to HTTP statuses.
var statusOf = map[errs.Kind]int{
	errs.Internal:        http.StatusInternalServerError,
	errs.Invalid:         http.StatusUnprocessableEntity,
	errs.Malformed:       http.StatusBadRequest,
	errs.Unauthenticated: http.StatusUnauthorized,
	errs.Forbidden:       http.StatusForbidden,
	errs.NotFound:        http.StatusNotFound,
	errs.Conflict:        http.StatusConflict,
	errs.TooLarge:        http.StatusRequestEntityTooLarge,
	errs.TooManyRequests: http.StatusTooManyRequests,
	errs.Unavailable:     http.StatusServiceUnavailable,
	errs.Unsupported:     http.StatusMethodNotAllowed,
}

// problemType returns the type URI of a kind.
func problemType(k errs.Kind) string {
	return "urn:pmpath:problem:" + strings.ReplaceAll(k.String(), "_", "-")
}

// writeError answers the request with the problem document for err and
// aborts the handler chain. Internal errors are logged with their cause and
// shown as a generic message.
func writeError(c *gin.Context, err error) {
	e, ok := errs.As(err)
	switch {
	case ok:
	case errors.Is(err, context.DeadlineExceeded):
		// The request ran out of time (PMPATH_REQUEST_TIMEOUT) waiting on
		// something busy or down: worth retrying, not a bug.
		e = errs.Wrap(errs.Unavailable, err, "the server could not answer in time; try again shortly")
	default:
		e = &errs.Error{Kind: errs.Internal, Err: err}
	}
	status := statusOf[e.Kind]
	if status == 0 {
		status = http.StatusInternalServerError
	}
	shown := e
	if e.Kind == errs.Internal {
		// An internal error's own message is for the logs only.
		shown = errs.E(errs.Internal, "something went wrong on our side; the request id helps us find it")
	}
	detail, fields := localize(c, shown)
	level := slog.LevelDebug
	if status >= 500 {
		level = slog.LevelError
	}
	logger(c).Log(c.Request.Context(), level, "request failed", "kind", e.Kind.String(), "err", err.Error())
	if e.Kind == errs.Unavailable {
		c.Header("Retry-After", "5")
	}
	p := Problem{
		Type:      problemType(e.Kind),
		Title:     http.StatusText(status),
		Status:    status,
		Detail:    detail,
		Instance:  c.Request.URL.Path,
		RequestID: requestID(c),
		Errors:    fields,
	}
	c.Header("Cache-Control", "no-store")
	c.Render(status, problemRender{p})
	c.Abort()
}

// localize renders e's message and field errors in the request's language.
// Without a catalog (a router built without withLanguage) they stay English.
func localize(c *gin.Context, e *errs.Error) (string, []errs.FieldError) {
	if v, ok := c.Get(ctxMessages); ok {
		return v.(*errs.Messages).Localize(e, lang(c))
	}
	return e.Msg, e.Fields
}

// problemRender writes a Problem as application/problem+json.
type problemRender struct{ p Problem }

func (r problemRender) Render(w http.ResponseWriter) error {
	r.WriteContentType(w)
	return writeJSON(w, r.p)
}

func (problemRender) WriteContentType(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "application/problem+json")
}
