package questionnaire

import (
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"

	"github.com/pmpath/pmpath/internal/construct"
	"github.com/pmpath/pmpath/internal/datafile"
)

// Scoring points a choice option may give one dimension.
const (
	MinPoints = 1
	MaxPoints = 3
)

// LoadFS reads every questionnaire file in fsys, laid out as
// <slug>/v<version>.yaml, and returns them sorted by slug and version. Any
// problem in any file fails the whole load, with every problem listed.
func LoadFS(fsys fs.FS) ([]*Questionnaire, error) {
	files, err := fs.Glob(fsys, "*/v*.yaml")
	if err != nil {
		return nil, err
	}
	c := datafile.NewChecker("assessments/")
	var out []*Questionnaire
	for _, f := range files {
		data, err := fs.ReadFile(fsys, f)
		if err != nil {
			c.Add(f, "", "cannot read: %v", err)
			continue
		}
		q := parse(c, f, data)
		if q == nil {
			continue
		}
		wantSlug, wantVersion := path.Dir(f), strings.TrimSuffix(strings.TrimPrefix(path.Base(f), "v"), ".yaml")
		if q.Slug != wantSlug || strconv.Itoa(q.Version) != wantVersion {
			c.Add(f, "", "holds %s version %d; its path must be %s/v%d.yaml", q.Slug, q.Version, q.Slug, q.Version)
		}
		out = append(out, q)
	}
	if err := c.Err(); err != nil {
		return nil, err
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Slug != out[j].Slug {
			return out[i].Slug < out[j].Slug
		}
		return out[i].Version < out[j].Version
	})
	return out, nil
}

// Parse decodes and validates one questionnaire; name is used in messages.
func Parse(name string, data []byte) (*Questionnaire, error) {
	c := datafile.NewChecker("")
	q := parse(c, name, data)
	if err := c.Err(); err != nil {
		return nil, err
	}
	return q, nil
}

// parse decodes and checks one file, recording problems in c. It returns
// nil only when the file does not decode at all.
func parse(c *datafile.Checker, file string, data []byte) *Questionnaire {
	var q Questionnaire
	if !c.Decode(file, data, &q) {
		return nil
	}
	c.Validate(file, "", q)
	check(c, file, &q)
	return &q
}

// check applies the rules struct tags cannot express: per-type fields,
// unique ids, known dimensions and stages, and scores on every option.
func check(c *datafile.Checker, file string, q *Questionnaire) {
	ids := map[string]bool{}
	measured := map[construct.Dimension]int{}
	for i, it := range q.Items {
		at := func(field string) string {
			if field == "" {
				return fmt.Sprintf("items[%d] (%s)", i, it.ID)
			}
			return fmt.Sprintf("items[%d] (%s).%s", i, it.ID, field)
		}
		if ids[it.ID] {
			c.Add(file, at("id"), "%q is used by another item", it.ID)
		}
		ids[it.ID] = true
		optIDs := map[string]bool{}
		for j, o := range it.Options {
			if optIDs[o.ID] {
				c.Add(file, at(fmt.Sprintf("options[%d].id", j)), "%q is used by another option of this item", o.ID)
			}
			optIDs[o.ID] = true
		}

		switch it.Type {
		case Likert:
			if _, ok := construct.LookupDimension(it.Dimension); !ok {
				c.Add(file, at("dimension"), "%q is not a known dimension", it.Dimension)
			}
			measured[it.Dimension]++
			if len(it.Options) > 0 || it.Select != "" {
				c.Add(file, at("options"), "a likert item has no options or select")
			}
		case Choice:
			if it.Dimension != "" || it.Reverse || it.Select != "" {
				c.Add(file, at("dimension"), "a choice item scores through its options; it takes no dimension, reverse or select")
			}
			if len(it.Options) < 2 {
				c.Add(file, at("options"), "a choice item needs at least 2 options")
			}
			for j, o := range it.Options {
				field := at(fmt.Sprintf("options[%d]", j))
				if len(o.Scores) == 0 {
					c.Add(file, field+".scores", "every option of a choice item must score at least one dimension")
				}
				for d, p := range o.Scores {
					if _, ok := construct.LookupDimension(d); !ok {
						c.Add(file, field+".scores."+string(d), "is not a known dimension")
					} else if p < MinPoints || p > MaxPoints {
						c.Add(file, field+".scores."+string(d), "must be %d to %d points, not %d", MinPoints, MaxPoints, p)
					}
					measured[d]++
				}
				if o.Stage != "" || o.Certification != "" || o.Exclusive {
					c.Add(file, field, "a choice option takes no stage, certification or exclusive")
				}
			}
		case Experience:
			if it.Select != SelectOne && it.Select != SelectMany {
				c.Add(file, at("select"), "must be one or many")
			}
			if it.Dimension != "" || it.Reverse {
				c.Add(file, at("dimension"), "an experience item measures no dimension")
			}
			if len(it.Options) < 2 {
				c.Add(file, at("options"), "an experience item needs at least 2 options")
			}
			for j, o := range it.Options {
				field := at(fmt.Sprintf("options[%d]", j))
				if len(o.Scores) > 0 {
					c.Add(file, field+".scores", "experience feeds readiness, not aptitude: no scores")
				}
				if _, ok := construct.Rank(o.Stage); !ok {
					c.Add(file, field+".stage", "must be one of foundation, coordinator, practitioner, lead, manager, executive")
				}
				if o.Exclusive && it.Select != SelectMany {
					c.Add(file, field+".exclusive", "only an option of a multi-select item can be exclusive")
				}
				if o.Certification != "" && !datafile.ValidSlug(o.Certification) {
					c.Add(file, field+".certification", "must be a certification slug")
				}
			}
		}
	}
	if !q.Scored() {
		// A version scored by the first model measures every dimension the
		// contract first named.
		for _, d := range construct.Dimensions[:construct.OriginalDimensions] {
			if measured[d.Key] == 0 {
				c.Add(file, "items", "no item measures dimension %q", d.Key)
			}
		}
		if q.Orientation != nil || len(q.Profiles) > 0 || q.ShuffleOptions {
			c.Add(file, "scales", "orientation, profiles and shuffle_options need scales")
		}
		return
	}
	checkScales(c, file, q, measured)
}

