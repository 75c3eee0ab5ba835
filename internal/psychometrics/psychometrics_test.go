package psychometrics_test

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/pmpath/pmpath/internal/errs"
	"github.com/pmpath/pmpath/internal/psychometrics"
)

const tol = 1e-9

// approx compares floats, including those behind Alpha pointers, to tol.
var approx = cmpopts.EquateApprox(0, tol)

// compute calls Compute and fails the test on an error.
func compute(t *testing.T, items []psychometrics.Item, responses []psychometrics.Response) psychometrics.Stats {
	t.Helper()
	got, err := psychometrics.Compute(items, responses)
	if err != nil {
		t.Fatalf("Compute: %v", err)
	}
	return got
}

// columns builds responses from one column of answers per item: column j
// holds the answers to items[j], one per respondent.
func columns(items []psychometrics.Item, cols ...[]int) []psychometrics.Response {
	var rs []psychometrics.Response
	for i := range cols[0] {
		r := psychometrics.Response{}
		for j, c := range cols {
			r[items[j].ID] = c[i]
		}
		rs = append(rs, r)
	}
	return rs
}

func TestComputeHandWorked(t *testing.T) {
	abc := []psychometrics.Item{
		{ID: "a", Dimension: "planning"},
		{ID: "b", Dimension: "planning"},
		{ID: "c", Dimension: "planning"},
	}
	xyz := []psychometrics.Item{
		{ID: "x", Dimension: "stakeholders"},
		{ID: "y", Dimension: "stakeholders", Reverse: true},
		{ID: "z", Dimension: "stakeholders"},
	}
	tests := []struct {
		name      string
		items     []psychometrics.Item
		responses []psychometrics.Response
		want      psychometrics.Stats
	}{
		{
			// 3 items x 5 respondents, none reverse-keyed.
			//
			//   respondent   a  b  c | total
			//   1            4  5  4 |  13
			//   2            3  4  3 |  10
			//   3            5  5  4 |  14
			//   4            2  3  3 |   8
			//   5            4  3  5 |  12
			//
			// Item a: mean 18/5 = 3.6; deviations .4 -.6 1.4 -1.6 .4;
			//   squares .16+.36+1.96+2.56+.16 = 5.2; variance 5.2/4 = 1.3.
			// Item b: mean 20/5 = 4; deviations 1 0 1 -1 -1;
			//   squares 1+0+1+1+1 = 4; variance 4/4 = 1.0.
			// Item c: mean 19/5 = 3.8; deviations .2 -.8 .2 -.8 1.2;
			//   squares .04+.64+.04+.64+1.44 = 2.8; variance 2.8/4 = 0.7.
			// Sum of item variances: 1.3 + 1.0 + 0.7 = 3.0.
			// Total: mean 57/5 = 11.4; deviations 1.6 -1.4 2.6 -3.4 .6;
			//   squares 2.56+1.96+6.76+11.56+.36 = 23.2; variance 23.2/4 = 5.8.
			// alpha = 3/2 * (1 - 3.0/5.8) = 1.5 * 2.8/5.8 = 4.2/5.8 = 21/29
			//       = 0.724137931...
			name:  "three items, five respondents",
			items: abc,
			responses: columns(abc,
				[]int{4, 3, 5, 2, 4},
				[]int{5, 4, 5, 3, 3},
				[]int{4, 3, 4, 3, 5},
			),
			want: psychometrics.Stats{
				Responses: 5,
				Items: []psychometrics.ItemStats{
					{ID: "a", Dimension: "planning", N: 5, Mean: 3.6, SD: math.Sqrt(1.3)},
					{ID: "b", Dimension: "planning", N: 5, Mean: 4, SD: 1},
					{ID: "c", Dimension: "planning", N: 5, Mean: 3.8, SD: math.Sqrt(0.7)},
				},
				Dimensions: []psychometrics.DimensionStats{
					{Dimension: "planning", Items: 3, N: 5, Alpha: new(21.0 / 29)},
				},
			},
		},
		{
			// 3 items x 4 respondents; y is reverse-keyed, so it is scored
			// 6 - raw: raw 2 1 4 5 becomes 4 5 2 1.
			//
			//   respondent   x  y raw -> 6-y  z | total (x + (6-y) + z)
			//   1            5  2     ->  4   4 |  13
			//   2            4  1     ->  5   4 |  13
			//   3            2  4     ->  2   3 |   7
			//   4            1  5     ->  1   1 |   3
			//
			// Item x: mean 12/4 = 3; deviations 2 1 -1 -2; squares 10;
			//   variance 10/3.
			// Item y scored: mean 12/4 = 3; deviations 1 2 -1 -2; squares 10;
			//   variance 10/3. (Reversal mirrors the values, so the variance
			//   equals the raw variance; only the covariances change sign.)
			// Item z: mean 12/4 = 3; deviations 1 1 0 -2; squares 6;
			//   variance 6/3 = 2.
			// Sum of item variances: 10/3 + 10/3 + 2 = 26/3.
			// Total: mean 36/4 = 9; deviations 4 4 -2 -6;
			//   squares 16+16+4+36 = 72; variance 72/3 = 24.
			// alpha = 3/2 * (1 - (26/3)/24) = 3/2 * (1 - 26/72) = 3/2 * 46/72
			//       = 23/24 = 0.958333...
			//
			// Without reverse-scoring the totals would be 11 9 9 7 (variance
			// 8/3) and alpha = 3/2 * (1 - (26/3)/(8/3)) = -27/8: the test
			// tells the two apart.
			//
			// ItemStats describe the raw answers: y's raw mean is also 3 and
			// its raw SD sqrt(10/3).
			name:  "reverse-keyed item",
			items: xyz,
			responses: columns(xyz,
				[]int{5, 4, 2, 1},
				[]int{2, 1, 4, 5},
				[]int{4, 4, 3, 1},
			),
			want: psychometrics.Stats{
				Responses: 4,
				Items: []psychometrics.ItemStats{
					{ID: "x", Dimension: "stakeholders", N: 4, Mean: 3, SD: math.Sqrt(10.0 / 3)},
					{ID: "y", Dimension: "stakeholders", Reverse: true, N: 4, Mean: 3, SD: math.Sqrt(10.0 / 3)},
					{ID: "z", Dimension: "stakeholders", N: 4, Mean: 3, SD: math.Sqrt(2)},
				},
				Dimensions: []psychometrics.DimensionStats{
					{Dimension: "stakeholders", Items: 3, N: 4, Alpha: new(23.0 / 24)},
				},
			},
		},
		{
			// 2 items x 5 respondents, answered in opposite directions
			// without a reverse key.
			//
			//   respondent   a  b | total
			//   1            1  4 |  5
			//   2            2  5 |  7
			//   3            3  2 |  5
			//   4            4  3 |  7
			//   5            5  1 |  6
			//
			// Item a: mean 3; deviations -2 -1 0 1 2; squares 10; variance 2.5.
			// Item b: mean 3; deviations 1 2 -1 0 -2; squares 10; variance 2.5.
			// Total: mean 6; deviations -1 1 -1 1 0; squares 4; variance 1.
			// alpha = 2/1 * (1 - (2.5 + 2.5)/1) = 2 * -4 = -8.
			// Alpha is negative when items covary negatively; it is
			// reported, not clamped or dropped.
			name:  "anti-correlated items give a negative alpha",
			items: abc[:2],
			responses: columns(abc[:2],
				[]int{1, 2, 3, 4, 5},
				[]int{4, 5, 2, 3, 1},
			),
			want: psychometrics.Stats{
				Responses: 5,
				Items: []psychometrics.ItemStats{
					{ID: "a", Dimension: "planning", N: 5, Mean: 3, SD: math.Sqrt(2.5)},
					{ID: "b", Dimension: "planning", N: 5, Mean: 3, SD: math.Sqrt(2.5)},
				},
				Dimensions: []psychometrics.DimensionStats{
					{Dimension: "planning", Items: 2, N: 5, Alpha: new(-8.0)},
				},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := compute(t, tt.items, tt.responses)
			if diff := cmp.Diff(got, tt.want, approx); diff != "" {
				t.Errorf("Compute() mismatch (-got +want):\n%s", diff)
			}
		})
	}
}

