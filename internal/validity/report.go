package validity

import (
	"fmt"
	"io"
	"strings"
)

// Targets are the figures a version must reach in the harness.
type Targets struct {
	ArchetypeTop1, ArchetypeTop2 float64
	OracleTop1                   float64
	Retest                       float64
	RandomRefused                float64
	ArchetypesRefused            float64 // at most
}

// DefaultTargets are the instrument's acceptance targets.
var DefaultTargets = Targets{
	ArchetypeTop1: 0.90, ArchetypeTop2: 0.98,
	OracleTop1:        0.95,
	Retest:            0.90,
	RandomRefused:     0.95,
	ArchetypesRefused: 0.02,
}

// Misses lists every target r does not meet, one sentence each.
func (t Targets) Misses(r Report) []string {
	var out []string
	for _, s := range r.Archetypes {
		if s.Top1 < t.ArchetypeTop1 {
			out = append(out, fmt.Sprintf("%s archetypes: first %.1f%%, want >= %.0f%%", s.Role, 100*s.Top1, 100*t.ArchetypeTop1))
		}
		if s.Top2 < t.ArchetypeTop2 {
			out = append(out, fmt.Sprintf("%s archetypes: top two %.1f%%, want >= %.0f%%", s.Role, 100*s.Top2, 100*t.ArchetypeTop2))
		}
		if s.Retest < t.Retest {
			out = append(out, fmt.Sprintf("%s archetypes: retest agreement %.1f%%, want >= %.0f%%", s.Role, 100*s.Retest, 100*t.Retest))
		}
	}
	for _, s := range r.Oracles {
		if s.Top1 < t.OracleTop1 {
			out = append(out, fmt.Sprintf("%s oracle: first %.1f%%, want >= %.0f%%", s.Role, 100*s.Top1, 100*t.OracleTop1))
		}
	}
	for _, role := range r.Roles {
		if find(r.Archetypes, role).N == 0 {
			out = append(out, fmt.Sprintf("%s: no archetype", role))
		}
	}
	if r.RandomRefused < t.RandomRefused {
		out = append(out, fmt.Sprintf("random sheets refused %.1f%%, want >= %.0f%%", 100*r.RandomRefused, 100*t.RandomRefused))
	}
	if r.ArchetypesRefused > t.ArchetypesRefused {
		out = append(out, fmt.Sprintf("archetype sheets wrongly refused %.1f%%, want <= %.0f%%", 100*r.ArchetypesRefused, 100*t.ArchetypesRefused))
	}
	if r.ClearUnder3 > 0 {
		out = append(out, fmt.Sprintf("%d results called clear with a margin under 3 points", r.ClearUnder3))
	}
	return out
}

func pct(f float64) string { return fmt.Sprintf("%.1f%%", 100*f) }

// WriteMarkdown writes the reports side by side: per role, the archetypes'
// first and top-two rates, retest agreement, one-step flip rate and
// refusals, the oracles' first rate, then the random sheets.
func WriteMarkdown(w io.Writer, reports ...Report) {
	if len(reports) == 0 {
		return
	}
	head := []string{"role"}
	for _, r := range reports {
		v := fmt.Sprintf("v%d", r.Version)
		head = append(head, v+" first", v+" top two", v+" retest", v+" flip", v+" refused", v+" oracle first")
	}
	row(w, head)
	row(w, strings.Split(strings.Repeat("---,", len(head)-1)+"---", ","))
	for _, role := range reports[0].Roles {
		cells := []string{role}
		for _, r := range reports {
			a, o := find(r.Archetypes, role), find(r.Oracles, role)
			cells = append(cells, pct(a.Top1), pct(a.Top2), pct(a.Retest), pct(a.Flip), pct(a.Refused), pct(o.Top1))
		}
		row(w, cells)
	}
	fmt.Fprintln(w)
	row(w, []string{"figure", "version", "value"})
	row(w, []string{"---", "---", "---"})
	for _, r := range reports {
		v := fmt.Sprintf("v%d (scoring %s)", r.Version, r.ScoringVersion)
		row(w, []string{"uniform random sheets refused", v, fmt.Sprintf("%s of %d", pct(r.RandomRefused), r.RandomN)})
		row(w, []string{"noisy archetype sheets refused", v, pct(r.ArchetypesRefused)})
		row(w, []string{"clear with a margin under 3", v, fmt.Sprint(r.ClearUnder3)})
		row(w, []string{"outcomes of random sheets", v, outcomes(r.RandomOutcomes, r.RandomN)})
		row(w, []string{"sheets scored", v, fmt.Sprint(r.Scored)})
	}
	for _, r := range reports {
		fmt.Fprintf(w, "\nv%d: what each role's archetypes were told (share of sheets)\n\n", r.Version)
		row(w, []string{"intended role", "outcomes", "confidence", "lean"})
		row(w, []string{"---", "---", "---", "---"})
		for _, s := range r.Archetypes {
			row(w, []string{s.Role, outcomes(s.Outcomes, s.N), outcomes(s.Confidence, s.N), outcomes(s.Lean, s.N)})
		}
	}
}

func outcomes(m map[string]int, n int) string {
	if n == 0 || len(m) == 0 {
		return "-"
	}
	var parts []string
	for _, k := range SortedOutcomes(m) {
		parts = append(parts, fmt.Sprintf("%s %.1f%%", k, 100*float64(m[k])/float64(n)))
	}
	return strings.Join(parts, ", ")
}

func find(ss []RoleStats, role string) RoleStats {
	for _, s := range ss {
		if s.Role == role {
			return s
		}
	}
	return RoleStats{Role: role}
}

func row(w io.Writer, cells []string) {
	fmt.Fprintf(w, "| %s |\n", strings.Join(cells, " | "))
}

// WriteArchetypeTable writes one version's archetype figures per role:
// first, top two, retest, refused and what they were told.
func WriteArchetypeTable(w io.Writer, r Report) {
	row(w, []string{"role", "people", "first", "top two", "retest", "refused", "outcomes"})
	row(w, []string{"---", "---", "---", "---", "---", "---", "---"})
	for _, s := range r.Archetypes {
		row(w, []string{s.Role, fmt.Sprint(s.People), pct(s.Top1), pct(s.Top2), pct(s.Retest), pct(s.Refused), outcomes(s.Outcomes, s.N)})
	}
}
