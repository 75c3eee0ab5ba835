// Package ratelimit limits how often each key (a client IP, an account's
// e-mail) may do something, such as signing in or registering, so that
// passwords cannot be guessed by brute force (OWASP ASVS 6.3.1, OWASP API4).
//
// It is the pure limiter: it keeps one token bucket per key in memory and
// says whether an event is allowed and, when it is not, how long to wait.
// Turning a refusal into a 429 response with Retry-After is the HTTP
// layer's job.
package ratelimit

import (
	"container/list"
	"fmt"
	"math"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// Rule allows Burst events at once and then one event every Every (a token
// bucket per key).
type Rule struct {
	// Burst is how many events a key may have at once; it is also the
	// size of the bucket. It must be at least 1.
	Burst int
	// Every is how long it takes to earn back one event. It must be
	// positive.
	Every time.Duration
}

// Limiter holds one token bucket per key, in memory, for one process.
//
// Memory stays bounded in two ways. A bucket that has refilled completely
// behaves exactly like a new one, so such buckets are dropped as soon as
// they are the least recently used; this loses nothing. And there are never
// more than maxKeys buckets: when a new key arrives and the limiter is full,
// the least recently used bucket is evicted, and the new key always gets a
// fresh, full bucket.
//
// Evicting a bucket that has not yet refilled forgets that key's recent
// events, so it resets that key's limit. An attacker who can make the
// limiter see more than maxKeys distinct keys within one refill period
// (Burst*Every) could use that to reset a key they are throttled on. Choose
// maxKeys well above the number of distinct keys expected in one refill
// period, such as 100,000 (about 25 MB at most); a bucket is a few hundred
// bytes. A new key is never let through unlimited: it gets a full bucket of
// Burst events, as any unseen key does.
//
// The state is per process: several replicas each keep their own buckets,
// and a restart forgets them all.
//
// A Limiter is safe for concurrent use.
type Limiter struct {
	rule    Rule
	limit   rate.Limit
	maxKeys int
	now     func() time.Time

	mu   sync.Mutex
	keys map[string]*list.Element // of *bucket
	lru  *list.List               // of *bucket, most recently used first
}

// bucket is one key's token bucket.
type bucket struct {
	key string
	lim *rate.Limiter
}

// New returns a Limiter; now is the clock (tests pass a fake one).
//
// A nil now means time.Now. New panics if rule.Burst is below 1,
// rule.Every is not positive or maxKeys is below 1: such a limiter would
// refuse everything or allow everything, which is a configuration mistake
// better caught at start-up.
func New(rule Rule, maxKeys int, now func() time.Time) *Limiter {
	if rule.Burst < 1 || rule.Every <= 0 {
		panic(fmt.Sprintf("ratelimit: invalid rule %+v: need Burst >= 1 and Every > 0", rule))
	}
	if maxKeys < 1 {
		panic(fmt.Sprintf("ratelimit: invalid maxKeys %d: need at least 1", maxKeys))
	}
	if now == nil {
		now = time.Now
	}
	return &Limiter{
		rule:    rule,
		limit:   rate.Every(rule.Every),
		maxKeys: maxKeys,
		now:     now,
		keys:    make(map[string]*list.Element),
		lru:     list.New(),
	}
}

// Allow takes one event for key. When it is refused, retryAfter says how
// long until the next event would be allowed (always >= 1s when refused,
// rounded up to whole seconds). When it is allowed, retryAfter is 0.
//
// A refused event takes nothing from the bucket, so retrying too early does
// not push the next allowed event further away.
func (l *Limiter) Allow(key string) (ok bool, retryAfter time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()

	// One reading of the clock for the whole call, so the decision and the
	// wait agree. Holding l.mu across both bucket calls keeps them atomic
	// with respect to other callers of the same key.
	now := l.now()
	lim := l.bucket(key, now)
	if lim.AllowN(now, 1) {
		return true, 0
	}
	// Ask the bucket when one event would be allowed, then give the token
	// back: a refusal consumes nothing.
	r := lim.ReserveN(now, 1)
	wait := r.DelayFrom(now)
	r.CancelAt(now)
	return false, roundUpSeconds(wait)
}

// bucket returns key's bucket, creating it if needed, and marks it most
// recently used. It drops buckets that have refilled completely and, if
// the limiter is full, the least recently used one. l.mu must be held.
func (l *Limiter) bucket(key string, now time.Time) *rate.Limiter {
	if e, ok := l.keys[key]; ok {
		l.lru.MoveToFront(e)
		return e.Value.(*bucket).lim
	}
	l.dropFull(now)
	if l.lru.Len() >= l.maxKeys {
		l.remove(l.lru.Back())
	}
	b := &bucket{key: key, lim: rate.NewLimiter(l.limit, l.rule.Burst)}
	l.keys[key] = l.lru.PushFront(b)
	return b.lim
}

// dropFull removes least recently used buckets as long as they have
// refilled completely: such a bucket is indistinguishable from a new one,
// so forgetting it changes nothing. It stops at the first bucket that is
// not full; the work is amortised, as each bucket is removed once. l.mu must
// be held.
func (l *Limiter) dropFull(now time.Time) {
	full := float64(l.rule.Burst)
	for e := l.lru.Back(); e != nil; e = l.lru.Back() {
		if e.Value.(*bucket).lim.TokensAt(now) < full {
			return
		}
		l.remove(e)
	}
}

// remove forgets the bucket in e. l.mu must be held.
func (l *Limiter) remove(e *list.Element) {
	delete(l.keys, e.Value.(*bucket).key)
	l.lru.Remove(e)
}

// len returns how many buckets the limiter holds.
func (l *Limiter) len() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.lru.Len()
}

// roundUpSeconds rounds a refusal's wait up to whole seconds, and to at
// least one second, as Retry-After counts whole seconds and a client told
// to wait 0 seconds would retry at once.
//
// The bucket computes with floating point, so a wait of exactly one minute
// can come out a nanosecond either side of it; rounding to the microsecond
// first keeps that noise from turning 60s into 61s.
func roundUpSeconds(d time.Duration) time.Duration {
	d = d.Round(time.Microsecond)
	if d > math.MaxInt64-time.Second {
		return d.Truncate(time.Second)
	}
	d = (d + time.Second - 1).Truncate(time.Second)
	return max(d, time.Second)
}
