package ratelimit

import (
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// fakeClock is a clock the test moves by hand; it is safe for concurrent
// use.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func newClock() *fakeClock {
	return &fakeClock{t: time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)}
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// step is one call to Allow, after moving the clock by advance.
type step struct {
	advance   time.Duration
	wantOK    bool
	wantRetry time.Duration
}

// burst returns n allowed steps at the same instant.
func burst(n int) []step {
	s := make([]step, n)
	for i := range s {
		s[i] = step{wantOK: true}
	}
	return s
}

func TestAllow(t *testing.T) {
	tests := []struct {
		name  string
		rule  Rule
		steps []step
	}{{
		name: "burst then refusal, then refill one by one",
		rule: Rule{Burst: 3, Every: time.Minute},
		steps: append(burst(3),
			step{wantRetry: time.Minute},
			step{advance: 20 * time.Second, wantRetry: 40 * time.Second},
			step{advance: 39 * time.Second, wantRetry: time.Second},
			step{advance: time.Second, wantOK: true},
			step{wantRetry: time.Minute},
			step{advance: time.Minute, wantOK: true},
			step{wantRetry: time.Minute},
		),
	}, {
		name: "wait is rounded up to whole seconds",
		rule: Rule{Burst: 1, Every: 1500 * time.Millisecond},
		steps: []step{
			{wantOK: true},
			{wantRetry: 2 * time.Second},
			{advance: 400 * time.Millisecond, wantRetry: 2 * time.Second}, // 1.1s
			{advance: 200 * time.Millisecond, wantRetry: time.Second},     // 0.9s
			{advance: 899 * time.Millisecond, wantRetry: time.Second},     // 1ms
			{advance: time.Millisecond, wantOK: true},
		},
	}, {
		name: "wait is at least one second",
		rule: Rule{Burst: 2, Every: 200 * time.Millisecond},
		steps: append(burst(2),
			step{wantRetry: time.Second},
			step{advance: 199 * time.Millisecond, wantRetry: time.Second},
			step{advance: time.Millisecond, wantOK: true},
		),
	}, {
		// 1/420 is not exact in floating point: the bucket works out a
		// wait of 6m59.999999999s. The answer must still be exactly 7
		// minutes, and the event allowed exactly then.
		name: "no floating-point noise in the wait",
		rule: Rule{Burst: 5, Every: 7 * time.Minute},
		steps: append(burst(5),
			step{wantRetry: 7 * time.Minute},
			step{advance: 7 * time.Minute, wantOK: true},
			step{wantRetry: 7 * time.Minute},
			step{advance: 3 * 7 * time.Minute, wantOK: true},
			step{wantOK: true},
			step{wantOK: true},
			step{wantRetry: 7 * time.Minute},
		),
	}, {
		name: "refusals take nothing from the bucket",
		rule: Rule{Burst: 1, Every: 10 * time.Second},
		steps: []step{
			{wantOK: true},
			{advance: time.Second, wantRetry: 9 * time.Second},
			{wantRetry: 9 * time.Second},
			{wantRetry: 9 * time.Second},
			{advance: 5 * time.Second, wantRetry: 4 * time.Second},
			{wantRetry: 4 * time.Second},
			{advance: 4 * time.Second, wantOK: true},
		},
	}, {
		name: "a long pause refills no more than the burst",
		rule: Rule{Burst: 2, Every: time.Second},
		steps: append(burst(2),
			step{advance: time.Hour, wantOK: true},
			step{wantOK: true},
			step{wantRetry: time.Second},
		),
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clock := newClock()
			l := New(tt.rule, 100, clock.Now)
			for i, s := range tt.steps {
				clock.Advance(s.advance)
				ok, retry := l.Allow("ip:192.0.2.1")
				if ok != s.wantOK || retry != s.wantRetry {
					t.Fatalf("step %d: Allow() = %v, %v; want %v, %v", i, ok, retry, s.wantOK, s.wantRetry)
				}
			}
		})
	}
}

