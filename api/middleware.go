package api

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"regexp"
	"runtime/debug"
	"strings"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/google/uuid"

	"github.com/pmpath/pmpath/internal/audit"
	"github.com/pmpath/pmpath/internal/errs"
	"github.com/pmpath/pmpath/internal/i18n"
)

const (
	requestIDHeader = "X-Request-ID"
	ctxRequestID    = "pmpath.request_id"
	ctxLogger       = "pmpath.logger"
)

var validRequestID = regexp.MustCompile(`^[A-Za-z0-9._-]{8,64}$`)

// withRequestContext takes a sane incoming X-Request-ID or makes one,
// echoes it in the response, and gives the request's context the id (for
// audit entries) and a deadline of timeout (zero means none), so a
// database that stops answering costs the caller a 503 after timeout
// instead of a request that hangs and holds a connection-pool slot for as
// long as the client waits. The request's logger is made from base only
// when something logs (see logger).
func withRequestContext(base *slog.Logger, timeout time.Duration) gin.HandlerFunc {
	idKey := http.CanonicalHeaderKey(requestIDHeader)
	return func(c *gin.Context) {
		id := c.GetHeader(requestIDHeader)
		if !validRequestID.MatchString(id) {
			id = uuid.NewString()
		}
		c.Set(ctxRequestID, id)
		c.Set(ctxLogger, base)
		c.Writer.Header()[idKey] = []string{id}
		ctx := audit.WithRequestID(c.Request.Context(), id)
		if timeout > 0 {
			var cancel context.CancelFunc
			ctx, cancel = context.WithTimeout(ctx, timeout)
			defer cancel()
		}
		c.Request = c.Request.WithContext(ctx)
		c.Next()
	}
}

func requestID(c *gin.Context) string { return c.GetString(ctxRequestID) }

// logger is the request's logger: the base logger with the request id.
// It is built on demand, because most requests log one line only, which
// logRequests writes with the id itself.
func logger(c *gin.Context) *slog.Logger {
	if l, ok := c.Get(ctxLogger); ok {
		return l.(*slog.Logger).With("request_id", requestID(c))
	}
	return slog.New(slog.DiscardHandler)
}

// recoverPanics turns a panic into a logged 500 problem.
func recoverPanics() gin.HandlerFunc {
	return func(c *gin.Context) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				logger(c).Error("panic", "value", fmt.Sprint(v), "stack", string(debug.Stack()))
				if c.Writer.Written() {
					c.Abort()
					return
				}
				writeError(c, errs.Wrap(errs.Internal, fmt.Errorf("panic: %v", v), ""))
			}
		}()
		c.Next()
	}
}

// logRequests writes one structured line per request.
func logRequests() gin.HandlerFunc {
	return func(c *gin.Context) {
		start := time.Now()
		c.Next()
		status := c.Writer.Status()
		level := slog.LevelInfo
		if status >= 500 {
			level = slog.LevelError
		}
		l, ok := c.Get(ctxLogger)
		if !ok {
			return
		}
		l.(*slog.Logger).LogAttrs(context.Background(), level, "request",
			slog.String("request_id", requestID(c)),
			slog.String("method", c.Request.Method),
			slog.String("route", c.FullPath()),
			slog.String("path", c.Request.URL.Path),
			slog.Int("status", status),
			slog.Int("bytes", c.Writer.Size()),
			// Whole microseconds: slog writes an integer directly, a float
			// through encoding/json, which cost a third of the line.
			slog.Int64("duration_us", time.Since(start).Microseconds()),
			slog.String("client_ip", c.ClientIP()),
		)
	}
}

// limitBody caps request bodies at limit bytes: a declared larger body is
// refused at once, an undeclared one fails when the reader passes the cap.
func limitBody(limit int64) gin.HandlerFunc {
	return func(c *gin.Context) {
		if c.Request.ContentLength > limit {
			writeError(c, errs.E(errs.TooLarge, "the request body is larger than %d bytes", limit))
			return
		}
		if c.Request.Body != nil && c.Request.Body != http.NoBody {
			c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, limit)
		}
		c.Next()
	}
}

// securityHeaders sets headers every response should carry. The values
// are shared between responses (assigned, never appended to), which spares
// each request an allocation per header.
func securityHeaders() gin.HandlerFunc {
	fixed := http.Header{
		"X-Content-Type-Options": {"nosniff"},
		"Referrer-Policy":        {"strict-origin-when-cross-origin"},
		"X-Frame-Options":        {"DENY"},
	}
	return func(c *gin.Context) {
		h := c.Writer.Header()
		for k, v := range fixed {
			h[k] = v
		}
		c.Next()
	}
}

// refuseNUL answers 400 when the path or the query holds a NUL character
// (%00): no route or parameter means one, and PostgreSQL cannot compare
// text with it, so it would otherwise fail deep down as a 500.
func refuseNUL() gin.HandlerFunc {
	return func(c *gin.Context) {
		u := c.Request.URL
		if strings.ContainsRune(u.Path, 0) || strings.ContainsRune(u.RawQuery, 0) || strings.Contains(u.RawQuery, "%00") {
			writeError(c, errs.E(errs.Malformed, "the URL must not contain NUL characters (%%00)"))
			return
		}
		c.Next()
	}
}

const (
	ctxLang     = "pmpath.lang"
	ctxMessages = "pmpath.messages"
)

// withLanguage picks each request's language once, for every route: ?lang=,
// else Accept-Language, else Japanese. It also hands writeError the message
// catalog, so that a problem document, even one from a middleware or an
// unknown route, speaks the request's language.
func withLanguage(langs *i18n.Negotiator, messages *errs.Messages) gin.HandlerFunc {
	return func(c *gin.Context) {
		c.Set(ctxLang, langs.Pick(c.Query("lang"), c.GetHeader("Accept-Language")))
		c.Set(ctxMessages, messages)
		c.Next()
	}
}

// negotiateLang checks the API's ?lang= and says which language the
// response is in. An explicit ?lang= we do not speak is a field error
// rather than a silent fallback.
func negotiateLang() gin.HandlerFunc {
	contentLanguage := map[i18n.Lang][]string{i18n.JA: {string(i18n.JA)}, i18n.EN: {string(i18n.EN)}}
	return func(c *gin.Context) {
		q, given := c.GetQuery("lang")
		if given && q != string(i18n.JA) && q != string(i18n.EN) {
			writeError(c, errs.Fields("unsupported language", errs.Field("query.lang", "must be ja or en")))
			return
		}
		c.Writer.Header()["Content-Language"] = contentLanguage[lang(c)]
		c.Next()
	}
}

// lang is the request's language, chosen by withLanguage.
func lang(c *gin.Context) i18n.Lang {
	if l, ok := c.Get(ctxLang); ok {
		return l.(i18n.Lang)
	}
	return i18n.Default
}
