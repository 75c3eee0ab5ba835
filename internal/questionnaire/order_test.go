package questionnaire_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/pmpath/pmpath/internal/questionnaire"
)

func TestOptionOrder(t *testing.T) {
	q := &questionnaire.Questionnaire{ShuffleOptions: true, Items: []questionnaire.Item{
		{ID: "q01", Type: questionnaire.Likert},
		{ID: "s01", Type: questionnaire.Choice, Options: []questionnaire.Option{{ID: "a"}, {ID: "b"}, {ID: "c"}, {ID: "d"}}},
	}}
	first := q.OptionOrder("assessment-1")
	if got := q.OptionOrder("assessment-1"); !slices.Equal(got["s01"], first["s01"]) {
		t.Errorf("the same assessment got %v, then %v", first["s01"], got["s01"])
	}
	if _, ok := first["q01"]; ok || len(first) != 1 {
		t.Errorf("order for %v; want the choice item only", first)
	}
	sorted := slices.Clone(first["s01"])
	slices.Sort(sorted)
	if !slices.Equal(sorted, []string{"a", "b", "c", "d"}) {
		t.Errorf("order %v is not a permutation of a-d", first["s01"])
	}

	// Over many assessments every option sits in every position about
	// equally often: no position carries meaning.
	const n = 8000
	var count [4]map[string]int
	for i := range count {
		count[i] = map[string]int{}
	}
	for i := range n {
		for pos, id := range q.OptionOrder(fmt.Sprint("assessment-", i))["s01"] {
			count[pos][id]++
		}
	}
	for pos, m := range count {
		for _, id := range []string{"a", "b", "c", "d"} {
			if share := float64(m[id]) / n; share < 0.22 || share > 0.28 {
				t.Errorf("option %s at position %d in %.3f of assessments, want about 0.25", id, pos, share)
			}
		}
	}

	q.ShuffleOptions = false
	if got := q.OptionOrder("assessment-1"); got != nil {
		t.Errorf("a version that does not shuffle gave %v", got)
	}
}
