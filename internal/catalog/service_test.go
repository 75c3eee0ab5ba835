package catalog

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/pmpath/pmpath/seed"
)

// countingStore is a Store whose version the test sets and which counts
// the queries it answers.
type countingStore struct {
	version        string
	versionErr     error
	versionQueries int
	loads          int
}

func (s *countingStore) CatalogVersion(context.Context) (string, error) {
	s.versionQueries++
	return s.version, s.versionErr
}

func (s *countingStore) LoadCatalog(context.Context) (*Catalog, error) {
	s.loads++
	return &Catalog{}, nil
}

func (s *countingStore) SaveCatalog(context.Context, *Catalog, string) (bool, error) {
	return true, nil
}

func TestSnapshotRechecksTheVersionOncePerInterval(t *testing.T) {
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	steps := []struct {
		name        string
		at          time.Duration // since start
		version     string
		versionErr  error
		wantErr     bool
		wantVersion string
		wantQueries int
		wantLoads   int
	}{
		{name: "first read loads", at: 0, version: "v1", wantVersion: "v1", wantQueries: 1, wantLoads: 1},
		{name: "within the interval: no query", at: RecheckInterval / 2, version: "v1", wantVersion: "v1", wantQueries: 1, wantLoads: 1},
		{name: "a reseed elsewhere is not seen yet", at: RecheckInterval - time.Nanosecond, version: "v2", wantVersion: "v1", wantQueries: 1, wantLoads: 1},
		{name: "after the interval: rechecked and reloaded", at: RecheckInterval, version: "v2", wantVersion: "v2", wantQueries: 2, wantLoads: 2},
		{name: "unchanged version: no reload", at: 3 * RecheckInterval, version: "v2", wantVersion: "v2", wantQueries: 3, wantLoads: 2},
		{name: "database away at a recheck: the error", at: 5 * RecheckInterval, version: "v2", versionErr: errors.New("down"), wantErr: true, wantQueries: 4, wantLoads: 2},
		{name: "back: the failed check did not count", at: 5*RecheckInterval + time.Millisecond, version: "v2", wantVersion: "v2", wantQueries: 5, wantLoads: 2},
	}
	store := &countingStore{}
	now := start
	s := NewService(store)
	s.now = func() time.Time { return now }
	for _, st := range steps {
		now = start.Add(st.at)
		store.version, store.versionErr = st.version, st.versionErr
		snap, err := s.Snapshot(context.Background())
		if (err != nil) != st.wantErr {
			t.Fatalf("%s: err = %v, want error %v", st.name, err, st.wantErr)
		}
		if err == nil && snap.Version != st.wantVersion {
			t.Errorf("%s: version %q, want %q", st.name, snap.Version, st.wantVersion)
		}
		if store.versionQueries != st.wantQueries || store.loads != st.wantLoads {
			t.Errorf("%s: %d version queries and %d loads, want %d and %d", st.name, store.versionQueries, store.loads, st.wantQueries, st.wantLoads)
		}
	}
}

func TestSeedShowsAtOnceInTheSameProcess(t *testing.T) {
	store := &countingStore{version: "v1"}
	s := NewService(store)
	if _, err := s.Snapshot(context.Background()); err != nil {
		t.Fatal(err)
	}
	s.cached.Version = "stale" // as if the snapshot predated the reseed
	if _, err := s.Seed(context.Background(), seed.FS); err != nil {
		t.Fatal(err)
	}
	snap, err := s.Snapshot(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if snap.Version != "v1" || store.loads != 2 {
		t.Errorf("after Seed: version %q after %d loads; want the stored version, reloaded", snap.Version, store.loads)
	}
}
