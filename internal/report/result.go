package report

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/pmpath/pmpath/internal/catalog"
	"github.com/pmpath/pmpath/internal/construct"
	"github.com/pmpath/pmpath/internal/i18n"
	"github.com/pmpath/pmpath/internal/questionnaire"
	"github.com/pmpath/pmpath/internal/scoring"
)

// Result is a scored result worded for its reader: names and titles in
// their language, a sentence for each reason, the plan's steps,
// certifications and pay. A field scoring.Result gains is shown by adding
// it here and in ResultOf, then to the API's type for it.
type Result struct {
	QuestionnaireVersion int
	ScoringVersion       string
	Orientation          scoring.Orientation
	Dimensions           []Dimension
	Roles                []RoleFit
	RecommendedRole      string
	Readiness            Readiness
	Quality              Quality
	Plan                 Plan
	// Scales, Confidence and Administration come with the profile model;
	// results of the first model have none.
	Scales         []Scale
	Confidence     *Confidence
	Administration *scoring.Administration
}

// Scale is one scale of a version with scales, named.
type Scale struct {
	Key   string
	Name  string
	Score int
	// Shared marks a scale of skills every role needs, not used for fit.
	Shared bool
}

// Confidence says how safely the first role is told from the runner-up.
type Confidence struct {
	Level        string
	Margin       int
	RunnerUp     string
	RunnerUpName string
}

// Dimension is one dimension's score, named, with the track it points to.
type Dimension struct {
	Key   construct.Dimension
	Name  string
	Lean  construct.Lean
	Score int
}

// RoleFit is the fit for one role with a sentence for each reason.
type RoleFit struct {
	Slug  string
	Name  string
	Track construct.Track
	Fit   int
	// FitLow and FitHigh bound the fit (profile model only; both zero
	// otherwise, with HasInterval false).
	FitLow, FitHigh int
	HasInterval     bool
	Why             []string
	Reasons         []Reason
}

// Reason is one thing that drove a role's fit (see scoring.Reason); Why
// holds its sentence at the same index.
type Reason struct {
	Kind      string
	Dimension construct.Dimension
	Weight    int
	Score     int
	Items     []string
}

// Readiness is where the person stands, named, and the first step of
// their plan.
type Readiness struct {
	Level              Stage
	NextStep           string // the step's title
	NextStepID         string
	HeldCertifications []string
}

// Quality holds the flags that cast doubt on a response and whether the
// result can be relied on.
type Quality struct {
	Flags    []string
	Reliable bool
}

// Plan is the personal plan, worded.
type Plan struct {
	TargetRole     RoleRef
	Gaps           []Gap
	Steps          []Step
	Certifications []PlanCertification
	// TargetSalary is the target role's pay; NextSalary the pay of the
	// next role on its track, nil at the top.
	// It is nil when no plan is targeted (an unreliable sheet).
	TargetSalary *RoleSalary
	NextSalary   *RoleSalary
	// NowRole is the role the person is ready for today and NowSalary its
	// pay; nil when that is the target itself (or for the first model).
	NowRole   *RoleRef
	NowSalary *RoleSalary
}

// Gap is a dimension where the person is below the target role's level.
type Gap struct {
	Dimension construct.Dimension
	Name      string
	Score     int
	Target    int
	Gap       int
}

// RoleSalary is the pay of one role.
type RoleSalary struct {
	Role   RoleRef
	Ranges []Salary
}

