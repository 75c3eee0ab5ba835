package scoring

import (
	"math"
	"time"

	"github.com/pmpath/pmpath/internal/questionnaire"
)

// Careless-responding thresholds of the profile model, calibrated by the
// validation harness (docs/validity.md): random sheets should cross at
// least one, honest respondents with ordinary noise almost never.
// Changing any of them changes results: bump ProfileVersion.
const (
	// maxInconsistency: the most a sheet's two consistency indices may add
	// up to, in Likert steps. The pair gap is the mean distance between a
	// statement and its antonym once the antonym is reversed; the scale
	// spread is the root-mean-square distance of keyed answers from the
	// person's own scale means. Honest respondents with ordinary noise sum
	// to about 1.5 (the most inconsistent simulated one of 4,800 reached
	// 2.3); uniform random sheets to about 3.0 (2% of them under 2.42).
	maxInconsistency = 2.45
	// maxSameShare: the largest share of statements given one and the same
	// answer. Antonym pairs already catch a sheet of "agree" throughout; this
	// catches the midpoint given to nearly everything, which says nothing.
	// A person genuinely in the middle of most scales still varies more.
	maxSameShare = 0.9
	// minSecondsPerAnswer: faster than this on average, measured by the
	// server between the draft's first save and its submission, nobody has
	// read the statements.
	minSecondsPerAnswer = 1.5
	// minPairs: the consistency indices need this many answered pairs.
	minPairs = 6
)

// FlagInconsistentAnswers marks a sheet whose statements contradict their
// antonyms and scatter within their scales more than honest answers do.
const FlagInconsistentAnswers = "inconsistent_answers"

// QualityIndices are the careless-responding measures behind the flags.
type QualityIndices struct {
	PairGap     float64 `json:"pair_gap"`
	ScaleSpread float64 `json:"scale_spread"`
	SameShare   float64 `json:"same_share"`
	// SecondsPerAnswer is zero when the time is unknown.
	SecondsPerAnswer float64 `json:"seconds_per_answer,omitempty"`
}

// profileQuality computes the indices for a version with scales and
// flags what crosses a threshold. A sheet with any flag is not reliable.
func profileQuality(q *questionnaire.Questionnaire, answers questionnaire.Answers, elapsed time.Duration) Quality {
	type pair struct {
		plain, reverse int
	}
	pairs := map[string]*pair{}
	var raw []int
	sums := make([]float64, len(q.Scales))
	counts := make([]int, len(q.Scales))
	type keyedAnswer struct {
		scale int
		value float64
	}
	var ks []keyedAnswer
	for i := range q.Items {
		it := &q.Items[i]
		a, ok := answers[it.ID]
		if !ok || it.Type != questionnaire.Likert {
			continue
		}
		raw = append(raw, a.Value)
		if it.Pair != "" {
			p := pairs[it.Pair]
			if p == nil {
				p = &pair{}
				pairs[it.Pair] = p
			}
			if it.Reverse {
				p.reverse = a.Value
			} else {
				p.plain = a.Value
			}
		}
		if s := q.ScaleOf(it.Dimension); s >= 0 {
			v := float64(a.Value)
			if it.Reverse {
				v = questionnaire.LikertMin + questionnaire.LikertMax - v
			}
			sums[s] += v
			counts[s]++
			ks = append(ks, keyedAnswer{s, v})
		}
	}

	var ix QualityIndices
	var gap float64
	var n int
	for _, p := range pairs {
		if p.plain == 0 || p.reverse == 0 {
			continue
		}
		gap += math.Abs(float64(p.plain - (questionnaire.LikertMin + questionnaire.LikertMax - p.reverse)))
		n++
	}
	if n > 0 {
		ix.PairGap = round2(gap / float64(n))
	}
	var ss float64
	used := 0
	for _, c := range counts {
		if c > 0 {
			used++
		}
	}
	for _, k := range ks {
		d := k.value - sums[k.scale]/float64(counts[k.scale])
		ss += d * d
	}
	if df := len(ks) - used; df > 0 {
		ix.ScaleSpread = round2(math.Sqrt(ss / float64(df)))
	}
	if len(raw) > 0 {
		var counts [questionnaire.LikertMax + 1]int
		top := 0
		for _, v := range raw {
			counts[v]++
			top = max(top, counts[v])
		}
		ix.SameShare = round2(float64(top) / float64(len(raw)))
	}
	var perAnswer float64
	if elapsed > 0 && len(answers) > 0 {
		perAnswer = elapsed.Seconds() / float64(len(answers))
		// At least 0.01 shown, so a sheet timed at all never reads as
		// untimed.
		ix.SecondsPerAnswer = max(round2(perAnswer), 0.01)
	}

	flags := []string{}
	if len(raw) >= straightMin && ix.SameShare >= maxSameShare {
		flags = append(flags, FlagStraightLining)
	}
	if n >= minPairs && len(ks) >= straightMin && ix.PairGap+ix.ScaleSpread >= maxInconsistency {
		flags = append(flags, FlagInconsistentAnswers)
	}
	// The unrounded time decides: a sheet submitted within milliseconds
	// of its draft must not round to "untimed".
	if perAnswer > 0 && perAnswer < minSecondsPerAnswer {
		flags = append(flags, FlagTooFast)
	}
	return Quality{Flags: flags, Reliable: len(flags) == 0, Indices: &ix}
}

func round2(f float64) float64 { return math.Round(f*100) / 100 }
