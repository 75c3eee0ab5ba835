package catalog

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/pmpath/pmpath/internal/datafile"
)

const certTemplate = `  - slug: %s
    abbreviation: X
    name: {ja: 資格, en: Cert}
    issuer: {ja: 団体, en: Body}
    track: both
    stage: lead
    url: https://example.org/cert
    summary: {ja: 概要, en: Summary}
    format: {ja: 形式, en: Format}
    prerequisites: {ja: 条件, en: Prerequisites}
    proves: {ja: 証明, en: Proves}
    levels: []
    source: {name: Issuer site, year: 2025}
`

const roleTemplate = `slug: %[1]s
track: pmo
level: lead
name: {ja: 役割, en: Role}
summary: {ja: 概要, en: Summary}
responsibilities:
  - {ja: 一, en: One}
  - {ja: 二, en: Two}
  - {ja: 三, en: Three}
profile:
  - {dimension: analysis, weight: 5, rationale: {ja: 理由, en: Why}}
  - {dimension: organizing, weight: 3, rationale: {ja: 理由, en: Why}}
  - {dimension: process, weight: 2, rationale: {ja: 理由, en: Why}}
roadmap:
  - {id: %[1]s-a, stage: foundation, title: {ja: 手順, en: Step}, detail: {ja: 詳細, en: Detail}, experience: {ja: 経験, en: Experience}, certifications: [], months: 6}
  - {id: %[1]s-b, stage: practitioner, title: {ja: 手順, en: Step}, detail: {ja: 詳細, en: Detail}, experience: {ja: 経験, en: Experience}, certifications: [pmp], months: 12}
  - {id: %[1]s-c, stage: lead, title: {ja: 手順, en: Step}, detail: {ja: 詳細, en: Detail}, experience: {ja: 経験, en: Experience}, certifications: [ipa-pm, pmp], months: 0}
salary:
  - label: {ja: 相場, en: Market}
    min_jpy: 5000000
    max_jpy: 7500000
    estimate: false
    source: {name: An article, url: https://example.org/a, year: 2025}
`

// validFS returns a small catalog that passes every rule.
func validFS() fstest.MapFS {
	var certs strings.Builder
	certs.WriteString("certifications:\n")
	for _, s := range RequiredCertifications {
		fmt.Fprintf(&certs, certTemplate, s)
	}
	fsys := fstest.MapFS{CertificationsFile: {Data: []byte(certs.String())}}
	for _, r := range RequiredRoles {
		fsys[RolesDir+"/"+r+".yaml"] = &fstest.MapFile{Data: []byte(fmt.Sprintf(roleTemplate, r))}
	}
	return fsys
}

func TestLoadValid(t *testing.T) {
	c, err := Load(validFS())
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	if len(c.Roles) != len(RequiredRoles) || len(c.Certifications) != len(RequiredCertifications) {
		t.Fatalf("got %d roles, %d certifications", len(c.Roles), len(c.Certifications))
	}
	var order []string
	for _, r := range c.Roles {
		order = append(order, r.Slug)
	}
	// All template roles are track pmo, level lead: slug order decides.
	if !sort.StringsAreSorted(order) {
		t.Errorf("roles not in order: %v", order)
	}
	r, _ := c.Role("pmo-analyst")
	if got := r.CertificationSlugs(); strings.Join(got, ",") != "pmp,ipa-pm" {
		t.Errorf("CertificationSlugs = %v, want [pmp ipa-pm] in first-named order", got)
	}
	if r.Salary[0].MaxJPY == nil || *r.Salary[0].MaxJPY != 7500000 {
		t.Errorf("salary max = %v", r.Salary[0].MaxJPY)
	}
	if v1, v2 := Version(c), Version(c); v1 != v2 || len(v1) != 32 {
		t.Errorf("Version not stable: %q %q", v1, v2)
	}
	if got := c.RolesWithCertification("ipa-pm"); len(got) != len(RequiredRoles) {
		t.Errorf("RolesWithCertification(ipa-pm) = %d roles", len(got))
	}
}

