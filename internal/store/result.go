package store

import (
	"encoding/json"

	"github.com/pmpath/pmpath/internal/construct"
	"github.com/pmpath/pmpath/internal/scoring"
)

// resultRow is a scoring.Result as the result column stores it, in JSON.
// Its tags are the stored form, which every result ever submitted is kept
// in: they are not the API's (api has its own types) and they never
// change. A field the domain gains is added here under a new tag (with
// omitempty, or as a pointer when results stored before it must read as
// "absent" rather than as a zero value) and converted both ways below;
// TestResultRowKeepsEveryField fails until it is.
type resultRow struct {
	Questionnaire        string         `json:"questionnaire"`
	QuestionnaireVersion int            `json:"questionnaire_version"`
	ScoringVersion       string         `json:"scoring_version"`
	CatalogVersion       string         `json:"catalog_version,omitempty"`
	Orientation          orientationRow `json:"orientation"`
	Dimensions           []dimensionRow `json:"dimensions"`
	Roles                []roleFitRow   `json:"roles"`
	RecommendedRole      string         `json:"recommended_role"`
	Readiness            readinessRow   `json:"readiness"`
	Quality              qualityRow     `json:"quality"`
	Plan                 planRow        `json:"plan"`
	// Added with the profile model; results of the first model have none.
	Scales         []scaleRow         `json:"scales,omitempty"`
	Confidence     *confidenceRow     `json:"confidence,omitempty"`
	Administration *administrationRow `json:"administration,omitempty"`
}

type orientationRow struct {
	PM   int    `json:"pm"`
	PMO  int    `json:"pmo"`
	Lean string `json:"lean"`
}

type dimensionRow struct {
	Key   string   `json:"key"`
	Score int      `json:"score"`
	High  []string `json:"high,omitempty"`
	Low   []string `json:"low,omitempty"`
}

type roleFitRow struct {
	Slug    string      `json:"slug"`
	Fit     int         `json:"fit"`
	FitLow  int         `json:"fit_low,omitempty"`
	FitHigh int         `json:"fit_high,omitempty"`
	Reasons []reasonRow `json:"reasons"`
}

type reasonRow struct {
	Kind      string   `json:"kind"`
	Dimension string   `json:"dimension"`
	Weight    int      `json:"weight"`
	Score     int      `json:"score"`
	Items     []string `json:"items,omitempty"`
}

type readinessRow struct {
	Stage              string        `json:"stage"`
	NextStep           string        `json:"next_step"`
	Evidence           []evidenceRow `json:"evidence"`
	HeldCertifications []string      `json:"held_certifications"`
}

type evidenceRow struct {
	Item   string `json:"item"`
	Option string `json:"option"`
	Stage  string `json:"stage"`
}

type qualityRow struct {
	Flags []string `json:"flags"`
	// Reliable is absent from results stored before it was kept. The
	// first model, which scored them, held a sheet reliable when it
	// raised no flag.
	Reliable *bool       `json:"reliable,omitempty"`
	Indices  *indicesRow `json:"indices,omitempty"`
}

type indicesRow struct {
	PairGap          float64 `json:"pair_gap"`
	ScaleSpread      float64 `json:"scale_spread"`
	SameShare        float64 `json:"same_share"`
	SecondsPerAnswer float64 `json:"seconds_per_answer,omitempty"`
}

type planRow struct {
	TargetRole     string   `json:"target_role"`
	Gaps           []gapRow `json:"gaps"`
	Steps          []string `json:"steps"`
	Certifications []string `json:"certifications"`
	NextRole       string   `json:"next_role"`
	// NowRole came with the profile model's readiness ladder.
	NowRole string `json:"now_role,omitempty"`
}

type gapRow struct {
	Dimension string `json:"dimension"`
	Score     int    `json:"score"`
	Target    int    `json:"target"`
	Gap       int    `json:"gap"`
}

type scaleRow struct {
	Key   string  `json:"key"`
	Score int     `json:"score"`
	SE    float64 `json:"se"`
}

type confidenceRow struct {
	Level    string `json:"level"`
	Margin   int    `json:"margin"`
	RunnerUp string `json:"runner_up"`
}

type administrationRow struct {
	Mode           string `json:"mode"`
	Asked          int    `json:"asked"`
	Total          int    `json:"total"`
	StoppedBecause string `json:"stopped_because,omitempty"`
}

// encodeResult is the result column's value for r.
func encodeResult(r *scoring.Result) ([]byte, error) {
	return json.Marshal(resultToRow(r))
}

// decodeResult reads the result column.
func decodeResult(b []byte) (*scoring.Result, error) {
	var row resultRow
	if err := json.Unmarshal(b, &row); err != nil {
		return nil, err
	}
	return row.toResult(), nil
}