// ResultOf words r in l: the roles, steps and certifications it names are
// looked up in c, and each reason quotes answers to q.
func ResultOf(r *scoring.Result, answers questionnaire.Answers, q *questionnaire.Questionnaire, c *catalog.Catalog, l i18n.Lang) *Result {
	out := &Result{
		QuestionnaireVersion: r.QuestionnaireVersion, ScoringVersion: r.ScoringVersion,
		Orientation: r.Orientation, RecommendedRole: r.RecommendedRole,
		Quality:        Quality{Flags: r.Quality.Flags, Reliable: r.Quality.Reliable},
		Administration: r.Administration,
		Dimensions:     make([]Dimension, len(r.Dimensions)), Roles: make([]RoleFit, 0, len(r.Roles)),
	}
	for i, d := range r.Dimensions {
		info, _ := construct.LookupDimension(d.Key)
		out.Dimensions[i] = Dimension{Key: d.Key, Name: info.Name.In(l), Lean: info.Lean, Score: d.Score}
	}
	for _, rf := range r.Roles {
		role, _ := c.Role(rf.Slug)
		why := make([]string, len(rf.Reasons))
		var reasons []Reason
		if rf.Reasons != nil {
			reasons = make([]Reason, len(rf.Reasons))
		}
		// An answer cited for a strength is not cited again against a gap
		// of the same role: strengths come first in a role's reasons.
		cited := map[string]bool{}
		for i, reason := range rf.Reasons {
			avoid := cited
			if reason.Kind == scoring.ReasonStrength {
				avoid = nil
			}
			why[i] = Explain(reason, answers, q, l, avoid)
			if ev, ok := EvidenceFor(reason, answers, q, avoid); ok && reason.Kind == scoring.ReasonStrength {
				cited[ev.Item] = true
			}
			reasons[i] = Reason{Kind: reason.Kind, Dimension: reason.Dimension, Weight: reason.Weight, Score: reason.Score, Items: reason.Items}
		}
		out.Roles = append(out.Roles, RoleFit{
			Slug: rf.Slug, Name: role.Name.In(l), Track: role.Track, Fit: rf.Fit,
			FitLow: rf.FitLow, FitHigh: rf.FitHigh, HasInterval: r.Confidence != nil,
			Why: why, Reasons: reasons,
		})
	}
	for i, sc := range r.Scales {
		name, shared := sc.Key, false
		if q != nil && i < len(q.Scales) && q.Scales[i].Key == sc.Key {
			name, shared = q.Scales[i].Name.In(l), q.Scales[i].Shared
		}
		out.Scales = append(out.Scales, Scale{Key: sc.Key, Name: name, Score: sc.Score, Shared: shared})
	}
	if cf := r.Confidence; cf != nil {
		runner, _ := c.Role(cf.RunnerUp)
		out.Confidence = &Confidence{Level: cf.Level, Margin: cf.Margin, RunnerUp: cf.RunnerUp, RunnerUpName: runner.Name.In(l)}
	}

	target, _ := c.Role(r.Plan.TargetRole)
	steps := map[string]catalog.Step{}
	for _, s := range target.Roadmap {
		steps[s.ID] = s
	}
	out.Readiness = Readiness{
		Level:      StageOf(r.Readiness.Stage, l),
		NextStepID: r.Readiness.NextStep, NextStep: steps[r.Readiness.NextStep].Title.In(l),
		HeldCertifications: nonNil(r.Readiness.HeldCertifications),
	}

	p := &out.Plan
	p.TargetRole = RoleRef{Slug: target.Slug, Name: target.Name.In(l)}
	p.Gaps = make([]Gap, len(r.Plan.Gaps))
	for i, g := range r.Plan.Gaps {
		p.Gaps[i] = Gap{Dimension: g.Dimension, Name: DimensionName(g.Dimension, l), Score: g.Score, Target: g.Target, Gap: g.Gap}
	}
	p.Steps = []Step{}
	for _, id := range r.Plan.Steps {
		if s, ok := steps[id]; ok {
			p.Steps = append(p.Steps, StepOf(s, l))
		}
	}
	p.Certifications = []PlanCertification{}
	x := experienceOf(r)
	for _, slug := range r.Plan.Certifications {
		if cert, ok := c.Certification(slug); ok {
			eligible, missing := cert.Check(x)
			pc := PlanCertification{Certification: CertificationOf(cert, l), EligibleNow: eligible, Missing: []string{}}
			for _, m := range missing {
				pc.Missing = append(pc.Missing, missingText(m, c, l))
			}
			p.Certifications = append(p.Certifications, pc)
		}
	}
	// What the person can sit now comes first; nothing they cannot take
	// yet is offered as the next thing to do.
	slices.SortStableFunc(p.Certifications, func(a, b PlanCertification) int {
		switch {
		case a.EligibleNow == b.EligibleNow:
			return 0
		case a.EligibleNow:
			return -1
		}
		return 1
	})
	if target.Slug != "" {
		p.TargetSalary = &RoleSalary{Role: p.TargetRole, Ranges: salariesOf(target.Salary, l)}
	}
	if now, ok := c.Role(r.Plan.NowRole); ok && now.Slug != target.Slug {
		ref := RoleRef{Slug: now.Slug, Name: now.Name.In(l)}
		p.NowRole = &ref
		p.NowSalary = &RoleSalary{Role: ref, Ranges: salariesOf(now.Salary, l)}
	}
	if next, ok := c.Role(r.Plan.NextRole); ok {
		p.NextSalary = &RoleSalary{Role: RoleRef{Slug: next.Slug, Name: next.Name.In(l)}, Ranges: salariesOf(next.Salary, l)}
	}
	return out
}

