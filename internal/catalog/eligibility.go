package catalog

// Experience is what a person has told about themselves that a
// certification's eligibility can be checked against.
type Experience struct {
	// Held are the certifications they hold.
	Held []string
	// LeadMonths is the fewest months of leading projects their answers
	// vouch for (0 when they have led none).
	LeadMonths int
}

// Requirement kinds a person may still be missing.
const (
	MissingCertification = "certification" // one of Certifications held first
	MissingLeadMonths    = "lead_months"   // months leading projects
	MissingTraining      = "training"      // hours of training before the exam
)

// Missing is one condition of a certification a person does not meet yet.
type Missing struct {
	Kind string
	// Certifications: one of them must be held first (MissingCertification)
	// or waives the training (MissingTraining).
	Certifications []string
	// Months with and without a four-year degree (MissingLeadMonths).
	Months, MonthsWithoutDegree int
	// Hours of training (MissingTraining).
	Hours float64
}

// Check says whether x can sit c now and, either way, what x still lacks.
// Prior certifications and months of leading projects decide eligible:
// they take months or years to gain. Training hours are listed but do not
// make a person ineligible to start: they are taken on the way to the
// exam. Education is not asked and not checked.
func (c Certification) Check(x Experience) (eligible bool, missing []Missing) {
	e := c.Eligibility
	if e == nil {
		return true, nil
	}
	held := map[string]bool{}
	for _, h := range x.Held {
		held[h] = true
	}
	eligible = true
	if len(e.RequiresAny) > 0 {
		ok := false
		for _, s := range e.RequiresAny {
			ok = ok || held[s]
		}
		if !ok {
			eligible = false
			missing = append(missing, Missing{Kind: MissingCertification, Certifications: e.RequiresAny})
		}
	}
	if need := e.LeadMonthsWithDegree; need > 0 && x.LeadMonths < need {
		eligible = false
		missing = append(missing, Missing{Kind: MissingLeadMonths, Months: need, MonthsWithoutDegree: e.LeadMonthsWithoutDegree})
	}
	if e.TrainingHours > 0 {
		waived := false
		for _, s := range e.TrainingWaivedBy {
			waived = waived || held[s]
		}
		if !waived {
			missing = append(missing, Missing{Kind: MissingTraining, Hours: e.TrainingHours, Certifications: e.TrainingWaivedBy})
		}
	}
	return eligible, missing
}
