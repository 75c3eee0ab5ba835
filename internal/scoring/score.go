package scoring

import (
	"cmp"
	"errors"
	"math"
	"slices"
	"sort"
	"time"

	"github.com/pmpath/pmpath/internal/catalog"
	"github.com/pmpath/pmpath/internal/construct"
	"github.com/pmpath/pmpath/internal/errs"
	"github.com/pmpath/pmpath/internal/questionnaire"
)

// Input is everything a score depends on.
type Input struct {
	Questionnaire *questionnaire.Questionnaire
	Catalog       *catalog.Catalog
	Answers       questionnaire.Answers
	// Elapsed is how long the person took to answer; zero when unknown.
	Elapsed time.Duration
}

// Tuning constants. Changing any of them changes results: bump Version.
const (
	// choiceShare is the share of a dimension's score that comes from
	// situational-judgement items when Likert items measure it too. The
	// choices are forced (picking one option gives the others' dimensions
	// nothing), so they inform the score without swamping the statements.
	choiceShare = 0.3
	// balancedBand is the largest PM-PMO difference still called balanced.
	balancedBand = 6
	// contrast stretches a role's fit by how far the role's dimensions sit
	// above or below the person's own average, so fit reflects relative
	// strengths and not only overall agreeableness.
	contrast = 0.5
	// A role weight w asks for a score of targetBase + targetStep*w.
	targetBase = 45
	targetStep = 9
	// Items whose contribution is at least highMark (at most lowMark) are
	// named as raising (holding back) a dimension.
	highMark = 0.75
	lowMark  = 0.25
	// maxDrivers caps the items named per dimension.
	maxDrivers = 3
	// Straight-lining: at least straightMin Likert answers, and the most
	// common value in at least straightShare of them.
	straightMin   = 10
	straightShare = 0.85
	// Inconsistency: at least inconsistentPairs dimensions where a person
	// agrees (or disagrees) with both an item and its reverse-keyed twin.
	inconsistentPairs = 4
	// minSecondsPerItem: answering faster than this on average is flagged.
	minSecondsPerItem = 2
	// maxPlanCertifications caps the certifications a plan suggests.
	maxPlanCertifications = 4
)

// contribution is one item's share of a dimension: value from 0 to 1; for
// a choice item also the points it gave and the most it could have given.
type contribution struct {
	item        string
	value       float64
	choice      bool
	points, max int
}

// Score scores in. Answers must belong to the questionnaire and cover every
// required item; otherwise it returns an Invalid error with field paths.
func Score(in Input) (Result, error) {
	q, c := in.Questionnaire, in.Catalog
	if q == nil || c == nil || len(c.Roles) == 0 {
		// A caller's bug, never the user's: an unclassified error is Internal.
		return Result{}, errors.New("scoring: needs a questionnaire and a catalog with roles")
	}
	var fields []errs.FieldError
	for id := range in.Answers {
		if _, ok := q.Item(id); !ok {
			fields = append(fields, errs.Field("$.answers."+id, "is not an item of this questionnaire"))
		}
	}
	fields = append(fields, q.Missing(in.Answers, "$.answers")...)
	if len(fields) > 0 {
		sort.Slice(fields, func(i, j int) bool { return fields[i].Path < fields[j].Path })
		return Result{}, errs.Fields("the answers are incomplete", fields...)
	}

	contrib, evidence, held, likert, err := collect(q, in.Answers)
	if err != nil {
		return Result{}, err
	}
	dims := dimensionScores(q.Measured(), contrib)
	byKey := make(map[construct.Dimension]DimensionScore, len(dims))
	for _, d := range dims {
		byKey[d.Key] = d
	}

	r := Result{
		Questionnaire:        q.Slug,
		QuestionnaireVersion: q.Version,
		ScoringVersion:       Version,
		Dimensions:           dims,
	}
	if q.Scored() {
		scoreProfile(in, &r, dims, evidence, held)
		return r, nil
	}
	r.Orientation = orientation(dims)
	r.Roles = roleFits(c.Roles, dims, byKey)
	r.RecommendedRole = r.Roles[0].Slug
	stage := readiness(evidence)
	r.Readiness = Readiness{Stage: stage, Evidence: evidence, HeldCertifications: held}
	r.Quality = Quality{Flags: qualityFlags(q, in.Answers, likert, in.Elapsed)}
	// The first model flags but still recommends; Reliable says whether
	// any flag was raised.
	r.Quality.Reliable = len(r.Quality.Flags) == 0
	target, _ := c.Role(r.RecommendedRole)
	r.Plan = plan(c, target, byKey, stage, held)
	if len(r.Plan.Steps) > 0 {
		r.Readiness.NextStep = r.Plan.Steps[0]
	}
	return r, nil
}

