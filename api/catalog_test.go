package api_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/pmpath/pmpath/internal/catalog"
)

type roleSummary struct {
	Slug  string `json:"slug"`
	Track string `json:"track"`
	Name  string `json:"name"`
	Level struct {
		Key  string `json:"key"`
		Name string `json:"name"`
	} `json:"level"`
	Summary        string   `json:"summary"`
	Certifications []string `json:"certifications"`
}

func TestListRoles(t *testing.T) {
	eachDB(t, func(t *testing.T, s *testServer) {
		tests := []struct {
			name   string
			path   string
			accept string
			want   func(catalog.Role) string
			lang   string
		}{
			{"default is Japanese", "/api/v1/roles", "", func(r catalog.Role) string { return r.Name.JA }, "ja"},
			{"lang=en", "/api/v1/roles?lang=en", "", func(r catalog.Role) string { return r.Name.EN }, "en"},
			{"Accept-Language en-US", "/api/v1/roles", "en-US,en;q=0.9", func(r catalog.Role) string { return r.Name.EN }, "en"},
			{"lang beats Accept-Language", "/api/v1/roles?lang=ja", "en", func(r catalog.Role) string { return r.Name.JA }, "ja"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				var opts []callOpt
				if tt.accept != "" {
					opts = append(opts, header("Accept-Language", tt.accept))
				}
				r := s.get(t, tt.path, opts...)
				if r.StatusCode != http.StatusOK {
					t.Fatalf("status %d: %s", r.StatusCode, r.Body)
				}
				var body struct{ Roles []roleSummary }
				r.JSON(t, &body)
				if len(body.Roles) != len(s.Catalog.Roles) || len(body.Roles) < len(catalog.RequiredRoles) {
					t.Fatalf("got %d roles, want %d", len(body.Roles), len(s.Catalog.Roles))
				}
				for i, got := range body.Roles {
					want := s.Catalog.Roles[i]
					if got.Slug != want.Slug || got.Name != tt.want(want) || got.Track != string(want.Track) || got.Level.Key != string(want.Level) {
						t.Errorf("role %d = %+v, want slug %q name %q", i, got, want.Slug, tt.want(want))
					}
				}
				if got := r.Header.Get("Content-Language"); got != tt.lang {
					t.Errorf("Content-Language = %q, want %q", got, tt.lang)
				}
			})
		}
	})
}

func TestListRolesByTrack(t *testing.T) {
	eachDB(t, func(t *testing.T, s *testServer) {
		for _, track := range []string{"pm", "pmo"} {
			r := s.get(t, "/api/v1/roles?track="+track)
			var body struct{ Roles []roleSummary }
			r.JSON(t, &body)
			want := 0
			for _, role := range s.Catalog.Roles {
				if string(role.Track) == track {
					want++
				}
			}
			if len(body.Roles) != want || want < 4 {
				t.Errorf("track %s: got %d roles, want %d (at least 4)", track, len(body.Roles), want)
			}
			for _, role := range body.Roles {
				if role.Track != track {
					t.Errorf("track %s: got role %s of track %s", track, role.Slug, role.Track)
				}
			}
		}
	})
}

