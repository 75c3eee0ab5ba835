package catalog

import (
	"fmt"
	"sort"
	"time"
)

// MaxSourceAge is how long a checked fact stays current: a source last
// checked longer ago than this is due to be checked again.
const MaxSourceAge = 12 // months

// SourceUse is one source together with where the catalog uses it.
type SourceUse struct {
	// Where names the entry: "certification pmp sources[0]" or
	// "role project-manager salary[1].source".
	Where  string
	Source Source
}

// Sources lists every source the catalog cites, certifications first, each
// with where it is used. A source checked through a report is listed with the
// report after it.
func Sources(c *Catalog) []SourceUse {
	var out []SourceUse
	add := func(where string, s Source) {
		out = append(out, SourceUse{Where: where, Source: s})
		if s.Via != nil {
			out = append(out, SourceUse{Where: where + ".via", Source: *s.Via})
		}
	}
	for _, cert := range c.Certifications {
		for i, s := range cert.Sources {
			add(fmt.Sprintf("certification %s sources[%d]", cert.Slug, i), s)
		}
	}
	for _, r := range c.Roles {
		for i, s := range r.Salary {
			add(fmt.Sprintf("role %s salary[%d].source", r.Slug, i), s.Source)
		}
	}
	return out
}

// Stale returns the sources last checked more than MaxSourceAge months
// before now's date, oldest first: the facts they back need checking again.
// A source checked exactly MaxSourceAge months ago is still current.
func Stale(c *Catalog, now time.Time) []SourceUse {
	y, m, d := now.Date()
	cutoff := time.Date(y, m, d, 0, 0, 0, 0, time.UTC).AddDate(0, -MaxSourceAge, 0)
	var out []SourceUse
	for _, u := range Sources(c) {
		checked, err := u.Source.CheckedOn()
		if err != nil || checked.Before(cutoff) {
			out = append(out, u)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Source.Checked < out[j].Source.Checked })
	return out
}