// collect walks the answers in questionnaire order.
func collect(q *questionnaire.Questionnaire, answers questionnaire.Answers) (
	contrib map[construct.Dimension][]contribution, evidence []Evidence, held []string, likert []int, err error,
) {
	// Sized up front: scoring runs on every submission, and growing these
	// (and the maps below, once per item) was most of its cost.
	// One backing array, a window of perDim per dimension; a dimension with
	// more contributions outgrows its window into its own array (the
	// three-index slice keeps it from spilling into the next window).
	const perDim = 8
	backing := make([]contribution, perDim*len(construct.Dimensions))
	contrib = make(map[construct.Dimension][]contribution, len(construct.Dimensions))
	for i, d := range construct.Dimensions {
		contrib[d.Key] = backing[i*perDim : i*perDim : (i+1)*perDim]
	}
	evidence, held = []Evidence{}, []string{}
	likert = make([]int, 0, len(q.Items))
	for i := range q.Items {
		it := &q.Items[i]
		a, ok := answers[it.ID]
		if !ok {
			continue
		}
		switch it.Type {
		case questionnaire.Likert:
			if a.Value < questionnaire.LikertMin || a.Value > questionnaire.LikertMax {
				return nil, nil, nil, nil, fieldErr(it.ID, "must be an integer from %d to %d", questionnaire.LikertMin, questionnaire.LikertMax)
			}
			likert = append(likert, a.Value)
			v := a.Value
			if it.Reverse {
				v = questionnaire.LikertMin + questionnaire.LikertMax - v
			}
			contrib[it.Dimension] = append(contrib[it.Dimension], contribution{item: it.ID, value: float64(v-questionnaire.LikertMin) / float64(questionnaire.LikertMax-questionnaire.LikertMin)})
		case questionnaire.Choice:
			opt, ok := it.Option(a.Option)
			if !ok {
				return nil, nil, nil, nil, fieldErr(it.ID, "%q is not an option", a.Option)
			}
			for _, d := range construct.Dimensions {
				if m := bestPoints(it, d.Key); m > 0 {
					p := opt.Scores[d.Key]
					contrib[d.Key] = append(contrib[d.Key], contribution{item: it.ID, value: float64(p) / float64(m), choice: true, points: p, max: m})
				}
			}
		case questionnaire.Experience:
			chosen := map[string]bool{a.Option: a.Option != ""}
			for _, id := range a.Options {
				chosen[id] = true
			}
			for id := range chosen {
				if _, ok := it.Option(id); !ok && id != "" {
					return nil, nil, nil, nil, fieldErr(it.ID, "%q is not an option", id)
				}
			}
			// Walk the item's own option order, so the result does not
			// depend on the order a client listed its choices in.
			for _, opt := range it.Options {
				if !chosen[opt.ID] {
					continue
				}
				evidence = append(evidence, Evidence{Item: it.ID, Option: opt.ID, Stage: opt.Stage})
				if opt.Certification != "" {
					held = append(held, opt.Certification)
				}
			}
		}
	}
	return contrib, evidence, held, likert, nil
}

// bestPoints is the most points any option of it gives dimension d.
func bestPoints(it *questionnaire.Item, d construct.Dimension) int {
	m := 0
	for _, o := range it.Options {
		m = max(m, o.Scores[d])
	}
	return m
}

func fieldErr(item, format string, args ...any) error {
	return errs.Fields("the answers are not valid", errs.Field("$.answers."+item, format, args...))
}

// dimensionScores turns each dimension's contributions into 0-100: the mean
// of its Likert items and the share of situational points earned, blended
// by choiceShare when both exist. A dimension no answered item measures
// scores a neutral 50.
func dimensionScores(measured []construct.Dimension, contrib map[construct.Dimension][]contribution) []DimensionScore {
	out := make([]DimensionScore, len(measured))
	for i, key := range measured {
		cs := contrib[key]
		ds := DimensionScore{Key: key, Score: 50}
		var likertSum float64
		var likertN, points, most int
		for _, c := range cs {
			if c.choice {
				points += c.points
				most += c.max
			} else {
				likertSum += c.value
				likertN++
			}
		}
		switch {
		case likertN > 0 && most > 0:
			ds.Score = round(100 * ((1-choiceShare)*likertSum/float64(likertN) + choiceShare*float64(points)/float64(most)))
		case likertN > 0:
			ds.Score = round(100 * likertSum / float64(likertN))
		case most > 0:
			ds.Score = round(100 * float64(points) / float64(most))
		}
		if len(cs) > 0 {
			ds.High = drivers(cs, func(v float64) bool { return v >= highMark }, true)
			ds.Low = drivers(cs, func(v float64) bool { return v <= lowMark }, false)
		}
		out[i] = ds
	}
	return out
}

