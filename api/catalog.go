package api

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/pmpath/pmpath/internal/catalog"
	"github.com/pmpath/pmpath/internal/report"
)

// catalogHandlers serves the public, read-mostly career catalog.
type catalogHandlers struct {
	catalog  *catalog.Service
	rendered renderCache
	// Header values every answer carries, built once and shared between
	// responses (assigned to a response's header, never appended to).
	cacheControl, vary, contentType []string
}

func newCatalogHandlers(svc *catalog.Service, maxAge time.Duration) *catalogHandlers {
	return &catalogHandlers{
		catalog:      svc,
		cacheControl: []string{"public, max-age=" + strconv.Itoa(int(maxAge.Seconds()))},
		vary:         []string{"Accept-Language"},
		contentType:  []string{"application/json; charset=utf-8"},
	}
}

type stageJSON struct {
	Key  string `json:"key"`
	Name string `json:"name"`
}

type sourceJSON struct {
	Name string  `json:"name"`
	URL  *string `json:"url"`
	Year int     `json:"year"`
}

type salaryJSON struct {
	Label    string     `json:"label"`
	MinJPY   int64      `json:"min_jpy"`
	MaxJPY   *int64     `json:"max_jpy"`
	Estimate bool       `json:"estimate"`
	Note     *string    `json:"note"`
	Source   sourceJSON `json:"source"`
}

type roleSummaryJSON struct {
	Slug           string       `json:"slug"`
	Track          string       `json:"track"`
	Level          stageJSON    `json:"level"`
	Name           string       `json:"name"`
	Summary        string       `json:"summary"`
	Certifications []string     `json:"certifications"`
	SalaryRanges   []salaryJSON `json:"salary_ranges"`
}

type weightJSON struct {
	Dimension string `json:"dimension"`
	Name      string `json:"name"`
	Weight    int    `json:"weight"`
	Rationale string `json:"rationale"`
}

type stepJSON struct {
	ID             string    `json:"id"`
	Stage          stageJSON `json:"stage"`
	Title          string    `json:"title"`
	Detail         string    `json:"detail"`
	Experience     string    `json:"experience"`
	Months         int       `json:"months"`
	Certifications []string  `json:"certifications"`
}

type roleDetailJSON struct {
	Slug             string            `json:"slug"`
	Track            string            `json:"track"`
	Level            stageJSON         `json:"level"`
	Name             string            `json:"name"`
	Summary          string            `json:"summary"`
	Responsibilities []string          `json:"responsibilities"`
	Profile          []weightJSON      `json:"profile"`
	Roadmap          []stepJSON        `json:"roadmap"`
	Certifications   []certSummaryJSON `json:"certifications"`
	SalaryRanges     []salaryJSON      `json:"salary_ranges"`
}

type certSummaryJSON struct {
	Slug         string    `json:"slug"`
	Abbreviation string    `json:"abbreviation"`
	Name         string    `json:"name"`
	Issuer       string    `json:"issuer"`
	Track        string    `json:"track"`
	Stage        stageJSON `json:"stage"`
	URL          string    `json:"url"`
	Summary      string    `json:"summary"`
}

type certLevelJSON struct {
	Code        string `json:"code"`
	Name        string `json:"name"`
	Status      string `json:"status"`
	Requirement string `json:"requirement"`
}

type roleRefJSON struct {
	Slug string `json:"slug"`
	Name string `json:"name"`
}

type certDetailJSON struct {
	certSummaryJSON
	Format        string          `json:"format"`
	Prerequisites string          `json:"prerequisites"`
	Proves        string          `json:"proves"`
	Levels        []certLevelJSON `json:"levels"`
	Source        sourceJSON      `json:"source"`
	Roles         []roleRefJSON   `json:"roles"`
}

func stageOf(s report.Stage) stageJSON { return stageJSON{Key: string(s.Key), Name: s.Name} }

func salaryOf(s report.Salary) salaryJSON {
	return salaryJSON{Label: s.Label, MinJPY: s.MinJPY, MaxJPY: s.MaxJPY, Estimate: s.Estimate, Note: s.Note, Source: sourceJSON(s.Source)}
}

func stepOf(s report.Step) stepJSON {
	return stepJSON{
		ID: s.ID, Stage: stageOf(s.Stage), Title: s.Title, Detail: s.Detail,
		Experience: s.Experience, Months: s.Months, Certifications: s.Certifications,
	}
}

func roleSummaryOf(r report.Role) roleSummaryJSON {
	return roleSummaryJSON{
		Slug: r.Slug, Track: string(r.Track), Level: stageOf(r.Level), Name: r.Name, Summary: r.Summary,
		Certifications: r.Certifications, SalaryRanges: each(r.SalaryRanges, salaryOf),
	}
}

func certSummaryOf(c report.Certification) certSummaryJSON {
	return certSummaryJSON{
		Slug: c.Slug, Abbreviation: c.Abbreviation, Name: c.Name, Issuer: c.Issuer,
		Track: string(c.Track), Stage: stageOf(c.Stage), URL: c.URL, Summary: c.Summary,
	}
}

