// Package catalog is the career catalog: roles with their aptitude profiles,
// roadmaps and salary ranges, and the certifications the roadmaps lead
// through. It loads and validates the seed files and serves the catalog from
// storage.
package catalog

import (
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
type Step struct {
	ID             string          `yaml:"id" validate:"required,slug"`
	Stage          construct.Stage `yaml:"stage" validate:"required,stage"`
	Title          i18n.Text       `yaml:"title"`
	Detail         i18n.Text       `yaml:"detail"`
	Experience     i18n.Text       `yaml:"experience"`
	Certifications []string        `yaml:"certifications" validate:"dive,slug"`
	Months         int             `yaml:"months" validate:"min=0,max=120"`
}

// SalaryRange is a yearly pay range in Japanese yen. MaxJPY is nil when the
// top end is open ("1,200万円 and more"). Estimate marks a range pmpath derived
// rather than one its source states.
type SalaryRange struct {
	Label    i18n.Text  `yaml:"label"`
	MinJPY   int64      `yaml:"min_jpy" validate:"min=1000000,max=100000000"`
	MaxJPY   *int64     `yaml:"max_jpy" validate:"omitempty,min=1000000,max=100000000"`
	Estimate bool       `yaml:"estimate"`
	Note     *i18n.Text `yaml:"note"`
	Source   Source     `yaml:"source"`
}

// Source names where a figure comes from.
type Source struct {
	Name string `yaml:"name" validate:"required"`
	URL  string `yaml:"url" validate:"omitempty,url"`
	Year int    `yaml:"year" validate:"min=2000,max=2100"`
}

// Certification is a qualification that proves project-management knowledge.
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
	Prerequisites i18n.Text       `yaml:"prerequisites"`
	Proves        i18n.Text       `yaml:"proves"`
	Levels        []CertLevel     `yaml:"levels" validate:"dive"`
	Source        Source          `yaml:"source"`
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
