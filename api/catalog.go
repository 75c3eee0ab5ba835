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
	"github.com/pmpath/pmpath/internal/construct"
	"github.com/pmpath/pmpath/internal/errs"
	"github.com/pmpath/pmpath/internal/i18n"
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

func stageOf(s construct.Stage, l i18n.Lang) stageJSON {
	out := stageJSON{Key: string(s)}
	if r, ok := construct.Rank(s); ok {
		out.Name = construct.Stages[r].Name.In(l)
	}
	return out
}

func sourceOf(s catalog.Source) sourceJSON {
	out := sourceJSON{Name: s.Name, Year: s.Year}
	if s.URL != "" {
		out.URL = &s.URL
	}
	return out
}

func salariesOf(ranges []catalog.SalaryRange, l i18n.Lang) []salaryJSON {
	out := make([]salaryJSON, len(ranges))
	for i, s := range ranges {
		out[i] = salaryJSON{Label: s.Label.In(l), MinJPY: s.MinJPY, MaxJPY: s.MaxJPY, Estimate: s.Estimate, Source: sourceOf(s.Source)}
		if s.Note != nil {
			n := s.Note.In(l)
			out[i].Note = &n
		}
	}
	return out
}

func roleSummaryOf(r catalog.Role, l i18n.Lang) roleSummaryJSON {
	return roleSummaryJSON{
		Slug: r.Slug, Track: string(r.Track), Level: stageOf(r.Level, l),
		Name: r.Name.In(l), Summary: r.Summary.In(l),
		Certifications: nonNil(r.CertificationSlugs()), SalaryRanges: salariesOf(r.Salary, l),
	}
}

func certSummaryOf(c catalog.Certification, l i18n.Lang) certSummaryJSON {
	return certSummaryJSON{
		Slug: c.Slug, Abbreviation: c.Abbreviation, Name: c.Name.In(l), Issuer: c.Issuer.In(l),
		Track: c.Track, Stage: stageOf(c.Stage, l), URL: c.URL, Summary: c.Summary.In(l),
	}
}

func roleDetailOf(r catalog.Role, snap *catalog.Snapshot, l i18n.Lang) roleDetailJSON {
	out := roleDetailJSON{
		Slug: r.Slug, Track: string(r.Track), Level: stageOf(r.Level, l),
		Name: r.Name.In(l), Summary: r.Summary.In(l),
		Responsibilities: make([]string, len(r.Responsibilities)),
		Profile:          make([]weightJSON, len(r.Profile)),
		Roadmap:          make([]stepJSON, len(r.Roadmap)),
		Certifications:   []certSummaryJSON{},
		SalaryRanges:     salariesOf(r.Salary, l),
	}
	for i, t := range r.Responsibilities {
		out.Responsibilities[i] = t.In(l)
	}
	for i, w := range r.Profile {
		d, _ := construct.LookupDimension(w.Dimension)
		out.Profile[i] = weightJSON{Dimension: string(w.Dimension), Name: d.Name.In(l), Weight: w.Weight, Rationale: w.Rationale.In(l)}
	}
	for i, s := range r.Roadmap {
		out.Roadmap[i] = stepOf(s, l)
	}
	for _, slug := range r.CertificationSlugs() {
		if c, ok := snap.Certification(slug); ok {
			out.Certifications = append(out.Certifications, certSummaryOf(c, l))
		}
	}
	return out
}

func certDetailOf(c catalog.Certification, snap *catalog.Snapshot, l i18n.Lang) certDetailJSON {
	out := certDetailJSON{
		certSummaryJSON: certSummaryOf(c, l),
		Format:          c.Format.In(l), Prerequisites: c.Prerequisites.In(l), Proves: c.Proves.In(l),
		Levels: make([]certLevelJSON, len(c.Levels)), Source: sourceOf(c.Source), Roles: []roleRefJSON{},
	}
	for i, lv := range c.Levels {
		out.Levels[i] = certLevelJSON{Code: lv.Code, Name: lv.Name.In(l), Status: lv.Status, Requirement: lv.Requirement.In(l)}
	}
	for _, r := range snap.RolesWithCertification(c.Slug) {
		out.Roles = append(out.Roles, roleRefJSON{Slug: r.Slug, Name: r.Name.In(l)})
	}
	return out
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func (h *catalogHandlers) listRoles(c *gin.Context) {
	l := lang(c)
	snap, err := h.catalog.Snapshot(c.Request.Context())
	if err != nil {
		writeError(c, err)
		return
	}
	track := c.Query("track")
	if track != "" && !construct.ValidTrack(construct.Track(track)) {
		writeError(c, errs.Fields("unknown track", errs.Field("query.track", "must be pm or pmo")))
		return
	}
	h.writeCached(c, snap, "roles?track="+track+"&lang="+string(l), func() any {
		roles := []roleSummaryJSON{}
		for _, r := range snap.Roles {
			if track == "" || string(r.Track) == track {
				roles = append(roles, roleSummaryOf(r, l))
			}
		}
		return gin.H{"roles": roles}
	})
}

func (h *catalogHandlers) getRole(c *gin.Context) {
	l := lang(c)
	r, snap, err := h.catalog.Role(c.Request.Context(), c.Param("slug"))
	if err != nil {
		writeError(c, err)
		return
	}
	h.writeCached(c, snap, "roles/"+r.Slug+"?lang="+string(l), func() any { return roleDetailOf(r, snap, l) })
}

func (h *catalogHandlers) listCertifications(c *gin.Context) {
	l := lang(c)
	snap, err := h.catalog.Snapshot(c.Request.Context())
	if err != nil {
		writeError(c, err)
		return
	}
	h.writeCached(c, snap, "certifications?lang="+string(l), func() any {
		certs := make([]certSummaryJSON, len(snap.Certifications))
		for i, x := range snap.Certifications {
			certs[i] = certSummaryOf(x, l)
		}
		return gin.H{"certifications": certs}
	})
}

func (h *catalogHandlers) getCertification(c *gin.Context) {
	l := lang(c)
	x, snap, err := h.catalog.Certification(c.Request.Context(), c.Param("slug"))
	if err != nil {
		writeError(c, err)
		return
	}
	h.writeCached(c, snap, "certifications/"+x.Slug+"?lang="+string(l), func() any { return certDetailOf(x, snap, l) })
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

func stepOf(s catalog.Step, l i18n.Lang) stepJSON {
	return stepJSON{
		ID: s.ID, Stage: stageOf(s.Stage, l), Title: s.Title.In(l), Detail: s.Detail.In(l),
		Experience: s.Experience.In(l), Months: s.Months, Certifications: nonNil(s.Certifications),
	}
}
