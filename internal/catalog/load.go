package catalog

import (
	"fmt"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"

	"github.com/pmpath/pmpath/internal/construct"
	"github.com/pmpath/pmpath/internal/datafile"
)

// Seed file names inside the seed file system.
const (
	CertificationsFile = "certifications.yaml"
	RolesDir           = "roles"
)

// Load reads and validates the catalog from a seed file system laid out as
// certifications.yaml and roles/*.yaml. It returns every problem it finds as
// datafile.Problems, naming each file as seed/<name>, or the catalog with
// roles ordered PM track first, then by level, then by slug.
func Load(fsys fs.FS) (*Catalog, error) {
	l := newLoader()
	c := &Catalog{}

	var certFile struct {
		Certifications []Certification `yaml:"certifications"`
	}
	if l.DecodeFile(fsys, CertificationsFile, &certFile) {
		for i, cert := range certFile.Certifications {
			l.Validate(CertificationsFile, fmt.Sprintf("certifications[%d]", i), cert)
		}
		c.Certifications = certFile.Certifications
	}

	files, err := fs.Glob(fsys, RolesDir+"/*.yaml")
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	roleFile := map[string]string{}
	for _, f := range files {
		var r Role
		if !l.DecodeFile(fsys, f, &r) {
			continue
		}
		l.Validate(f, "", r)
		if want := strings.TrimSuffix(path.Base(f), ".yaml"); r.Slug != want {
			l.add(f, "slug", fmt.Sprintf("is %q but the file is named %s.yaml", r.Slug, want))
		}
		if prev, dup := roleFile[r.Slug]; dup {
			l.add(f, "slug", fmt.Sprintf("%q is also used by seed/%s", r.Slug, prev))
		}
		roleFile[r.Slug] = f
		c.Roles = append(c.Roles, r)
	}

	l.crossCheck(c, roleFile)
	if err := l.Err(); err != nil {
		return nil, err
	}
	sortRoles(c.Roles)
	return c, nil
}

type loader struct{ *datafile.Checker }

func newLoader() *loader { return &loader{datafile.NewChecker("seed/")} }

func (l *loader) add(file, field, problem string) { l.Add(file, field, "%s", problem) }

// crossCheck validates what single fields cannot show: references,
// uniqueness, order, the sources behind every fact and the required entries.
func (l *loader) crossCheck(c *Catalog, roleFile map[string]string) {
	certs := map[string]Certification{}
	for i, cert := range c.Certifications {
		field := fmt.Sprintf("certifications[%d]", i)
		if _, dup := certs[cert.Slug]; dup {
			l.add(CertificationsFile, field+".slug", fmt.Sprintf("%q is listed twice", cert.Slug))
		}
		certs[cert.Slug] = cert
		codes := map[string]bool{}
		for j, lv := range cert.Levels {
			if codes[lv.Code] {
				l.add(CertificationsFile, fmt.Sprintf("%s.levels[%d].code", field, j), fmt.Sprintf("%q is listed twice", lv.Code))
			}
			codes[lv.Code] = true
		}
	}
	for i, cert := range c.Certifications {
		l.checkCertSources(fmt.Sprintf("certifications[%d]", i), cert)
		l.checkEligibility(fmt.Sprintf("certifications[%d].eligibility", i), cert, certs)
	}
	for _, slug := range RequiredCertifications {
		if _, ok := certs[slug]; !ok {
			l.add(CertificationsFile, "certifications", fmt.Sprintf("required certification %q is missing", slug))
		}
	}

	steps := map[string]string{}
	shared := map[string]sharedStep{}
	for _, r := range c.Roles {
		f := roleFile[r.Slug]
		dims := map[construct.Dimension]bool{}
		for i, w := range r.Profile {
			if dims[w.Dimension] {
				l.add(f, fmt.Sprintf("profile[%d].dimension", i), fmt.Sprintf("%q is weighted twice", w.Dimension))
			}
			dims[w.Dimension] = true
		}
		l.checkRoadmap(f, r, roleFile, certs, steps, shared)
		for i, s := range r.Salary {
			field := fmt.Sprintf("salary[%d]", i)
			if s.MaxJPY != nil && *s.MaxJPY < s.MinJPY {
				l.add(f, field+".max_jpy", "is below min_jpy")
			}
			for src, sf := range map[*Source]string{&s.Source: field + ".source", s.Source.Via: field + ".source.via"} {
				if src != nil && len(src.Covers) > 0 {
					l.add(f, sf+".covers", "is for certification sources; a salary source backs the whole range")
				}
			}
		}
	}
	var missing []string
	for _, slug := range RequiredRoles {
		if _, ok := roleFile[slug]; !ok {
			missing = append(missing, slug)
		}
	}
	if len(missing) > 0 {
		slices.Sort(missing)
		l.add(RolesDir, "", "required roles are missing: "+strings.Join(missing, ", "))
	}
}

