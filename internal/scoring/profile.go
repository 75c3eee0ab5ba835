package scoring

import (
	"math"
	"sort"

	"github.com/pmpath/pmpath/internal/catalog"
	"github.com/pmpath/pmpath/internal/construct"
	"github.com/pmpath/pmpath/internal/questionnaire"
)

// ProfileVersion identifies the rules of the profile model: versions of a
// questionnaire with scales are scored by it.
const ProfileVersion = "2"

// Tuning constants of the profile model. Changing any of them changes
// results: bump ProfileVersion.
const (
	// fitPerPoint is how many fit points one point of root-mean-square
	// distance between the person's scales and a role's targets costs.
	fitPerPoint = 1.5
	// priorSD is the spread of one person's keyed answers around their own
	// scale mean that an average respondent shows, in 0-100 points (about
	// 0.8 of a Likert step), and priorWeight how many answers' worth of
	// weight it gets: a person who answers a scale perfectly evenly still
	// has measurement error.
	priorSD     = 20.0
	priorWeight = 4.0
	// intervalZ is the half-width of a fit interval in standard errors
	// (about 68% coverage).
	intervalZ = 1.0
	// closeZ: a margin between the first two roles under closeZ standard
	// errors of that margin is too close to call; clearZ and clearMin
	// points are both needed to call it clear.
	closeZ   = 1.0
	clearZ   = 2.0
	clearMin = 3
)

// ScaleScore is one scale of a version with scales, 0-100, with its
// standard error for this person.
type ScaleScore struct {
	Key   string  `json:"key"`
	Score int     `json:"score"`
	SE    float64 `json:"se"`
}

// Confidence levels.
const (
	ConfidenceClear    = "clear"
	ConfidenceLikely   = "likely"
	ConfidenceTooClose = "too_close"
)

// Confidence says how safely the first role can be told from the second.
type Confidence struct {
	Level    string `json:"level"`
	Margin   int    `json:"margin"`
	RunnerUp string `json:"runner_up"`
}

// scaleState is a scale's score and error while scoring.
type scaleState struct {
	score, se float64
}

// scaleScores scores each scale of q: the mean of its keyed Likert answers
// and the share of situational points its facets earned, combined by their
// precision (inverse variance). The Likert part's error comes from the
// person's own spread around their mean (shrunk towards priorSD); the
// situational part's from the binomial error of its few scenarios.
func scaleScores(q *questionnaire.Questionnaire, answers questionnaire.Answers) []scaleState {
	type acc struct {
		sum, sumSq float64
		n          int
		points     float64
		most       float64
		k          int
	}
	accs := make([]acc, len(q.Scales))
	scaleOf := make(map[construct.Dimension]int, 2*len(q.Scales))
	for s, sc := range q.Scales {
		for _, f := range sc.Facets {
			scaleOf[f] = s
		}
	}
	lookup := func(d construct.Dimension) int {
		if s, ok := scaleOf[d]; ok {
			return s
		}
		return -1
	}
	best := make([]float64, len(q.Scales))
	per := make([]float64, len(q.Scales))
	for i := range q.Items {
		it := &q.Items[i]
		a, ok := answers[it.ID]
		if !ok {
			continue
		}
		switch it.Type {
		case questionnaire.Likert:
			s := lookup(it.Dimension)
			if s < 0 {
				continue
			}
			v := keyed(it, a.Value)
			accs[s].sum += v
			accs[s].sumSq += v * v
			accs[s].n++
		case questionnaire.Choice:
			opt, ok := it.Option(a.Option)
			if !ok {
				continue
			}
			clear(best)
			for _, o := range it.Options {
				clear(per)
				for d, p := range o.Scores {
					if s := lookup(d); s >= 0 {
						per[s] += float64(p)
					}
				}
				for s := range per {
					best[s] = math.Max(best[s], per[s])
				}
			}
			for d, p := range opt.Scores {
				if s := lookup(d); s >= 0 {
					accs[s].points += float64(p)
				}
			}
			for s, b := range best {
				if b > 0 {
					accs[s].most += b
					accs[s].k++
				}
			}
		}
	}
	out := make([]scaleState, len(q.Scales))
	for s, a := range accs {
		var likert, likertSE, choice, choiceSE float64
		hasLikert, hasChoice := a.n > 0, a.most > 0
		if hasLikert {
			likert = a.sum / float64(a.n)
			ss := a.sumSq - float64(a.n)*likert*likert
			variance := (math.Max(ss, 0) + priorWeight*priorSD*priorSD) / (float64(a.n-1) + priorWeight)
			likertSE = math.Sqrt(variance / float64(a.n))
		}
		if hasChoice {
			choice = 100 * a.points / a.most
			p := math.Min(math.Max(choice/100, 0.1), 0.9)
			choiceSE = 100 * math.Sqrt(p*(1-p)/float64(a.k))
		}
		switch {
		case hasLikert && hasChoice:
			// Two estimates of one scale, each weighed by its precision.
			wl, wc := 1/(likertSE*likertSE), 1/(choiceSE*choiceSE)
			out[s] = scaleState{
				score: (wl*likert + wc*choice) / (wl + wc),
				se:    math.Sqrt(1 / (wl + wc)),
			}
		case hasLikert:
			out[s] = scaleState{likert, likertSE}
		case hasChoice:
			out[s] = scaleState{choice, choiceSE}
		default:
			out[s] = scaleState{50, 50}
		}
	}
	return out
}

