package catalog

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestCheck(t *testing.T) {
	pmp := Certification{Slug: "pmp", Eligibility: &Eligibility{LeadMonthsWithDegree: 36, LeadMonthsWithoutDegree: 60, TrainingHours: 35, TrainingWaivedBy: []string{"capm"}}}
	pmoS := Certification{Slug: "npmo-pmo-s", Eligibility: &Eligibility{RequiresAny: []string{"npmo-pjm-a"}}}
	ipaPM := Certification{Slug: "ipa-pm"}
	tests := []struct {
		name         string
		cert         Certification
		x            Experience
		wantEligible bool
		wantMissing  []Missing
	}{
		{"no requirement", ipaPM, Experience{}, true, nil},
		{"PMO-S before PJM-A", pmoS, Experience{}, false, []Missing{{Kind: MissingCertification, Certifications: []string{"npmo-pjm-a"}}}},
		{"PMO-S after PJM-A", pmoS, Experience{Held: []string{"npmo-pjm-a"}}, true, nil},
		{"PMP without leading projects", pmp, Experience{}, false, []Missing{
			{Kind: MissingLeadMonths, Months: 36, MonthsWithoutDegree: 60},
			{Kind: MissingTraining, Hours: 35, Certifications: []string{"capm"}},
		}},
		{"PMP after three years leading: training still to take", pmp, Experience{LeadMonths: 36}, true, []Missing{
			{Kind: MissingTraining, Hours: 35, Certifications: []string{"capm"}},
		}},
		{"PMP with CAPM: no training needed", pmp, Experience{LeadMonths: 60, Held: []string{"capm"}}, true, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			eligible, missing := tt.cert.Check(tt.x)
			if eligible != tt.wantEligible {
				t.Errorf("eligible = %v, want %v", eligible, tt.wantEligible)
			}
			if diff := cmp.Diff(tt.wantMissing, missing); diff != "" {
				t.Errorf("missing (-want +got):\n%s", diff)
			}
		})
	}
}
