// Package psychometrics computes instrument statistics for one questionnaire
// version, for admins: how many responses there are, each Likert item's mean
// and spread, and Cronbach's alpha for each dimension. It is pure: no
// database, no HTTP.
//
// All sums are kept as exact integers (answers are small integers), so the
// variances, and the comparison that keeps alpha at or below 1, are free of
// cancellation error. The int64 sums are safe up to a few million complete
// responses for a 20-item dimension.
package psychometrics

import (
	"math"

	"github.com/pmpath/pmpath/internal/errs"
)

// The Likert scale runs from minAnswer to maxAnswer; a reverse-keyed answer
// v scores reverseBase - v.
const (
	minAnswer   = 1
	maxAnswer   = 5
	reverseBase = minAnswer + maxAnswer
)

// Item is one Likert item of a scale: its id, the dimension it measures and
// whether it is reverse-keyed.
type Item struct {
	ID        string
	Dimension string
	Reverse   bool
}

// Response maps item ids to answers 1..5, raw, as the person answered them;
// Compute applies reverse keys. Items may be missing from a response, and ids
// that are not among the items (such as non-Likert questions) are ignored.
type Response map[string]int

// ItemStats describes the raw answers to one item: N is how many responses
// answered it, Mean their mean and SD their sample standard deviation (n-1).
// Both are of the raw answers, not reverse-scored. Mean is 0 when N is 0 and
// SD is 0 when N is below 2.
type ItemStats struct {
	ID        string
	Dimension string
	Reverse   bool
	N         int
	Mean      float64
	SD        float64
}

// DimensionStats describes the internal consistency of one dimension. Items
// is how many items measure it and N how many responses answered all of them
// (listwise deletion). Alpha is Cronbach's alpha over those N responses,
// computed on reverse-scored values; it is nil when it cannot be computed:
// fewer than 2 items, fewer than 2 complete responses, or a total score that
// does not vary. Alpha is at most 1 and may be negative.
type DimensionStats struct {
	Dimension string
	Items     int
	N         int
	Alpha     *float64
}

// Stats is the statistics of one questionnaire version: the number of
// responses, one ItemStats per item and one DimensionStats per dimension.
type Stats struct {
	Responses  int
	Items      []ItemStats
	Dimensions []DimensionStats
}

// Compute returns the statistics of items over responses. Items keep the order
// given; Dimensions are in order of first appearance in items. An answer
// outside 1..5, or an item id given twice, is an Invalid error naming the item.
func Compute(items []Item, responses []Response) (Stats, error) {
	if err := validate(items, responses); err != nil {
		return Stats{}, err
	}
	st := Stats{
		Responses:  len(responses),
		Items:      make([]ItemStats, 0, len(items)),
		Dimensions: []DimensionStats{},
	}
	for _, it := range items {
		var m moments
		for _, r := range responses {
			if v, ok := r[it.ID]; ok {
				m.add(v)
			}
		}
		st.Items = append(st.Items, ItemStats{
			ID:        it.ID,
			Dimension: it.Dimension,
			Reverse:   it.Reverse,
			N:         int(m.n),
			Mean:      m.mean(),
			SD:        math.Sqrt(m.variance()),
		})
	}
	for _, dim := range byDimension(items) {
		st.Dimensions = append(st.Dimensions, dimensionStats(dim, responses))
	}
	return st, nil
}

// validate rejects duplicate item ids and answers outside the scale. It walks
// responses and items in order, so the error reported is deterministic.
func validate(items []Item, responses []Response) error {
	seen := make(map[string]bool, len(items))
	for _, it := range items {
		if seen[it.ID] {
			return errs.E(errs.Invalid, "item %q is listed twice", it.ID)
		}
		seen[it.ID] = true
	}
	for i, r := range responses {
		for _, it := range items {
			if v, ok := r[it.ID]; ok && (v < minAnswer || v > maxAnswer) {
				return errs.E(errs.Invalid, "item %q: response %d answered %d, outside %d..%d",
					it.ID, i, v, minAnswer, maxAnswer)
			}
		}
	}
	return nil
}

// dimension is the items of one dimension, in the order given.
type dimension struct {
	name  string
	items []Item
}

// byDimension groups items by dimension, in order of first appearance.
func byDimension(items []Item) []dimension {
	var dims []dimension
	index := map[string]int{}
	for _, it := range items {
		i, ok := index[it.Dimension]
		if !ok {
			i = len(dims)
			index[it.Dimension] = i
			dims = append(dims, dimension{name: it.Dimension})
		}
		dims[i].items = append(dims[i].items, it)
	}
	return dims
}

// dimensionStats computes Cronbach's alpha for one dimension over the
// responses that answered all of its items:
//
//	alpha = k/(k-1) * (1 - sum of item variances / total-score variance)
//
// Every variance here has the same denominator n(n-1), so it cancels and
// alpha is k(S_t - sum S_i) / ((k-1) S_t) with S = n*sum(x^2) - (sum x)^2, an
// exact integer. Since S_t <= k * sum S_i, the numerator never exceeds the
// denominator and the float64 quotient never exceeds 1.
func dimensionStats(d dimension, responses []Response) DimensionStats {
	k := len(d.items)
	perItem := make([]moments, k)
	var total moments
	scored := make([]int, k)
	for _, r := range responses {
		complete := true
		for j, it := range d.items {
			v, ok := r[it.ID]
			if !ok {
				complete = false
				break
			}
			if it.Reverse {
				v = reverseBase - v
			}
			scored[j] = v
		}
		if !complete {
			continue
		}
		sum := 0
		for j, v := range scored {
			perItem[j].add(v)
			sum += v
		}
		total.add(sum)
	}
	ds := DimensionStats{Dimension: d.name, Items: k, N: int(total.n)}
	st := total.scatter()
	if k < 2 || total.n < 2 || st == 0 {
		return ds
	}
	var si int64
	for _, m := range perItem {
		si += m.scatter()
	}
	kk := int64(k)
	alpha := float64(kk*(st-si)) / float64((kk-1)*st)
	ds.Alpha = &alpha
	return ds
}

// moments accumulates the count, sum and sum of squares of integer values.
type moments struct {
	n, sum, sumSq int64
}

func (m *moments) add(v int) {
	x := int64(v)
	m.n++
	m.sum += x
	m.sumSq += x * x
}

func (m moments) mean() float64 {
	if m.n == 0 {
		return 0
	}
	return float64(m.sum) / float64(m.n)
}

// scatter returns n times the sum of squared deviations from the mean,
// n*sum(x^2) - (sum x)^2, exactly.
func (m moments) scatter() int64 {
	return m.n*m.sumSq - m.sum*m.sum
}

// variance returns the sample variance (n-1), or 0 for fewer than 2 values.
func (m moments) variance() float64 {
	if m.n < 2 {
		return 0
	}
	return float64(m.scatter()) / float64(m.n*(m.n-1))
}