// checkCertSources checks that the issuer's page comes first and that every
// fact the certification states has a source; a fact backed only by reports
// must be listed as unconfirmed, and only such a fact.
func (l *loader) checkCertSources(field string, cert Certification) {
	if len(cert.Sources) > 0 && cert.Sources[0].Kind != SourceIssuer {
		l.add(CertificationsFile, field+".sources[0].kind", fmt.Sprintf("is %q; the first source is the issuer's own page (kind issuer)", cert.Sources[0].Kind))
	}
	byIssuer, byAny := map[string]bool{}, map[string]bool{}
	for j, src := range cert.Sources {
		sf := fmt.Sprintf("%s.sources[%d]", field, j)
		// The issuer's page is always listed for the reader to open, even
		// when none of the facts could be confirmed on it; any other source
		// is listed for the facts it backs.
		if len(src.Covers) == 0 && src.Kind != SourceIssuer {
			l.add(CertificationsFile, sf+".covers", "names no fact; list the facts this source backs")
		}
		for k, fact := range src.Covers {
			if !slices.Contains(CertFacts, fact) {
				l.add(CertificationsFile, fmt.Sprintf("%s.covers[%d]", sf, k), fmt.Sprintf("%q is not a fact; use one of %s", fact, strings.Join(CertFacts, ", ")))
			}
			byAny[fact] = true
			if src.Kind == SourceIssuer {
				byIssuer[fact] = true
			}
		}
	}
	facts := cert.Facts()
	for _, fact := range facts {
		if !byAny[fact] {
			l.add(CertificationsFile, field+"."+fact, fmt.Sprintf("%q has no source: name it in the covers of a source with a URL and a checked date", cert.Slug))
		} else if !byIssuer[fact] && !slices.Contains(cert.Unconfirmed, fact) {
			l.add(CertificationsFile, field+"."+fact, "is backed only by reports, not by the issuer's page: confirm it there or list it in unconfirmed")
		}
	}
	for k, fact := range cert.Unconfirmed {
		uf := fmt.Sprintf("%s.unconfirmed[%d]", field, k)
		switch {
		case !slices.Contains(facts, fact):
			l.add(CertificationsFile, uf, fmt.Sprintf("%q is not a fact this certification states", fact))
		case byIssuer[fact]:
			l.add(CertificationsFile, uf, fmt.Sprintf("%q is covered by an issuer source, so it is confirmed", fact))
		}
	}
}

// checkEligibility checks that the certifications an eligibility names
// exist and are not the certification itself.
func (l *loader) checkEligibility(field string, cert Certification, certs map[string]Certification) {
	e := cert.Eligibility
	if e == nil {
		return
	}
	for name, list := range map[string][]string{"requires_any": e.RequiresAny, "training_waived_by": e.TrainingWaivedBy} {
		for j, slug := range list {
			f := fmt.Sprintf("%s.%s[%d]", field, name, j)
			if _, ok := certs[slug]; !ok {
				l.add(CertificationsFile, f, fmt.Sprintf("unknown certification %q", slug))
			} else if slug == cert.Slug {
				l.add(CertificationsFile, f, "names the certification itself")
			}
		}
	}
	if e.LeadMonthsWithoutDegree != 0 && e.LeadMonthsWithoutDegree < e.LeadMonthsWithDegree {
		l.add(CertificationsFile, field+".lead_months_without_degree", "is below lead_months_with_degree")
	}
}

// sharedStep is the first step seen with a shared name.
type sharedStep struct {
	file   string
	months int
}

