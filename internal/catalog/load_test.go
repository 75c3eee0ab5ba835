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
    sources:
      - {name: Issuer site, url: https://example.org/cert, kind: issuer, year: 2026, checked: "2026-12-08", covers: [summary, format, prerequisites, proves]}
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
    source: {name: An article, url: https://example.org/a, kind: agency, year: 2025, checked: "2026-12-08"}
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
		{"salary source without url", role, replace("url: https://example.org/a, ", ""), role, "salary[0].source.url", "is required"},
		{"salary source without checked date", role, replace(`, checked: "2026-12-08"}`, "}"), role, "salary[0].source.checked", "is required"},
		{"salary source with a bad date", role, replace(`checked: "2026-12-08"`, `checked: "08/12/2026"`), role, "salary[0].source.checked", "datetime"},
		{"salary source kind unknown", role, replace("kind: agency", "kind: rumour"), role, "salary[0].source.kind", "oneof"},
		{"salary source covers facts", role, replace("kind: agency,", "kind: agency, covers: [fee],"), role, "salary[0].source.covers", "certification sources"},
		{"certification source without checked date", CertificationsFile, replace(`kind: issuer, year: 2026, checked: "2026-12-08",`, "kind: issuer, year: 2026,"), CertificationsFile, "certifications[0].sources[0].checked", "is required"},
		{"certification without sources", CertificationsFile, replace("    sources:\n      - {name: Issuer site, url: https://example.org/cert, kind: issuer, year: 2026, checked: \"2026-12-08\", covers: [summary, format, prerequisites, proves]}\n  - slug: ipa-pm", "    sources: []\n  - slug: ipa-pm"), CertificationsFile, "certifications[0].sources", "min=1"},
		{"fact without a source", CertificationsFile, replace("covers: [summary, format, prerequisites, proves]}\n  - slug: ipa-pm", "covers: [summary, prerequisites, proves]}\n  - slug: ipa-pm"), CertificationsFile, "certifications[0].format", "has no source"},
		{"stated fee without a source", CertificationsFile, replace("    levels: []\n", "    levels: []\n    fee: {ja: 無料, en: Free}\n"), CertificationsFile, "certifications[0].fee", "has no source"},
		{"first source not the issuer", CertificationsFile, replace("kind: issuer, year: 2026, checked: \"2026-12-08\", covers: [summary, format, prerequisites, proves]}\n  - slug: ipa-pm", "kind: report, year: 2026, checked: \"2026-12-08\", covers: [summary, format, prerequisites, proves]}\n  - slug: ipa-pm"), CertificationsFile, "certifications[0].sources[0].kind", "issuer's own page"},
		{"fact backed only by a report", CertificationsFile, replace("covers: [summary, format, prerequisites, proves]}\n  - slug: ipa-pm", "covers: [summary, prerequisites, proves]}\n      - {name: Blog, url: https://example.org/b, kind: report, year: 2026, checked: \"2026-12-08\", covers: [format]}\n  - slug: ipa-pm"), CertificationsFile, "certifications[0].format", "list it in unconfirmed"},
		{"unconfirmed fact the issuer covers", CertificationsFile, replace("    levels: []\n", "    levels: []\n    unconfirmed: [format]\n"), CertificationsFile, "certifications[0].unconfirmed[0]", "so it is confirmed"},
		{"unknown fact in covers", CertificationsFile, replace("covers: [summary, format, prerequisites, proves]}\n  - slug: ipa-pm", "covers: [summary, format, prerequisites, proves, salary]}\n  - slug: ipa-pm"), CertificationsFile, "certifications[0].sources[0].covers[4]", "not a fact"},
		{"report source naming no fact", CertificationsFile, replace("covers: [summary, format, prerequisites, proves]}\n  - slug: ipa-pm", "covers: [summary, format, prerequisites, proves]}\n      - {name: Blog, url: https://example.org/b, kind: report, year: 2026, checked: \"2026-12-08\"}\n  - slug: ipa-pm"), CertificationsFile, "certifications[0].sources[1].covers", "names no fact"},
		{"eligibility names an unknown certification", CertificationsFile, withEligibility("pmp", "{requires_any: [pmx]}"), CertificationsFile, "certifications[0].eligibility.requires_any[0]", `unknown certification "pmx"`},
		{"eligibility names the certification itself", CertificationsFile, withEligibility("pmp", "{training_waived_by: [pmp]}"), CertificationsFile, "certifications[0].eligibility.training_waived_by[0]", "itself"},
		{"eligibility without a source", CertificationsFile, withEligibility("pmp", "{training_hours: 35}"), CertificationsFile, "certifications[0].eligibility", "has no source"},
		{"certification before the experience it asks for", CertificationsFile, withEligibility("pmp", "{lead_months_with_degree: 36, lead_months_without_degree: 60}"), role, "roadmap[1].certifications[0]", "at least 36 months leading projects"},
		{"certification before the one it requires", CertificationsFile, withEligibility("ipa-pm", "{requires_any: [npmo-pmo-s]}"), role, "roadmap[2].certifications[0]", "requires one of npmo-pmo-s first"},
		{"next role without roles", role, replace("{id: pmo-analyst-c, stage: lead,", "{id: pmo-analyst-c, stage: lead, kind: next_role,"), role, "roadmap[2].next_roles", "names the roles it leads to"},
		{"next role unknown", role, replace("{id: pmo-analyst-c, stage: lead,", "{id: pmo-analyst-c, stage: lead, kind: next_role, next_roles: [astronaut],"), role, "roadmap[2].next_roles[0]", `unknown role "astronaut"`},
		{"next role leading through a certification", role, replace("{id: pmo-analyst-c, stage: lead,", "{id: pmo-analyst-c, stage: lead, kind: next_role, next_roles: [pmo-manager],"), role, "roadmap[2].certifications", "leads through no certification"},
		{"exit with months", role, replace("certifications: [], months: 6}", "certifications: [], months: 6}\n  - {id: pmo-analyst-z, stage: lead, kind: exit, title: {ja: 独立, en: Exit}, detail: {ja: 詳細, en: Detail}, experience: {ja: 経験, en: Experience}, months: 3}"), role, "roadmap[1].months", "takes no months"},
		{"step after an exit", role, replace("certifications: [], months: 6}", "certifications: [], months: 6}\n  - {id: pmo-analyst-z, stage: lead, kind: exit, title: {ja: 独立, en: Exit}, detail: {ja: 詳細, en: Detail}, experience: {ja: 経験, en: Experience}, months: 0}"), role, "roadmap[2].kind", "come last"},
		{"exit naming a next role", role, replace("{id: pmo-analyst-c, stage: lead,", "{id: pmo-analyst-c, stage: lead, kind: exit, next_roles: [pmo-manager],"), role, "roadmap[2].next_roles", "names no next role"},
		{"unknown step kind", role, replace("{id: pmo-analyst-c, stage: lead,", "{id: pmo-analyst-c, stage: lead, kind: detour,"), role, "roadmap[2].kind", "oneof"},
		{"duplicate certification", CertificationsFile, func(s string) string { return s + fmt.Sprintf(certTemplate, "pmp") }, CertificationsFile, "certifications[4].slug", "listed twice"},
		{"bad level status", CertificationsFile, replace("    levels: []\n    sources:\n      - {name: Issuer site, url: https://example.org/cert, kind: issuer, year: 2026, checked: \"2026-12-08\", covers: [summary, format, prerequisites, proves]}\n  - slug: ipa-pm",
			"    levels: [{code: '1', name: {ja: 一, en: One}, status: retired, requirement: {ja: 無, en: None}}]\n    sources:\n      - {name: Issuer site, url: https://example.org/cert, kind: issuer, year: 2026, checked: \"2026-12-08\", covers: [summary, format, prerequisites, proves, levels]}\n  - slug: ipa-pm"),
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

// withEligibility gives the certification slug of the template the
// eligibility e, backed by its issuer source.
func withEligibility(slug, e string) func(string) string {
	return func(s string) string {
		head := "  - slug: " + slug + "\n    abbreviation: X\n"
		start := strings.Index(s, head)
		if start < 0 {
			panic("no certification " + slug)
		}
		s = s[:start] + head + "    eligibility: " + e + "\n" + s[start+len(head):]
		// Back the new fact only when the case is not about a missing source.
		if !strings.Contains(e, "training_hours") {
			end := strings.Index(s[start:], "covers: [summary, format, prerequisites, proves]") + start
			s = s[:end] + "covers: [summary, format, prerequisites, proves, eligibility]" + s[end+len("covers: [summary, format, prerequisites, proves]"):]
		}
		return s
	}
}

// TestSharedStepsLastTheSame checks that a step shared by several
// roadmaps has one duration.
func TestSharedStepsLastTheSame(t *testing.T) {
	fsys := validFS()
	for _, r := range []string{"pmo-analyst", "pmo-manager"} {
		f := RolesDir + "/" + r + ".yaml"
		months := map[string]string{"pmo-analyst": "6", "pmo-manager": "12"}[r]
		data := strings.Replace(string(fsys[f].Data), "stage: foundation,", "stage: foundation, shared: start-it-work,", 1)
		data = strings.Replace(data, "certifications: [], months: 6}", "certifications: [], months: "+months+"}", 1)
		fsys[f] = &fstest.MapFile{Data: []byte(data)}
	}
	_, err := Load(fsys)
	if err == nil || !strings.Contains(err.Error(), `shared step "start-it-work" lasts 6 months in seed/roles/pmo-analyst.yaml but 12 here`) {
		t.Fatalf("Load error = %v, want a shared-step duration problem", err)
	}
}

// TestRoadmapMeetsEligibility checks a roadmap that reaches a certification
// only after its requirement passes.
func TestRoadmapMeetsEligibility(t *testing.T) {
	fsys := validFS()
	fsys[CertificationsFile] = &fstest.MapFile{Data: []byte(withEligibility("ipa-pm", "{requires_any: [pmp]}")(
		withEligibility("pmp", "{lead_months_with_degree: 12}")(string(fsys[CertificationsFile].Data))))}
	for _, r := range RequiredRoles {
		f := RolesDir + "/" + r + ".yaml"
		// Step b moves to the lead stage with 12 months, so pmp is within
		// reach, and ipa-pm at step c comes after it.
		data := strings.Replace(string(fsys[f].Data), "stage: practitioner,", "stage: lead,", 1)
		fsys[f] = &fstest.MapFile{Data: []byte(data)}
	}
	c, err := Load(fsys)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	pmp, _ := c.Certification("pmp")
	if pmp.Eligibility == nil || pmp.Eligibility.LeadMonthsWithDegree != 12 {
		t.Errorf("pmp eligibility = %+v", pmp.Eligibility)
	}
	if ipa, _ := c.Certification("ipa-pm"); ipa.Eligibility == nil || strings.Join(ipa.Eligibility.RequiresAny, ",") != "pmp" {
		t.Errorf("ipa-pm eligibility = %+v", ipa.Eligibility)
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