func TestComputeEdgeCases(t *testing.T) {
	ab := []psychometrics.Item{
		{ID: "a", Dimension: "d"},
		{ID: "b", Dimension: "d"},
	}
	tests := []struct {
		name      string
		items     []psychometrics.Item
		responses []psychometrics.Response
		want      psychometrics.Stats
	}{
		{
			// Every item gets the same answer from each respondent, so the
			// total variance is k^2 times the item variance and
			// alpha = 3/2 * (1 - 3v/9v) = 1 exactly.
			name: "perfectly consistent items give alpha 1",
			items: []psychometrics.Item{
				{ID: "a", Dimension: "d"},
				{ID: "b", Dimension: "d"},
				{ID: "c", Dimension: "d"},
			},
			responses: []psychometrics.Response{
				{"a": 1, "b": 1, "c": 1},
				{"a": 3, "b": 3, "c": 3},
				{"a": 5, "b": 5, "c": 5},
			},
			want: psychometrics.Stats{
				Responses: 3,
				Items: []psychometrics.ItemStats{
					{ID: "a", Dimension: "d", N: 3, Mean: 3, SD: 2},
					{ID: "b", Dimension: "d", N: 3, Mean: 3, SD: 2},
					{ID: "c", Dimension: "d", N: 3, Mean: 3, SD: 2},
				},
				Dimensions: []psychometrics.DimensionStats{
					{Dimension: "d", Items: 3, N: 3, Alpha: new(1.0)},
				},
			},
		},
		{
			// b is reverse-keyed and always answered 6 - a, so after
			// reverse-scoring it equals a and alpha is again 1.
			name: "perfectly consistent with a reverse-keyed item",
			items: []psychometrics.Item{
				{ID: "a", Dimension: "d"},
				{ID: "b", Dimension: "d", Reverse: true},
			},
			responses: []psychometrics.Response{
				{"a": 1, "b": 5},
				{"a": 2, "b": 4},
				{"a": 4, "b": 2},
			},
			want: psychometrics.Stats{
				Responses: 3,
				Items: []psychometrics.ItemStats{
					{ID: "a", Dimension: "d", N: 3, Mean: 7.0 / 3, SD: math.Sqrt(7.0 / 3)},
					{ID: "b", Dimension: "d", Reverse: true, N: 3, Mean: 11.0 / 3, SD: math.Sqrt(7.0 / 3)},
				},
				Dimensions: []psychometrics.DimensionStats{
					{Dimension: "d", Items: 2, N: 3, Alpha: new(1.0)},
				},
			},
		},
		{
			name:  "no responses",
			items: ab,
			want: psychometrics.Stats{
				Items: []psychometrics.ItemStats{
					{ID: "a", Dimension: "d"},
					{ID: "b", Dimension: "d"},
				},
				Dimensions: []psychometrics.DimensionStats{
					{Dimension: "d", Items: 2},
				},
			},
		},
		{
			name:      "no items",
			responses: []psychometrics.Response{{"a": 3}, {}},
			want: psychometrics.Stats{
				Responses:  2,
				Items:      []psychometrics.ItemStats{},
				Dimensions: []psychometrics.DimensionStats{},
			},
		},
		{
			// a: 1 2 5, mean 8/3; deviations -5/3 -2/3 7/3; squares
			// (25+4+49)/9 = 26/3; variance 13/3.
			name:      "one item has no alpha",
			items:     ab[:1],
			responses: []psychometrics.Response{{"a": 1}, {"a": 2}, {"a": 5}},
			want: psychometrics.Stats{
				Responses: 3,
				Items: []psychometrics.ItemStats{
					{ID: "a", Dimension: "d", N: 3, Mean: 8.0 / 3, SD: math.Sqrt(13.0 / 3)},
				},
				Dimensions: []psychometrics.DimensionStats{
					{Dimension: "d", Items: 1, N: 3},
				},
			},
		},
		{
			// The fourth response lacks b: it counts for a's N, mean and
			// SD, but not for the dimension. Over the three complete
			// responses a = 1 3 5 (variance 4), b = 2 3 4 (variance 1),
			// totals 3 6 9 (variance 9): alpha = 2 * (1 - 5/9) = 8/9.
			// a over all four: 1 3 5 5, mean 3.5, squares 6.25+.25+2.25+2.25
			// = 11, SD sqrt(11/3).
			name:  "a missing answer drops the response from alpha only",
			items: ab,
			responses: []psychometrics.Response{
				{"a": 1, "b": 2},
				{"a": 3, "b": 3},
				{"a": 5, "b": 4},
				{"a": 5},
			},
			want: psychometrics.Stats{
				Responses: 4,
				Items: []psychometrics.ItemStats{
					{ID: "a", Dimension: "d", N: 4, Mean: 3.5, SD: math.Sqrt(11.0 / 3)},
					{ID: "b", Dimension: "d", N: 3, Mean: 3, SD: 1},
				},
				Dimensions: []psychometrics.DimensionStats{
					{Dimension: "d", Items: 2, N: 3, Alpha: new(8.0 / 9)},
				},
			},
		},
		{
			name:      "one complete response has no alpha and no SD",
			items:     ab,
			responses: []psychometrics.Response{{"a": 2, "b": 4}, {"a": 5}, {}},
			want: psychometrics.Stats{
				Responses: 3,
				Items: []psychometrics.ItemStats{
					{ID: "a", Dimension: "d", N: 2, Mean: 3.5, SD: math.Sqrt(4.5)},
					{ID: "b", Dimension: "d", N: 1, Mean: 4},
				},
				Dimensions: []psychometrics.DimensionStats{
					{Dimension: "d", Items: 2, N: 1},
				},
			},
		},
		{
			name:      "everyone answering the same has no alpha",
			items:     ab,
			responses: []psychometrics.Response{{"a": 3, "b": 3}, {"a": 3, "b": 3}, {"a": 3, "b": 3}},
			want: psychometrics.Stats{
				Responses: 3,
				Items: []psychometrics.ItemStats{
					{ID: "a", Dimension: "d", N: 3, Mean: 3},
					{ID: "b", Dimension: "d", N: 3, Mean: 3},
				},
				Dimensions: []psychometrics.DimensionStats{
					{Dimension: "d", Items: 2, N: 3},
				},
			},
		},
		{
			// The items vary but the totals are 6 and 6: zero total-score
			// variance, so alpha would divide by zero.
			name:      "a constant total score has no alpha",
			items:     ab,
			responses: []psychometrics.Response{{"a": 1, "b": 5}, {"a": 5, "b": 1}},
			want: psychometrics.Stats{
				Responses: 2,
				Items: []psychometrics.ItemStats{
					{ID: "a", Dimension: "d", N: 2, Mean: 3, SD: math.Sqrt(8)},
					{ID: "b", Dimension: "d", N: 2, Mean: 3, SD: math.Sqrt(8)},
				},
				Dimensions: []psychometrics.DimensionStats{
					{Dimension: "d", Items: 2, N: 2},
				},
			},
		},
		{
			// a: 1 3 5, mean 3, squares 4+0+4 = 8, SD sqrt(8/2) = 2.
			// b: 2 4 (one missing), mean 3, squares 1+1 = 2, SD sqrt(2/1).
			// c: unanswered, N 0, mean and SD 0.
			// Dimensions follow first appearance (y before x), items keep
			// their order, and ids that are not items are ignored, even
			// with values outside 1..5.
			name: "item mean and SD, ordering and unknown ids",
			items: []psychometrics.Item{
				{ID: "a", Dimension: "y"},
				{ID: "b", Dimension: "x", Reverse: true},
				{ID: "c", Dimension: "y"},
			},
			responses: []psychometrics.Response{
				{"a": 1, "b": 2, "choice": 9},
				{"a": 3, "other": -1},
				{"a": 5, "b": 4},
			},
			want: psychometrics.Stats{
				Responses: 3,
				Items: []psychometrics.ItemStats{
					{ID: "a", Dimension: "y", N: 3, Mean: 3, SD: 2},
					{ID: "b", Dimension: "x", Reverse: true, N: 2, Mean: 3, SD: math.Sqrt(2)},
					{ID: "c", Dimension: "y"},
				},
				Dimensions: []psychometrics.DimensionStats{
					{Dimension: "y", Items: 2},
					{Dimension: "x", Items: 1, N: 2},
				},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := compute(t, tt.items, tt.responses)
			if diff := cmp.Diff(got, tt.want, approx); diff != "" {
				t.Errorf("Compute() mismatch (-got +want):\n%s", diff)
			}
		})
	}
}

