package assessment

import (
	"sync"

	"github.com/pmpath/pmpath/internal/questionnaire"
)

// registry caches published questionnaire versions. Published versions
// never change, so a cached version never goes stale; only new versions
// appear.
type registry struct {
	mu     sync.RWMutex
	bySlug map[string][]*questionnaire.Questionnaire // ascending versions
}

func newRegistry() *registry {
	return &registry{bySlug: map[string][]*questionnaire.Questionnaire{}}
}

func (r *registry) replace(all []*questionnaire.Questionnaire) {
	m := map[string][]*questionnaire.Questionnaire{}
	for _, q := range all {
		m[q.Slug] = append(m[q.Slug], q)
	}
	r.mu.Lock()
	r.bySlug = m
	r.mu.Unlock()
}

// latest returns the newest version of slug.
func (r *registry) latest(slug string) (*questionnaire.Questionnaire, bool) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	vs := r.bySlug[slug]
	if len(vs) == 0 {
		return nil, false
	}
	return vs[len(vs)-1], true
}

// version returns one version of slug.
func (r *registry) version(slug string, v int) (*questionnaire.Questionnaire, bool) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	for _, q := range r.bySlug[slug] {
		if q.Version == v {
			return q, true
		}
	}
	return nil, false
}

// all returns the newest version of every questionnaire, by slug.
func (r *registry) all() []*questionnaire.Questionnaire {
	r.mu.RLock()
	defer r.mu.RUnlock()
	out := make([]*questionnaire.Questionnaire, 0, len(r.bySlug))
	for _, vs := range r.bySlug {
		out = append(out, vs[len(vs)-1])
	}
	return out
}
