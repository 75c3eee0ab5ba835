// Package api is pmpath's HTTP layer: the Gin router, its middleware, the
// handlers and their request and response types, the one mapping from error
// kinds to problem documents, and the OpenAPI document it is tested against.
package api

import (
	"context"
	_ "embed"
	"io/fs"
	"log/slog"
	"net/http"
	"path"
	"strings"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/pmpath/pmpath/internal/account"
	"github.com/pmpath/pmpath/internal/advising"
	"github.com/pmpath/pmpath/internal/assessment"
	"github.com/pmpath/pmpath/internal/audit"
	"github.com/pmpath/pmpath/internal/catalog"
	"github.com/pmpath/pmpath/internal/errs"
	"github.com/pmpath/pmpath/internal/i18n"
	"github.com/pmpath/pmpath/internal/progress"
	"github.com/pmpath/pmpath/internal/report"
	"github.com/pmpath/pmpath/internal/talent"
	"github.com/pmpath/pmpath/internal/token"
)

// OpenAPI is the API's specification, served at /api/v1/openapi.yaml.
//
//go:embed openapi.yaml
var OpenAPI []byte

// Pinger reports whether the database answers.
type Pinger interface {
	Ping(ctx context.Context) error
}

// Deps is everything the router needs.
type Deps struct {
	Logger      *slog.Logger
	Catalog     *catalog.Service
	Assessments *assessment.Service
	Accounts    *account.Service
	Signer      *token.Signer
	Advising    *advising.Service
	Talent      *talent.Service
	Progress    *progress.Service
	Audit       *audit.Service
	// Reports words results, roadmaps and exports from the services
	// above.
	Reports *report.Service
	// Limits throttle sign-in and registration; nil disables them.
	Limits         *Limits
	DB             Pinger
	Registry       *prometheus.Registry
	Frontend       fs.FS
	MaxBodyBytes   int64
	TrustedProxies []string
	CatalogMaxAge  time.Duration
	// RequestTimeout bounds each request's context; zero means none.
	RequestTimeout time.Duration
}