func TestComputeErrors(t *testing.T) {
	items := []psychometrics.Item{
		{ID: "q1", Dimension: "d"},
		{ID: "q2", Dimension: "d"},
	}
	tests := []struct {
		name      string
		items     []psychometrics.Item
		responses []psychometrics.Response
		wantIn    []string // substrings of the error message
	}{
		{
			name:      "answer 0",
			items:     items,
			responses: []psychometrics.Response{{"q1": 3, "q2": 3}, {"q1": 3, "q2": 0}},
			wantIn:    []string{`"q2"`, "response 1", "answered 0"},
		},
		{
			name:      "answer 6",
			items:     items,
			responses: []psychometrics.Response{{"q1": 6, "q2": 3}},
			wantIn:    []string{`"q1"`, "response 0", "answered 6"},
		},
		{
			name:      "negative answer",
			items:     items,
			responses: []psychometrics.Response{{"q2": -3}},
			wantIn:    []string{`"q2"`, "answered -3"},
		},
		{
			name:   "duplicate item id",
			items:  append(items, psychometrics.Item{ID: "q1", Dimension: "e"}),
			wantIn: []string{`"q1"`, "twice"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := psychometrics.Compute(tt.items, tt.responses)
			if err == nil {
				t.Fatalf("Compute() = %+v, nil; want an error", got)
			}
			if k := errs.KindOf(err); k != errs.Invalid {
				t.Errorf("error kind = %v, want %v", k, errs.Invalid)
			}
			for _, s := range tt.wantIn {
				if !strings.Contains(err.Error(), s) {
					t.Errorf("error %q does not contain %q", err, s)
				}
			}
			if diff := cmp.Diff(got, psychometrics.Stats{}); diff != "" {
				t.Errorf("Stats on error (-got +want):\n%s", diff)
			}
		})
	}
}