func TestKeysAreIndependent(t *testing.T) {
	clock := newClock()
	l := New(Rule{Burst: 2, Every: time.Minute}, 100, clock.Now)
	for i := range 2 {
		if ok, _ := l.Allow("a"); !ok {
			t.Fatalf("a, event %d refused", i)
		}
	}
	if ok, _ := l.Allow("a"); ok {
		t.Fatal("a allowed beyond its burst")
	}
	// b has its own full bucket, and using it leaves a as it was.
	for i := range 2 {
		if ok, _ := l.Allow("b"); !ok {
			t.Fatalf("b, event %d refused after a was exhausted", i)
		}
	}
	if ok, _ := l.Allow("b"); ok {
		t.Fatal("b allowed beyond its burst")
	}
	clock.Advance(30 * time.Second)
	if ok, retry := l.Allow("a"); ok || retry != 30*time.Second {
		t.Fatalf("a: Allow() = %v, %v; want false, 30s", ok, retry)
	}
	if ok, _ := l.Allow("c"); !ok {
		t.Fatal("c refused on its first event")
	}
}

func TestEviction(t *testing.T) {
	// A rule slow enough that no bucket refills during the test, so only
	// the maxKeys bound can evict.
	clock := newClock()
	l := New(Rule{Burst: 1, Every: time.Hour}, 3, clock.Now)
	allow := func(key string, want bool) {
		t.Helper()
		if ok, _ := l.Allow(key); ok != want {
			t.Fatalf("Allow(%q) = %v; want %v", key, ok, want)
		}
	}
	allow("a", true)
	allow("b", true)
	allow("c", true)
	if n := l.len(); n != 3 {
		t.Fatalf("len() = %d; want 3", n)
	}
	// A refused call is a use too: a becomes the most recently used, so b
	// is now the least recently used.
	allow("a", false)

	allow("d", true) // evicts b
	if n := l.len(); n != 3 {
		t.Fatalf("after d: len() = %d; want 3", n)
	}
	allow("a", false) // kept, still throttled
	allow("c", false) // kept, still throttled
	allow("d", false) // kept, still throttled

	// b was forgotten, so it starts again with a fresh bucket; that
	// evicts a, the least recently used now.
	allow("b", true)
	if n := l.len(); n != 3 {
		t.Fatalf("after b again: len() = %d; want 3", n)
	}
	allow("c", false)
	allow("d", false)
	allow("b", false)
}

func TestFullBucketsAreDropped(t *testing.T) {
	clock := newClock()
	l := New(Rule{Burst: 2, Every: time.Second}, 100, clock.Now)
	l.Allow("a")
	l.Allow("a") // empty: refills in 2s
	l.Allow("b") // refills in 1s
	clock.Advance(1500 * time.Millisecond)
	l.Allow("c") // b is full, but a, the least recently used, is not: the sweep stops at a
	if n := l.len(); n != 3 {
		t.Fatalf("len() = %d; want 3", n)
	}
	clock.Advance(500 * time.Millisecond)
	l.Allow("d") // a and b are full and dropped; c is not
	if n := l.len(); n != 2 {
		t.Fatalf("len() = %d; want 2 (c and d)", n)
	}
	// a was dropped full, so it behaves as it did before: a full burst.
	for i := range 2 {
		if ok, _ := l.Allow("a"); !ok {
			t.Fatalf("a, event %d refused after its full bucket was dropped", i)
		}
	}
	if ok, _ := l.Allow("a"); ok {
		t.Fatal("a allowed beyond its burst")
	}
}

