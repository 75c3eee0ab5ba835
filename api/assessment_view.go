package api

import (
	"encoding/json"
	"time"

	"github.com/pmpath/pmpath/internal/report"
)

// The API's form of questionnaires, assessments and results. The views
// are worded in internal/report; these types only give them their JSON
// names, which are the public contract (openapi.yaml).

type questionnaireSummaryJSON struct {
	Slug        string `json:"slug"`
	Version     int    `json:"version"`
	Title       string `json:"title"`
	Description string `json:"description"`
	Minutes     int    `json:"minutes"`
	Items       int    `json:"items"`
}

func questionnaireSummaryOf(q report.Questionnaire) questionnaireSummaryJSON {
	return questionnaireSummaryJSON(q)
}

// The public form of a questionnaire: what to ask and how to answer, never
// how answers are scored.
type questionnaireFormJSON struct {
	questionnaireSummaryJSON
	Scale     []string   `json:"scale"`
	FormItems []itemJSON `json:"items"`
}

type itemJSON struct {
	ID       string       `json:"id"`
	Type     string       `json:"type"`
	Select   string       `json:"select,omitempty"`
	Required bool         `json:"required"`
	Text     string       `json:"text"`
	Options  []optionJSON `json:"options,omitempty"`
}

type optionJSON struct {
	ID        string `json:"id"`
	Text      string `json:"text"`
	Exclusive bool   `json:"exclusive,omitempty"`
}

func questionnaireFormOf(f report.Form) questionnaireFormJSON {
	return questionnaireFormJSON{
		questionnaireSummaryJSON: questionnaireSummaryOf(f.Questionnaire),
		Scale:                    f.Scale,
		FormItems: each(f.Items, func(it report.Item) itemJSON {
			return itemJSON{ID: it.ID, Type: it.Type, Select: it.Select, Required: it.Required, Text: it.Text,
				Options: each(it.Options, func(o report.Option) optionJSON { return optionJSON(o) })}
		}),
	}
}

type assessmentJSON struct {
	ID            string               `json:"id"`
	Questionnaire questionnaireRefJSON `json:"questionnaire"`
	Status        string               `json:"status"`
	// Answers are the answers as given (questionnaire.Answers).
	Answers     json.Marshaler `json:"answers"`
	Progress    progressJSON   `json:"progress"`
	CreatedAt   time.Time      `json:"created_at"`
	UpdatedAt   time.Time      `json:"updated_at"`
	SubmittedAt *time.Time     `json:"submitted_at"`
	Token       string         `json:"token,omitempty"`
	Result      *resultJSON    `json:"result"`
	// OptionOrder is how this assessment shows each scenario's options;
	// null when the version keeps the options in file order.
	OptionOrder map[string][]string `json:"option_order"`
}

type questionnaireRefJSON struct {
	Slug    string `json:"slug"`
	Version int    `json:"version"`
}

type progressJSON struct {
	Answered int      `json:"answered"`
	Required int      `json:"required"`
	Missing  []string `json:"missing"`
}

func assessmentOf(a *report.Assessment) *assessmentJSON {
	return &assessmentJSON{
		ID: a.ID, Questionnaire: questionnaireRefJSON{a.Questionnaire, a.QuestionnaireVersion},
		Status: string(a.Status), Answers: a.Answers, Progress: progressJSON(a.Progress),
		CreatedAt: a.CreatedAt, UpdatedAt: a.UpdatedAt, SubmittedAt: a.SubmittedAt,
		Result: resultOf(a.Result), OptionOrder: a.OptionOrder,
	}
}

type resultJSON struct {
	QuestionnaireVersion int             `json:"questionnaire_version"`
	ScoringVersion       string          `json:"scoring_version"`
	Orientation          orientationJSON `json:"orientation"`
	Dimensions           []dimensionJSON `json:"dimensions"`
	Roles                []roleFitJSON   `json:"roles"`
	// RecommendedRole is null when the sheet was not reliable.
	RecommendedRole *string             `json:"recommended_role"`
	Confidence      *confidenceJSON     `json:"confidence"`
	Scales          []scaleJSON         `json:"scales"`
	Readiness       readinessJSON       `json:"readiness"`
	Quality         qualityJSON         `json:"quality"`
	Plan            planJSON            `json:"plan"`
	Administration  *administrationJSON `json:"administration"`
}

