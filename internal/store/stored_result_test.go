package store_test

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/pmpath/pmpath/internal/catalog"
	"github.com/pmpath/pmpath/internal/i18n"
	"github.com/pmpath/pmpath/internal/report"
	"github.com/pmpath/pmpath/internal/store"
	"github.com/pmpath/pmpath/internal/store/storetest"
	"github.com/pmpath/pmpath/seed"
)

// TestStoredResultRenders writes the result stored in the first form
// (testdata) into a row on each database, reads it back as the service
// does, and words it: the sentences, names and plan a reader saw then.
func TestStoredResultRenders(t *testing.T) {
	stored, err := os.ReadFile("testdata/result-scoring-v1.json")
	if err != nil {
		t.Fatal(err)
	}
	answers, err := os.ReadFile("testdata/answers-scoring-v1.json")
	if err != nil {
		t.Fatal(err)
	}
	c, err := catalog.Load(seed.FS)
	if err != nil {
		t.Fatal(err)
	}
	storetest.Run(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newAssessmentFixture(t, db)
		at := time.Now().UTC().Truncate(time.Microsecond)
		a := submitted(f.draft("", at), at, "pmo-analyst", 90)
		if err := db.CreateAssessment(ctx, a, "hash", nil); err != nil {
			t.Fatal(err)
		}
		query := "UPDATE assessments SET result = ?, answers = ? WHERE id = ?"
		if db.Dialect() == store.Postgres {
			query = "UPDATE assessments SET result = $1, answers = $2 WHERE id = $3"
		}
		if _, err := db.SQL().Exec(query, string(stored), string(answers), a.ID); err != nil {
			t.Fatal(err)
		}
		got, _, err := db.Assessment(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		q12, _ := f.q.Item("q12")
		tests := []struct {
			lang i18n.Lang
			want []string
		}{
			{i18n.JA, []string{
				"PMOエキスパート", "リード", "知識体系を学び資格で証明する",
				"「分析・可視化」が95点と高く、この役割で重視される力（重要度 5/5）に合っています。特に「" + q12.Text.JA + "」に当てはまると答えたことに表れています。",
				"情報の整理", "PMOマネージャー",
			}},
			{i18n.EN, []string{
				roleName(c, "pmo-analyst", i18n.EN), "Lead", stepTitle(c, "pmo-analyst", "pmo-analyst-study-bok", i18n.EN),
				"Your Analysis score of 95 is a strength this role relies on (weight 5 of 5). It shows in your agreeing with “" + q12.Text.EN + "”.",
				"Organizing", roleName(c, "pmo-manager", i18n.EN),
			}},
		}
		for _, tt := range tests {
			v := report.AssessmentOf(got, f.q, c, tt.lang).Result
			words := []string{
				v.Roles[0].Name, v.Readiness.Level.Name, v.Readiness.NextStep, v.Roles[0].Why[0],
				v.Plan.Gaps[0].Name, v.Plan.NextSalary.Role.Name,
			}
			if diff := cmp.Diff(tt.want, words); diff != "" {
				t.Errorf("%s (-want +got):\n%s", tt.lang, diff)
			}
			if len(v.Roles) != 8 || len(v.Roles[0].Why) != len(v.Roles[0].Reasons) || len(v.Plan.Steps) != 3 || len(v.Plan.Certifications) != 2 || len(v.Dimensions) != 15 {
				t.Errorf("%s: roles %d, why %d of %d reasons, steps %d, certifications %d, dimensions %d", tt.lang,
					len(v.Roles), len(v.Roles[0].Why), len(v.Roles[0].Reasons), len(v.Plan.Steps), len(v.Plan.Certifications), len(v.Dimensions))
			}
		}
	})
}

// shortened is s as a why-sentence quotes it: 48 runes at most, the last
// an ellipsis.
func roleName(c *catalog.Catalog, slug string, l i18n.Lang) string {
	r, _ := c.Role(slug)
	return r.Name.In(l)
}

func stepTitle(c *catalog.Catalog, role, step string, l i18n.Lang) string {
	r, _ := c.Role(role)
	for _, s := range r.Roadmap {
		if s.ID == step {
			return s.Title.In(l)
		}
	}
	return ""
}
