// Package scoring turns a questionnaire's answers into a result: dimension
// scores, PM/PMO orientation, fit for every catalog role and why, readiness,
// quality flags and a personal plan. It is a pure function of its inputs:
// no database, no HTTP, no clock, no randomness.
package scoring

import (
	"github.com/pmpath/pmpath/internal/construct"
)

// Version identifies the scoring rules. Change it whenever a rule or
// constant here changes what a result would be; stored results keep the
// version they were scored with.
const Version = "1"

// Leans of the orientation.
const (
	LeanPM       = "pm"
	LeanPMO      = "pmo"
	LeanBalanced = "balanced"
)

// Quality flags.
const (
	FlagStraightLining = "straight_lining"
	FlagInconsistent   = "inconsistent_reverse_pairs"
	FlagTooFast        = "too_fast"
)

// Result is a scored response. It holds ids and numbers only; texts are
// looked up in the questionnaire and catalog when it is shown, in the
// reader's language.
type Result struct {
	Questionnaire        string `json:"questionnaire"`
	QuestionnaireVersion int    `json:"questionnaire_version"`
	ScoringVersion       string `json:"scoring_version"`
	// CatalogVersion is the catalog the roles and plan were taken from; the
	// caller sets it.
	CatalogVersion  string           `json:"catalog_version,omitempty"`
	Orientation     Orientation      `json:"orientation"`
	Dimensions      []DimensionScore `json:"dimensions"`
	Roles           []RoleFit        `json:"roles"`
	RecommendedRole string           `json:"recommended_role"`
	Readiness       Readiness        `json:"readiness"`
	Quality         Quality          `json:"quality"`
	Plan            Plan             `json:"plan"`
	// Scales, Confidence and Administration come with the profile model
	// (versions with scales); results of the first model have none.
	Scales         []ScaleScore    `json:"scales,omitempty"`
	Confidence     *Confidence     `json:"confidence,omitempty"`
	Administration *Administration `json:"administration,omitempty"`
}

// Administration modes.
const (
	ModeFull     = "full"
	ModeAdaptive = "adaptive"
)

// Administration says how much of the questionnaire was asked.
type Administration struct {
	Mode           string `json:"mode"`
	Asked          int    `json:"asked"`
	Total          int    `json:"total"`
	StoppedBecause string `json:"stopped_because,omitempty"`
}

// Orientation is how strongly the person leans to each track, 0-100.
type Orientation struct {
	PM   int    `json:"pm"`
	PMO  int    `json:"pmo"`
	Lean string `json:"lean"`
}

// DimensionScore is one dimension, 0-100, with the items that raised it
// most (High) and held it back most (Low).
type DimensionScore struct {
	Key   construct.Dimension `json:"key"`
	Score int                 `json:"score"`
	High  []string            `json:"high,omitempty"`
	Low   []string            `json:"low,omitempty"`
}

// RoleFit is how well the person fits one role, 0-100, and why.
type RoleFit struct {
	Slug string `json:"slug"`
	Fit  int    `json:"fit"`
	// FitLow and FitHigh bound the fit by the measurement error of the
	// scales it rests on (profile model only).
	FitLow  int      `json:"fit_low,omitempty"`
	FitHigh int      `json:"fit_high,omitempty"`
	Reasons []Reason `json:"reasons"`
}

// Reason kinds.
const (
	ReasonStrength = "strength"
	ReasonGap      = "gap"
)

// Reason says one thing that drove a role's fit: a dimension the role
// weighs, the person's score on it, and the answers behind that score.
type Reason struct {
	Kind      string              `json:"kind"`
	Dimension construct.Dimension `json:"dimension"`
	Weight    int                 `json:"weight"`
	Score     int                 `json:"score"`
	Items     []string            `json:"items,omitempty"`
}

// Readiness is where the person stands today, from their experience.
type Readiness struct {
	Stage construct.Stage `json:"stage"`
	// NextStep is the id of the first roadmap step of the plan.
	NextStep string `json:"next_step"`
	// Evidence lists the experience answers that set the stage.
	Evidence []Evidence `json:"evidence"`
	// HeldCertifications are the certifications the person reported.
	HeldCertifications []string `json:"held_certifications"`
}

// Evidence is one experience answer and the stage it shows.
type Evidence struct {
	Item   string          `json:"item"`
	Option string          `json:"option"`
	Stage  construct.Stage `json:"stage"`
}

// Quality holds flags that cast doubt on a response.
type Quality struct {
	Flags []string `json:"flags"`
	// Reliable is false when the sheet cannot be trusted. Under the
	// profile model no role is then recommended and no plan targeted; the
	// first model only reports it. Indices come with the profile model.
	Reliable bool            `json:"reliable"`
	Indices  *QualityIndices `json:"indices,omitempty"`
}

// Plan is the personal plan towards the target role.
type Plan struct {
	TargetRole string `json:"target_role"`
	// Gaps are the target role's dimensions where the person is below the
	// level the role asks for, largest first.
	Gaps []Gap `json:"gaps"`
	// Steps are ids of the target role's roadmap steps from the person's
	// readiness stage on, in roadmap order.
	Steps []string `json:"steps"`
	// Certifications are slugs that fit the plan and the person's stage,
	// not already held, most relevant first.
	Certifications []string `json:"certifications"`
	// NextRole is the role that is the next step on the target's track.
	NextRole string `json:"next_role"`
}

// Gap is the distance between the person's score and the level a role asks
// for on one dimension.
type Gap struct {
	Dimension construct.Dimension `json:"dimension"`
	Score     int                 `json:"score"`
	Target    int                 `json:"target"`
	Gap       int                 `json:"gap"`
}