func TestConcurrentUse(t *testing.T) {
	const (
		goroutines = 50
		calls      = 100
		keys       = 5
	)
	tests := []struct {
		name    string
		advance time.Duration // how far the clock moves during the test
	}{
		{name: "clock still"},
		{name: "clock moving", advance: 30 * time.Second},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rule := Rule{Burst: 10, Every: time.Second}
			clock := newClock()
			l := New(rule, 100, clock.Now)
			var allowed [keys]atomic.Int64
			var wg sync.WaitGroup
			for g := range goroutines {
				wg.Go(func() {
					for i := range calls {
						if tt.advance > 0 && g == 0 && i%10 == 0 {
							clock.Advance(tt.advance / (calls / 10))
						}
						k := (g + i) % keys
						ok, retry := l.Allow("key" + strconv.Itoa(k))
						if ok {
							allowed[k].Add(1)
						} else if retry < time.Second {
							t.Errorf("refused with retryAfter %v", retry)
						}
					}
				})
			}
			wg.Wait()
			// Over a span T a bucket allows at most Burst + T/Every
			// events; with the clock held still, exactly Burst, as every
			// key is asked far more often than that.
			limit := int64(rule.Burst) + int64(tt.advance/rule.Every)
			for k := range keys {
				n := allowed[k].Load()
				if n > limit {
					t.Errorf("key%d: %d events allowed; the rule permits at most %d", k, n, limit)
				}
				if tt.advance == 0 && n != limit {
					t.Errorf("key%d: %d events allowed; want exactly %d", k, n, limit)
				}
			}
		})
	}
}

func TestNew(t *testing.T) {
	bad := []struct {
		name    string
		rule    Rule
		maxKeys int
	}{
		{"no burst", Rule{Burst: 0, Every: time.Second}, 10},
		{"negative burst", Rule{Burst: -1, Every: time.Second}, 10},
		{"no interval", Rule{Burst: 1, Every: 0}, 10},
		{"negative interval", Rule{Burst: 1, Every: -time.Second}, 10},
		{"no keys", Rule{Burst: 1, Every: time.Second}, 0},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			defer func() {
				if recover() == nil {
					t.Errorf("New(%+v, %d) did not panic", tt.rule, tt.maxKeys)
				}
			}()
			New(tt.rule, tt.maxKeys, nil)
		})
	}

	t.Run("nil clock is the real one", func(t *testing.T) {
		l := New(Rule{Burst: 1, Every: time.Hour}, 10, nil)
		if ok, _ := l.Allow("a"); !ok {
			t.Fatal("first event refused")
		}
		ok, retry := l.Allow("a")
		if ok || retry < 59*time.Minute || retry > time.Hour {
			t.Fatalf("Allow() = %v, %v; want false, about 1h", ok, retry)
		}
	})
}

func TestRoundUpSeconds(t *testing.T) {
	tests := []struct {
		in, want time.Duration
	}{
		{0, time.Second},
		{time.Nanosecond, time.Second},
		{time.Second, time.Second},
		{time.Second + time.Millisecond, 2 * time.Second},
		{time.Minute - time.Nanosecond, time.Minute}, // floating-point noise
		{time.Minute + time.Nanosecond, time.Minute}, // floating-point noise
		{time.Minute + time.Microsecond, time.Minute + time.Second},
		{1<<63 - 1, (1<<63 - 1) / time.Second * time.Second},
	}
	for _, tt := range tests {
		if got := roundUpSeconds(tt.in); got != tt.want {
			t.Errorf("roundUpSeconds(%v) = %v; want %v", tt.in, got, tt.want)
		}
	}
}

func BenchmarkAllow(b *testing.B) {
	keys := make([]string, 10_000)
	for i := range keys {
		keys[i] = "ip:198.51.100." + strconv.Itoa(i)
	}
	for _, bb := range []struct {
		name    string
		maxKeys int
	}{
		{"fits", 100_000},
		{"evicting", 1_000},
	} {
		b.Run(bb.name, func(b *testing.B) {
			clock := newClock()
			l := New(Rule{Burst: 5, Every: time.Minute}, bb.maxKeys, clock.Now)
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				l.Allow(keys[i%len(keys)])
				i++
			}
		})
	}
}