// covarianceAlpha is an independent computation of item statistics and
// Cronbach's alpha, deliberately unlike Compute: it works in float64 with
// two-pass means, builds the full covariance matrix of the reverse-scored
// items over the complete responses, and uses the standardised form
//
//	alpha = k*cbar / (vbar + (k-1)*cbar)
//
// where vbar is the mean item variance and cbar the mean inter-item
// covariance. This equals k/(k-1) * (1 - sum var_i / var_total) because
// var_total = k*vbar + k(k-1)*cbar.
func covarianceAlpha(items []psychometrics.Item, responses []psychometrics.Response) (means, sds []float64, n int, alpha float64) {
	k := len(items)
	means = make([]float64, k)
	sds = make([]float64, k)
	for j, it := range items {
		var xs []float64
		for _, r := range responses {
			if v, ok := r[it.ID]; ok {
				xs = append(xs, float64(v))
			}
		}
		m := 0.0
		for _, x := range xs {
			m += x
		}
		m /= float64(len(xs))
		ss := 0.0
		for _, x := range xs {
			ss += (x - m) * (x - m)
		}
		means[j], sds[j] = m, math.Sqrt(ss/float64(len(xs)-1))
	}

	var rows [][]float64
	for _, r := range responses {
		row := make([]float64, k)
		complete := true
		for j, it := range items {
			v, ok := r[it.ID]
			if !ok {
				complete = false
				break
			}
			if it.Reverse {
				v = 6 - v
			}
			row[j] = float64(v)
		}
		if complete {
			rows = append(rows, row)
		}
	}
	n = len(rows)
	mu := make([]float64, k)
	for _, row := range rows {
		for j, x := range row {
			mu[j] += x / float64(n)
		}
	}
	cov := func(a, b int) float64 {
		s := 0.0
		for _, row := range rows {
			s += (row[a] - mu[a]) * (row[b] - mu[b])
		}
		return s / float64(n-1)
	}
	var vbar, cbar float64
	for a := range k {
		vbar += cov(a, a) / float64(k)
		for b := range k {
			if a != b {
				cbar += cov(a, b) / float64(k*(k-1))
			}
		}
	}
	alpha = float64(k) * cbar / (vbar + float64(k-1)*cbar)
	return means, sds, n, alpha
}