func TestLoadRejects(t *testing.T) {
	role := RolesDir + "/pmo-analyst.yaml"
	tests := []struct {
		name      string
		file      string
		edit      func(string) string
		wantFile  string
		wantField string
		wantMsg   string
	}{
		{"unknown dimension", role, replace("dimension: analysis", "dimension: luck"), role, "profile[0].dimension", "not a known dimension"},
		{"missing translation", role, replace("summary: {ja: 概要, en: Summary}", "summary: {ja: 概要}"), role, "summary.en", "needs a translation"},
		{"blank translation", role, replace("name: {ja: 役割, en: Role}", "name: {ja: '  ', en: Role}"), role, "name.ja", "needs a translation"},
		{"unknown field", role, replace("track: pmo", "track: pmo\ncolour: blue"), role, "", "field colour not found"},
		{"bad yaml", role, func(string) string { return "slug: [unclosed" }, role, "", "cannot parse"},
		{"empty file", role, func(string) string { return "" }, role, "", "file is empty"},
		{"unknown certification", role, replace("certifications: [pmp]", "certifications: [pmx]"), role, "roadmap[1].certifications[0]", `unknown certification "pmx"`},
		{"weight out of range", role, replace("weight: 5", "weight: 9"), role, "profile[0].weight", "max=5"},
		{"duplicate dimension", role, replace("dimension: organizing", "dimension: analysis"), role, "profile[1].dimension", "weighted twice"},
		{"stage out of order", role, replace("stage: foundation", "stage: executive"), role, "roadmap[1].stage", "comes after a later stage"},
		{"unknown stage", role, replace("level: lead", "level: wizard"), role, "level", "must be one of"},
		{"bad track", role, replace("track: pmo", "track: qa"), role, "track", "must be pm or pmo"},
		{"slug differs from file", role, replace("slug: pmo-analyst", "slug: pmo-other"), role, "slug", "file is named pmo-analyst.yaml"},
		{"max below min", role, replace("max_jpy: 7500000", "max_jpy: 4000000"), role, "salary[0].max_jpy", "below min_jpy"},
		{"amount not yen per year", role, replace("min_jpy: 5000000", "min_jpy: 500"), role, "salary[0].min_jpy", "min=1000000"},
		{"bad source url", role, replace("url: https://example.org/a", "url: not a url"), role, "salary[0].source.url", "absolute URL"},
		{"too few responsibilities", role, replace("  - {ja: 三, en: Three}\n", ""), role, "responsibilities", "min=3"},
		{"duplicate step id", role, replace("id: pmo-analyst-b", "id: pmo-analyst-a"), role, "roadmap[1].id", "also a step of"},
		{"duplicate certification", CertificationsFile, func(s string) string { return s + fmt.Sprintf(certTemplate, "pmp") }, CertificationsFile, "certifications[4].slug", "listed twice"},
		{"bad level status", CertificationsFile, replace("    levels: []\n    source: {name: Issuer site, year: 2025}\n  - slug: ipa-pm",
			"    levels: [{code: '1', name: {ja: 一, en: One}, status: retired, requirement: {ja: 無, en: None}}]\n    source: {name: Issuer site, year: 2025}\n  - slug: ipa-pm"),
			CertificationsFile, "certifications[0].levels[0].status", "oneof"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := validFS()
			fsys[tt.file] = &fstest.MapFile{Data: []byte(tt.edit(string(fsys[tt.file].Data)))}
			_, err := Load(fsys)
			var problems datafile.Problems
			if !errors.As(err, &problems) {
				t.Fatalf("Load error = %v, want datafile.Problems", err)
			}
			for _, e := range problems {
				if e.File == "seed/"+tt.wantFile && e.Field == tt.wantField && strings.Contains(e.Message, tt.wantMsg) {
					if !strings.Contains(err.Error(), "seed/"+tt.wantFile) {
						t.Errorf("message %q does not name the file", err)
					}
					return
				}
			}
			t.Errorf("got %v\nwant an error in %s at %q containing %q", err, tt.wantFile, tt.wantField, tt.wantMsg)
		})
	}
}

func TestLoadRequiresEntries(t *testing.T) {
	fsys := validFS()
	delete(fsys, RolesDir+"/pmo-director.yaml")
	fsys[CertificationsFile] = &fstest.MapFile{Data: []byte("certifications:\n" + fmt.Sprintf(certTemplate, "pmp") + fmt.Sprintf(certTemplate, "ipa-pm"))}
	_, err := Load(fsys)
	if err == nil {
		t.Fatal("Load succeeded without required entries")
	}
	for _, want := range []string{"required roles are missing: pmo-director", `required certification "npmo-pjm-a" is missing`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
}

func replace(old, new string) func(string) string {
	return func(s string) string {
		if !strings.Contains(s, old) {
			panic("test edit does not apply: " + old)
		}
		return strings.Replace(s, old, new, 1)
	}
}