func roleDetailOf(r report.RoleDetail) roleDetailJSON {
	return roleDetailJSON{
		Slug: r.Slug, Track: string(r.Track), Level: stageOf(r.Level), Name: r.Name, Summary: r.Summary,
		Responsibilities: r.Responsibilities,
		Profile: each(r.Profile, func(w report.Weight) weightJSON {
			return weightJSON{Dimension: string(w.Dimension), Name: w.Name, Weight: w.Weight, Rationale: w.Rationale}
		}),
		Roadmap:        each(r.Roadmap, stepOf),
		Certifications: each(r.Certifications, certSummaryOf),
		SalaryRanges:   each(r.SalaryRanges, salaryOf),
	}
}

func certDetailOf(c report.CertificationDetail) certDetailJSON {
	return certDetailJSON{
		certSummaryJSON: certSummaryOf(c.Certification),
		Format:          c.Format, Prerequisites: c.Prerequisites, Proves: c.Proves,
		Levels: each(c.Levels, func(lv report.CertLevel) certLevelJSON { return certLevelJSON(lv) }),
		Source: sourceJSON(c.Source),
		Roles:  each(c.Roles, func(r report.RoleRef) roleRefJSON { return roleRefJSON(r) }),
	}
}

func (h *catalogHandlers) listRoles(c *gin.Context) {
	l := lang(c)
	snap, err := h.catalog.Snapshot(c.Request.Context())
	if err != nil {
		writeError(c, err)
		return
	}
	track := c.Query("track")
	if err := report.CheckTrack(track); err != nil {
		writeError(c, err)
		return
	}
	h.writeCached(c, snap, "roles?track="+track+"&lang="+string(l), func() any {
		return gin.H{"roles": each(report.Roles(snap.Catalog, track, l), roleSummaryOf)}
	})
}

func (h *catalogHandlers) getRole(c *gin.Context) {
	l := lang(c)
	r, snap, err := h.catalog.Role(c.Request.Context(), c.Param("slug"))
	if err != nil {
		writeError(c, err)
		return
	}
	h.writeCached(c, snap, "roles/"+r.Slug+"?lang="+string(l), func() any { return roleDetailOf(report.RoleDetailOf(r, snap.Catalog, l)) })
}

func (h *catalogHandlers) listCertifications(c *gin.Context) {
	l := lang(c)
	snap, err := h.catalog.Snapshot(c.Request.Context())
	if err != nil {
		writeError(c, err)
		return
	}
	h.writeCached(c, snap, "certifications?lang="+string(l), func() any {
		return gin.H{"certifications": each(report.Certifications(snap.Catalog, l), certSummaryOf)}
	})
}

func (h *catalogHandlers) getCertification(c *gin.Context) {
	l := lang(c)
	x, snap, err := h.catalog.Certification(c.Request.Context(), c.Param("slug"))
	if err != nil {
		writeError(c, err)
		return
	}
	h.writeCached(c, snap, "certifications/"+x.Slug+"?lang="+string(l), func() any { return certDetailOf(report.CertificationDetailOf(x, snap.Catalog, l)) })
}

// writeCached writes the JSON body that render makes, with a strong ETag
// of its bytes, and answers 304 when the client already holds it. A
// catalog answer depends only on the catalog version and the key (the
// resource, language and filter), so each is encoded and hashed once per
// version and then served from memory.
func (h *catalogHandlers) writeCached(c *gin.Context, snap *catalog.Snapshot, key string, render func() any) {
	r, err := h.rendered.get(snap.Version, key, render)
	if err != nil {
		writeError(c, err)
		return
	}
	hdr := c.Writer.Header()
	hdr["Etag"] = r.etagHeader
	hdr["Cache-Control"] = h.cacheControl
	hdr["Vary"] = h.vary
	if etagMatches(c.GetHeader("If-None-Match"), r.etag) {
		c.Status(http.StatusNotModified)
		return
	}
	hdr["Content-Type"] = h.contentType
	c.Status(http.StatusOK)
	_, _ = c.Writer.Write(r.body)
}

// renderCache holds the encoded catalog answers of one catalog version.
// Keys come from validated input only (known slugs, languages and
// tracks), so it stays as small as the catalog.
type renderCache struct {
	mu      sync.Mutex
	version string
	entries map[string]renderedBody
}

type renderedBody struct {
	body       []byte
	etag       string
	etagHeader []string
}

// get returns the answer for key in catalog version, rendering it on the
// first request. A new version empties the cache.
func (rc *renderCache) get(version, key string, render func() any) (renderedBody, error) {
	rc.mu.Lock()
	if rc.version == version {
		if r, ok := rc.entries[key]; ok {
			rc.mu.Unlock()
			return r, nil
		}
	}
	rc.mu.Unlock()
	var buf bytes.Buffer
	if err := writeJSON(&buf, render()); err != nil {
		return renderedBody{}, err
	}
	sum := sha256.Sum256(buf.Bytes())
	etag := `"` + hex.EncodeToString(sum[:16]) + `"`
	r := renderedBody{body: buf.Bytes(), etag: etag, etagHeader: []string{etag}}
	rc.mu.Lock()
	defer rc.mu.Unlock()
	if rc.version != version {
		rc.version, rc.entries = version, map[string]renderedBody{}
	}
	rc.entries[key] = r
	return r, nil
}

// etagMatches implements the weak comparison of If-None-Match (RFC 9110
// 13.1.2).
func etagMatches(header, etag string) bool {
	if header == "" {
		return false
	}
	for _, t := range strings.Split(header, ",") {
		t = strings.TrimSpace(t)
		if t == "*" || strings.TrimPrefix(t, "W/") == etag {
			return true
		}
	}
	return false
}
