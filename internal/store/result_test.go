package store

import (
	"encoding/json"
	"os"
	"reflect"
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/pmpath/pmpath/internal/construct"
	"github.com/pmpath/pmpath/internal/scoring"
)

// storedFixture is a result as pmpath stored it when results were first
// kept: every later form must still read it.
const storedFixture = "testdata/result-scoring-v1.json"

// TestResultRowReadsStoredFixture reads a result stored in the first form
// and writes it back: the domain values land in the right fields, and
// nothing is lost or renamed on the way.
func TestResultRowReadsStoredFixture(t *testing.T) {
	stored, err := os.ReadFile(storedFixture)
	if err != nil {
		t.Fatal(err)
	}
	r, err := decodeResult(stored)
	if err != nil {
		t.Fatal(err)
	}
	checks := []struct {
		name      string
		got, want any
	}{
		{"questionnaire", []any{r.Questionnaire, r.QuestionnaireVersion, r.ScoringVersion, r.CatalogVersion},
			[]any{"pm-pmo-fit", 1, "1", "eaeaca2d43214fe868bbd9ac1889eaa9"}},
		{"orientation", r.Orientation, scoring.Orientation{PM: 17, PMO: 57, Lean: "pmo"}},
		{"first dimension", r.Dimensions[0], scoring.DimensionScore{Key: "decision_making", Score: 17, Low: []string{"s01", "s02", "s04"}}},
		{"top role", []any{r.RecommendedRole, r.Roles[0].Slug, r.Roles[0].Fit, len(r.Roles)}, []any{"pmo-analyst", "pmo-analyst", 95, 8}},
		{"first reason", r.Roles[0].Reasons[0], scoring.Reason{Kind: scoring.ReasonStrength, Dimension: "analysis", Weight: 5, Score: 95, Items: []string{"q12", "q18", "q38"}}},
		{"readiness", []any{r.Readiness.Stage, r.Readiness.NextStep, r.Readiness.HeldCertifications, len(r.Readiness.Evidence)},
			[]any{construct.Stage("lead"), "pmo-analyst-study-bok", []string{"npmo-pjm-a"}, 5}},
		{"evidence", r.Readiness.Evidence[1], scoring.Evidence{Item: "e02", Option: "tracking", Stage: "practitioner"}},
		{"quality", r.Quality, scoring.Quality{Flags: []string{}, Reliable: true}},
		{"profile model", []any{r.Scales, r.Confidence, r.Administration}, []any{[]scoring.ScaleScore(nil), (*scoring.Confidence)(nil), (*scoring.Administration)(nil)}},
		{"plan", []any{r.Plan.TargetRole, r.Plan.Steps, r.Plan.Certifications, r.Plan.NextRole},
			[]any{"pmo-analyst", []string{"pmo-analyst-study-bok", "pmo-analyst-standardize-process", "pmo-analyst-next-step"}, []string{"pmp", "ipa-pm"}, "pmo-manager"}},
		{"first gap", r.Plan.Gaps[0], scoring.Gap{Dimension: "organizing", Score: 68, Target: 81, Gap: 13}},
	}
	for _, c := range checks {
		if diff := cmp.Diff(c.want, c.got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", c.name, diff)
		}
	}

	again, err := encodeResult(r)
	if err != nil {
		t.Fatal(err)
	}
	// The first form did not keep quality.reliable: it is written once read.
	want := plainJSON(t, stored)
	want.(map[string]any)["quality"].(map[string]any)["reliable"] = true
	if diff := cmp.Diff(want, plainJSON(t, again)); diff != "" {
		t.Errorf("written back (-stored +written):\n%s", diff)
	}
}

// TestResultRowKeepsEveryField fills every field of a result with its own
// value and stores it: a field the row does not carry, or carries into
// another, comes back different. A field added to scoring.Result fails
// here until the row stores it.
func TestResultRowKeepsEveryField(t *testing.T) {
	var want scoring.Result
	fill(reflect.ValueOf(&want).Elem(), new(int))
	b, err := encodeResult(&want)
	if err != nil {
		t.Fatal(err)
	}
	got, err := decodeResult(b)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(&want, got); diff != "" {
		t.Errorf("stored and read back (-want +got):\n%s\nA field of scoring.Result needs its place in resultRow (result.go).", diff)
	}
}

// fill sets v and everything in it to values no other field has: strings,
// numbers and booleans from the counter n, two elements in each slice, a
// value behind each pointer.
func fill(v reflect.Value, n *int) {
	*n++
	switch v.Kind() {
	case reflect.String:
		v.SetString("v" + strconv.Itoa(*n))
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(int64(*n))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		v.SetUint(uint64(*n))
	case reflect.Float32, reflect.Float64:
		v.SetFloat(float64(*n) + 0.5)
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fill(v.Elem(), n)
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 2, 2))
		for i := range 2 {
			fill(v.Index(i), n)
		}
	case reflect.Map:
		v.Set(reflect.MakeMap(v.Type()))
		k, e := reflect.New(v.Type().Key()).Elem(), reflect.New(v.Type().Elem()).Elem()
		fill(k, n)
		fill(e, n)
		v.SetMapIndex(k, e)
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				fill(v.Field(i), n)
			}
		}
	default:
		panic("fill: no value for " + v.Type().String())
	}
}

// plainJSON decodes b into plain values, so documents compare by content
// rather than by key order or spacing.
func plainJSON(t *testing.T, b []byte) any {
	t.Helper()
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	return v
}