// simulate returns n responses to items from a one-factor model: each
// respondent has a trait level, each answer is 3 + loading*trait + noise,
// rounded and clamped to 1..5 and mirrored for reverse-keyed items; each
// answer is left out with probability missing.
func simulate(rng *rand.Rand, items []psychometrics.Item, n int, loading, missing float64) []psychometrics.Response {
	rs := make([]psychometrics.Response, n)
	for i := range rs {
		trait := rng.NormFloat64()
		r := psychometrics.Response{}
		for _, it := range items {
			if rng.Float64() < missing {
				continue
			}
			v := int(math.Round(3 + loading*trait + rng.NormFloat64()))
			v = min(max(v, 1), 5)
			if it.Reverse {
				v = 6 - v
			}
			r[it.ID] = v
		}
		rs[i] = r
	}
	return rs
}

func TestComputeMatchesCovarianceFormula(t *testing.T) {
	items := []psychometrics.Item{
		{ID: "i1", Dimension: "d"},
		{ID: "i2", Dimension: "d"},
		{ID: "i3", Dimension: "d", Reverse: true},
		{ID: "i4", Dimension: "d"},
	}
	tests := []struct {
		name    string
		seed    uint64
		loading float64
		missing float64
	}{
		{name: "correlated items", seed: 1, loading: 1.2},
		{name: "correlated items, some missing", seed: 2, loading: 0.8, missing: 0.1},
		{name: "unrelated items", seed: 3, loading: 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rng := rand.New(rand.NewPCG(tt.seed, 42))
			responses := simulate(rng, items, 200, tt.loading, tt.missing)
			got := compute(t, items, responses)

			means, sds, n, alpha := covarianceAlpha(items, responses)
			want := psychometrics.Stats{Responses: 200}
			for j, it := range items {
				answered := 0
				for _, r := range responses {
					if _, ok := r[it.ID]; ok {
						answered++
					}
				}
				want.Items = append(want.Items, psychometrics.ItemStats{
					ID: it.ID, Dimension: it.Dimension, Reverse: it.Reverse,
					N: answered, Mean: means[j], SD: sds[j],
				})
			}
			want.Dimensions = []psychometrics.DimensionStats{{Dimension: "d", Items: 4, N: n, Alpha: &alpha}}
			if diff := cmp.Diff(got, want, approx); diff != "" {
				t.Errorf("Compute() disagrees with the covariance formula (-got +want):\n%s", diff)
			}
			t.Logf("n = %d, alpha = %.6f", n, alpha)
		})
	}
}

