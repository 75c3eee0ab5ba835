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
// uniqueness, order and the required entries.
func (l *loader) crossCheck(c *Catalog, roleFile map[string]string) {
	certs := map[string]bool{}
	for i, cert := range c.Certifications {
		field := fmt.Sprintf("certifications[%d].slug", i)
		if certs[cert.Slug] {
			l.add(CertificationsFile, field, fmt.Sprintf("%q is listed twice", cert.Slug))
		}
		certs[cert.Slug] = true
		codes := map[string]bool{}
		for j, lv := range cert.Levels {
			if codes[lv.Code] {
				l.add(CertificationsFile, fmt.Sprintf("certifications[%d].levels[%d].code", i, j), fmt.Sprintf("%q is listed twice", lv.Code))
			}
			codes[lv.Code] = true
		}
	}
	for _, slug := range RequiredCertifications {
		if !certs[slug] {
			l.add(CertificationsFile, "certifications", fmt.Sprintf("required certification %q is missing", slug))
		}
	}

	steps := map[string]string{}
	for _, r := range c.Roles {
		f := roleFile[r.Slug]
		dims := map[construct.Dimension]bool{}
		for i, w := range r.Profile {
			if dims[w.Dimension] {
				l.add(f, fmt.Sprintf("profile[%d].dimension", i), fmt.Sprintf("%q is weighted twice", w.Dimension))
			}
			dims[w.Dimension] = true
		}
		prevRank := 0
		for i, s := range r.Roadmap {
			if other, dup := steps[s.ID]; dup {
				l.add(f, fmt.Sprintf("roadmap[%d].id", i), fmt.Sprintf("%q is also a step of seed/%s; step ids are unique across roles", s.ID, other))
			}
			steps[s.ID] = f
			if rank, ok := construct.Rank(s.Stage); ok {
				if rank < prevRank {
					l.add(f, fmt.Sprintf("roadmap[%d].stage", i), fmt.Sprintf("%q comes after a later stage; steps are ordered from the lowest stage up", s.Stage))
				}
				prevRank = rank
			}
			for j, cs := range s.Certifications {
				if !certs[cs] {
					l.add(f, fmt.Sprintf("roadmap[%d].certifications[%d]", i, j), fmt.Sprintf("unknown certification %q", cs))
				}
			}
		}
		for i, s := range r.Salary {
			if s.MaxJPY != nil && *s.MaxJPY < s.MinJPY {
				l.add(f, fmt.Sprintf("salary[%d].max_jpy", i), "is below min_jpy")
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