func TestCatalogCaching(t *testing.T) {
	eachDB(t, func(t *testing.T, s *testServer) {
		for _, path := range []string{"/api/v1/roles", "/api/v1/roles/pmo-manager", "/api/v1/certifications", "/api/v1/certifications/pmp"} {
			first := s.get(t, path)
			etag := first.Header.Get("ETag")
			if first.StatusCode != http.StatusOK || !strings.HasPrefix(etag, `"`) {
				t.Fatalf("%s: status %d, ETag %q", path, first.StatusCode, etag)
			}
			if cc := first.Header.Get("Cache-Control"); cc != "public, max-age=300" {
				t.Errorf("%s: Cache-Control = %q", path, cc)
			}
			if v := first.Header.Get("Vary"); v != "Accept-Language" {
				t.Errorf("%s: Vary = %q", path, v)
			}
			again := s.get(t, path, header("If-None-Match", etag))
			if again.StatusCode != http.StatusNotModified || len(again.Body) != 0 {
				t.Errorf("%s with If-None-Match: status %d, %d bytes; want 304, empty", path, again.StatusCode, len(again.Body))
			}
			weak := s.get(t, path, header("If-None-Match", `"other", W/`+etag))
			if weak.StatusCode != http.StatusNotModified {
				t.Errorf("%s with a weak match in a list: status %d, want 304", path, weak.StatusCode)
			}
			stale := s.get(t, path, header("If-None-Match", `"stale"`))
			if stale.StatusCode != http.StatusOK {
				t.Errorf("%s with a stale tag: status %d, want 200", path, stale.StatusCode)
			}
			en := s.get(t, path+"?lang=en")
			if en.Header.Get("ETag") == etag {
				t.Errorf("%s: English and Japanese share ETag %s", path, etag)
			}
		}
	})
}

type roleDetail struct {
	Slug             string   `json:"slug"`
	Name             string   `json:"name"`
	Responsibilities []string `json:"responsibilities"`
	Profile          []struct {
		Dimension string `json:"dimension"`
		Name      string `json:"name"`
		Weight    int    `json:"weight"`
		Rationale string `json:"rationale"`
	} `json:"profile"`
	Roadmap []struct {
		ID             string   `json:"id"`
		Title          string   `json:"title"`
		Certifications []string `json:"certifications"`
	} `json:"roadmap"`
	Certifications []struct {
		Slug string `json:"slug"`
		Name string `json:"name"`
	} `json:"certifications"`
	SalaryRanges []struct {
		Label    string `json:"label"`
		MinJPY   int64  `json:"min_jpy"`
		MaxJPY   *int64 `json:"max_jpy"`
		Estimate bool   `json:"estimate"`
		Source   struct {
			Name string `json:"name"`
			Year int    `json:"year"`
		} `json:"source"`
	} `json:"salary_ranges"`
}

func TestGetRole(t *testing.T) {
	eachDB(t, func(t *testing.T, s *testServer) {
		for _, slug := range catalog.RequiredRoles {
			want, _ := s.Catalog.Role(slug)
			for _, lang := range []string{"ja", "en"} {
				r := s.get(t, "/api/v1/roles/"+slug+"?lang="+lang)
				if r.StatusCode != http.StatusOK {
					t.Fatalf("%s: status %d: %s", slug, r.StatusCode, r.Body)
				}
				var got roleDetail
				r.JSON(t, &got)
				name := want.Name.JA
				if lang == "en" {
					name = want.Name.EN
				}
				if got.Slug != slug || got.Name != name || len(got.Responsibilities) != len(want.Responsibilities) || len(got.Profile) != len(want.Profile) {
					t.Errorf("%s/%s: got %+v", slug, lang, got)
				}
				if len(got.Roadmap) != len(want.Roadmap) {
					t.Fatalf("%s: roadmap has %d steps, want %d", slug, len(got.Roadmap), len(want.Roadmap))
				}
				for i, step := range got.Roadmap {
					if step.ID != want.Roadmap[i].ID || step.Title == "" {
						t.Errorf("%s: step %d = %+v, want id %s", slug, i, step, want.Roadmap[i].ID)
					}
				}
				if slugs := want.CertificationSlugs(); len(got.Certifications) != len(slugs) {
					t.Errorf("%s: %d certifications, want %d", slug, len(got.Certifications), len(slugs))
				}
				if len(got.SalaryRanges) == 0 {
					t.Errorf("%s: no salary ranges", slug)
				}
				for _, sr := range got.SalaryRanges {
					if sr.Source.Name == "" || sr.Source.Year < 2000 || sr.MinJPY < 1_000_000 || (sr.MaxJPY != nil && *sr.MaxJPY < sr.MinJPY) {
						t.Errorf("%s: salary range %+v lacks a source, a year or a sane amount", slug, sr)
					}
				}
			}
		}
	})
}