type confidenceJSON struct {
	Level        string `json:"level"`
	Margin       int    `json:"margin"`
	RunnerUp     string `json:"runner_up"`
	RunnerUpName string `json:"runner_up_name"`
}

type scaleJSON struct {
	Key    string `json:"key"`
	Name   string `json:"name"`
	Score  int    `json:"score"`
	Shared bool   `json:"shared"`
}

type administrationJSON struct {
	Mode           string `json:"mode"`
	Asked          int    `json:"asked"`
	Total          int    `json:"total"`
	StoppedBecause string `json:"stopped_because,omitempty"`
}

type orientationJSON struct {
	PM   int    `json:"pm"`
	PMO  int    `json:"pmo"`
	Lean string `json:"lean"`
}

type dimensionJSON struct {
	Key   string `json:"key"`
	Name  string `json:"name"`
	Lean  string `json:"lean"`
	Score int    `json:"score"`
}

type roleFitJSON struct {
	Slug    string       `json:"slug"`
	Name    string       `json:"name"`
	Track   string       `json:"track"`
	Fit     int          `json:"fit"`
	FitLow  *int         `json:"fit_low"`
	FitHigh *int         `json:"fit_high"`
	Why     []string     `json:"why"`
	Reasons []reasonJSON `json:"reasons"`
}

type reasonJSON struct {
	Kind      string   `json:"kind"`
	Dimension string   `json:"dimension"`
	Weight    int      `json:"weight"`
	Score     int      `json:"score"`
	Items     []string `json:"items,omitempty"`
}

type readinessJSON struct {
	Level              string   `json:"level"`
	LevelName          string   `json:"level_name"`
	NextStep           string   `json:"next_step"`
	NextStepID         string   `json:"next_step_id"`
	HeldCertifications []string `json:"held_certifications"`
}

type qualityJSON struct {
	Flags    []string `json:"flags"`
	Reliable bool     `json:"reliable"`
}

type gapJSON struct {
	Dimension string `json:"dimension"`
	Name      string `json:"name"`
	Score     int    `json:"score"`
	Target    int    `json:"target"`
	Gap       int    `json:"gap"`
}

// planCertJSON is a certification of the plan: whether the person can sit
// it now, and what they still lack.
type planCertJSON struct {
	certSummaryJSON
	EligibleNow bool     `json:"eligible_now"`
	Missing     []string `json:"missing"`
}

type roleSalaryJSON struct {
	Role   string       `json:"role"`
	Name   string       `json:"name"`
	Ranges []salaryJSON `json:"ranges"`
}

type planJSON struct {
	// TargetRole and TargetRoleName are null when no plan is targeted (an
	// unreliable sheet).
	TargetRole     *string        `json:"target_role"`
	TargetRoleName *string        `json:"target_role_name"`
	Gaps           []gapJSON      `json:"gaps"`
	Steps          []stepJSON     `json:"steps"`
	Certifications []planCertJSON `json:"certifications"`
	// NowRole is the role the person is ready for today, on the way to
	// the target; null when that is the target itself.
	NowRole     *string `json:"now_role"`
	NowRoleName *string `json:"now_role_name"`
	Salary      struct {
		Target   *roleSalaryJSON `json:"target"`
		NextStep *roleSalaryJSON `json:"next_step"`
		Now      *roleSalaryJSON `json:"now"`
	} `json:"salary"`
}