// drivers names up to maxDrivers items passing keep, strongest first (the
// highest values when high, the lowest otherwise), ties in item order.
func drivers(cs []contribution, keep func(float64) bool, high bool) []string {
	var picked []contribution
	for _, c := range cs {
		if keep(c.value) {
			if picked == nil {
				picked = make([]contribution, 0, len(cs))
			}
			picked = append(picked, c)
		}
	}
	if picked == nil {
		return nil
	}
	slices.SortStableFunc(picked, func(a, b contribution) int {
		if high {
			return cmp.Compare(b.value, a.value)
		}
		return cmp.Compare(a.value, b.value)
	})
	out := make([]string, 0, min(len(picked), maxDrivers))
	for i := 0; i < len(picked) && i < maxDrivers; i++ {
		out = append(out, picked[i].item)
	}
	return out
}

func orientation(dims []DimensionScore) Orientation {
	var pm, pmo []int
	for _, d := range dims {
		info, _ := construct.LookupDimension(d.Key)
		switch info.Lean {
		case construct.LeanPM:
			pm = append(pm, d.Score)
		case construct.LeanPMO:
			pmo = append(pmo, d.Score)
		}
	}
	o := Orientation{PM: mean(pm), PMO: mean(pmo), Lean: LeanBalanced}
	switch diff := o.PM - o.PMO; {
	case diff > balancedBand:
		o.Lean = LeanPM
	case diff < -balancedBand:
		o.Lean = LeanPMO
	}
	return o
}

// roleFits scores every role: the weighted mean of the person's scores on
// the role's dimensions, stretched by contrast away from the person's own
// mean. Sorted best first; ties keep catalog order.
func roleFits(roles []catalog.Role, dims []DimensionScore, byKey map[construct.Dimension]DimensionScore) []RoleFit {
	all := make([]int, len(dims))
	for i, d := range dims {
		all[i] = d.Score
	}
	personMean := meanF(all)
	out := make([]RoleFit, len(roles))
	for i, role := range roles {
		var num, den float64
		for _, w := range role.Profile {
			num += float64(w.Weight * byKey[w.Dimension].Score)
			den += float64(w.Weight)
		}
		wm := personMean
		if den > 0 {
			wm = num / den
		}
		fit := clamp(round(wm+contrast*(wm-personMean)), 0, 100)
		out[i] = RoleFit{Slug: role.Slug, Fit: fit, Reasons: reasons(role, byKey)}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Fit > out[j].Fit })
	return out
}

// reasons names the role's dimensions that helped most (high weight times
// score, at or above the role's ask minus a margin) and the weighty ones
// that held the fit back, with the answers behind each.
func reasons(role catalog.Role, byKey map[construct.Dimension]DimensionScore) []Reason {
	type cand struct {
		w     catalog.Weight
		score int
		order int
	}
	// Sized for every weight: this runs once per role per submission.
	strengths := make([]cand, 0, len(role.Profile))
	gaps := make([]cand, 0, len(role.Profile))
	for i, w := range role.Profile {
		s := byKey[w.Dimension].Score
		c := cand{w, s, i}
		if s >= 60 {
			strengths = append(strengths, c)
		} else if w.Weight >= 3 && s < targetBase+targetStep*w.Weight-20 {
			gaps = append(gaps, c)
		}
	}
	slices.SortStableFunc(strengths, func(a, b cand) int {
		return cmp.Compare(b.w.Weight*b.score, a.w.Weight*a.score)
	})
	slices.SortStableFunc(gaps, func(a, b cand) int {
		return cmp.Compare(b.w.Weight*(100-b.score), a.w.Weight*(100-a.score))
	})
	out := make([]Reason, 0, min(len(strengths), 3)+min(len(gaps), 2))
	for i := 0; i < len(strengths) && i < 3; i++ {
		c := strengths[i]
		out = append(out, Reason{Kind: ReasonStrength, Dimension: c.w.Dimension, Weight: c.w.Weight, Score: c.score, Items: byKey[c.w.Dimension].High})
	}
	for i := 0; i < len(gaps) && i < 2; i++ {
		c := gaps[i]
		out = append(out, Reason{Kind: ReasonGap, Dimension: c.w.Dimension, Weight: c.w.Weight, Score: c.score, Items: byKey[c.w.Dimension].Low})
	}
	return out
}

// readiness places the person on the ladder: the highest stage any one
// experience item shows, but no more than one stage above the second
// highest, so a single claim is not enough to jump the ladder.
func readiness(evidence []Evidence) construct.Stage {
	best := map[string]int{}
	for _, e := range evidence {
		r, _ := construct.Rank(e.Stage)
		best[e.Item] = max(best[e.Item], r)
	}
	return construct.Stages[corroborated(best)].Key
}