// keyed turns a Likert answer into 0-100, reversed for a reverse-keyed item.
func keyed(it *questionnaire.Item, v int) float64 {
	if it.Reverse {
		v = questionnaire.LikertMin + questionnaire.LikertMax - v
	}
	return 100 * float64(v-questionnaire.LikertMin) / float64(questionnaire.LikertMax-questionnaire.LikertMin)
}

// profileFit is one role's fit while scoring: the value, and its gradient
// with respect to each scale score (for the error of fits and margins).
type profileFit struct {
	role  string
	order int
	fit   float64
	grad  []float64
}

// profileFits scores every role that has a profile and is in the catalog:
// 100 minus fitPerPoint times the root-mean-square distance between the
// person's scales and the role's targets. Every role is measured on every
// scale but the shared ones, so a role with a broad profile is not at a
// disadvantage against a narrow one. Sorted best first; equal fits keep catalog order (the
// margin is then zero, which is too close to call).
func profileFits(q *questionnaire.Questionnaire, c *catalog.Catalog, scales []scaleState) []profileFit {
	order := make(map[string]int, len(c.Roles))
	for i, r := range c.Roles {
		order[r.Slug] = i
	}
	out := make([]profileFit, 0, len(q.Profiles))
	var n float64
	for _, sc := range q.Scales {
		if !sc.Shared {
			n++
		}
	}
	for _, p := range q.Profiles {
		i, ok := order[p.Role]
		if !ok {
			continue
		}
		diffs := make([]float64, len(q.Scales))
		var sq float64
		for s, sc := range q.Scales {
			if sc.Shared {
				continue
			}
			diffs[s] = scales[s].score - float64(p.Targets[sc.Key])
			sq += diffs[s] * diffs[s]
		}
		d := math.Sqrt(sq / n)
		grad := make([]float64, len(q.Scales))
		for s := range grad {
			switch {
			case q.Scales[s].Shared:
				// A shared skill plays no part in which role fits.
			case d > 1e-9:
				grad[s] = -fitPerPoint * diffs[s] / (n * d)
			default:
				// At the target itself the distance has no gradient; its
				// largest possible slope keeps the error honest.
				grad[s] = -fitPerPoint / math.Sqrt(n)
			}
		}
		fit := 100 - fitPerPoint*d
		if fit < 0 {
			fit, grad = 0, make([]float64, len(q.Scales))
		}
		out = append(out, profileFit{role: p.Role, order: i, fit: fit, grad: grad})
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].fit != out[j].fit {
			return out[i].fit > out[j].fit
		}
		return out[i].order < out[j].order
	})
	return out
}

// errorOf is the standard error of a linear combination of the scales
// with the given gradient, the scales' errors taken as independent.
func errorOf(grad []float64, scales []scaleState) float64 {
	var v float64
	for s, g := range grad {
		v += g * g * scales[s].se * scales[s].se
	}
	return math.Sqrt(v)
}