func resultOf(r *report.Result) *resultJSON {
	if r == nil {
		return nil
	}
	out := &resultJSON{
		QuestionnaireVersion: r.QuestionnaireVersion, ScoringVersion: r.ScoringVersion,
		Orientation:     orientationJSON{PM: r.Orientation.PM, PMO: r.Orientation.PMO, Lean: string(r.Orientation.Lean)},
		RecommendedRole: optional(r.RecommendedRole),
		Quality:         qualityJSON{Flags: r.Quality.Flags, Reliable: r.Quality.Reliable},
		Scales: each(r.Scales, func(sc report.Scale) scaleJSON {
			return scaleJSON{Key: sc.Key, Name: sc.Name, Score: sc.Score, Shared: sc.Shared}
		}),
		Dimensions: each(r.Dimensions, func(d report.Dimension) dimensionJSON {
			return dimensionJSON{Key: string(d.Key), Name: d.Name, Lean: string(d.Lean), Score: d.Score}
		}),
		Roles: each(r.Roles, func(f report.RoleFit) roleFitJSON {
			rf := roleFitJSON{Slug: f.Slug, Name: f.Name, Track: string(f.Track), Fit: f.Fit, Why: f.Why,
				Reasons: each(f.Reasons, func(x report.Reason) reasonJSON {
					return reasonJSON{Kind: x.Kind, Dimension: string(x.Dimension), Weight: x.Weight, Score: x.Score, Items: x.Items}
				})}
			if f.HasInterval {
				rf.FitLow, rf.FitHigh = &f.FitLow, &f.FitHigh
			}
			return rf
		}),
		Readiness: readinessJSON{
			Level: string(r.Readiness.Level.Key), LevelName: r.Readiness.Level.Name,
			NextStep: r.Readiness.NextStep, NextStepID: r.Readiness.NextStepID, HeldCertifications: r.Readiness.HeldCertifications,
		},
	}
	if cf := r.Confidence; cf != nil {
		out.Confidence = &confidenceJSON{Level: cf.Level, Margin: cf.Margin, RunnerUp: cf.RunnerUp, RunnerUpName: cf.RunnerUpName}
	}
	if ad := r.Administration; ad != nil {
		out.Administration = &administrationJSON{Mode: ad.Mode, Asked: ad.Asked, Total: ad.Total, StoppedBecause: ad.StoppedBecause}
	}
	p := &out.Plan
	if r.Plan.TargetRole.Slug != "" {
		p.TargetRole, p.TargetRoleName = &r.Plan.TargetRole.Slug, &r.Plan.TargetRole.Name
	}
	p.Gaps = each(r.Plan.Gaps, func(g report.Gap) gapJSON {
		return gapJSON{Dimension: string(g.Dimension), Name: g.Name, Score: g.Score, Target: g.Target, Gap: g.Gap}
	})
	p.Steps = each(r.Plan.Steps, stepOf)
	p.Certifications = each(r.Plan.Certifications, func(pc report.PlanCertification) planCertJSON {
		return planCertJSON{certSummaryJSON: certSummaryOf(pc.Certification), EligibleNow: pc.EligibleNow, Missing: pc.Missing}
	})
	if ts := r.Plan.TargetSalary; ts != nil {
		s := roleSalaryOf(*ts)
		p.Salary.Target = &s
	}
	if next := r.Plan.NextSalary; next != nil {
		s := roleSalaryOf(*next)
		p.Salary.NextStep = &s
	}
	if now := r.Plan.NowRole; now != nil {
		p.NowRole, p.NowRoleName = &now.Slug, &now.Name
		s := roleSalaryOf(*r.Plan.NowSalary)
		p.Salary.Now = &s
	}
	return out
}

func roleSalaryOf(s report.RoleSalary) roleSalaryJSON {
	return roleSalaryJSON{Role: s.Role.Slug, Name: s.Role.Name, Ranges: each(s.Ranges, salaryOf)}
}

// each converts every element of in with f; nil stays nil (null in
// JSON) and empty stays empty ([]), as the view has them.
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

// optional is s, or nil (null in JSON) when s is empty.
func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// nonNil is s, or an empty slice for nil: a list the document always
// has is [] rather than null.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