// corroborated is the rank the items' best ranks support: the highest, but
// at most one above the second highest (one item alone reaches at most
// rank 1).
func corroborated(best map[string]int) int {
	ranks := make([]int, 0, len(best))
	for _, r := range best {
		ranks = append(ranks, r)
	}
	sort.Sort(sort.Reverse(sort.IntSlice(ranks)))
	switch {
	case len(ranks) == 1:
		return min(ranks[0], 1)
	case len(ranks) >= 2:
		return min(ranks[0], ranks[1]+1)
	}
	return 0
}

func qualityFlags(q *questionnaire.Questionnaire, answers questionnaire.Answers, likert []int, elapsed time.Duration) []string {
	flags := []string{}
	if len(likert) >= straightMin {
		counts := map[int]int{}
		top := 0
		for _, v := range likert {
			counts[v]++
			top = max(top, counts[v])
		}
		if float64(top) >= straightShare*float64(len(likert)) {
			flags = append(flags, FlagStraightLining)
		}
	}

	// For each dimension, compare its plain items with its reverse-keyed
	// ones: agreeing (or disagreeing) with both is a contradiction.
	type pair struct{ plain, reverse []int }
	byDim := map[construct.Dimension]*pair{}
	for _, it := range q.Items {
		a, ok := answers[it.ID]
		if !ok || it.Type != questionnaire.Likert {
			continue
		}
		p := byDim[it.Dimension]
		if p == nil {
			p = &pair{}
			byDim[it.Dimension] = p
		}
		if it.Reverse {
			p.reverse = append(p.reverse, a.Value)
		} else {
			p.plain = append(p.plain, a.Value)
		}
	}
	contradictions := 0
	for _, d := range construct.Dimensions {
		p := byDim[d.Key]
		if p == nil || len(p.plain) == 0 || len(p.reverse) == 0 {
			continue
		}
		plain, rev := meanF(p.plain), meanF(p.reverse)
		if (plain >= 4 && rev >= 4) || (plain <= 2 && rev <= 2) {
			contradictions++
		}
	}
	if contradictions >= inconsistentPairs {
		flags = append(flags, FlagInconsistent)
	}

	if elapsed > 0 && elapsed < time.Duration(len(answers))*minSecondsPerItem*time.Second {
		flags = append(flags, FlagTooFast)
	}
	return flags
}

// plan builds the personal plan towards target from the person's stage.
func plan(c *catalog.Catalog, target catalog.Role, byKey map[construct.Dimension]DimensionScore, stage construct.Stage, held []string) Plan {
	p := Plan{TargetRole: target.Slug, Gaps: []Gap{}, Steps: []string{}, Certifications: []string{}}
	for _, w := range target.Profile {
		want := targetBase + targetStep*w.Weight
		if s := byKey[w.Dimension].Score; s < want {
			p.Gaps = append(p.Gaps, Gap{Dimension: w.Dimension, Score: s, Target: want, Gap: want - s})
		}
	}
	sort.SliceStable(p.Gaps, func(i, j int) bool { return p.Gaps[i].Gap > p.Gaps[j].Gap })

	rank, _ := construct.Rank(stage)
	for _, s := range target.Roadmap {
		if r, _ := construct.Rank(s.Stage); r >= rank {
			p.Steps = append(p.Steps, s.ID)
		}
	}
	if len(p.Steps) == 0 && len(target.Roadmap) > 0 {
		p.Steps = append(p.Steps, target.Roadmap[len(target.Roadmap)-1].ID)
	}

	isHeld := map[string]bool{}
	for _, h := range held {
		isHeld[h] = true
	}
	add := func(slug string) {
		if !isHeld[slug] && len(p.Certifications) < maxPlanCertifications {
			isHeld[slug] = true
			p.Certifications = append(p.Certifications, slug)
		}
	}
	for _, id := range p.Steps {
		for _, s := range target.Roadmap {
			if s.ID == id {
				for _, cert := range s.Certifications {
					add(cert)
				}
			}
		}
	}
	for _, cert := range c.Certifications {
		r, _ := construct.Rank(cert.Stage)
		if (cert.Track.Serves(target.Track)) && r >= rank && r <= rank+1 {
			add(cert.Slug)
		}
	}

	targetRank, _ := construct.Rank(target.Level)
	bestRank := math.MaxInt
	for _, r := range c.Roles {
		lr, _ := construct.Rank(r.Level)
		if r.Track == target.Track && lr > targetRank && lr < bestRank {
			bestRank, p.NextRole = lr, r.Slug
		}
	}
	return p
}

func mean(xs []int) int { return round(meanF(xs)) }

func meanF(xs []int) float64 {
	if len(xs) == 0 {
		return 0
	}
	sum := 0
	for _, x := range xs {
		sum += x
	}
	return float64(sum) / float64(len(xs))
}

func round(f float64) int { return int(math.Round(f)) }

func clamp(v, lo, hi int) int { return max(lo, min(hi, v)) }