// TestAlphaAtMostOne checks on many random data sets that alpha is finite
// and never exceeds 1. Negative values are allowed, and random unrelated
// items produce them; the test insists on seeing some so that a clamp at 0
// would be caught.
func TestAlphaAtMostOne(t *testing.T) {
	negative := 0
	for seed := range uint64(500) {
		rng := rand.New(rand.NewPCG(seed, 7))
		k := 2 + rng.IntN(5)
		items := make([]psychometrics.Item, k)
		for j := range items {
			items[j] = psychometrics.Item{ID: string(rune('a' + j)), Dimension: "d", Reverse: rng.IntN(2) == 0}
		}
		responses := make([]psychometrics.Response, rng.IntN(40))
		for i := range responses {
			r := psychometrics.Response{}
			for _, it := range items {
				if rng.IntN(10) > 0 {
					r[it.ID] = 1 + rng.IntN(5)
				}
			}
			responses[i] = r
		}
		got := compute(t, items, responses)
		d := got.Dimensions[0]
		if d.N > got.Responses {
			t.Errorf("seed %d: dimension N = %d, more than %d responses", seed, d.N, got.Responses)
		}
		if d.Alpha == nil {
			continue
		}
		a := *d.Alpha
		if math.IsNaN(a) || math.IsInf(a, 0) || a > 1 {
			t.Errorf("seed %d: alpha = %v, want finite and at most 1", seed, a)
		}
		if a < 0 {
			negative++
		}
	}
	if negative == 0 {
		t.Errorf("no negative alpha in 500 random data sets; negative values must be reported, not clamped")
	}
}
