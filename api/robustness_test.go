package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"os"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/pmpath/pmpath/internal/account"
)

// mutations is the number of ways a request is mangled; most mangle the
// body, nulBody and nulQuery put a NUL character in the body or in one
// query parameter and leave the rest of the request sane, so nothing else
// refuses it first.
const (
	mutations = 14
	nulBody   = 12
	nulQuery  = 13
)

// credentials is the number of ways of (not) signing in a request uses.
const credentials = 6

// TestRobustness sends every operation in openapi.yaml random and mutated
// input: bodies that are truncated, mistyped, huge, deeply nested, not
// UTF-8 or full of unknown fields; bad Content-Type, Accept-Language,
// Authorization, Idempotency-Key and X-Assessment-Token headers; random and
// out-of-range query parameters and path segments; as an anonymous caller,
// with garbage credentials and signed in as each role. Whatever it sends,
// pmpath must never answer 5xx, and every 4xx must be a problem document.
//
// The requests derive from one seed, logged, so a failure replays:
// PMPATH_ROBUSTNESS_SEED=<seed> go test -run TestRobustness ./api
func TestRobustness(t *testing.T) {
	seed := uint64(20260601)
	if v := os.Getenv("PMPATH_ROBUSTNESS_SEED"); v != "" {
		var err error
		if seed, err = strconv.ParseUint(v, 10, 64); err != nil {
			t.Fatalf("PMPATH_ROBUSTNESS_SEED=%q: %v", v, err)
		}
	}
	t.Logf("robustness seed %d (set PMPATH_ROBUSTNESS_SEED to replay or vary it)", seed)
	specRouter(t)
	eachDB(t, func(t *testing.T, s *testServer) {
		f := newFuzzer(t, s, seed)
		ops := f.operations()
		sent := 0
		for _, op := range ops {
			for i := range op.requests() {
				f.send(t, op, i)
				sent++
			}
		}
		t.Logf("%d operations, %d requests, statuses %v", len(ops), sent, f.statuses)
	})
}

// fuzzer builds hostile requests for one test server.
type fuzzer struct {
	s        *testServer
	rng      *rand.Rand
	seed     uint64
	tokens   []credential
	params   map[string][]string // valid values of each path parameter
	draftTok string              // a real X-Assessment-Token
	statuses map[int]int
}

// credential is one way of (not) signing in.
type credential struct {
	name, header string
}

type operation struct {
	method, path string
	op           *openapi3.Operation
	query        []*openapi3.Parameter
}

func (o operation) hasBody() bool { return o.op.RequestBody != nil }

// requests is how many requests the operation gets per database: with a
// body, every mutation once with each credential; without one, the odd
// mutations (nulQuery among them) are enough.
func (o operation) requests() int {
	if o.hasBody() {
		return mutations * credentials
	}
	return mutations / 2 * credentials
}

// variant is the mutation and credential of the i-th request.
func (o operation) variant(i int) (mutation, cred int) {
	if o.hasBody() {
		return i % mutations, i / mutations % credentials
	}
	return 2*(i/credentials) + 1, i % credentials
}

func newFuzzer(t *testing.T, s *testServer, seed uint64) *fuzzer {
	t.Helper()
	ctx := context.Background()
	cand := s.candidateWithResult(t, "fuzz-candidate@example.com", "Fuzz", "pmo-analyst")
	adv := s.staff(t, account.Advisor, "fuzz-advisor@example.com")
	rec := s.staff(t, account.Recruiter, "fuzz-recruiter@example.com")
	adm := s.staff(t, account.Admin, "fuzz-admin@example.com")
	if r := s.do(t, http.MethodPost, "/api/v1/me/shares", []byte(`{"advisor_email":"fuzz-advisor@example.com"}`), bearer(cand.AccessToken)); r.StatusCode != http.StatusCreated {
		t.Fatalf("share with the advisor: %d %s", r.StatusCode, r.Body)
	}
	mine, err := s.Assessments.Mine(ctx, cand.User.ID)
	if err != nil || len(mine) == 0 {
		t.Fatalf("the candidate's assessments: %v, %d", err, len(mine))
	}
	r := s.do(t, http.MethodPost, "/api/v1/assessments", []byte(`{"questionnaire":"pm-pmo-fit","answers":{}}`))
	var draft struct{ ID, Token string }
	r.JSON(t, &draft)

	f := &fuzzer{
		s:    s,
		rng:  rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)),
		seed: seed,
		tokens: []credential{
			{"anonymous", ""},
			{"candidate", "Bearer " + cand.AccessToken},
			{"advisor", "Bearer " + adv.AccessToken},
			{"recruiter", "Bearer " + rec.AccessToken},
			{"admin", "Bearer " + adm.AccessToken},
			{"garbage", ""}, // made up per request
		},
		params: map[string][]string{
			"id":         {draft.ID, mine[0].ID, cand.User.ID},
			"advisor_id": {adv.User.ID},
			"slug":       {"pm-pmo-fit"},
			"step_id":    {},
		},
		draftTok: draft.Token,
		statuses: map[int]int{},
	}
	if len(f.tokens) != credentials {
		t.Fatalf("%d credentials, want %d", len(f.tokens), credentials)
	}
	for _, role := range s.Catalog.Roles {
		f.params["slug"] = append(f.params["slug"], role.Slug)
		for _, step := range role.Roadmap {
			f.params["step_id"] = append(f.params["step_id"], step.ID)
		}
	}
	for _, c := range s.Catalog.Certifications {
		f.params["slug"] = append(f.params["slug"], c.Slug)
	}
	return f
}

