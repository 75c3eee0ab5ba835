package report

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/pmpath/pmpath/internal/catalog"
	"github.com/pmpath/pmpath/internal/i18n"
	"github.com/pmpath/pmpath/internal/scoring"
	"github.com/pmpath/pmpath/seed"
)

// TestPlanCertificationsSayWhatIsMissing checks that each certification
// of a plan says whether the person can sit it now and what they lack,
// and that those they can sit come first.
func TestPlanCertificationsSayWhatIsMissing(t *testing.T) {
	c, err := catalog.Load(seed.FS)
	if err != nil {
		t.Fatal(err)
	}
	q := firstVersion(t)
	junior := &scoring.Result{
		Readiness: scoring.Readiness{Stage: "foundation", Evidence: []scoring.Evidence{{Item: "e01", Option: "y1", Stage: "foundation"}}},
		Plan:      scoring.Plan{TargetRole: "pmo-analyst", Certifications: []string{"pmp", "npmo-pmo-s", "ipa-pm"}},
	}
	lead := &scoring.Result{
		Readiness: scoring.Readiness{Stage: "manager", HeldCertifications: []string{"npmo-pjm-a", "capm"}, Evidence: []scoring.Evidence{
			{Item: "e01", Option: "y10", Stage: "lead"}, {Item: "e02", Option: "lead-many", Stage: "manager"},
		}},
		Plan: scoring.Plan{TargetRole: "pmo-analyst", Certifications: []string{"pmp", "npmo-pmo-s"}},
	}
	type row struct {
		Slug     string
		Eligible bool
		Missing  []string
	}
	rows := func(r *scoring.Result, l i18n.Lang) []row {
		var out []row
		for _, pc := range ResultOf(r, nil, q, c, l).Plan.Certifications {
			out = append(out, row{pc.Slug, pc.EligibleNow, pc.Missing})
		}
		return out
	}
	tests := []struct {
		name string
		r    *scoring.Result
		l    i18n.Lang
		want []row
	}{
		{"a junior: only the IPA exam now, in front", junior, i18n.EN, []row{
			{"ipa-pm", true, []string{}},
			{"pmp", false, []string{"36 months of leading projects (60 without a four-year degree).", "35 hours of training before the exam (not needed with CAPM)."}},
			{"npmo-pmo-s", false, []string{"Hold PJM-A first."}},
		}},
		{"a junior, in Japanese", junior, i18n.JA, []row{
			{"ipa-pm", true, []string{}},
			{"pmp", false, []string{"プロジェクトを率いた経験が36か月（4年制大学卒でない場合は60か月）必要です。", "受験の前に35時間の研修の受講が必要です（CAPMの保有者は不要）。"}},
			{"npmo-pmo-s", false, []string{"先にPJM-Aの取得が必要です。"}},
		}},
		{"ten years leading several projects, holding PJM-A and CAPM", lead, i18n.EN, []row{
			{"pmp", true, []string{}},
			{"npmo-pmo-s", true, []string{}},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, rows(tt.r, tt.l)); diff != "" {
				t.Errorf("plan certifications (-want +got):\n%s", diff)
			}
		})
	}
}

// TestRefusedSheetHasNoPlanPay checks that a result with no target role
// words no plan: no target, no pay for a role that does not exist.
func TestRefusedSheetHasNoPlanPay(t *testing.T) {
	c, err := catalog.Load(seed.FS)
	if err != nil {
		t.Fatal(err)
	}
	v := ResultOf(&scoring.Result{Quality: scoring.Quality{Flags: []string{scoring.FlagStraightLining}}}, nil, firstVersion(t), c, i18n.EN)
	if v.Plan.TargetRole.Slug != "" || v.Plan.TargetSalary != nil || v.Plan.NowRole != nil || v.Plan.NextSalary != nil {
		t.Errorf("a refused sheet's plan: %+v", v.Plan)
	}
}
