package password

import (
	"context"
	"errors"
	"runtime"
	"strings"
	"testing"
	"time"

	"golang.org/x/crypto/argon2"
)

// Reference hashes made by the argon2 reference implementation's CLI
// (Debian package argon2 0~20171227), e.g.
//
//	echo -n "correct horse battery staple" |
//	    argon2 pmpathsaltvalue1 -id -t 2 -k 19456 -p 1 -l 32 -e
const (
	refPassword = "correct horse battery staple"
	refCurrent  = "$argon2id$v=19$m=19456,t=2,p=1$cG1wYXRoc2FsdHZhbHVlMQ$Mf3st/UNGWVsnyQspPUsSNGNfxax8angN8m66oRar6U"
	refSmall    = "$argon2id$v=19$m=4096,t=2,p=1$cG1wYXRoc2FsdHZhbHVlMQ$ofAfgea1i+Rjc8/sLZsjLh9K/Nn0kAjrVh9pFBM9wvU"
)

func TestHashVerify(t *testing.T) {
	ctx := context.Background()
	h := NewHasher(2)
	pw := "ねこ が すき です よね and a long passphrase"

	enc, err := h.Hash(ctx, pw)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(enc, "$argon2id$v=19$m=19456,t=2,p=1$") {
		t.Errorf("Hash = %q, want the PHC prefix with the current parameters", enc)
	}
	p, err := decode(enc)
	if err != nil {
		t.Fatalf("decode(Hash) = %v", err)
	}
	if len(p.salt) != 16 || len(p.key) != 32 {
		t.Errorf("salt %d bytes, key %d bytes, want 16 and 32", len(p.salt), len(p.key))
	}
	if got := encode(p); got != enc {
		t.Errorf("encode(decode(h)) = %q, want %q", got, enc)
	}
	if NeedsRehash(enc) {
		t.Error("NeedsRehash(new hash) = true")
	}

	if ok, err := h.Verify(ctx, pw, enc); err != nil || !ok {
		t.Errorf("Verify(right password) = %v, %v; want true, nil", ok, err)
	}
	// A password that is a prefix of the real one: nothing is truncated.
	if ok, err := h.Verify(ctx, pw[:len(pw)-1], enc); err != nil || ok {
		t.Errorf("Verify(wrong password) = %v, %v; want false, nil", ok, err)
	}

	enc2, err := h.Hash(ctx, pw)
	if err != nil {
		t.Fatal(err)
	}
	if enc2 == enc {
		t.Error("two hashes of the same password are equal: salt not random")
	}
}

// TestVerifyReference checks compatibility with the reference
// implementation, and that Verify uses the parameters stored in the hash.
func TestVerifyReference(t *testing.T) {
	ctx := context.Background()
	h := NewHasher(1)
	for _, tt := range []struct {
		name, pw, enc string
		want          bool
	}{
		{"current parameters", refPassword, refCurrent, true},
		{"smaller memory", refPassword, refSmall, true},
		{"wrong password", "correct horse battery stapler", refSmall, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ok, err := h.Verify(ctx, tt.pw, tt.enc)
			if err != nil || ok != tt.want {
				t.Errorf("Verify = %v, %v; want %v, nil", ok, err, tt.want)
			}
			p, err := decode(tt.enc)
			if err != nil {
				t.Fatal(err)
			}
			if got := encode(p); got != tt.enc {
				t.Errorf("encode(decode(ref)) = %q, want %q", got, tt.enc)
			}
		})
	}
}