// confidenceOf compares the first two fits.
func confidenceOf(fits []profileFit, scales []scaleState) Confidence {
	if len(fits) < 2 {
		return Confidence{Level: ConfidenceClear, Margin: 100}
	}
	a, b := fits[0], fits[1]
	diff := make([]float64, len(a.grad))
	for s := range diff {
		diff[s] = a.grad[s] - b.grad[s]
	}
	margin := a.fit - b.fit
	se := errorOf(diff, scales)
	c := Confidence{Margin: round(margin), RunnerUp: b.role}
	switch {
	case margin < closeZ*se || c.Margin == 0:
		c.Level = ConfidenceTooClose
	case margin >= clearZ*se && margin >= clearMin:
		c.Level = ConfidenceClear
	default:
		c.Level = ConfidenceLikely
	}
	return c
}

// profileOrientation is the lean from the scales the version names for
// each side. It is balanced when the difference is within balancedBand or
// within one standard error of the difference.
func profileOrientation(q *questionnaire.Questionnaire, scales []scaleState) Orientation {
	side := func(keys []string) (float64, float64) {
		var sum, v float64
		for _, k := range keys {
			for s, sc := range q.Scales {
				if sc.Key == k {
					sum += scales[s].score
					v += scales[s].se * scales[s].se
				}
			}
		}
		n := float64(len(keys))
		return sum / n, math.Sqrt(v) / n
	}
	pm, pmSE := side(q.Orientation.PM)
	pmo, pmoSE := side(q.Orientation.PMO)
	o := Orientation{PM: round(pm), PMO: round(pmo), Lean: LeanBalanced}
	band := math.Max(balancedBand, math.Hypot(pmSE, pmoSE))
	switch diff := pm - pmo; {
	case diff > band:
		o.Lean = LeanPM
	case diff < -band:
		o.Lean = LeanPMO
	}
	return o
}

// scoreProfile scores a version with scales. The answers have been
// checked against q already.
func scoreProfile(in Input, r *Result, dims []DimensionScore, evidence []Evidence, held []string) {
	q, c := in.Questionnaire, in.Catalog
	byKey := make(map[construct.Dimension]DimensionScore, len(dims))
	for _, d := range dims {
		byKey[d.Key] = d
	}
	scales := scaleScores(q, in.Answers)
	r.ScoringVersion = ProfileVersion
	r.Scales = make([]ScaleScore, len(scales))
	for s, st := range scales {
		r.Scales[s] = ScaleScore{Key: q.Scales[s].Key, Score: clamp(round(st.score), 0, 100), SE: math.Round(st.se*10) / 10}
	}
	r.Orientation = profileOrientation(q, scales)
	r.Administration = &Administration{Mode: ModeFull, Asked: len(in.Answers), Total: len(q.Items)}

	fits := profileFits(q, c, scales)
	r.Roles = make([]RoleFit, len(fits))
	for i, f := range fits {
		role, _ := c.Role(f.role)
		se := errorOf(f.grad, scales)
		r.Roles[i] = RoleFit{
			Slug:    f.role,
			Fit:     clamp(round(f.fit), 0, 100),
			FitLow:  clamp(round(f.fit-intervalZ*se), 0, 100),
			FitHigh: clamp(round(f.fit+intervalZ*se), 0, 100),
			Reasons: reasons(role, byKey),
		}
	}
	conf := confidenceOf(fits, scales)
	r.Confidence = &conf

	stage := ladderReadiness(evidence)
	r.Readiness = Readiness{Stage: stage, Evidence: evidence, HeldCertifications: held}
	r.Quality = profileQuality(q, in.Answers, in.Elapsed)
	if !r.Quality.Reliable || len(r.Roles) == 0 {
		// No advice from a sheet that cannot be trusted: no role, no plan.
		r.RecommendedRole = ""
		r.Plan = Plan{Gaps: []Gap{}, Steps: []string{}, Certifications: []string{}}
		return
	}
	r.RecommendedRole = r.Roles[0].Slug
	target, _ := c.Role(r.RecommendedRole)
	r.Plan = plan(c, target, byKey, stage, held)
	r.Plan.NowRole = roleForNow(c, target, stage)
	if len(r.Plan.Steps) > 0 {
		r.Readiness.NextStep = r.Plan.Steps[0]
	}
}
