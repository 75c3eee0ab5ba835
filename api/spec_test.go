package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/gin-gonic/gin"

	"github.com/pmpath/pmpath/internal/store"
	"github.com/pmpath/pmpath/internal/store/storetest"
)

var ginParam = regexp.MustCompile(`:([A-Za-z_]+)`)

// TestRoutesAreDocumented fails when the router serves a route that
// openapi.yaml does not list; TestMain fails on the reverse.
func TestRoutesAreDocumented(t *testing.T) {
	specRouter(t)
	s := newTestServer(t, storetest.Open(t, store.SQLite))
	engine, ok := s.Config.Handler.(*gin.Engine)
	if !ok {
		t.Fatalf("router is %T, want *gin.Engine", s.Config.Handler)
	}
	for _, r := range engine.Routes() {
		path := ginParam.ReplaceAllString(r.Path, "{$1}")
		item := spec.doc.Paths.Find(path)
		if item == nil || item.GetOperation(strings.ToUpper(r.Method)) == nil {
			t.Errorf("%s %s is served but not in openapi.yaml", r.Method, path)
		}
	}
}

// TestSpecNullability: openapi.yaml is OpenAPI 3.1, and the validator every
// test relies on reads its nullable forms (a type array with "null", a oneOf
// with {type: "null"}): null passes where the document allows it and fails
// where it does not, in responses and in request bodies alike.
func TestSpecNullability(t *testing.T) {
	specRouter(t)
	if !spec.doc.IsOpenAPI31OrLater() {
		t.Fatalf("openapi.yaml declares openapi %s, want 3.1", spec.doc.OpenAPI)
	}
	s := newTestServer(t, storetest.Open(t, store.SQLite))
	roles := s.get(t, "/api/v1/roles")
	draft := s.do(t, http.MethodPost, "/api/v1/assessments", []byte(`{"questionnaire":"pm-pmo-fit"}`))
	if roles.StatusCode != http.StatusOK || draft.StatusCode != http.StatusCreated {
		t.Fatalf("roles %d, draft %d", roles.StatusCode, draft.StatusCode)
	}
	var catalog struct {
		Roles []struct {
			SalaryRanges []json.RawMessage `json:"salary_ranges"`
		} `json:"roles"`
	}
	roles.JSON(t, &catalog)
	ranged := -1
	for i, r := range catalog.Roles {
		if len(r.SalaryRanges) > 0 {
			ranged = i
			break
		}
	}
	if ranged < 0 {
		t.Fatal("no role has a salary range to edit")
	}
	salary := func(field ...any) []any { return append([]any{"roles", ranged, "salary_ranges", 0}, field...) }

	responses := []struct {
		name string
		res  *response
		path string
		at   []any
		to   any
		ok   bool
	}{
		{"open top end", roles, "/api/v1/roles", salary("max_jpy"), nil, true},
		{"source without address", roles, "/api/v1/roles", salary("source", "url"), nil, true},
		{"no lower bound", roles, "/api/v1/roles", salary("min_jpy"), nil, false},
		{"bound as text", roles, "/api/v1/roles", salary("max_jpy"), "1", false},
		{"unknown field", roles, "/api/v1/roles", salary("currency"), "JPY", false},
		{"draft as created", draft, "/api/v1/assessments", []any{"status"}, "draft", true},
		{"no result", draft, "/api/v1/assessments", []any{"result"}, nil, true},
		{"result as text", draft, "/api/v1/assessments", []any{"result"}, "none", false},
		{"empty result", draft, "/api/v1/assessments", []any{"result"}, map[string]any{}, false},
		{"no status", draft, "/api/v1/assessments", []any{"status"}, nil, false},
		{"submitted as number", draft, "/api/v1/assessments", []any{"submitted_at"}, 5, false},
	}
	for _, c := range responses {
		t.Run("response/"+c.name, func(t *testing.T) {
			method := c.res.Request.Method
			body := edited(t, c.res.Body, c.at, c.to)
			req, err := http.NewRequest(method, s.URL+c.path, nil)
			if err != nil {
				t.Fatal(err)
			}
			route, params, err := specRouter(t).FindRoute(req)
			if err != nil {
				t.Fatal(err)
			}
			err = openapi3filter.ValidateResponse(context.Background(), &openapi3filter.ResponseValidationInput{
				RequestValidationInput: &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: route},
				Status:                 c.res.StatusCode,
				Header:                 http.Header{"Content-Type": {"application/json"}},
				Body:                   io.NopCloser(bytes.NewReader(body)),
				Options:                &openapi3filter.Options{IncludeResponseStatus: true},
			})
			if c.ok && err != nil {
				t.Errorf("openapi.yaml refuses %.300s: %v", body, err)
			}
			if !c.ok && err == nil {
				t.Errorf("openapi.yaml accepts %.300s", body)
			}
		})
	}

	requests := []struct {
		name, body string
		ok         bool
	}{
		{"answer taken back", `{"answers":{"q01":null}}`, true},
		{"answer given", `{"answers":{"q01":3,"q02":["a"]}}`, true},
		{"answer as object", `{"answers":{"q01":{}}}`, false},
		{"answer as boolean", `{"answers":{"q01":true}}`, false},
		{"no answers", `{"answers":null}`, false},
	}
	for _, c := range requests {
		t.Run("request/"+c.name, func(t *testing.T) {
			req, err := http.NewRequest(http.MethodPatch, s.URL+"/api/v1/assessments/some-id", strings.NewReader(c.body))
			if err != nil {
				t.Fatal(err)
			}
			req.Header.Set("Content-Type", "application/json")
			route, params, err := specRouter(t).FindRoute(req)
			if err != nil {
				t.Fatal(err)
			}
			err = openapi3filter.ValidateRequest(context.Background(), &openapi3filter.RequestValidationInput{
				Request: req, PathParams: params, Route: route,
				Options: &openapi3filter.Options{AuthenticationFunc: openapi3filter.NoopAuthenticationFunc},
			})
			if c.ok && err != nil {
				t.Errorf("openapi.yaml refuses %s: %v", c.body, err)
			}
			if !c.ok && err == nil {
				t.Errorf("openapi.yaml accepts %s", c.body)
			}
		})
	}
}

// edited returns the JSON document with the value at path (object keys and
// array indexes) set to v; a key the object lacks is added.
func edited(t *testing.T, doc []byte, path []any, v any) []byte {
	t.Helper()
	var root any
	if err := json.Unmarshal(doc, &root); err != nil {
		t.Fatal(err)
	}
	node := root
	for i, step := range path {
		last := i == len(path)-1
		switch k := step.(type) {
		case string:
			m, ok := node.(map[string]any)
			if !ok {
				t.Fatalf("%v: step %d is not an object", path, i)
			}
			if last {
				m[k] = v
			}
			node = m[k]
		case int:
			a, ok := node.([]any)
			if !ok || k >= len(a) {
				t.Fatalf("%v: step %d is not an array long enough", path, i)
			}
			if last {
				a[k] = v
			}
			node = a[k]
		}
	}
	return mustJSON(t, root)
}