// operations lists every operation of the document in a fixed order, with
// the ones that end the caller's session (sign-out, erasure) last so they
// do not spoil the signed-in requests of the others.
func (f *fuzzer) operations() []operation {
	var ops []operation
	for path, item := range spec.doc.Paths.Map() {
		for method, op := range item.Operations() {
			o := operation{method: method, path: path, op: op}
			for _, p := range append(slices.Clone(item.Parameters), op.Parameters...) {
				if p.Value != nil && p.Value.In == openapi3.ParameterInQuery {
					o.query = append(o.query, p.Value)
				}
			}
			ops = append(ops, o)
		}
	}
	// Sign-up first: sign-ups and sign-ins share a per-address limit of
	// 30 at once, and sign-up is where new text is stored.
	last := map[string]int{"POST /api/v1/auth/register": -1, "POST /api/v1/auth/logout": 1, "DELETE /api/v1/me": 2}
	sort.Slice(ops, func(i, j int) bool {
		a, b := ops[i].method+" "+ops[i].path, ops[j].method+" "+ops[j].path
		if last[a] != last[b] {
			return last[a] < last[b]
		}
		return a < b
	})
	return ops
}

// send builds the i-th request for op, sends it and checks the answer.
func (f *fuzzer) send(t *testing.T, op operation, i int) {
	t.Helper()
	mutation, c := op.variant(i)
	cred := f.tokens[c]
	path := f.path(op.path)
	query := f.query(op, mutation == nulQuery)
	var body []byte
	if op.op.RequestBody != nil && op.op.RequestBody.Value != nil {
		if mt := op.op.RequestBody.Value.Content.Get("application/json"); mt != nil {
			body = f.body(mt.Schema, mutation)
		}
	} else if f.rng.IntN(6) == 0 {
		body = f.body(nil, mutation)
	}
	req, err := http.NewRequest(op.method, f.s.URL+"/", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	// Opaque carries the path exactly as built, escapes and all.
	req.URL.Opaque = path
	req.URL.RawQuery = query
	if body == nil {
		req.Body, req.ContentLength = http.NoBody, 0
	}
	f.headers(req.Header, cred, body != nil, mutation != nulBody && mutation != nulQuery)

	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := client.Do(req)
	if err != nil {
		t.Fatalf("seed %d: %s %s?%s as %s: %v", f.seed, op.method, path, query, cred.name, err)
	}
	got, err := io.ReadAll(res.Body)
	res.Body.Close()
	if err != nil {
		t.Fatalf("seed %d: %s %s: read body: %v", f.seed, op.method, path, err)
	}
	f.statuses[res.StatusCode]++
	what := func() string {
		return fmt.Sprintf("seed %d: %s %s?%.200s as %s, headers %v, body %.300q\n-> %d %s: %.500s",
			f.seed, op.method, path, query, cred.name, req.Header, body, res.StatusCode, res.Header.Get("Content-Type"), got)
	}
	if res.StatusCode >= 500 {
		t.Errorf("server error: %s", what())
		return
	}
	if res.StatusCode >= 400 {
		if err := checkProblem(res, got); err != nil {
			t.Errorf("%v: %s", err, what())
		}
	}
}

// checkProblem reports how a 4xx response fails to be a problem document.
func checkProblem(res *http.Response, body []byte) error {
	if ct := res.Header.Get("Content-Type"); ct != "application/problem+json" {
		return fmt.Errorf("Content-Type %q, want application/problem+json", ct)
	}
	var p problem
	if err := json.Unmarshal(body, &p); err != nil {
		return fmt.Errorf("not a problem document: %v", err)
	}
	switch {
	case p.Status != res.StatusCode:
		return fmt.Errorf("problem status %d in a %d response", p.Status, res.StatusCode)
	case !strings.HasPrefix(p.Type, "urn:pmpath:problem:") || p.Title == "" || p.Detail == "":
		return fmt.Errorf("problem without type, title or detail")
	case p.RequestID == "" || p.RequestID != res.Header.Get("X-Request-ID"):
		return fmt.Errorf("problem request_id %q, X-Request-ID %q", p.RequestID, res.Header.Get("X-Request-ID"))
	}
	return nil
}

// pick returns one of xs.
func pick[T any](f *fuzzer, xs ...T) T { return xs[f.rng.IntN(len(xs))] }

// junkSegments are path segments that are not what any route expects. An
// invalid escape (%zz) is not among them: net/http refuses such a request
// line itself, before any pmpath code runs.
var junkSegments = []string{
	"nope", "..", "%2e%2e", "%2F", "%00", "%ff%fe", strings.Repeat("a", 300), "-1", "0", "1e99",
	"00000000-0000-0000-0000-000000000000", "'%20OR%20'1'='1", "%E6%97%A5%E6%9C%AC", "%20", "null", "%0d%0aX:%201",
}

// path fills op's parameters: a valid value half the time, junk otherwise.
func (f *fuzzer) path(template string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(template, '{')
		if i < 0 {
			b.WriteString(template)
			return b.String()
		}
		j := strings.IndexByte(template[i:], '}') + i
		b.WriteString(template[:i])
		valid := f.params[template[i+1:j]]
		if len(valid) > 0 && f.rng.IntN(2) == 0 {
			b.WriteString(pick(f, valid...))
		} else {
			b.WriteString(pick(f, junkSegments...))
		}
		template = template[j+1:]
	}
}