// NewRouter builds the HTTP handler.
func NewRouter(d Deps) (http.Handler, error) {
	gin.SetMode(gin.ReleaseMode)
	r := gin.New()
	r.HandleMethodNotAllowed = true
	r.ContextWithFallback = true
	if err := r.SetTrustedProxies(d.TrustedProxies); err != nil {
		return nil, err
	}
	m, err := newMetrics(d.Registry)
	if err != nil {
		return nil, err
	}
	messages, err := errs.NewMessages()
	if err != nil {
		return nil, err
	}
	langs := i18n.NewNegotiator()
	r.Use(withRequestContext(d.Logger, d.RequestTimeout), withLanguage(langs, messages), logRequests(), m.middleware(), recoverPanics(), securityHeaders(),
		limitBody(d.MaxBodyBytes), refuseNUL())
	signedIn := requireRole(account.Candidate, account.Advisor, account.Recruiter, account.Admin)

	r.GET("/healthz", func(c *gin.Context) { c.JSON(http.StatusOK, gin.H{"status": "ok"}) })
	r.GET("/readyz", readyz(d.DB))
	r.GET("/metrics", m.handler())

	v1 := r.Group("/api/v1", negotiateLang(), authenticate(d.Signer, d.Accounts))
	v1.GET("/openapi.yaml", func(c *gin.Context) {
		c.Header("Cache-Control", "public, max-age=300")
		c.Data(http.StatusOK, "application/yaml; charset=utf-8", OpenAPI)
	})
	ch := newCatalogHandlers(d.Catalog, d.CatalogMaxAge)
	v1.GET("/roles", ch.listRoles)
	v1.GET("/roles/:slug", ch.getRole)
	v1.GET("/certifications", ch.listCertifications)
	v1.GET("/certifications/:slug", ch.getCertification)

	ah := &assessmentHandlers{svc: d.Assessments, reports: d.Reports, validate: newValidate()}
	v1.GET("/questionnaires", ah.listQuestionnaires)
	v1.GET("/questionnaires/:slug", ah.getQuestionnaire)
	v1.POST("/assessments", ah.create)
	v1.GET("/assessments/:id", ah.get)
	v1.PATCH("/assessments/:id", ah.patch)
	v1.POST("/assessments/:id/submit", ah.submit)

	acc := &accountHandlers{limits: d.Limits, accounts: d.Accounts, assessments: d.Assessments, validate: ah.validate}
	v1.POST("/auth/register", acc.register)
	v1.POST("/auth/login", acc.login)
	v1.POST("/auth/refresh", acc.refresh)
	v1.POST("/auth/logout", signedIn, acc.logout)
	v1.GET("/me", signedIn, acc.me)
	v1.PATCH("/me", signedIn, acc.patchMe)
	v1.DELETE("/me", signedIn, acc.deleteMe)
	v1.PUT("/me/password", signedIn, acc.changePassword)
	v1.GET("/me/assessments", signedIn, acc.myAssessments)
	v1.POST("/me/assessments", signedIn, acc.claim)

	candidate := requireRole(account.Candidate)
	mh := &mineHandlers{advising: d.Advising, progress: d.Progress, reports: d.Reports, validate: ah.validate}
	v1.GET("/me/shares", candidate, mh.shares)
	v1.POST("/me/shares", candidate, mh.share)
	v1.DELETE("/me/shares/:advisor_id", candidate, mh.unshare)
	v1.GET("/me/roadmap", signedIn, mh.roadmap)
	v1.PUT("/me/roadmap/:step_id", signedIn, mh.setProgress)
	v1.GET("/me/export", signedIn, mh.export)

	sh := &staffHandlers{advising: d.Advising, talent: d.Talent, catalogs: d.Catalog, reports: d.Reports, validate: ah.validate}
	advisor := v1.Group("/advisor", requireRole(account.Advisor))
	advisor.GET("/candidates", sh.candidates)
	advisor.GET("/candidates/:id", sh.candidate)
	advisor.GET("/candidates/:id/notes", sh.notes)
	advisor.POST("/candidates/:id/notes", sh.addNote)
	v1.GET("/recruiter/talent", requireRole(account.Recruiter), sh.pool)

	adm := &adminHandlers{accounts: d.Accounts, assessments: d.Assessments, audit: d.Audit, validate: ah.validate}
	admin := v1.Group("/admin", requireRole(account.Admin))
	admin.POST("/users", adm.createUser)
	admin.GET("/questionnaires", adm.questionnaires)
	admin.POST("/questionnaires", adm.upload)
	admin.GET("/questionnaires/:slug/stats", adm.stats)
	admin.GET("/audit", adm.auditLog)

	spa := spaHandler(d.Frontend)
	r.NoRoute(func(c *gin.Context) {
		p := c.Request.URL.Path
		if strings.HasPrefix(p, "/api/") || (c.Request.Method != http.MethodGet && c.Request.Method != http.MethodHead) {
			writeError(c, errs.E(errs.NotFound, "no such endpoint: %s %s", c.Request.Method, p))
			return
		}
		spa(c)
	})
	r.NoMethod(func(c *gin.Context) {
		writeError(c, errs.E(errs.Unsupported, "%s is not allowed on %s", c.Request.Method, c.Request.URL.Path))
	})
	return r, nil
}

func readyz(db Pinger) gin.HandlerFunc {
	return func(c *gin.Context) {
		ctx, cancel := context.WithTimeout(c.Request.Context(), 2*time.Second)
		defer cancel()
		if err := db.Ping(ctx); err != nil {
			writeError(c, err)
			return
		}
		c.JSON(http.StatusOK, gin.H{"status": "ready"})
	}
}

// appCSP lets the app load only its own scripts, styles, images and API.
// Inline style attributes stay allowed: the chart library positions
// tooltips with them.
const appCSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
	"connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"

// spaHandler serves the built frontend: a file when one matches the path,
// else index.html so client-side routes load the app; precompressed when
// the client accepts it (serveStatic).
func spaHandler(dist fs.FS) gin.HandlerFunc {
	return func(c *gin.Context) {
		name := strings.TrimPrefix(c.Request.URL.Path, "/")
		c.Header("Content-Security-Policy", appCSP)
		if name != "" && name != "index.html" && !strings.HasPrefix(path.Base(name), ".") {
			if st, err := fs.Stat(dist, name); err == nil && !st.IsDir() {
				if strings.HasPrefix(name, "assets/") {
					c.Header("Cache-Control", "public, max-age=31536000, immutable")
				}
				if err := serveStatic(c.Writer, c.Request, dist, name); err != nil {
					writeError(c, err)
				}
				return
			}
		}
		if _, err := fs.Stat(dist, "index.html"); err != nil {
			writeError(c, errs.E(errs.NotFound, "the web app is not built"))
			return
		}
		c.Header("Cache-Control", "no-cache")
		if err := serveStatic(c.Writer, c.Request, dist, "index.html"); err != nil {
			writeError(c, err)
		}
	}
}
