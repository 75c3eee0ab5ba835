package construct

import "testing"

func TestVocabulary(t *testing.T) {
	leans := []struct {
		lean Lean
		want bool
	}{
		{LeanPM, true}, {LeanPMO, true}, {LeanBalanced, true}, {LeanBoth, false}, {"", false}, {"PM", false},
	}
	for _, tt := range leans {
		if got := ValidOrientation(tt.lean); got != tt.want {
			t.Errorf("ValidOrientation(%q) = %v, want %v", tt.lean, got, tt.want)
		}
	}
	serves := []struct {
		cert, role Track
		want       bool
	}{
		{TrackPM, TrackPM, true}, {TrackPMO, TrackPMO, true}, {TrackBoth, TrackPM, true}, {TrackBoth, TrackPMO, true},
		{TrackPM, TrackPMO, false}, {TrackPMO, TrackPM, false},
	}
	for _, tt := range serves {
		if got := tt.cert.Serves(tt.role); got != tt.want {
			t.Errorf("%q.Serves(%q) = %v, want %v", tt.cert, tt.role, got, tt.want)
		}
	}
	if ValidTrack(TrackBoth) {
		t.Error("ValidTrack(TrackBoth): no role is on both tracks")
	}
	// The JSON and database values are the public contract.
	for got, want := range map[string]string{string(LeanBalanced): "balanced", string(TrackBoth): "both"} {
		if got != want {
			t.Errorf("value %q, want %q", got, want)
		}
	}
}
