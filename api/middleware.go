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

// withRequestID takes a sane incoming X-Request-ID or makes one, echoes it
// in the response and puts a logger carrying it on the context.
func withRequestID(base *slog.Logger) gin.HandlerFunc {
	return func(c *gin.Context) {
		id := c.GetHeader(requestIDHeader)
		if !validRequestID.MatchString(id) {
			id = uuid.NewString()
		}
		c.Set(ctxRequestID, id)
		c.Request = c.Request.WithContext(audit.WithRequestID(c.Request.Context(), id))
		c.Set(ctxLogger, base.With("request_id", id))
		c.Header(requestIDHeader, id)
		c.Next()
	}
}

func requestID(c *gin.Context) string { return c.GetString(ctxRequestID) }

func logger(c *gin.Context) *slog.Logger {
	if l, ok := c.Get(ctxLogger); ok {
		return l.(*slog.Logger)
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
		logger(c).LogAttrs(context.Background(), level, "request",
			slog.String("method", c.Request.Method),
			slog.String("route", c.FullPath()),
			slog.String("path", c.Request.URL.Path),
			slog.Int("status", status),
			slog.Int("bytes", c.Writer.Size()),
			slog.Float64("duration_ms", float64(time.Since(start).Microseconds())/1000),
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
		if c.Request.Body != nil {
			c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, limit)
		}
		c.Next()
	}
}

// securityHeaders sets headers every response should carry.
func securityHeaders() gin.HandlerFunc {
	return func(c *gin.Context) {
		h := c.Writer.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "strict-origin-when-cross-origin")
		h.Set("X-Frame-Options", "DENY")
		c.Next()
	}
}

// withTimeout gives each request a deadline, so a database that stops
// answering costs the caller a 503 after d instead of a request that hangs
// and holds a connection-pool slot for as long as the client waits. Zero
// means no deadline.
func withTimeout(d time.Duration) gin.HandlerFunc {
	return func(c *gin.Context) {
		if d <= 0 {
			c.Next()
			return
		}
		ctx, cancel := context.WithTimeout(c.Request.Context(), d)
		defer cancel()
		c.Request = c.Request.WithContext(ctx)
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
	return func(c *gin.Context) {
		q, given := c.GetQuery("lang")
		if given && q != string(i18n.JA) && q != string(i18n.EN) {
			writeError(c, errs.Fields("unsupported language", errs.Field("query.lang", "must be ja or en")))
			return
		}
		c.Header("Content-Language", string(lang(c)))
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