// query sends some of op's parameters, valid or not, and some it does not
// have; the raw string may hold invalid escapes. With nul, it is only one
// parameter, holding a NUL character.
func (f *fuzzer) query(op operation, nul bool) string {
	if nul {
		// Free-text parameters, which reach the database as they are.
		names := []string{"x"}
		for _, p := range op.query {
			if s := p.Schema; p.Name != "lang" && s != nil && s.Value != nil && s.Value.Type.Is("string") && len(s.Value.Enum) == 0 {
				names = append(names, p.Name)
			}
		}
		if len(names) > 1 {
			names = names[1:]
		}
		return pick(f, names...) + "=a%00b"
	}
	var parts []string
	for _, p := range op.query {
		if f.rng.IntN(2) == 0 {
			continue
		}
		v := f.scalar(p.Schema)
		if f.rng.IntN(2) == 0 {
			v = pick(f, "", "-1", "0", "99999999999999999999", "1e400", "abc", "%ff", "%zz", "NaN", strings.Repeat("9", 400),
				"eyJ4IjoxfQ", "!!!", "null", "%00", "true", strings.Repeat("x", 2000))
		}
		parts = append(parts, p.Name+"="+v)
	}
	for range f.rng.IntN(3) {
		parts = append(parts, pick(f, "lang=xx", "lang=en", "lang=", "lang=ja&lang=en", "cursor=garbage", "cursor=%ff%fe",
			"limit=1000000", "limit=-5", "sort=zzz", "zzz=1", "%zz=1", "a[b]=c", "q="+strings.Repeat("%25", 100),
			"before=0", "min_fit=101", "track=nope", "version=0", "version=99999999999"))
	}
	return strings.Join(parts, "&")
}

// scalar is a valid-looking value of a parameter's schema.
func (f *fuzzer) scalar(ref *openapi3.SchemaRef) string {
	if ref == nil || ref.Value == nil {
		return "x"
	}
	s := ref.Value
	switch {
	case len(s.Enum) > 0:
		return fmt.Sprint(pick(f, s.Enum...))
	case s.Type.Is("integer"):
		if s.Min != nil {
			return strconv.Itoa(int(*s.Min) + f.rng.IntN(3))
		}
		return strconv.Itoa(f.rng.IntN(100))
	case s.Type.Is("boolean"):
		return pick(f, "true", "false")
	}
	return pick(f, "pmo", "pm", "a", "pmo-manager")
}