func TestVerifyMalformed(t *testing.T) {
	const salt = "cG1wYXRoc2FsdHZhbHVlMQ"                     // 16 bytes
	const key = "Mf3st/UNGWVsnyQspPUsSNGNfxax8angN8m66oRar6U" // 32 bytes
	withParams := func(ps string) string { return "$argon2id$v=19$" + ps + "$" + salt + "$" + key }
	with := func(s, k string) string { return "$argon2id$v=19$m=19456,t=2,p=1$" + s + "$" + k }
	tests := []struct{ name, enc string }{
		{"empty", ""},
		{"algorithm only", "$argon2id$"},
		{"no leading $", strings.TrimPrefix(refCurrent, "$")},
		{"extra field", refCurrent + "$x"},
		{"argon2i", strings.Replace(refCurrent, "argon2id", "argon2i", 1)},
		{"bcrypt", "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy"},
		{"version 16", strings.Replace(refCurrent, "v=19", "v=16", 1)},
		{"no version", "$argon2id$m=19456,t=2,p=1$" + salt + "$" + key},
		{"absurd memory", withParams("m=999999999,t=2,p=1")},
		{"memory above the cap", withParams("m=65537,t=2,p=1")},
		{"memory overflows uint32", withParams("m=4294967296,t=2,p=1")},
		{"memory below 8×p", withParams("m=7,t=2,p=1")},
		{"negative memory", withParams("m=-1,t=2,p=1")},
		{"signed memory", withParams("m=+19456,t=2,p=1")},
		{"t=0", withParams("m=19456,t=0,p=1")},
		{"absurd time", withParams("m=19456,t=1000000,p=1")},
		{"p=0", withParams("m=19456,t=2,p=0")},
		{"p=255", withParams("m=19456,t=2,p=255")},
		{"parameters out of order", withParams("t=2,m=19456,p=1")},
		{"missing p", withParams("m=19456,t=2")},
		{"extra parameter", withParams("m=19456,t=2,p=1,x=1")},
		{"empty value", withParams("m=,t=2,p=1")},
		{"spaces", withParams("m=19456, t=2, p=1")},
		{"bad base64 salt", with("!!!!!!!!!!!!!!!!!!!!!!", key)},
		{"bad base64 key", with(salt, strings.Repeat("*", 43))},
		{"padded base64", with(salt+"==", key)},
		{"URL base64 alphabet", with(salt, strings.NewReplacer("/", "_", "+", "-").Replace(key))},
		{"empty salt", with("", key)},
		{"short salt", with("c2FsdA", key)}, // 4 bytes
		{"huge salt", with(strings.Repeat("A", 400), key)},
		{"empty key", with(salt, "")},
		{"short key", with(salt, "AAAAAAAAAAAAAAAAAAAA")},
		{"line breaks in key", with(salt, key[:len(key)-2]+"\r\n")},
		{"line break in salt", with(salt[:10]+"\n"+salt[10:], key)},
		{"too long overall", refCurrent + strings.Repeat("A", 600)},
	}
	h := NewHasher(1)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ok, err := h.Verify(context.Background(), refPassword, tt.enc)
			if ok || !errors.Is(err, ErrMalformed) {
				t.Errorf("Verify(%q) = %v, %v; want false, ErrMalformed", tt.enc, ok, err)
			}
			if !NeedsRehash(tt.enc) {
				t.Errorf("NeedsRehash(%q) = false for a malformed hash", tt.enc)
			}
		})
	}
}

// TestVerifyRejectsBeforeAllocating checks that a hash whose memory
// parameter is just over the cap costs almost nothing: argon2 never runs.
func TestVerifyRejectsBeforeAllocating(t *testing.T) {
	h := NewHasher(1)
	for _, m := range []string{"65537", "999999999", "4294967295"} {
		enc := strings.Replace(refCurrent, "m=19456", "m="+m, 1)
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		ok, err := h.Verify(context.Background(), refPassword, enc)
		runtime.ReadMemStats(&after)
		if ok || !errors.Is(err, ErrMalformed) {
			t.Errorf("m=%s: Verify = %v, %v; want false, ErrMalformed", m, ok, err)
		}
		if d := after.TotalAlloc - before.TotalAlloc; d > 1<<20 {
			t.Errorf("m=%s: Verify allocated %d bytes before rejecting", m, d)
		}
	}
}

func TestNeedsRehash(t *testing.T) {
	const salt16 = "cG1wYXRoc2FsdHZhbHVlMQ"
	const salt8 = "c29tZXNhbHQ"
	const key32 = "Mf3st/UNGWVsnyQspPUsSNGNfxax8angN8m66oRar6U"
	const key16 = "AAAAAAAAAAAAAAAAAAAAAA"
	enc := func(ps, salt, key string) string { return "$argon2id$v=19$" + ps + "$" + salt + "$" + key }
	tests := []struct {
		name, enc string
		want      bool
	}{
		{"current", enc("m=19456,t=2,p=1", salt16, key32), false},
		{"reference CLI, current parameters", refCurrent, false},
		{"t=1", enc("m=19456,t=1,p=1", salt16, key32), true},
		{"less memory", enc("m=4096,t=2,p=1", salt16, key32), true},
		{"OWASP alternative m=46 MiB, t=1", enc("m=47104,t=1,p=1", salt16, key32), true},
		{"short salt", enc("m=19456,t=2,p=1", salt8, key32), true},
		{"short key", enc("m=19456,t=2,p=1", salt16, key16), true},
		{"stronger memory and time", enc("m=65536,t=3,p=1", salt16, key32), false},
		{"more threads, same work", enc("m=19456,t=2,p=4", salt16, key32), false},
		{"malformed", "$argon2id$", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := NeedsRehash(tt.enc); got != tt.want {
				t.Errorf("NeedsRehash(%q) = %v, want %v", tt.enc, got, tt.want)
			}
		})
	}
}

