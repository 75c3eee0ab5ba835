package api

import (
	"encoding/json"
	"time"

	"github.com/pmpath/pmpath/internal/assessment"
)

// The export hands each result over in the form pmpath first stored
// results in (ids and numbers, no wording), with what the profile model
// adds when a result has it. These types keep that form for the export
// whatever the store or the views do. quality.reliable is left out: it
// says no more than whether quality.flags is empty.

type exportAssessmentJSON struct {
	ID            string               `json:"id"`
	Questionnaire questionnaireRefJSON `json:"questionnaire"`
	Status        string               `json:"status"`
	// Answers are the answers as given (questionnaire.Answers).
	Answers     json.Marshaler    `json:"answers"`
	Result      *exportResultJSON `json:"result"`
	CreatedAt   time.Time         `json:"created_at"`
	SubmittedAt *time.Time        `json:"submitted_at"`
}

type exportResultJSON struct {
	Questionnaire        string                `json:"questionnaire"`
	QuestionnaireVersion int                   `json:"questionnaire_version"`
	ScoringVersion       string                `json:"scoring_version"`
	CatalogVersion       string                `json:"catalog_version,omitempty"`
	Orientation          orientationJSON       `json:"orientation"`
	Dimensions           []exportDimensionJSON `json:"dimensions"`
	Roles                []exportRoleFitJSON   `json:"roles"`
	RecommendedRole      *string               `json:"recommended_role"`
	Readiness            exportReadinessJSON   `json:"readiness"`
	Quality              exportQualityJSON     `json:"quality"`
	Plan                 exportPlanJSON        `json:"plan"`
	// The profile model's additions; absent from results of the first.
	Scales         []exportScaleJSON         `json:"scales,omitempty"`
	Confidence     *exportConfidenceJSON     `json:"confidence,omitempty"`
	Administration *exportAdministrationJSON `json:"administration,omitempty"`
}

type exportQualityJSON struct {
	Flags   []string           `json:"flags"`
	Indices *exportIndicesJSON `json:"indices,omitempty"`
}

type exportIndicesJSON struct {
	PairGap          float64 `json:"pair_gap"`
	ScaleSpread      float64 `json:"scale_spread"`
	SameShare        float64 `json:"same_share"`
	SecondsPerAnswer float64 `json:"seconds_per_answer,omitempty"`
}

type exportScaleJSON struct {
	Key   string  `json:"key"`
	Score int     `json:"score"`
	SE    float64 `json:"se"`
}

type exportConfidenceJSON struct {
	Level    string `json:"level"`
	Margin   int    `json:"margin"`
	RunnerUp string `json:"runner_up"`
}

type exportAdministrationJSON struct {
	Mode           string `json:"mode"`
	Asked          int    `json:"asked"`
	Total          int    `json:"total"`
	StoppedBecause string `json:"stopped_because,omitempty"`
}

type exportDimensionJSON struct {
	Key   string   `json:"key"`
	Score int      `json:"score"`
	High  []string `json:"high,omitempty"`
	Low   []string `json:"low,omitempty"`
}

type exportRoleFitJSON struct {
	Slug    string       `json:"slug"`
	Fit     int          `json:"fit"`
	FitLow  int          `json:"fit_low,omitempty"`
	FitHigh int          `json:"fit_high,omitempty"`
	Reasons []reasonJSON `json:"reasons"`
}

type exportReadinessJSON struct {
	Stage              string               `json:"stage"`
	NextStep           string               `json:"next_step"`
	Evidence           []exportEvidenceJSON `json:"evidence"`
	HeldCertifications []string             `json:"held_certifications"`
}

type exportEvidenceJSON struct {
	Item   string `json:"item"`
	Option string `json:"option"`
	Stage  string `json:"stage"`
}

type exportPlanJSON struct {
	TargetRole     string          `json:"target_role"`
	Gaps           []exportGapJSON `json:"gaps"`
	Steps          []string        `json:"steps"`
	Certifications []string        `json:"certifications"`
	NextRole       string          `json:"next_role"`
}

