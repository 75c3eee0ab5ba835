package store_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/pmpath/pmpath/internal/listing"
	"github.com/pmpath/pmpath/internal/store"
	"github.com/pmpath/pmpath/internal/store/storetest"
)

// listed is a candidate as the listing tests insert them.
type listed struct {
	id   string
	fit  int
	at   time.Time
	role string
}

// insertListed stores an advisor and candidates sharing with them, each
// with a latest result, straight in the tables the listing reads.
func insertListed(t *testing.T, db *store.DB, cands []listed) (advisorID string) {
	t.Helper()
	ctx := context.Background()
	ph := func(n int) string { // placeholders $1..$n, which both drivers take
		s := make([]string, n)
		for i := range s {
			s[i] = fmt.Sprintf("$%d", i+1)
		}
		return strings.Join(s, ", ")
	}
	now := time.Date(2026, 5, 1, 9, 0, 0, 0, time.UTC)
	advisorID = "00000000-0000-4000-8000-00000000000a"
	if _, err := db.SQL().ExecContext(ctx, "INSERT INTO users (id, email, password_hash, role, display_name, created_at, updated_at) VALUES ("+ph(7)+")",
		advisorID, "adv@example.com", "!", "advisor", "Adv", now, now); err != nil {
		t.Fatal(err)
	}
	for i, c := range cands {
		if _, err := db.SQL().ExecContext(ctx, `INSERT INTO users (id, email, password_hash, role, display_name, created_at, updated_at,
			latest_assessment_id, latest_role, latest_lean, latest_fit, latest_submitted_at) VALUES (`+ph(12)+")",
			c.id, fmt.Sprintf("c%d@example.com", i), "!", "candidate", fmt.Sprintf("Candidate %d", i), now, now,
			"a-"+c.id, c.role, "pmo", c.fit, c.at); err != nil {
			t.Fatal(err)
		}
		if _, err := db.SQL().ExecContext(ctx, "INSERT INTO shares (candidate_id, advisor_id, created_at) VALUES ("+ph(3)+")", c.id, advisorID, now); err != nil {
			t.Fatal(err)
		}
	}
	return advisorID
}

// TestListingPagesVisitEveryCandidateOnce pages through the advisor
// listing a few rows at a time, over ties in fit and in date, and checks
// the pages together are the whole list in order: the keyset cursor
// neither skips nor repeats a row.
func TestListingPagesVisitEveryCandidateOnce(t *testing.T) {
	day := time.Date(2026, 4, 1, 12, 0, 0, 0, time.UTC)
	var cands []listed
	for i := range 11 {
		cands = append(cands, listed{
			id:   fmt.Sprintf("00000000-0000-4000-8000-%012d", 100+i*7%11), // ids out of insertion order
			fit:  []int{80, 80, 80, 65, 65, 40}[i%6],                       // ties within a page and across pages
			at:   day.Add(time.Duration(i%3) * time.Hour),                  // three dates, many ties
			role: "pmo-analyst",
		})
	}
	storetest.Run(t, func(t *testing.T, db *store.DB) {
		advisorID := insertListed(t, db, cands)
		for _, tc := range []struct {
			sort string
			less func(a, b listed) int
		}{
			{listing.ByFit, func(a, b listed) int {
				if a.fit != b.fit {
					return b.fit - a.fit
				}
				return strings.Compare(b.id, a.id)
			}},
			{listing.ByDate, func(a, b listed) int {
				if c := b.at.Compare(a.at); c != 0 {
					return c
				}
				return strings.Compare(b.id, a.id)
			}},
		} {
			t.Run(tc.sort, func(t *testing.T) {
				want := slices.Clone(cands)
				slices.SortFunc(want, tc.less)
				var wantIDs, got []string
				for _, c := range want {
					wantIDs = append(wantIDs, c.id)
				}
				f := listing.Filter{Sort: tc.sort, Limit: 4}
				for range len(cands) {
					rows, err := db.ListSharedCandidates(context.Background(), advisorID, f)
					if err != nil {
						t.Fatal(err)
					}
					p := listing.Paginate(rows, f)
					for _, r := range p.Rows {
						got = append(got, r.UserID)
					}
					if p.Next == "" {
						break
					}
					if f.After, err = listing.DecodeCursor(p.Next, tc.sort); err != nil {
						t.Fatal(err)
					}
				}
				if diff := cmp.Diff(wantIDs, got); diff != "" {
					t.Errorf("pages together (-want +got):\n%s", diff)
				}
			})
		}
	})
}

// TestExplainSharedCandidates checks the listing's plan can be read on
// both engines and, on SQLite, whose plan does not depend on table sizes,
// that no sort, filter or cursor reads a whole table: the advisor's shares
// are found through the shares key, or users walked in listing order.
func TestExplainSharedCandidates(t *testing.T) {
	at := time.Date(2026, 4, 1, 12, 0, 0, 0, time.UTC)
	filters := []struct {
		name string
		f    listing.Filter
	}{
		{"first page by fit", listing.Filter{Sort: listing.ByFit}},
		{"deep page by fit", listing.Filter{Sort: listing.ByFit, After: &listing.Cursor{Sort: listing.ByFit, Fit: 50, ID: "x"}}},
		{"first page by date", listing.Filter{Sort: listing.ByDate}},
		{"deep page by date", listing.Filter{Sort: listing.ByDate, After: &listing.Cursor{Sort: listing.ByDate, At: at, ID: "x"}}},
		{"role", listing.Filter{Sort: listing.ByFit, Role: "pmo-analyst", MinFit: 40}},
		{"lean and name", listing.Filter{Sort: listing.ByFit, Lean: "pm", Query: "tanaka"}},
	}
	storetest.Run(t, func(t *testing.T, db *store.DB) {
		advisorID := insertListed(t, db, []listed{{id: "00000000-0000-4000-8000-000000000001", fit: 70, at: at, role: "pmo-analyst"}})
		for _, tc := range filters {
			tc.f.Limit = listing.DefaultLimit
			plan, err := db.ExplainSharedCandidates(context.Background(), advisorID, tc.f)
			if err != nil {
				t.Fatalf("%s: %v", tc.name, err)
			}
			if db.Dialect() == store.Postgres {
				// PostgreSQL plans by table size: a one-row table is
				// scanned, whatever the indexes. The harness in
				// cmd/loadbench checks the plans at scale.
				if !strings.Contains(plan, "Execution Time") {
					t.Errorf("%s: not an EXPLAIN ANALYZE plan:\n%s", tc.name, plan)
				}
				continue
			}
			for line := range strings.Lines(plan) {
				// "SCAN t" alone is a full scan; "SCAN t USING INDEX i"
				// walks an index in order.
				if strings.HasPrefix(line, "SCAN ") && !strings.Contains(line, " USING ") {
					t.Errorf("%s: a full table scan:\n%s", tc.name, plan)
				}
			}
		}
	})
}