// checkRoadmap checks one role's roadmap: unique step ids, stages from the
// lowest up, known certifications reached only once their eligibility can be
// met, next roles and exits after the ordinary steps, and shared steps of
// one length.
func (l *loader) checkRoadmap(f string, r Role, roleFile map[string]string, certs map[string]Certification, steps map[string]string, shared map[string]sharedStep) {
	prevRank := 0
	held := map[string]bool{}
	leadMonths := 0
	ended := false
	leadRank, _ := construct.Rank(construct.StageLead)
	for i, s := range r.Roadmap {
		field := fmt.Sprintf("roadmap[%d]", i)
		if other, dup := steps[s.ID]; dup {
			l.add(f, field+".id", fmt.Sprintf("%q is also a step of seed/%s; step ids are unique across roles", s.ID, other))
		}
		steps[s.ID] = f
		rank, ok := construct.Rank(s.Stage)
		if ok {
			if rank < prevRank {
				l.add(f, field+".stage", fmt.Sprintf("%q comes after a later stage; steps are ordered from the lowest stage up", s.Stage))
			}
			prevRank = rank
		}
		kind := s.KindOrDefault()
		switch {
		case kind == StepKindStep && ended:
			l.add(f, field+".kind", "an ordinary step comes after a next role or an exit; those come last")
		case kind == StepKindStep && len(s.NextRoles) > 0:
			l.add(f, field+".next_roles", "only a next_role step names next roles")
		case kind == StepKindNextRole && len(s.NextRoles) == 0:
			l.add(f, field+".next_roles", "a next_role step names the roles it leads to")
		case kind == StepKindExit && len(s.NextRoles) > 0:
			l.add(f, field+".next_roles", "an exit leaves the track and names no next role")
		}
		if kind != StepKindStep {
			ended = true
			if s.Months != 0 {
				l.add(f, field+".months", "a next role or an exit takes no months of its own")
			}
			if len(s.Certifications) > 0 {
				l.add(f, field+".certifications", "a next role or an exit is not a step of this roadmap and leads through no certification")
			}
		}
		for j, next := range s.NextRoles {
			if _, ok := roleFile[next]; !ok {
				l.add(f, fmt.Sprintf("%s.next_roles[%d]", field, j), fmt.Sprintf("unknown role %q", next))
			} else if next == r.Slug {
				l.add(f, fmt.Sprintf("%s.next_roles[%d]", field, j), "names the role itself")
			}
		}
		if s.Shared != "" {
			if first, seen := shared[s.Shared]; !seen {
				shared[s.Shared] = sharedStep{file: f, months: s.Months}
			} else if first.months != s.Months {
				l.add(f, field+".months", fmt.Sprintf("shared step %q lasts %d months in seed/%s but %d here; one step, one duration", s.Shared, first.months, first.file, s.Months))
			}
		}
		if kind == StepKindStep && ok && rank >= leadRank {
			leadMonths += s.Months
		}
		for j, cs := range s.Certifications {
			cf := fmt.Sprintf("%s.certifications[%d]", field, j)
			cert, known := certs[cs]
			if !known {
				l.add(f, cf, fmt.Sprintf("unknown certification %q", cs))
				continue
			}
			if e := cert.Eligibility; e != nil {
				if len(e.RequiresAny) > 0 && !slices.ContainsFunc(e.RequiresAny, func(x string) bool { return held[x] }) {
					l.add(f, cf, fmt.Sprintf("%q requires one of %s first, and no earlier step of this roadmap leads through one", cs, strings.Join(e.RequiresAny, ", ")))
				}
				if e.LeadMonthsWithDegree > 0 && leadMonths < e.LeadMonthsWithDegree {
					l.add(f, cf, fmt.Sprintf("%q asks for at least %d months leading projects, but this roadmap has %d months at lead stage or above by the end of this step", cs, e.LeadMonthsWithDegree, leadMonths))
				}
			}
			held[cs] = true
		}
	}
}

// sortRoles orders roles as people browse them: by track, then from the
// entry level up.
func sortRoles(roles []Role) {
	sort.SliceStable(roles, func(i, j int) bool {
		a, b := roles[i], roles[j]
		if a.Track != b.Track {
			return a.Track == construct.TrackPM
		}
		ra, _ := construct.Rank(a.Level)
		rb, _ := construct.Rank(b.Level)
		if ra != rb {
			return ra < rb
		}
		return a.Slug < b.Slug
	})
}
