package construct

import "testing"

func TestDimensionsAreUniqueAndNamed(t *testing.T) {
	seen := map[Dimension]bool{}
	for _, d := range Dimensions {
		if seen[d.Key] {
			t.Errorf("dimension %q listed twice", d.Key)
		}
		seen[d.Key] = true
		if m := d.Name.Missing(); len(m) > 0 {
			t.Errorf("dimension %q has no name in %v", d.Key, m)
		}
		if d.Lean != LeanPM && d.Lean != LeanPMO && d.Lean != LeanBoth {
			t.Errorf("dimension %q has lean %q", d.Key, d.Lean)
		}
	}
	if len(Dimensions) < OriginalDimensions {
		t.Errorf("got %d dimensions, want at least the %d of the contract", len(Dimensions), OriginalDimensions)
	}
	if _, ok := LookupDimension("analysis"); !ok {
		t.Error("LookupDimension(analysis) not found")
	}
	if _, ok := LookupDimension("luck"); ok {
		t.Error("LookupDimension(luck) found")
	}
}

func TestRankOrdersStages(t *testing.T) {
	prev := -1
	for _, s := range Stages {
		r, ok := Rank(s.Key)
		if !ok || r != prev+1 {
			t.Errorf("Rank(%q) = %d, %v; want %d", s.Key, r, ok, prev+1)
		}
		prev = r
	}
	if _, ok := Rank("guru"); ok {
		t.Error("Rank(guru) reported known")
	}
}