type exportGapJSON struct {
	Dimension string `json:"dimension"`
	Score     int    `json:"score"`
	Target    int    `json:"target"`
	Gap       int    `json:"gap"`
}

func exportAssessmentOf(a *assessment.Assessment) exportAssessmentJSON {
	out := exportAssessmentJSON{
		ID: a.ID, Questionnaire: questionnaireRefJSON{a.Questionnaire, a.QuestionnaireVersion}, Status: string(a.Status),
		Answers: a.Answers, CreatedAt: a.CreatedAt, SubmittedAt: a.SubmittedAt,
	}
	r := a.Result
	if r == nil {
		return out
	}
	x := &exportResultJSON{
		Questionnaire: r.Questionnaire, QuestionnaireVersion: r.QuestionnaireVersion,
		ScoringVersion: r.ScoringVersion, CatalogVersion: r.CatalogVersion,
		Orientation:     orientationJSON{PM: r.Orientation.PM, PMO: r.Orientation.PMO, Lean: string(r.Orientation.Lean)},
		RecommendedRole: optional(r.RecommendedRole),
		Readiness: exportReadinessJSON{
			Stage: string(r.Readiness.Stage), NextStep: r.Readiness.NextStep, HeldCertifications: r.Readiness.HeldCertifications,
		},
		Quality: exportQualityJSON{Flags: r.Quality.Flags},
		Plan: exportPlanJSON{
			TargetRole: r.Plan.TargetRole, Steps: r.Plan.Steps, Certifications: r.Plan.Certifications, NextRole: r.Plan.NextRole,
		},
	}
	// Lists keep what the result has: absent stays null, empty stays [].
	if r.Dimensions != nil {
		x.Dimensions = []exportDimensionJSON{}
	}
	for _, d := range r.Dimensions {
		x.Dimensions = append(x.Dimensions, exportDimensionJSON{Key: string(d.Key), Score: d.Score, High: d.High, Low: d.Low})
	}
	if r.Roles != nil {
		x.Roles = []exportRoleFitJSON{}
	}
	for _, f := range r.Roles {
		role := exportRoleFitJSON{Slug: f.Slug, Fit: f.Fit, FitLow: f.FitLow, FitHigh: f.FitHigh}
		if f.Reasons != nil {
			role.Reasons = []reasonJSON{}
		}
		for _, y := range f.Reasons {
			role.Reasons = append(role.Reasons, reasonJSON{Kind: y.Kind, Dimension: string(y.Dimension), Weight: y.Weight, Score: y.Score, Items: y.Items})
		}
		x.Roles = append(x.Roles, role)
	}
	if r.Readiness.Evidence != nil {
		x.Readiness.Evidence = []exportEvidenceJSON{}
	}
	for _, e := range r.Readiness.Evidence {
		x.Readiness.Evidence = append(x.Readiness.Evidence, exportEvidenceJSON{Item: e.Item, Option: e.Option, Stage: string(e.Stage)})
	}
	if r.Plan.Gaps != nil {
		x.Plan.Gaps = []exportGapJSON{}
	}
	for _, g := range r.Plan.Gaps {
		x.Plan.Gaps = append(x.Plan.Gaps, exportGapJSON{Dimension: string(g.Dimension), Score: g.Score, Target: g.Target, Gap: g.Gap})
	}
	for _, sc := range r.Scales {
		x.Scales = append(x.Scales, exportScaleJSON(sc))
	}
	if ix := r.Quality.Indices; ix != nil {
		v := exportIndicesJSON(*ix)
		x.Quality.Indices = &v
	}
	if c := r.Confidence; c != nil {
		v := exportConfidenceJSON(*c)
		x.Confidence = &v
	}
	if ad := r.Administration; ad != nil {
		v := exportAdministrationJSON(*ad)
		x.Administration = &v
	}
	out.Result = x
	return out
}
