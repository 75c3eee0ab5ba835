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
	LeanPM       = construct.LeanPM
	LeanPMO      = construct.LeanPMO
	LeanBalanced = construct.LeanBalanced
)

// Quality flags.
const (
	FlagStraightLining = "straight_lining"
	FlagInconsistent   = "inconsistent_reverse_pairs"
	FlagTooFast        = "too_fast"
)

// Result is a scored response. It holds ids and numbers only; texts are
// looked up in the questionnaire and catalog when it is shown, in the
// reader's language (internal/report).
//
// Result has no JSON form of its own: the store keeps it in a row of its
// own (internal/store/result.go) and the API shows it through its own
// types, so a field added here is stored and shown only once it is added
// there (a store test fails until it is stored).
type Result struct {
	Questionnaire        string
	QuestionnaireVersion int
	ScoringVersion       string
	// CatalogVersion is the catalog the roles and plan were taken from; the
	// caller sets it.
	CatalogVersion  string
	Orientation     Orientation
	Dimensions      []DimensionScore
	Roles           []RoleFit
	RecommendedRole string
	Readiness       Readiness
	Quality         Quality
	Plan            Plan
	// Scales, Confidence and Administration come with the profile model
	// (versions with scales); results of the first model have none.
	Scales         []ScaleScore
	Confidence     *Confidence
	Administration *Administration
}

// Administration modes.
const (
	ModeFull     = "full"
	ModeAdaptive = "adaptive"
)

// Administration says how much of the questionnaire was asked.
type Administration struct {
	Mode           string
	Asked          int
	Total          int
	StoppedBecause string
}

// Orientation is how strongly the person leans to each track, 0-100.
type Orientation struct {
	PM   int
	PMO  int
	Lean construct.Lean
}

// DimensionScore is one dimension, 0-100, with the items that raised it
// most (High) and held it back most (Low).
type DimensionScore struct {
	Key   construct.Dimension
	Score int
	High  []string
	Low   []string
}

// RoleFit is how well the person fits one role, 0-100, and why.
type RoleFit struct {
	Slug string
	Fit  int
	// FitLow and FitHigh bound the fit by the measurement error of the
	// scales it rests on (profile model only).
	FitLow  int
	FitHigh int
	Reasons []Reason
}

// Reason kinds.
const (
	ReasonStrength = "strength"
	ReasonGap      = "gap"
)

// Reason says one thing that drove a role's fit: a dimension the role
// weighs, the person's score on it, and the answers behind that score.
type Reason struct {
	Kind      string
	Dimension construct.Dimension
	Weight    int
	Score     int
	Items     []string
}

// Readiness is where the person stands today, from their experience.
type Readiness struct {
	Stage construct.Stage
	// NextStep is the id of the first roadmap step of the plan.
	NextStep string
	// Evidence lists the experience answers that set the stage.
	Evidence []Evidence
	// HeldCertifications are the certifications the person reported.
	HeldCertifications []string
}

// Evidence is one experience answer and the stage it shows.
type Evidence struct {
	Item   string
	Option string
	Stage  construct.Stage
}

// Quality holds flags that cast doubt on a response.
type Quality struct {
	Flags []string
	// Reliable is false when the sheet cannot be trusted. Under the
	// profile model no role is then recommended and no plan targeted; the
	// first model only reports it. Indices come with the profile model.
	Reliable bool
	Indices  *QualityIndices
}

// Plan is the personal plan towards the target role.
type Plan struct {
	TargetRole string
	// Gaps are the target role's dimensions where the person is below the
	// level the role asks for, largest first.
	Gaps []Gap
	// Steps are ids of the target role's roadmap steps from the person's
	// readiness stage on, in roadmap order.
	Steps []string
	// Certifications are slugs that fit the plan and the person's stage,
	// not already held, most relevant first.
	Certifications []string
	// NextRole is the role that is the next step on the target's track.
	NextRole string
	// NowRole is the role on the target's track the person is ready for
	// today (profile model only): the target when their readiness reaches
	// it.
	NowRole string
}

// Gap is the distance between the person's score and the level a role asks
// for on one dimension.
type Gap struct {
	Dimension construct.Dimension
	Score     int
	Target    int
	Gap       int
}