func TestPMOManagerShowsPlanMaterial(t *testing.T) {
	eachDB(t, func(t *testing.T, s *testServer) {
		var got roleDetail
		s.get(t, "/api/v1/roles/pmo-manager?lang=en").JSON(t, &got)
		if len(got.Roadmap) < 3 || len(got.Certifications) == 0 || len(got.SalaryRanges) == 0 {
			t.Fatalf("pmo-manager: roadmap %d, certifications %d, salary %d; want all present", len(got.Roadmap), len(got.Certifications), len(got.SalaryRanges))
		}
		for _, c := range got.Certifications {
			if c.Name == "" {
				t.Errorf("certification %s has no name", c.Slug)
			}
		}
	})
}

func TestCertifications(t *testing.T) {
	eachDB(t, func(t *testing.T, s *testServer) {
		var list struct {
			Certifications []struct {
				Slug, Name, Issuer string
			}
		}
		s.get(t, "/api/v1/certifications?lang=en").JSON(t, &list)
		if len(list.Certifications) != len(s.Catalog.Certifications) {
			t.Fatalf("got %d certifications, want %d", len(list.Certifications), len(s.Catalog.Certifications))
		}
		for i, c := range list.Certifications {
			want := s.Catalog.Certifications[i]
			if c.Slug != want.Slug || c.Name != want.Name.EN || c.Issuer != want.Issuer.EN {
				t.Errorf("certification %d = %+v, want %s", i, c, want.Slug)
			}
		}

		var pmoS struct {
			Levels []struct{ Code, Name, Status string }
			Roles  []struct{ Slug string }
		}
		s.get(t, "/api/v1/certifications/npmo-pmo-s").JSON(t, &pmoS)
		statuses := map[string]int{}
		for _, l := range pmoS.Levels {
			statuses[l.Status]++
		}
		if len(pmoS.Levels) != 3 || statuses["available"] != 2 || statuses["announced"] != 1 {
			t.Errorf("PMO-S levels = %+v; want ★ and ★★ available, ★★★ announced", pmoS.Levels)
		}

		var pmp struct{ Roles []struct{ Slug string } }
		s.get(t, "/api/v1/certifications/pmp").JSON(t, &pmp)
		if want := s.Catalog.RolesWithCertification("pmp"); len(pmp.Roles) != len(want) || len(want) == 0 {
			t.Errorf("pmp roles = %v, want %d roles", pmp.Roles, len(want))
		}
	})
}

func TestCatalogErrors(t *testing.T) {
	eachDB(t, func(t *testing.T, s *testServer) {
		for _, path := range []string{"/api/v1/roles/no-such-role", "/api/v1/certifications/no-such-cert", "/api/v1/roles/%E3%83%9E", "/api/v1/roles/x'%20OR%201=1--"} {
			p := wantProblem(t, s.get(t, path), http.StatusNotFound)
			if p.Type != "urn:pmpath:problem:not-found" {
				t.Errorf("%s: type %q", path, p.Type)
			}
		}
		tests := []struct{ path, field string }{
			{"/api/v1/roles?lang=fr", "query.lang"},
			{"/api/v1/roles?lang=", "query.lang"},
			{"/api/v1/roles/pmp?lang=de", "query.lang"},
			{"/api/v1/certifications?lang=xx", "query.lang"},
			{"/api/v1/certifications/pmp?lang=ja-JP-x", "query.lang"},
			{"/api/v1/roles?track=qa", "query.track"},
		}
		for _, tt := range tests {
			p := wantProblem(t, s.get(t, tt.path, invalidInput()), http.StatusUnprocessableEntity)
			if len(p.Errors) != 1 || p.Errors[0].Path != tt.field || p.Errors[0].Message == "" {
				t.Errorf("%s: errors = %+v, want one on %s", tt.path, p.Errors, tt.field)
			}
		}
	})
}
