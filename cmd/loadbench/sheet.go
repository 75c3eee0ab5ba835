package main

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
)

// questionnaireSlug is the questionnaire every measured submission takes.
const questionnaireSlug = "pm-pmo-fit"

// form is the public form of a questionnaire: enough to answer it.
type form struct {
	Slug    string `json:"slug"`
	Version int    `json:"version"`
	Items   []struct {
		ID      string  `json:"id"`
		Type    string  `json:"type"`
		Select  *string `json:"select"`
		Options []struct {
			ID string `json:"id"`
		} `json:"options"`
	} `json:"items"`
}

func fetchForm(ctx context.Context, baseURL string) (*form, error) {
	var f form
	if err := doJSON(ctx, http.DefaultClient, http.MethodGet, baseURL+"/api/v1/questionnaires/"+questionnaireSlug, nil, nil, &f); err != nil {
		return nil, err
	}
	if len(f.Items) == 0 {
		return nil, fmt.Errorf("questionnaire %s has no items", questionnaireSlug)
	}
	return &f, nil
}

// sheet answers every item of f at random, validly: Likert items 1..5,
// choices one option, multi-select experience items one option in a list.
func (f *form) sheet(r *rand.Rand) map[string]json.RawMessage {
	out := make(map[string]json.RawMessage, len(f.Items))
	for _, it := range f.Items {
		var v any
		switch {
		case it.Type == "likert":
			v = 1 + r.IntN(5)
		case len(it.Options) == 0:
			continue
		case it.Select != nil && *it.Select == "many":
			v = []string{it.Options[r.IntN(len(it.Options))].ID}
		default:
			v = it.Options[r.IntN(len(it.Options))].ID
		}
		b, _ := json.Marshal(v)
		out[it.ID] = b
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

// submitNow creates and submits a random sheet in one call and returns the
// assessment's id.
func submitNow(ctx context.Context, baseURL string, f *form, r *rand.Rand) (string, error) {
	body, _ := json.Marshal(map[string]any{"questionnaire": f.Slug, "answers": f.sheet(r), "submit": true, "elapsed_seconds": 600})
	var d draft
	if err := doJSON(ctx, http.DefaultClient, http.MethodPost, baseURL+"/api/v1/assessments", body, nil, &d); err != nil {
		return "", err
	}
	return d.ID, nil
}
