package catalog

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io/fs"
	"sync"
	"time"

	"github.com/pmpath/pmpath/internal/errs"
)

// Store is what the catalog needs from storage.
type Store interface {
	// CatalogVersion returns the seeded version, or "" before any seeding.
	CatalogVersion(ctx context.Context) (string, error)
	// LoadCatalog reads the whole catalog.
	LoadCatalog(ctx context.Context) (*Catalog, error)
	// SaveCatalog replaces the stored catalog unless version is already
	// stored, and reports whether it wrote anything.
	SaveCatalog(ctx context.Context, c *Catalog, version string) (bool, error)
}

// Snapshot is the catalog as of one seeded version. Treat it as read-only:
// it is shared between requests.
type Snapshot struct {
	Version string
	*Catalog
}

// Service serves the catalog. It keeps the last snapshot in memory and
// reloads it when the stored version changes (another replica or
// `pmpath seed` may reseed while it runs). It asks the database for the
// version at most once per recheck interval, not on every read: the
// catalog changes only on a reseed, and a version query on every catalog
// request was most of the cost of serving it.
type Service struct {
	store   Store
	now     func() time.Time
	recheck time.Duration

	mu     sync.Mutex
	cached *Snapshot
	// checked is when the stored version last matched cached.
	checked time.Time
}

// RecheckInterval is how long a snapshot is served before the stored
// version is asked again: a reseed elsewhere shows within this long.
const RecheckInterval = time.Second

// Option adjusts a Service.
type Option func(*Service)

// RecheckEvery sets how long a snapshot is served before the stored
// version is asked again (RecheckInterval by default); 0 asks on every
// read, for tests that reseed the store directly and read at once.
func RecheckEvery(d time.Duration) Option { return func(s *Service) { s.recheck = d } }

// NewService returns a Service over store.
func NewService(store Store, opts ...Option) *Service {
	s := &Service{store: store, now: time.Now, recheck: RecheckInterval}
	for _, o := range opts {
		o(s)
	}
	return s
}

// Version returns a content hash of c: equal catalogs have equal versions.
func Version(c *Catalog) string {
	b, err := json.Marshal(c)
	if err != nil {
		panic(err) // Catalog holds only strings, numbers and slices
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:16])
}

// Seed loads and validates the seed files in fsys and stores them. A seed
// with any problem stores nothing and returns SeedErrors. It reports whether
// the stored catalog changed.
func (s *Service) Seed(ctx context.Context, fsys fs.FS) (changed bool, err error) {
	c, err := Load(fsys)
	if err != nil {
		return false, err
	}
	changed, err = s.store.SaveCatalog(ctx, c, Version(c))
	if changed {
		// This process's own reseed shows at once.
		s.mu.Lock()
		s.cached = nil
		s.mu.Unlock()
	}
	return changed, err
}

// Snapshot returns the current catalog.
func (s *Service) Snapshot(ctx context.Context) (*Snapshot, error) {
	s.mu.Lock()
	if s.cached != nil && s.now().Sub(s.checked) < s.recheck {
		snap := s.cached
		s.mu.Unlock()
		return snap, nil
	}
	s.mu.Unlock()
	v, err := s.store.CatalogVersion(ctx)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cached != nil && s.cached.Version == v {
		s.checked = s.now()
		return s.cached, nil
	}
	c, err := s.store.LoadCatalog(ctx)
	if err != nil {
		return nil, err
	}
	s.cached, s.checked = &Snapshot{Version: v, Catalog: c}, s.now()
	return s.cached, nil
}

// Role returns one role by slug.
func (s *Service) Role(ctx context.Context, slug string) (Role, *Snapshot, error) {
	snap, err := s.Snapshot(ctx)
	if err != nil {
		return Role{}, nil, err
	}
	r, ok := snap.Role(slug)
	if !ok {
		return Role{}, nil, errs.E(errs.NotFound, "no role %q in the catalog", slug)
	}
	return r, snap, nil
}

// Certification returns one certification by slug.
func (s *Service) Certification(ctx context.Context, slug string) (Certification, *Snapshot, error) {
	snap, err := s.Snapshot(ctx)
	if err != nil {
		return Certification{}, nil, err
	}
	c, ok := snap.Certification(slug)
	if !ok {
		return Certification{}, nil, errs.E(errs.NotFound, "no certification %q in the catalog", slug)
	}
	return c, snap, nil
}

// RolesWithCertification lists the roles whose roadmap involves slug.
func (c *Catalog) RolesWithCertification(slug string) []Role {
	var out []Role
	for _, r := range c.Roles {
		for _, s := range r.CertificationSlugs() {
			if s == slug {
				out = append(out, r)
				break
			}
		}
	}
	return out
}
