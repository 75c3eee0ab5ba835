package report

import (
	"github.com/pmpath/pmpath/internal/catalog"
	"github.com/pmpath/pmpath/internal/construct"
	"github.com/pmpath/pmpath/internal/errs"
	"github.com/pmpath/pmpath/internal/i18n"
)

// Stage is a readiness stage and its name.
type Stage struct {
	Key  construct.Stage
	Name string
}

// Source names where a figure comes from; URL is nil when it has none.
type Source struct {
	Name string
	URL  *string
	Year int
}

// Salary is a pay range, worded.
type Salary struct {
	Label    string
	MinJPY   int64
	MaxJPY   *int64
	Estimate bool
	Note     *string
	Source   Source
}

// Step is a roadmap step, worded.
type Step struct {
	ID             string
	Stage          Stage
	Title          string
	Detail         string
	Experience     string
	Months         int
	Certifications []string
}

// Certification is what a listing or plan shows of a certification.
type Certification struct {
	Slug         string
	Abbreviation string
	Name         string
	Issuer       string
	Track        construct.Track
	Stage        Stage
	URL          string
	Summary      string
}

// CertificationDetail is a certification in full.
type CertificationDetail struct {
	Certification
	Format        string
	Prerequisites string
	Proves        string
	Levels        []CertLevel
	Source        Source
	// Roles are the roles whose roadmaps lead through it.
	Roles []RoleRef
}

// CertLevel is one grade of a certification, worded.
type CertLevel struct {
	Code        string
	Name        string
	Status      string
	Requirement string
}

// RoleRef names a role.
type RoleRef struct {
	Slug string
	Name string
}

// Role is what a listing shows of a role.
type Role struct {
	Slug           string
	Track          construct.Track
	Level          Stage
	Name           string
	Summary        string
	Certifications []string
	SalaryRanges   []Salary
}

// RoleDetail is a role in full.
type RoleDetail struct {
	Slug             string
	Track            construct.Track
	Level            Stage
	Name             string
	Summary          string
	Responsibilities []string
	Profile          []Weight
	Roadmap          []Step
	Certifications   []Certification
	SalaryRanges     []Salary
}

// Weight is how much a role weighs one dimension, and why.
type Weight struct {
	Dimension construct.Dimension
	Name      string
	Weight    int
	Rationale string
}

// StageOf names stage s in l; an unknown stage has no name.
func StageOf(s construct.Stage, l i18n.Lang) Stage {
	out := Stage{Key: s}
	if r, ok := construct.Rank(s); ok {
		out.Name = construct.Stages[r].Name.In(l)
	}
	return out
}

// DimensionName is the name of dimension d in l, or its key when unknown.
func DimensionName(d construct.Dimension, l i18n.Lang) string {
	if info, ok := construct.LookupDimension(d); ok {
		return info.Name.In(l)
	}
	return string(d)
}

func sourceOf(s catalog.Source) Source {
	out := Source{Name: s.Name, Year: s.Year}
	if s.URL != "" {
		out.URL = &s.URL
	}
	return out
}

func salariesOf(ranges []catalog.SalaryRange, l i18n.Lang) []Salary {
	out := make([]Salary, len(ranges))
	for i, s := range ranges {
		out[i] = Salary{Label: s.Label.In(l), MinJPY: s.MinJPY, MaxJPY: s.MaxJPY, Estimate: s.Estimate, Source: sourceOf(s.Source)}
		if s.Note != nil {
			n := s.Note.In(l)
			out[i].Note = &n
		}
	}
	return out
}

// StepOf words roadmap step s in l.
func StepOf(s catalog.Step, l i18n.Lang) Step {
	return Step{
		ID: s.ID, Stage: StageOf(s.Stage, l), Title: s.Title.In(l), Detail: s.Detail.In(l),
		Experience: s.Experience.In(l), Months: s.Months, Certifications: nonNil(s.Certifications),
	}
}

