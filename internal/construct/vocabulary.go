package construct

// LeanBalanced is the lean of a person whose orientation favours neither
// track. It describes people (a result's orientation, a listing filter),
// never a dimension.
const LeanBalanced Lean = "balanced"

// TrackBoth marks a certification that serves either track. Roles are on
// one track; ValidTrack does not accept it.
const TrackBoth Track = "both"

// ValidOrientation reports whether l is a lean a person's orientation can
// have: pm, pmo or balanced.
func ValidOrientation(l Lean) bool { return l == LeanPM || l == LeanPMO || l == LeanBalanced }

// Serves reports whether a certification on track t fits a role on track
// role: the same track, or both.
func (t Track) Serves(role Track) bool { return t == TrackBoth || t == role }