// headers sets the caller's credentials and, when hostile, often bad
// headers besides.
func (f *fuzzer) headers(h http.Header, cred credential, hasBody, hostile bool) {
	switch {
	case cred.name == "garbage":
		h.Set("Authorization", pick(f, "Bearer", "Bearer ", "Basic dXNlcjpwYXNz", "Bearer a.b.c", "Bearer "+strings.Repeat("x", 5000),
			"bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.", "Token abc", "Bearer \xff\xfe", "Bearer  two  spaces"))
	case cred.header != "" && hostile && f.rng.IntN(8) == 0:
		// A real token, tampered with.
		tok := []byte(cred.header)
		tok[len(tok)-3] ^= 1
		h.Set("Authorization", string(tok))
	case cred.header != "":
		h.Set("Authorization", cred.header)
	}
	if hasBody {
		h.Set("Content-Type", "application/json")
	}
	if !hostile {
		return
	}
	if f.rng.IntN(4) == 0 {
		h.Set("Content-Type", pick(f, "text/plain", "application/json; charset=latin1", "garbage/////", "application/x-www-form-urlencoded",
			"multipart/form-data; boundary=x", "application/problem+json", ";;;", "application/json; charset=\"", "\xff"))
	}
	if f.rng.IntN(4) == 0 {
		h.Set("Accept-Language", pick(f, "zz", "*;q=garbage", strings.Repeat("en-US,", 500), ";;;", "en;q=2", "ja-JP-x-private-extension",
			"\xff\xfe", "*", "en-GB;q=0.1, fr;q=0.9", "q=1"))
	}
	if f.rng.IntN(4) == 0 {
		h.Set("Idempotency-Key", pick(f, " ", strings.Repeat("k", 300), "キー", "\xff", "key with spaces", "ok-key-"+strconv.Itoa(f.rng.IntN(4))))
	}
	if f.rng.IntN(4) == 0 {
		h.Set("X-Assessment-Token", pick(f, f.draftTok, "", "nope", strings.Repeat("t", 5000), "\xff\xfe", f.draftTok+"x"))
	}
	if f.rng.IntN(8) == 0 {
		h.Set(pick(f, "If-None-Match", "X-Request-ID", "X-Forwarded-For", "Accept"),
			pick(f, "*", "\"\"", "W/\"x\"", strings.Repeat("a", 3000), "1.2.3.4, ::1, garbage", "\xff", "text/html"))
	}
}

// Placeholders spliced into encoded bodies for what json.Marshal cannot
// produce.
const (
	deepMark    = "\x00deep\x00"
	invalidMark = "\x00utf8\x00"
)

// body returns a request body: the schema's sample, mangled in the given
// way (0 to mutations-1; 0, 1 and nulQuery leave it valid).
func (f *fuzzer) body(schema *openapi3.SchemaRef, mutation int) []byte {
	v := f.sample(schema, 0)
	enc := func(v any) []byte {
		b, err := json.Marshal(v)
		if err != nil {
			panic(err) // plain data
		}
		// json.Marshal writes the marks' NULs as \u0000.
		b = bytes.ReplaceAll(b, []byte(`"\u0000deep\u0000"`), []byte(strings.Repeat("[", 5000)+strings.Repeat("]", 5000)))
		return bytes.ReplaceAll(b, []byte(`\u0000utf8\u0000`), []byte("\xff\xfe\xc3"))
	}
	switch mutation {
	case 0, 1, nulQuery:
		return enc(v)
	case 2:
		b := enc(v)
		return b[:f.rng.IntN(len(b))]
	case 3:
		return enc(f.replaceLeaf(v, pick[any](f, "text", 12, true, nil, []any{1}, map[string]any{"a": 1}, -1.5)))
	case 4:
		return enc(f.replaceLeaf(v, pick[any](f, json.Number("1e400"), json.Number("-1e400"), json.Number("99999999999999999999999999"),
			json.Number("9223372036854775808"), json.Number("1.7976931348623157e308"), json.Number("-0"), json.Number("0.0000000000000000000001"))))
	case 5:
		return enc(f.replaceLeaf(v, deepMark))
	case 6:
		return enc(f.replaceLeaf(v, "x"+invalidMark+"y"))
	case 7:
		if m, ok := v.(map[string]any); ok {
			m[pick(f, "zzz", "role", "__proto__", "id", "owner_id", "status", "")] = pick[any](f, 1, "admin", map[string]any{}, nil)
		}
		return enc(v)
	case 8:
		b := make([]byte, f.rng.IntN(200))
		for i := range b {
			b[i] = byte(f.rng.UintN(256))
		}
		return b
	case 9:
		return []byte(pick(f, "", "null", "[]", "{}", "0", `"x"`, `{"a":`, "{{", "\ufeff{}", `{} {}`, `{"a":1}garbage`, " ", "\x00"))
	case 10:
		b := enc(v)
		if len(b) > 1 && b[0] == '{' {
			// The same key twice, the second of another type.
			return append([]byte(`{"answers":1,"email":[],"questionnaire":{},`), b[1:]...)
		}
		return b
	case 11:
		return enc(f.replaceLeaf(v, pick(f, "\u202e\u200b", "\t\n\r", "<script>", "💥", "\u007f", strings.Repeat("z", 30000))))
	case nulBody:
		// NUL: JSON allows it in strings, PostgreSQL text does not.
		if m, ok := v.(map[string]any); ok && f.rng.IntN(4) == 0 {
			m["k\u0000"] = 1
			return enc(m)
		}
		return enc(f.replaceLeafString(v, "a\u0000b"))
	default:
		return enc(f.replaceLeaf(v, pick[any](f, "", " ", -1, 0, 101, 604801, strings.Repeat("x", 1025))))
	}
}

