package main

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"

	"github.com/pmpath/pmpath/assessments"
	"github.com/pmpath/pmpath/internal/questionnaire"
	"github.com/pmpath/pmpath/internal/validity"
)

// questionnaireSlug is the questionnaire every measured submission takes.
const questionnaireSlug = "pm-pmo-fit"

// form is the public form of a questionnaire, and the people who answer
// the version it shows.
type form struct {
	Slug    string `json:"slug"`
	Version int    `json:"version"`
	Items   []struct {
		ID string `json:"id"`
	} `json:"items"`
	// q is the version the server shows, as pmpath embeds it.
	q *questionnaire.Questionnaire
	// people answer it: the validation harness's archetypes.
	people []validity.Respondent
}

func fetchForm(ctx context.Context, baseURL string) (*form, error) {
	var f form
	if err := doJSON(ctx, http.DefaultClient, http.MethodGet, baseURL+"/api/v1/questionnaires/"+questionnaireSlug, nil, nil, &f); err != nil {
		return nil, err
	}
	if len(f.Items) == 0 {
		return nil, fmt.Errorf("questionnaire %s has no items", questionnaireSlug)
	}
	if err := f.loadPeople(); err != nil {
		return nil, err
	}
	return &f, nil
}

// loadPeople finds the version the server shows among the questionnaires
// pmpath embeds and the archetypes of the validation harness
// (internal/validity) that answer it: people written from the source
// articles, each answering every item as someone in their role would. The
// profile model refuses random sheets (inconsistent antonyms, one answer
// throughout), so only such people make submissions take the path a real
// person's does.
func (f *form) loadPeople() error {
	qs, err := questionnaire.LoadFS(assessments.FS)
	if err != nil {
		return err
	}
	for _, q := range qs {
		if q.Slug == f.Slug && q.Version == f.Version {
			f.q = q
		}
	}
	if f.q == nil {
		return fmt.Errorf("the server shows %s version %d, which this build does not embed", f.Slug, f.Version)
	}
	if len(f.Items) != len(f.q.Items) {
		return fmt.Errorf("the server shows %d items of %s version %d, this build embeds %d", len(f.Items), f.Slug, f.Version, len(f.q.Items))
	}
	arch, err := validity.Archetypes()
	if err != nil {
		return err
	}
	for _, a := range arch {
		if _, ok := a.Answers[validity.Key(f.Version)]; !ok {
			continue
		}
		p, err := validity.FromArchetype(a, f.q)
		if err != nil {
			return err
		}
		f.people = append(f.people, p)
	}
	if len(f.people) == 0 {
		return fmt.Errorf("no archetype answers %s version %d", f.Slug, f.Version)
	}
	return nil
}

// sheet is one person's complete answer sheet: an archetype picked at
// random, answering with the everyday wobble of an honest person
// (validity.DefaultNoise), so sheets vary as real ones do and stay
// consistent enough to be scored.
func (f *form) sheet(r *rand.Rand) map[string]json.RawMessage {
	p := f.people[r.IntN(len(f.people))]
	b, err := json.Marshal(p.Replicate(f.q, validity.DefaultNoise, r))
	if err != nil {
		panic(err) // plain values
	}
	var out map[string]json.RawMessage
	if err := json.Unmarshal(b, &out); err != nil {
		panic(err)
	}
	return out
}

// split divides a sheet in two, the way a person answers part of the quiz,
// leaves, and resumes later.
func split(sheet map[string]json.RawMessage) (first, rest map[string]json.RawMessage) {
	first, rest = map[string]json.RawMessage{}, map[string]json.RawMessage{}
	i := 0
	for k, v := range sheet {
		if i%2 == 0 {
			first[k] = v
		} else {
			rest[k] = v
		}
		i++
	}
	return first, rest
}

// draft is an anonymous assessment and the token that opens it.
type draft struct {
	ID    string `json:"id"`
	Token string `json:"token"`
}

// startDraft takes the quiz the way the web app does: create a draft with
// some answers, then PATCH the rest in. The draft is complete and ready
// to submit.
func startDraft(ctx context.Context, baseURL string, f *form, r *rand.Rand) (draft, error) {
	first, rest := split(f.sheet(r))
	body, _ := json.Marshal(map[string]any{"questionnaire": f.Slug, "answers": first})
	var d draft
	if err := doJSON(ctx, http.DefaultClient, http.MethodPost, baseURL+"/api/v1/assessments", body, nil, &d); err != nil {
		return d, err
	}
	body, _ = json.Marshal(map[string]any{"answers": rest})
	h := http.Header{"X-Assessment-Token": {d.Token}}
	if err := doJSON(ctx, http.DefaultClient, http.MethodPatch, baseURL+"/api/v1/assessments/"+d.ID, body, h, nil); err != nil {
		return d, err
	}
	return d, nil
}

// submitNow creates and submits one person's sheet in one call and returns
// the assessment's id.
func submitNow(ctx context.Context, baseURL string, f *form, r *rand.Rand) (string, error) {
	body, _ := json.Marshal(map[string]any{"questionnaire": f.Slug, "answers": f.sheet(r), "submit": true})
	var d draft
	if err := doJSON(ctx, http.DefaultClient, http.MethodPost, baseURL+"/api/v1/assessments", body, nil, &d); err != nil {
		return "", err
	}
	return d.ID, nil
}
