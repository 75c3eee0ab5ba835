package catalog

import (
	"strings"
	"testing"
	"time"
)

func TestStale(t *testing.T) {
	src := func(checked string) Source {
		return Source{Name: checked, URL: "https://example.org/" + checked, Kind: SourceIssuer, Year: 2025, Checked: checked}
	}
	via := src("2024-01-01")
	c := &Catalog{
		Certifications: []Certification{{Slug: "pmp", Sources: []Source{src("2025-12-07"), src("2025-12-08")}}},
		Roles: []Role{{Slug: "pm", Salary: []SalaryRange{{Source: Source{
			Name: "survey", URL: "https://example.org/s", Kind: SourceIssuer, Checked: "2026-06-01", Via: &via,
		}}}}},
	}
	now := time.Date(2026, 12, 8, 9, 0, 0, 0, time.UTC)
	var got []string
	for _, u := range Stale(c, now) {
		got = append(got, u.Where+"="+u.Source.Checked)
	}
	want := "role pm salary[0].source.via=2024-01-01 certification pmp sources[0]=2025-12-07"
	if strings.Join(got, " ") != want {
		t.Errorf("Stale = %v\nwant %s", got, want)
	}
	if n := len(Sources(c)); n != 4 {
		t.Errorf("Sources lists %d, want 4 (two certification sources, a salary source and its report)", n)
	}
}
