// Package catalog is the career catalog: roles with their aptitude profiles,
// roadmaps and salary ranges, and the certifications the roadmaps lead
// through. It loads and validates the seed files and serves the catalog from
// storage.
package catalog

import (
	"time"

	"github.com/pmpath/pmpath/internal/construct"
	"github.com/pmpath/pmpath/internal/i18n"
)

// Catalog is the whole career catalog.
type Catalog struct {
	Roles          []Role
	Certifications []Certification
}

// Role is a job on the PM or PMO track.
type Role struct {
	Slug             string          `yaml:"slug" validate:"required,slug"`
	Track            construct.Track `yaml:"track" validate:"required,track"`
	Level            construct.Stage `yaml:"level" validate:"required,stage"`
	Name             i18n.Text       `yaml:"name"`
	Summary          i18n.Text       `yaml:"summary"`
	Responsibilities []i18n.Text     `yaml:"responsibilities" validate:"min=3,dive"`
	Profile          []Weight        `yaml:"profile" validate:"min=3,dive"`
	Roadmap          []Step          `yaml:"roadmap" validate:"min=3,dive"`
	Salary           []SalaryRange   `yaml:"salary" validate:"min=1,dive"`
}

// Weight says how much one dimension matters for a role (1 a little, 5 it is
// central) and why.
type Weight struct {
	Dimension construct.Dimension `yaml:"dimension" validate:"required,dimension"`
	Weight    int                 `yaml:"weight" validate:"min=1,max=5"`
	Rationale i18n.Text           `yaml:"rationale"`
}

// Step is one step of a role's roadmap. Its ID is stable: wording may change,
// the ID never does, so progress recorded against it survives catalog edits.
//
// Kind says what the step is: an ordinary step towards the role (StepKindStep,
// the default), the move into another role once this one is reached
// (StepKindNextRole, naming the roles in NextRoles) or a way out of the track
// (StepKindExit, such as going independent). Next roles and exits come after
// every ordinary step and take no months of their own.
//
// Shared names a step that several roadmaps share (start-it-work); a shared
// step lasts the same number of months wherever it appears.
type Step struct {
	ID             string          `yaml:"id" validate:"required,slug"`
	Stage          construct.Stage `yaml:"stage" validate:"required,stage"`
	Kind           string          `yaml:"kind" validate:"omitempty,oneof=step next_role exit"`
	Shared         string          `yaml:"shared" validate:"omitempty,slug"`
	Title          i18n.Text       `yaml:"title"`
	Detail         i18n.Text       `yaml:"detail"`
	Experience     i18n.Text       `yaml:"experience"`
	Certifications []string        `yaml:"certifications" validate:"dive,slug"`
	NextRoles      []string        `yaml:"next_roles" validate:"dive,slug"`
	Months         int             `yaml:"months" validate:"min=0,max=120"`
}

// Step kinds.
const (
	StepKindStep     = "step"
	StepKindNextRole = "next_role"
	StepKindExit     = "exit"
)

// KindOrDefault returns the step's kind, StepKindStep when none is given.
func (s Step) KindOrDefault() string {
	if s.Kind == "" {
		return StepKindStep
	}
	return s.Kind
}

// SalaryRange is a yearly pay range in Japanese yen. MaxJPY is nil when the
// top end is open ("1,200万円 and more"). Estimate marks a range pmpath derived
// rather than one its source states; the note then says how.
type SalaryRange struct {
	Label    i18n.Text  `yaml:"label"`
	MinJPY   int64      `yaml:"min_jpy" validate:"min=1000000,max=100000000"`
	MaxJPY   *int64     `yaml:"max_jpy" validate:"omitempty,min=1000000,max=100000000"`
	Estimate bool       `yaml:"estimate"`
	Note     *i18n.Text `yaml:"note"`
	Source   Source     `yaml:"source"`
}

// Source names where a fact or a figure comes from, with a URL a reader can
// open and the date someone last checked the fact against it.
//
// Kind is SourceIssuer for the issuer's or publisher's own page (the exam body,
// the ministry, the company that ran the survey), SourceReport for someone
// else's report of those facts, and SourceAgency for a recruiting or
// consulting firm's own estimate. Year is the year the page or figure refers
// to (a survey's year, an exam's year); Checked is the day the fact was last
// compared with the page, as YYYY-MM-DD. Sample is the number of people behind
// a figure when the source states it. Via names the report through which the
// fact was checked when the issuer's own page could not be read.
//
// Covers is used by certification sources only: the facts of the
// certification this source backs (see CertFacts).
type Source struct {
	Name    string   `yaml:"name" validate:"required"`
	URL     string   `yaml:"url" validate:"required,url"`
	Kind    string   `yaml:"kind" validate:"required,oneof=issuer report agency"`
	Year    int      `yaml:"year" validate:"min=2000,max=2100"`
	Checked string   `yaml:"checked" validate:"required,datetime=2006-01-02"`
	Sample  int      `yaml:"sample" validate:"min=0"`
	Covers  []string `yaml:"covers"`
	Via     *Source  `yaml:"via" validate:"omitempty"`
}

// Source kinds.
const (
	SourceIssuer = "issuer"
	SourceReport = "report"
	SourceAgency = "agency"
)

// CheckedOn returns the date the source was last checked.
func (s Source) CheckedOn() (time.Time, error) { return time.Parse(time.DateOnly, s.Checked) }

