package store_test

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/pmpath/pmpath/internal/catalog"
	"github.com/pmpath/pmpath/internal/i18n"
	"github.com/pmpath/pmpath/internal/store"
	"github.com/pmpath/pmpath/internal/store/storetest"
	"github.com/pmpath/pmpath/seed"
)

func TestMigrateTwiceChangesNothing(t *testing.T) {
	storetest.Run(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		v1, err := db.SchemaVersion(ctx)
		if err != nil || v1 < 1 {
			t.Fatalf("SchemaVersion = %d, %v; want >= 1", v1, err)
		}
		applied, err := db.Migrate(ctx)
		if err != nil {
			t.Fatalf("second Migrate: %v", err)
		}
		if len(applied) != 0 {
			t.Errorf("second Migrate applied %v, want nothing", applied)
		}
		if v2, _ := db.SchemaVersion(ctx); v2 != v1 {
			t.Errorf("version moved from %d to %d", v1, v2)
		}
	})
}

func loadSeed(t *testing.T) *catalog.Catalog {
	t.Helper()
	c, err := catalog.Load(seed.FS)
	if err != nil {
		t.Fatalf("catalog.Load: %v", err)
	}
	return c
}

func TestCatalogRoundTrip(t *testing.T) {
	storetest.Run(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		want := loadSeed(t)
		if v, err := db.CatalogVersion(ctx); err != nil || v != "" {
			t.Fatalf("CatalogVersion before seeding = %q, %v; want empty", v, err)
		}
		changed, err := db.SaveCatalog(ctx, want, catalog.Version(want))
		if err != nil || !changed {
			t.Fatalf("SaveCatalog = %v, %v; want changed", changed, err)
		}
		got, err := db.LoadCatalog(ctx)
		if err != nil {
			t.Fatalf("LoadCatalog: %v", err)
		}
		if diff := cmp.Diff(want, got, cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("catalog changed in storage (-want +got):\n%s", diff)
		}
		if v, _ := db.CatalogVersion(ctx); v != catalog.Version(want) {
			t.Errorf("CatalogVersion = %q, want %q", v, catalog.Version(want))
		}

		// The same catalog again writes nothing.
		changed, err = db.SaveCatalog(ctx, want, catalog.Version(want))
		if err != nil || changed {
			t.Errorf("second SaveCatalog = %v, %v; want unchanged", changed, err)
		}
	})
}

// TestCatalogUpsertKeepsStepIdentity edits wording, drops a role and a step,
// and checks the store mirrors the new catalog while surviving rows keep
// their keys.
func TestCatalogUpsertKeepsStepIdentity(t *testing.T) {
	storetest.Run(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		c := loadSeed(t)
		if _, err := db.SaveCatalog(ctx, c, catalog.Version(c)); err != nil {
			t.Fatal(err)
		}

		edited := loadSeed(t)
		r := &edited.Roles[0]
		r.Roadmap[0].Title = i18n.Text{JA: "言い換えた手順", EN: "Reworded step"}
		dropped := r.Roadmap[len(r.Roadmap)-1].ID
		r.Roadmap = r.Roadmap[:len(r.Roadmap)-1]
		goneRole := edited.Roles[len(edited.Roles)-1].Slug
		edited.Roles = edited.Roles[:len(edited.Roles)-1]
		edited.Certifications[0].Name.EN = "Renamed"

		if changed, err := db.SaveCatalog(ctx, edited, catalog.Version(edited)); err != nil || !changed {
			t.Fatalf("SaveCatalog(edited) = %v, %v", changed, err)
		}
		got, err := db.LoadCatalog(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(edited, got, cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("stored catalog differs from the edited one (-want +got):\n%s", diff)
		}
		if _, ok := got.Role(goneRole); ok {
			t.Errorf("role %q still stored after removal", goneRole)
		}
		for _, s := range got.Roles[0].Roadmap {
			if s.ID == dropped {
				t.Errorf("step %q still stored after removal", dropped)
			}
		}
	})
}