// checkScales applies the rules of a version with scales: every facet in
// exactly one scale and measured, Likert items in antonym pairs, an
// orientation over known scales, and a target on every scale for each role.
func checkScales(c *datafile.Checker, file string, q *Questionnaire, measured map[construct.Dimension]int) {
	scaleKeys := map[string]bool{}
	shared := map[string]bool{}
	inScale := map[construct.Dimension]string{}
	for i, s := range q.Scales {
		at := fmt.Sprintf("scales[%d] (%s)", i, s.Key)
		if scaleKeys[s.Key] {
			c.Add(file, at+".key", "%q is used by another scale", s.Key)
		}
		scaleKeys[s.Key] = true
		shared[s.Key] = s.Shared
		for _, f := range s.Facets {
			if _, ok := construct.LookupDimension(f); !ok {
				c.Add(file, at+".facets", "%q is not a known dimension", f)
			} else if other, dup := inScale[f]; dup {
				c.Add(file, at+".facets", "%q already belongs to scale %q", f, other)
			} else if measured[f] == 0 {
				c.Add(file, at+".facets", "no item measures %q", f)
			}
			inScale[f] = s.Key
		}
	}
	if fit := len(q.Scales) - len(sharedKeys(q)); fit == 0 {
		c.Add(file, "scales", "at least one scale must decide role fit (not be shared)")
	}
	for d := range measured {
		if _, ok := inScale[d]; !ok {
			c.Add(file, "scales", "dimension %q is measured but belongs to no scale", d)
		}
	}

	type pairSide struct{ plain, reverse []string }
	pairs := map[string]*pairSide{}
	dims := map[string]construct.Dimension{}
	for _, it := range q.Items {
		if it.Type != Likert {
			continue
		}
		if it.Pair == "" {
			c.Add(file, "items ("+it.ID+").pair", "every likert item of a version with scales has an antonym pair")
			continue
		}
		p := pairs[it.Pair]
		if p == nil {
			p = &pairSide{}
			pairs[it.Pair] = p
			dims[it.Pair] = it.Dimension
		} else if dims[it.Pair] != it.Dimension {
			c.Add(file, "items ("+it.ID+").pair", "pair %q joins items of different dimensions", it.Pair)
		}
		if it.Reverse {
			p.reverse = append(p.reverse, it.ID)
		} else {
			p.plain = append(p.plain, it.ID)
		}
	}
	for id, p := range pairs {
		if len(p.plain) != 1 || len(p.reverse) != 1 {
			c.Add(file, "items", "pair %q needs one plain and one reverse-keyed item, has %v and %v", id, p.plain, p.reverse)
		}
	}

	if o := q.Orientation; o == nil {
		c.Add(file, "orientation", "a version with scales names the scales of each side of the lean")
	} else {
		for _, k := range append(append([]string{}, o.PM...), o.PMO...) {
			if !scaleKeys[k] {
				c.Add(file, "orientation", "%q is not a scale", k)
			} else if shared[k] {
				c.Add(file, "orientation", "%q is a shared scale; it is no side of the lean", k)
			}
		}
	}
	if len(q.Profiles) == 0 {
		c.Add(file, "profiles", "a version with scales gives every role a profile")
	}
	roles := map[string]bool{}
	for i, p := range q.Profiles {
		at := fmt.Sprintf("profiles[%d] (%s)", i, p.Role)
		if roles[p.Role] {
			c.Add(file, at, "role %q has another profile", p.Role)
		}
		roles[p.Role] = true
		for _, s := range q.Scales {
			v, ok := p.Targets[s.Key]
			if s.Shared {
				if ok {
					c.Add(file, at+".targets."+s.Key, "a shared scale takes no target")
				}
				continue
			}
			if !ok {
				c.Add(file, at+".targets", "no target for scale %q", s.Key)
			} else if v < 0 || v > 100 {
				c.Add(file, at+".targets."+s.Key, "must be 0 to 100, not %d", v)
			}
		}
		for k := range p.Targets {
			if !scaleKeys[k] {
				c.Add(file, at+".targets."+k, "is not a scale")
			}
		}
	}
}

// sharedKeys lists the keys of q's shared scales.
func sharedKeys(q *Questionnaire) []string {
	var out []string
	for _, s := range q.Scales {
		if s.Shared {
			out = append(out, s.Key)
		}
	}
	return out
}