// Certification is a qualification that proves project-management knowledge.
//
// Its facts are the text fields named in CertFacts (format, schedule, fee...)
// and its eligibility. Sources back them: the first is the issuer's own page,
// and every fact the certification states is covered by at least one source.
// Unconfirmed lists the facts no issuer page confirmed on the day they were
// checked; their text says so.
type Certification struct {
	Slug          string          `yaml:"slug" validate:"required,slug"`
	Abbreviation  string          `yaml:"abbreviation" validate:"required,max=20"`
	Name          i18n.Text       `yaml:"name"`
	Issuer        i18n.Text       `yaml:"issuer"`
	Track         construct.Track `yaml:"track" validate:"required,oneof=pm pmo both"`
	Stage         construct.Stage `yaml:"stage" validate:"required,stage"`
	URL           string          `yaml:"url" validate:"required,url"`
	Summary       i18n.Text       `yaml:"summary"`
	Format        i18n.Text       `yaml:"format"`
	Schedule      *i18n.Text      `yaml:"schedule"`
	Fee           *i18n.Text      `yaml:"fee"`
	Prerequisites i18n.Text       `yaml:"prerequisites"`
	Eligibility   *Eligibility    `yaml:"eligibility" validate:"omitempty"`
	Proves        i18n.Text       `yaml:"proves"`
	Levels        []CertLevel     `yaml:"levels" validate:"dive"`
	Sources       []Source        `yaml:"sources" validate:"min=1,dive"`
	Unconfirmed   []string        `yaml:"unconfirmed"`
}

// The facts a certification states, as named in Source.Covers and
// Certification.Unconfirmed.
const (
	FactSummary       = "summary"
	FactFormat        = "format"
	FactSchedule      = "schedule"
	FactFee           = "fee"
	FactPrerequisites = "prerequisites"
	FactEligibility   = "eligibility"
	FactProves        = "proves"
	FactLevels        = "levels"
)

// CertFacts lists every fact name, in the order the certification shows them.
var CertFacts = []string{FactSummary, FactFormat, FactSchedule, FactFee, FactPrerequisites, FactEligibility, FactProves, FactLevels}

// Facts returns the facts this certification states: summary, format,
// prerequisites and proves always; schedule, fee and eligibility when it
// states them (nil when no source gives them); levels when it has any.
func (c Certification) Facts() []string {
	out := []string{FactSummary, FactFormat}
	if c.Schedule != nil {
		out = append(out, FactSchedule)
	}
	if c.Fee != nil {
		out = append(out, FactFee)
	}
	out = append(out, FactPrerequisites)
	if c.Eligibility != nil {
		out = append(out, FactEligibility)
	}
	out = append(out, FactProves)
	if len(c.Levels) > 0 {
		out = append(out, FactLevels)
	}
	return out
}

// PrimarySource returns the first source, the issuer's own page.
func (c Certification) PrimarySource() Source {
	if len(c.Sources) == 0 {
		return Source{}
	}
	return c.Sources[0]
}

// Eligibility is what a person must have before sitting a certification's
// exam, in a form code can check. Every field is optional; a certification
// anyone may sit has no Eligibility at all.
//
// RequiresAny lists certifications one of which must be held first.
// LeadMonthsWithDegree and LeadMonthsWithoutDegree are the months of leading
// projects required with a four-year degree and without one (a secondary
// diploma); WithinMonths is the window that experience must fall in, counted
// back from the application. TrainingHours are hours of project-management
// education, which holding one of TrainingWaivedBy replaces. Education is the
// least schooling required ("secondary" or "bachelor"). Note says in words
// what the fields cannot.
type Eligibility struct {
	RequiresAny             []string   `yaml:"requires_any" validate:"dive,slug"`
	LeadMonthsWithDegree    int        `yaml:"lead_months_with_degree" validate:"min=0,max=240"`
	LeadMonthsWithoutDegree int        `yaml:"lead_months_without_degree" validate:"min=0,max=240"`
	WithinMonths            int        `yaml:"within_months" validate:"min=0,max=480"`
	TrainingHours           float64    `yaml:"training_hours" validate:"min=0,max=1000"`
	TrainingWaivedBy        []string   `yaml:"training_waived_by" validate:"dive,slug"`
	Education               string     `yaml:"education" validate:"omitempty,oneof=secondary bachelor"`
	Note                    *i18n.Text `yaml:"note"`
}

// CertLevel is one grade of a certification that has several (PMO-S ★, ★★...).
type CertLevel struct {
	Code        string    `yaml:"code" validate:"required,max=20"`
	Name        i18n.Text `yaml:"name"`
	Status      string    `yaml:"status" validate:"required,oneof=available announced"`
	Requirement i18n.Text `yaml:"requirement"`
}

// Level statuses.
const (
	LevelAvailable = "available"
	LevelAnnounced = "announced"
)

// RequiredRoles and RequiredCertifications must be in every catalog.
var (
	RequiredRoles = []string{
		"project-manager", "pm-assistant", "program-manager", "portfolio-manager",
		"pmo-administrator", "pmo-analyst", "pmo-manager", "pmo-director",
	}
	RequiredCertifications = []string{"pmp", "ipa-pm", "npmo-pjm-a", "npmo-pmo-s"}
)

// Role returns the role with slug.
func (c *Catalog) Role(slug string) (Role, bool) {
	for _, r := range c.Roles {
		if r.Slug == slug {
			return r, true
		}
	}
	return Role{}, false
}

// Certification returns the certification with slug.
func (c *Catalog) Certification(slug string) (Certification, bool) {
	for _, x := range c.Certifications {
		if x.Slug == slug {
			return x, true
		}
	}
	return Certification{}, false
}

// CertificationSlugs returns the certifications a role's roadmap involves, in
// the order the roadmap first names them.
func (r Role) CertificationSlugs() []string {
	var out []string
	seen := map[string]bool{}
	for _, s := range r.Roadmap {
		for _, c := range s.Certifications {
			if !seen[c] {
				seen[c] = true
				out = append(out, c)
			}
		}
	}
	return out
}