// resultToRow is the stored form of r.
func resultToRow(r *scoring.Result) resultRow {
	reliable := r.Quality.Reliable
	return resultRow{
		Questionnaire: r.Questionnaire, QuestionnaireVersion: r.QuestionnaireVersion,
		ScoringVersion: r.ScoringVersion, CatalogVersion: r.CatalogVersion,
		Orientation:     orientationRow{PM: r.Orientation.PM, PMO: r.Orientation.PMO, Lean: string(r.Orientation.Lean)},
		Dimensions:      each(r.Dimensions, dimensionToRow),
		Roles:           each(r.Roles, roleFitToRow),
		RecommendedRole: r.RecommendedRole,
		Readiness: readinessRow{
			Stage: string(r.Readiness.Stage), NextStep: r.Readiness.NextStep,
			Evidence: each(r.Readiness.Evidence, func(e scoring.Evidence) evidenceRow {
				return evidenceRow{Item: e.Item, Option: e.Option, Stage: string(e.Stage)}
			}),
			HeldCertifications: r.Readiness.HeldCertifications,
		},
		Quality: qualityRow{Flags: r.Quality.Flags, Reliable: &reliable, Indices: ptr(r.Quality.Indices, func(x scoring.QualityIndices) indicesRow {
			return indicesRow(x)
		})},
		Plan: planRow{
			TargetRole: r.Plan.TargetRole,
			Gaps: each(r.Plan.Gaps, func(g scoring.Gap) gapRow {
				return gapRow{Dimension: string(g.Dimension), Score: g.Score, Target: g.Target, Gap: g.Gap}
			}),
			Steps: r.Plan.Steps, Certifications: r.Plan.Certifications, NextRole: r.Plan.NextRole, NowRole: r.Plan.NowRole,
		},
		Scales:         each(r.Scales, func(s scoring.ScaleScore) scaleRow { return scaleRow(s) }),
		Confidence:     ptr(r.Confidence, func(c scoring.Confidence) confidenceRow { return confidenceRow(c) }),
		Administration: ptr(r.Administration, func(a scoring.Administration) administrationRow { return administrationRow(a) }),
	}
}

func dimensionToRow(d scoring.DimensionScore) dimensionRow {
	return dimensionRow{Key: string(d.Key), Score: d.Score, High: d.High, Low: d.Low}
}

func roleFitToRow(f scoring.RoleFit) roleFitRow {
	return roleFitRow{Slug: f.Slug, Fit: f.Fit, FitLow: f.FitLow, FitHigh: f.FitHigh, Reasons: each(f.Reasons, func(x scoring.Reason) reasonRow {
		return reasonRow{Kind: x.Kind, Dimension: string(x.Dimension), Weight: x.Weight, Score: x.Score, Items: x.Items}
	})}
}

// toResult is the result row holds.
func (row *resultRow) toResult() *scoring.Result {
	q := row.Quality
	reliable := len(q.Flags) == 0
	if q.Reliable != nil {
		reliable = *q.Reliable
	}
	return &scoring.Result{
		Questionnaire: row.Questionnaire, QuestionnaireVersion: row.QuestionnaireVersion,
		ScoringVersion: row.ScoringVersion, CatalogVersion: row.CatalogVersion,
		Orientation:     scoring.Orientation{PM: row.Orientation.PM, PMO: row.Orientation.PMO, Lean: construct.Lean(row.Orientation.Lean)},
		Dimensions:      each(row.Dimensions, dimensionRow.toDomain),
		Roles:           each(row.Roles, roleFitRow.toDomain),
		RecommendedRole: row.RecommendedRole,
		Readiness: scoring.Readiness{
			Stage: construct.Stage(row.Readiness.Stage), NextStep: row.Readiness.NextStep,
			Evidence: each(row.Readiness.Evidence, func(e evidenceRow) scoring.Evidence {
				return scoring.Evidence{Item: e.Item, Option: e.Option, Stage: construct.Stage(e.Stage)}
			}),
			HeldCertifications: row.Readiness.HeldCertifications,
		},
		Quality: scoring.Quality{Flags: q.Flags, Reliable: reliable, Indices: ptr(q.Indices, func(x indicesRow) scoring.QualityIndices {
			return scoring.QualityIndices(x)
		})},
		Plan: scoring.Plan{
			TargetRole: row.Plan.TargetRole,
			Gaps: each(row.Plan.Gaps, func(g gapRow) scoring.Gap {
				return scoring.Gap{Dimension: construct.Dimension(g.Dimension), Score: g.Score, Target: g.Target, Gap: g.Gap}
			}),
			Steps: row.Plan.Steps, Certifications: row.Plan.Certifications, NextRole: row.Plan.NextRole, NowRole: row.Plan.NowRole,
		},
		Scales:         each(row.Scales, func(s scaleRow) scoring.ScaleScore { return scoring.ScaleScore(s) }),
		Confidence:     ptr(row.Confidence, func(c confidenceRow) scoring.Confidence { return scoring.Confidence(c) }),
		Administration: ptr(row.Administration, func(a administrationRow) scoring.Administration { return scoring.Administration(a) }),
	}
}

func (d dimensionRow) toDomain() scoring.DimensionScore {
	return scoring.DimensionScore{Key: construct.Dimension(d.Key), Score: d.Score, High: d.High, Low: d.Low}
}

func (f roleFitRow) toDomain() scoring.RoleFit {
	return scoring.RoleFit{Slug: f.Slug, Fit: f.Fit, FitLow: f.FitLow, FitHigh: f.FitHigh, Reasons: each(f.Reasons, func(x reasonRow) scoring.Reason {
		return scoring.Reason{Kind: x.Kind, Dimension: construct.Dimension(x.Dimension), Weight: x.Weight, Score: x.Score, Items: x.Items}
	})}
}

// each converts every element of in with f. A nil slice stays nil and an
// empty one empty, so a result reads back as it was written.
func each[T, U any](in []T, f func(T) U) []U {
	if in == nil {
		return nil
	}
	out := make([]U, len(in))
	for i, v := range in {
		out[i] = f(v)
	}
	return out
}

// ptr converts the value behind p with f; nil stays nil.
func ptr[T, U any](p *T, f func(T) U) *U {
	if p == nil {
		return nil
	}
	u := f(*p)
	return &u
}