// CertificationOf words c in l.
func CertificationOf(c catalog.Certification, l i18n.Lang) Certification {
	return Certification{
		Slug: c.Slug, Abbreviation: c.Abbreviation, Name: c.Name.In(l), Issuer: c.Issuer.In(l),
		Track: c.Track, Stage: StageOf(c.Stage, l), URL: c.URL, Summary: c.Summary.In(l),
	}
}

// RoleOf words r in l, as a listing shows it.
func RoleOf(r catalog.Role, l i18n.Lang) Role {
	return Role{
		Slug: r.Slug, Track: r.Track, Level: StageOf(r.Level, l),
		Name: r.Name.In(l), Summary: r.Summary.In(l),
		Certifications: nonNil(r.CertificationSlugs()), SalaryRanges: salariesOf(r.Salary, l),
	}
}

// RoleDetailOf words r in full in l, with the certifications of its
// roadmap as c describes them.
func RoleDetailOf(r catalog.Role, c *catalog.Catalog, l i18n.Lang) RoleDetail {
	out := RoleDetail{
		Slug: r.Slug, Track: r.Track, Level: StageOf(r.Level, l),
		Name: r.Name.In(l), Summary: r.Summary.In(l),
		Responsibilities: make([]string, len(r.Responsibilities)),
		Profile:          make([]Weight, len(r.Profile)),
		Roadmap:          make([]Step, len(r.Roadmap)),
		Certifications:   []Certification{},
		SalaryRanges:     salariesOf(r.Salary, l),
	}
	for i, t := range r.Responsibilities {
		out.Responsibilities[i] = t.In(l)
	}
	for i, w := range r.Profile {
		out.Profile[i] = Weight{Dimension: w.Dimension, Name: DimensionName(w.Dimension, l), Weight: w.Weight, Rationale: w.Rationale.In(l)}
	}
	for i, s := range r.Roadmap {
		out.Roadmap[i] = StepOf(s, l)
	}
	for _, slug := range r.CertificationSlugs() {
		if cert, ok := c.Certification(slug); ok {
			out.Certifications = append(out.Certifications, CertificationOf(cert, l))
		}
	}
	return out
}

// CertificationDetailOf words x in full in l, with the roles of c that
// lead through it.
func CertificationDetailOf(x catalog.Certification, c *catalog.Catalog, l i18n.Lang) CertificationDetail {
	out := CertificationDetail{
		Certification: CertificationOf(x, l),
		Format:        x.Format.In(l), Prerequisites: x.Prerequisites.In(l), Proves: x.Proves.In(l),
		Levels: make([]CertLevel, len(x.Levels)), Source: sourceOf(x.PrimarySource()), Roles: []RoleRef{},
	}
	for i, lv := range x.Levels {
		out.Levels[i] = CertLevel{Code: lv.Code, Name: lv.Name.In(l), Status: lv.Status, Requirement: lv.Requirement.In(l)}
	}
	for _, r := range c.RolesWithCertification(x.Slug) {
		out.Roles = append(out.Roles, RoleRef{Slug: r.Slug, Name: r.Name.In(l)})
	}
	return out
}

// nonNil is s, or an empty slice for nil: lists in a view are never
// absent.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// CheckTrack checks a filter by track: empty (every track) or a track.
func CheckTrack(track string) error {
	if track != "" && !construct.ValidTrack(construct.Track(track)) {
		return errs.Fields("unknown track", errs.Field("query.track", "must be pm or pmo"))
	}
	return nil
}

// Roles words the roles of c on track in l: every role when track is
// empty.
func Roles(c *catalog.Catalog, track string, l i18n.Lang) []Role {
	out := []Role{}
	for _, r := range c.Roles {
		if track == "" || string(r.Track) == track {
			out = append(out, RoleOf(r, l))
		}
	}
	return out
}

// Certifications words every certification of c in l.
func Certifications(c *catalog.Catalog, l i18n.Lang) []Certification {
	out := make([]Certification, len(c.Certifications))
	for i, x := range c.Certifications {
		out[i] = CertificationOf(x, l)
	}
	return out
}