// sample is a value shaped like schema, with valid-looking leaves.
func (f *fuzzer) sample(ref *openapi3.SchemaRef, depth int) any {
	if ref == nil || ref.Value == nil || depth > 6 {
		return map[string]any{"answers": map[string]any{"q01": 3}}
	}
	s := ref.Value
	if len(s.Enum) > 0 {
		return pick(f, s.Enum...)
	}
	for _, alts := range [][]*openapi3.SchemaRef{s.AllOf, s.OneOf, s.AnyOf} {
		if len(alts) > 0 {
			return f.sample(pick(f, alts...), depth+1)
		}
	}
	switch {
	case s.Type.Is("object"):
		m := map[string]any{}
		names := make([]string, 0, len(s.Properties))
		for name := range s.Properties {
			names = append(names, name)
		}
		sort.Strings(names)
		for _, name := range names {
			m[name] = f.sample(s.Properties[name], depth+1)
		}
		if ap := s.AdditionalProperties.Schema; ap != nil {
			m[pick(f, "q01", "e01", "s08", "nope")] = f.sample(ap, depth+1)
		}
		return m
	case s.Type.Is("array"):
		return []any{f.sample(s.Items, depth+1)}
	case s.Type.Is("integer"):
		if s.Min != nil {
			return int(*s.Min)
		}
		return f.rng.IntN(6)
	case s.Type.Is("number"):
		return 1.5
	case s.Type.Is("boolean"):
		return f.rng.IntN(2) == 0
	case s.Type.Is("string"):
		switch s.Format {
		case "email":
			return pick(f, "fuzz-advisor@example.com", "fuzz-candidate@example.com", fmt.Sprintf("new%d@example.com", f.rng.IntN(1000)))
		case "date-time":
			return "2026-01-02T03:04:05Z"
		}
		return pick(f, "pm-pmo-fit", "a long enough passphrase 7", "Fuzz", f.params["id"][0], f.draftTok, "done")
	}
	return pick[any](f, 3, "a", true)
}

// replaceLeafString puts x in place of one string leaf when there is one,
// of any leaf otherwise.
func (f *fuzzer) replaceLeafString(v any, x string) any {
	var setters []func()
	var walk func(v any)
	walk = func(v any) {
		switch t := v.(type) {
		case map[string]any:
			keys := make([]string, 0, len(t))
			for k := range t {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				if _, ok := t[k].(string); ok {
					setters = append(setters, func() { t[k] = x })
				}
				walk(t[k])
			}
		case []any:
			for i := range t {
				if _, ok := t[i].(string); ok {
					setters = append(setters, func() { t[i] = x })
				}
				walk(t[i])
			}
		}
	}
	walk(v)
	if len(setters) == 0 {
		return f.replaceLeaf(v, x)
	}
	setters[f.rng.IntN(len(setters))]()
	return v
}

// replaceLeaf puts x in place of one leaf (or the whole value when it has
// none).
func (f *fuzzer) replaceLeaf(v any, x any) any {
	switch t := v.(type) {
	case map[string]any:
		if len(t) == 0 {
			return x
		}
		keys := make([]string, 0, len(t))
		for k := range t {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		k := pick(f, keys...)
		if f.rng.IntN(3) == 0 {
			t[k] = x
		} else {
			t[k] = f.replaceLeaf(t[k], x)
		}
		return t
	case []any:
		if len(t) == 0 {
			return x
		}
		i := f.rng.IntN(len(t))
		t[i] = f.replaceLeaf(t[i], x)
		return t
	}
	return x
}
