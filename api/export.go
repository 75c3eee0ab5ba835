package api

import (
	"encoding/json"
	"time"

	"github.com/pmpath/pmpath/internal/assessment"
	"github.com/pmpath/pmpath/internal/scoring"
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
	RecommendedRole      string                `json:"recommended_role"`
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
	return exportAssessmentJSON{
		ID: a.ID, Questionnaire: questionnaireRefJSON{a.Questionnaire, a.QuestionnaireVersion}, Status: string(a.Status),
		Answers: a.Answers, Result: exportResultOf(a.Result), CreatedAt: a.CreatedAt, SubmittedAt: a.SubmittedAt,
	}
}

func exportResultOf(r *scoring.Result) *exportResultJSON {
	if r == nil {
		return nil
	}
	out := &exportResultJSON{
		Questionnaire: r.Questionnaire, QuestionnaireVersion: r.QuestionnaireVersion,
		ScoringVersion: r.ScoringVersion, CatalogVersion: r.CatalogVersion,
		Orientation: orientationJSON{PM: r.Orientation.PM, PMO: r.Orientation.PMO, Lean: string(r.Orientation.Lean)},
		Dimensions: each(r.Dimensions, func(d scoring.DimensionScore) exportDimensionJSON {
			return exportDimensionJSON{Key: string(d.Key), Score: d.Score, High: d.High, Low: d.Low}
		}),
		Roles: each(r.Roles, func(f scoring.RoleFit) exportRoleFitJSON {
			return exportRoleFitJSON{Slug: f.Slug, Fit: f.Fit, FitLow: f.FitLow, FitHigh: f.FitHigh, Reasons: each(f.Reasons, func(x scoring.Reason) reasonJSON {
				return reasonJSON{Kind: x.Kind, Dimension: string(x.Dimension), Weight: x.Weight, Score: x.Score, Items: x.Items}
			})}
		}),
		RecommendedRole: r.RecommendedRole,
		Readiness: exportReadinessJSON{
			Stage: string(r.Readiness.Stage), NextStep: r.Readiness.NextStep,
			Evidence: each(r.Readiness.Evidence, func(e scoring.Evidence) exportEvidenceJSON {
				return exportEvidenceJSON{Item: e.Item, Option: e.Option, Stage: string(e.Stage)}
			}),
			HeldCertifications: r.Readiness.HeldCertifications,
		},
		Quality: exportQualityJSON{Flags: r.Quality.Flags},
		Plan: exportPlanJSON{
			TargetRole: r.Plan.TargetRole,
			Gaps: each(r.Plan.Gaps, func(g scoring.Gap) exportGapJSON {
				return exportGapJSON{Dimension: string(g.Dimension), Score: g.Score, Target: g.Target, Gap: g.Gap}
			}),
			Steps: r.Plan.Steps, Certifications: r.Plan.Certifications, NextRole: r.Plan.NextRole,
		},
		Scales: each(r.Scales, func(s scoring.ScaleScore) exportScaleJSON { return exportScaleJSON(s) }),
	}
	if x := r.Quality.Indices; x != nil {
		ix := exportIndicesJSON(*x)
		out.Quality.Indices = &ix
	}
	if x := r.Confidence; x != nil {
		c := exportConfidenceJSON(*x)
		out.Confidence = &c
	}
	if x := r.Administration; x != nil {
		a := exportAdministrationJSON(*x)
		out.Administration = &a
	}
	return out
}
