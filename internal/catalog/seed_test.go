package catalog_test

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/pmpath/pmpath/internal/catalog"
	"github.com/pmpath/pmpath/seed"
)

// TestSeedLoads checks the shipped seed files pass every validation rule.
func TestSeedLoads(t *testing.T) {
	c, err := catalog.Load(seed.FS)
	if err != nil {
		t.Fatalf("Load(seed.FS): %v", err)
	}
	for _, slug := range catalog.RequiredRoles {
		r, ok := c.Role(slug)
		if !ok {
			t.Errorf("role %q missing", slug)
			continue
		}
		if len(r.Salary) == 0 || len(r.Roadmap) == 0 {
			t.Errorf("role %q has no salary or roadmap", slug)
		}
	}
	var order []string
	for _, r := range c.Roles {
		order = append(order, r.Slug)
	}
	want := "pm-assistant project-manager program-manager portfolio-manager pmo-administrator pmo-analyst pmo-manager pmo-director"
	if got := strings.Join(order, " "); got != want {
		t.Errorf("role order = %s\nwant %s", got, want)
	}
	for _, slug := range catalog.RequiredCertifications {
		if _, ok := c.Certification(slug); !ok {
			t.Errorf("certification %q missing", slug)
		}
	}
}

// TestSeedEligibility checks the structured eligibility the shipped
// certifications carry, which code uses to tell whether a person can sit an
// exam now.
func TestSeedEligibility(t *testing.T) {
	c, err := catalog.Load(seed.FS)
	if err != nil {
		t.Fatalf("Load(seed.FS): %v", err)
	}
	pmp, _ := c.Certification("pmp")
	if e := pmp.Eligibility; e == nil || e.LeadMonthsWithDegree != 36 || e.LeadMonthsWithoutDegree != 60 ||
		e.WithinMonths != 96 || e.TrainingHours != 35 || strings.Join(e.TrainingWaivedBy, ",") != "capm" {
		t.Errorf("pmp eligibility = %+v", pmp.Eligibility)
	}
	pmoS, _ := c.Certification("npmo-pmo-s")
	if e := pmoS.Eligibility; e == nil || strings.Join(e.RequiresAny, ",") != "npmo-pjm-a" {
		t.Errorf("npmo-pmo-s eligibility = %+v, want PJM-A first", pmoS.Eligibility)
	}
	for _, slug := range []string{"ipa-pm", "ipa-ap"} {
		if x, _ := c.Certification(slug); x.Eligibility != nil {
			t.Errorf("%s has an eligibility %+v; IPA's exams have none", slug, x.Eligibility)
		}
	}
}

// TestSeedSourcesAreCurrent lists every source last checked more than
// catalog.MaxSourceAge months ago. When it fails, open each page named,
// compare the facts it backs, correct them and set checked to the day.
func TestSeedSourcesAreCurrent(t *testing.T) {
	c, err := catalog.Load(seed.FS)
	if err != nil {
		t.Fatalf("Load(seed.FS): %v", err)
	}
	for _, u := range catalog.Stale(c, time.Now()) {
		t.Errorf("%s: %q <%s> was last checked on %s, more than %d months ago; check the facts it backs against the page and update checked",
			u.Where, u.Source.Name, u.Source.URL, u.Source.Checked, catalog.MaxSourceAge)
	}
}

// TestCatalogDocListsEverySource checks that docs/catalog.md names every
// source the seed cites, with the date it was last checked on the same line.
func TestCatalogDocListsEverySource(t *testing.T) {
	c, err := catalog.Load(seed.FS)
	if err != nil {
		t.Fatalf("Load(seed.FS): %v", err)
	}
	doc, err := os.ReadFile("../../docs/catalog.md")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(doc), "\n")
	for _, u := range catalog.Sources(c) {
		found := false
		for _, line := range lines {
			if strings.Contains(line, "<"+u.Source.URL+">") && strings.Contains(line, u.Source.Checked) {
				found = true
				break
			}
		}
		if !found {
			t.Errorf("docs/catalog.md has no line with <%s> and %s (%s, %s)", u.Source.URL, u.Source.Checked, u.Source.Name, u.Where)
		}
	}
}