// TestVerifyWeakerHash checks that a hash made with older, weaker
// parameters still verifies (with its own parameters) and asks for a rehash.
func TestVerifyWeakerHash(t *testing.T) {
	pw := "an old passphrase"
	salt := []byte("0123456789abcdef")
	enc := encode(params{
		memory: 1024, time: 1, threads: 1, salt: salt,
		key: argon2.IDKey([]byte(pw), salt, 1, 1024, 1, 32),
	})
	h := NewHasher(1)
	if ok, err := h.Verify(context.Background(), pw, enc); err != nil || !ok {
		t.Errorf("Verify(weak hash) = %v, %v; want true, nil", ok, err)
	}
	if !NeedsRehash(enc) {
		t.Error("NeedsRehash(m=1024,t=1) = false")
	}
}

func TestSemaphore(t *testing.T) {
	h := NewHasher(1)
	h.sem <- struct{}{} // another hash holds the only slot

	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := h.Hash(cancelled, "correct horse battery staple"); !errors.Is(err, context.Canceled) {
		t.Errorf("Hash(cancelled) while the slot is held = %v, want context.Canceled", err)
	}
	if ok, err := h.Verify(cancelled, refPassword, refCurrent); ok || !errors.Is(err, context.Canceled) {
		t.Errorf("Verify(cancelled) while the slot is held = %v, %v; want false, context.Canceled", ok, err)
	}
	done := make(chan struct{})
	go func() { h.DummyVerify(cancelled, refPassword); close(done) }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("DummyVerify(cancelled) kept waiting for the slot")
	}

	// A context that ends while waiting.
	short, cancelShort := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancelShort()
	if _, err := h.Hash(short, "correct horse battery staple"); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Hash(timeout) while the slot is held = %v, want context.DeadlineExceeded", err)
	}

	// A waiting Hash goes ahead once the slot is free.
	type result struct {
		enc string
		err error
	}
	res := make(chan result, 1)
	go func() {
		enc, err := h.Hash(context.Background(), "correct horse battery staple")
		res <- result{enc, err}
	}()
	select {
	case r := <-res:
		t.Fatalf("Hash ran while the only slot was held: %v", r)
	case <-time.After(50 * time.Millisecond):
	}
	<-h.sem // the other hash finishes
	select {
	case r := <-res:
		if r.err != nil || !strings.HasPrefix(r.enc, "$argon2id$") {
			t.Errorf("Hash after the slot was freed = %q, %v", r.enc, r.err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("Hash did not run after the slot was freed")
	}
	if n := len(h.sem); n != 0 {
		t.Errorf("%d slots still held after Hash returned", n)
	}
}

func TestCancelledContextWithFreeSlot(t *testing.T) {
	h := NewHasher(1)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := h.Hash(ctx, "correct horse battery staple"); !errors.Is(err, context.Canceled) {
		t.Errorf("Hash(cancelled) = %v, want context.Canceled", err)
	}
}

func TestNewHasherDefault(t *testing.T) {
	if got, want := cap(NewHasher(0).sem), runtime.GOMAXPROCS(0); got != want {
		t.Errorf("NewHasher(0) allows %d at once, want GOMAXPROCS = %d", got, want)
	}
	if got := cap(NewHasher(3).sem); got != 3 {
		t.Errorf("NewHasher(3) allows %d at once", got)
	}
}

// TestDummyVerify checks that DummyVerify really runs argon2 with the
// current parameters (it cannot be near-instant) and frees its slot.
func TestDummyVerify(t *testing.T) {
	h := NewHasher(1)
	start := time.Now()
	h.DummyVerify(context.Background(), "no such user's guess")
	if d := time.Since(start); d < time.Millisecond {
		t.Errorf("DummyVerify took %v: no hashing done", d)
	}
	if n := len(h.sem); n != 0 {
		t.Errorf("%d slots still held after DummyVerify", n)
	}
}

// FuzzDecode checks that no string makes decode panic, and that whatever it
// accepts is within the bounds and survives an encode round trip.
func FuzzDecode(f *testing.F) {
	for _, s := range []string{
		"", "$argon2id$", refCurrent, refSmall,
		"$argon2id$v=19$m=999999999,t=2,p=1$cG1wYXRoc2FsdHZhbHVlMQ$Mf3st/UNGWVsnyQspPUsSNGNfxax8angN8m66oRar6U",
		"$argon2id$v=19$m=8,t=1,p=1$AAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAA",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := decode(s)
		if err != nil {
			if !errors.Is(err, ErrMalformed) {
				t.Fatalf("decode error %v does not wrap ErrMalformed", err)
			}
			return
		}
		if p.memory > maxMemory || p.time < 1 || p.time > maxTime || p.threads < 1 || p.threads > maxThreads ||
			p.memory < 8*uint32(p.threads) || len(p.salt) < minSaltLen || len(p.salt) > maxSaltLen ||
			len(p.key) < minKeyLen || len(p.key) > maxKeyLen {
			t.Fatalf("decode(%q) accepted out-of-bounds %+v", s, p)
		}
		q, err := decode(encode(p))
		if err != nil || encode(q) != encode(p) {
			t.Fatalf("round trip of %q: %v", s, err)
		}
	})
}