// PlanCertification is a certification of the plan with whether the
// person can sit it now and, worded, what they still lack.
type PlanCertification struct {
	Certification
	EligibleNow bool
	Missing     []string
}

// experienceOf is what a result's experience answers vouch for, at the
// least: certifications held, and months of leading projects (one project
// led counts as 12 months, several projects or a portfolio as 36, never
// more than the years in IT).
func experienceOf(r *scoring.Result) catalog.Experience {
	years := map[string]int{"y0": 0, "y1": 12, "y3": 36, "y5": 60, "y10": 120}
	x := catalog.Experience{Held: r.Readiness.HeldCertifications}
	capMonths := -1
	for _, e := range r.Readiness.Evidence {
		switch e.Option {
		case "lead-project":
			x.LeadMonths = max(x.LeadMonths, 12)
		case "lead-many", "portfolio":
			x.LeadMonths = max(x.LeadMonths, 36)
		}
		if m, ok := years[e.Option]; ok && e.Item == "e01" {
			capMonths = m
		}
	}
	if capMonths >= 0 {
		x.LeadMonths = min(x.LeadMonths, capMonths)
	}
	return x
}

// missingText words one missing condition in l.
func missingText(m catalog.Missing, c *catalog.Catalog, l i18n.Lang) string {
	names := make([]string, 0, len(m.Certifications))
	for _, s := range m.Certifications {
		name := s
		if cert, ok := c.Certification(s); ok && cert.Abbreviation != "" {
			name = cert.Abbreviation
		}
		names = append(names, name)
	}
	or := "・"
	if l == i18n.EN {
		or = " or "
	}
	list := strings.Join(names, or)
	switch m.Kind {
	case catalog.MissingCertification:
		if l == i18n.EN {
			return "Hold " + list + " first."
		}
		if len(names) > 1 {
			list += "のいずれか"
		}
		return "先に" + list + "の取得が必要です。"
	case catalog.MissingLeadMonths:
		if l == i18n.EN {
			return fmt.Sprintf("%d months of leading projects (%d without a four-year degree).", m.Months, m.MonthsWithoutDegree)
		}
		return fmt.Sprintf("プロジェクトを率いた経験が%dか月（4年制大学卒でない場合は%dか月）必要です。", m.Months, m.MonthsWithoutDegree)
	default:
		hours := strconv.FormatFloat(m.Hours, 'f', -1, 64)
		if l == i18n.EN {
			s := hours + " hours of training before the exam"
			if list != "" {
				s += " (not needed with " + list + ")"
			}
			return s + "."
		}
		s := "受験の前に" + hours + "時間の研修の受講が必要です"
		if list != "" {
			s += "（" + list + "の保有者は不要）"
		}
		return s + "。"
	}
}
