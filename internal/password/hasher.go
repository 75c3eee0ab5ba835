package password

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"runtime"
	"strconv"
	"strings"

	"golang.org/x/crypto/argon2"
)

// The argon2id parameters of new hashes: the OWASP Password Storage Cheat
// Sheet's minimum (m = 19 MiB, t = 2, p = 1), a 16-byte salt and a 32-byte
// key.
const (
	argonMemory  = 19 * 1024 // KiB
	argonTime    = 2
	argonThreads = 1
	saltLen      = 16
	keyLen       = 32
)

// Bounds on the parameters of a stored hash that Verify accepts. A tampered
// or corrupt hash must not make Verify allocate gigabytes or spin for
// minutes, so anything outside them is rejected before argon2 runs. Raise
// them together with the parameters above.
const (
	maxMemory     = 64 * 1024 // KiB, 64 MiB
	maxTime       = 16
	maxThreads    = 16
	minSaltLen    = 8
	maxSaltLen    = 64
	minKeyLen     = 16
	maxKeyLen     = 64
	maxEncodedLen = 512
)

// ErrMalformed is returned by Verify for a stored hash that is not an argon2id
// PHC string this package can verify (wrong algorithm or version, bad base64,
// parameters out of bounds). The wrapped message says which.
var ErrMalformed = errors.New("password: malformed hash")

// params are the argon2id parameters, salt and key of one encoded hash.
type params struct {
	memory  uint32 // KiB
	time    uint32
	threads uint8
	salt    []byte
	key     []byte
}

// Hasher hashes and verifies passwords with argon2id. Each hash takes about
// 19 MiB and tens of milliseconds, and logins are attacker-triggered, so a
// Hasher runs at most maxConcurrent at once; the others wait for a slot. The
// zero Hasher is not usable; use NewHasher. A Hasher is safe for concurrent
// use.
type Hasher struct {
	sem chan struct{}
}

// NewHasher returns a Hasher that runs at most maxConcurrent hashes at once;
// memory use for hashing is then bounded by maxConcurrent × 19 MiB. A
// maxConcurrent below 1 means runtime.GOMAXPROCS(0).
func NewHasher(maxConcurrent int) *Hasher {
	if maxConcurrent < 1 {
		maxConcurrent = runtime.GOMAXPROCS(0)
	}
	return &Hasher{sem: make(chan struct{}, maxConcurrent)}
}

// acquire takes a slot, or returns ctx.Err() if ctx ends first (or has
// already ended, even when a slot is free).
func (h *Hasher) acquire(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	select {
	case h.sem <- struct{}{}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (h *Hasher) release() { <-h.sem }

// Hash returns pw hashed with argon2id and a new random salt, in the PHC
// string format: $argon2id$v=19$m=19456,t=2,p=1$<salt>$<key>, salt and key
// in base64 without padding. It returns ctx.Err() if ctx ends while waiting
// for a slot. pw is hashed as given, whatever its length.
func (h *Hasher) Hash(ctx context.Context, pw string) (string, error) {
	salt := make([]byte, saltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", fmt.Errorf("password: reading salt: %w", err)
	}
	if err := h.acquire(ctx); err != nil {
		return "", err
	}
	key := argon2.IDKey([]byte(pw), salt, argonTime, argonMemory, argonThreads, keyLen)
	h.release()
	return encode(params{
		memory: argonMemory, time: argonTime, threads: argonThreads,
		salt: salt, key: key,
	}), nil
}

// Verify reports whether pw matches encoded, a hash made by Hash (possibly
// with other parameters), comparing keys in constant time. A malformed
// encoded string, or one whose parameters are out of bounds, is an error
// wrapping ErrMalformed. It returns ctx.Err() if ctx ends while waiting for
// a slot.
func (h *Hasher) Verify(ctx context.Context, pw, encoded string) (bool, error) {
	p, err := decode(encoded)
	if err != nil {
		return false, err
	}
	if err := h.acquire(ctx); err != nil {
		return false, err
	}
	key := argon2.IDKey([]byte(pw), p.salt, p.time, p.memory, p.threads, uint32(len(p.key)))
	h.release()
	return subtle.ConstantTimeCompare(key, p.key) == 1, nil
}

// dummySalt is the salt of DummyVerify; its value does not matter.
var dummySalt = make([]byte, saltLen)

// DummyVerify does the work of a Verify against a hash with the current
// parameters and throws the result away. Call it for a login with an unknown
// e-mail address, so the response time does not tell which addresses have
// an account. It waits for a slot like Verify, and returns early if ctx
// ends while waiting.
func (h *Hasher) DummyVerify(ctx context.Context, pw string) {
	if err := h.acquire(ctx); err != nil {
		return
	}
	key := argon2.IDKey([]byte(pw), dummySalt, argonTime, argonMemory, argonThreads, keyLen)
	h.release()
	subtle.ConstantTimeCompare(key, key)
}

// NeedsRehash reports whether encoded was made with weaker parameters than
// Hash uses now (less memory, fewer passes, a shorter salt or key), or cannot
// be decoded at all; after a successful login the caller should then store
// a new Hash of the password. The thread count is not compared: it does not
// change the total work.
func NeedsRehash(encoded string) bool {
	p, err := decode(encoded)
	if err != nil {
		return true
	}
	return p.memory < argonMemory || p.time < argonTime ||
		len(p.salt) < saltLen || len(p.key) < keyLen
}

var b64 = base64.RawStdEncoding.Strict()

// encode formats p as a PHC string.
func encode(p params) string {
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s",
		argon2.Version, p.memory, p.time, p.threads,
		b64.EncodeToString(p.salt), b64.EncodeToString(p.key))
}

func malformed(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrMalformed, fmt.Sprintf(format, args...))
}

// decode parses an argon2id PHC string strictly and checks its parameters
// against the bounds above, so that nothing is allocated or computed for a
// hash outside them.
func decode(encoded string) (params, error) {
	var p params
	if len(encoded) > maxEncodedLen {
		return p, malformed("longer than %d bytes", maxEncodedLen)
	}
	// "", "argon2id", "v=19", "m=…,t=…,p=…", salt, key
	f := strings.Split(encoded, "$")
	if len(f) != 6 || f[0] != "" {
		return p, malformed("want 5 fields separated by $")
	}
	if f[1] != "argon2id" {
		return p, malformed("algorithm %q is not argon2id", f[1])
	}
	if f[2] != "v="+strconv.Itoa(argon2.Version) {
		return p, malformed("version %q is not v=%d", f[2], argon2.Version)
	}
	kv := strings.Split(f[3], ",")
	if len(kv) != 3 {
		return p, malformed("want parameters m, t and p")
	}
	m, err := param(kv[0], "m", 1, maxMemory)
	if err != nil {
		return p, err
	}
	t, err := param(kv[1], "t", 1, maxTime)
	if err != nil {
		return p, err
	}
	threads, err := param(kv[2], "p", 1, maxThreads)
	if err != nil {
		return p, err
	}
	if m < 8*threads {
		return p, malformed("m=%d is below 8×p", m)
	}
	// Check the encoded lengths before decoding, so an oversized field is
	// never allocated.
	salt, err := field(f[4], "salt", minSaltLen, maxSaltLen)
	if err != nil {
		return p, err
	}
	key, err := field(f[5], "key", minKeyLen, maxKeyLen)
	if err != nil {
		return p, err
	}
	return params{memory: m, time: t, threads: uint8(threads), salt: salt, key: key}, nil
}

// param parses "name=value" with value a decimal in [lo, hi].
func param(s, name string, lo, hi uint32) (uint32, error) {
	v, ok := strings.CutPrefix(s, name+"=")
	if !ok {
		return 0, malformed("want parameter %s", name)
	}
	// ParseUint accepts no sign, space or underscore in base 10.
	n, err := strconv.ParseUint(v, 10, 32)
	if err != nil || n < uint64(lo) || n > uint64(hi) {
		return 0, malformed("parameter %s=%q is not in [%d, %d]", name, v, lo, hi)
	}
	return uint32(n), nil
}

// field decodes base64 s, whose decoded length must be in [lo, hi] bytes.
func field(s, name string, lo, hi int) ([]byte, error) {
	if n := b64.DecodedLen(len(s)); n < lo || n > hi {
		return nil, malformed("%s is %d bytes, not in [%d, %d]", name, n, lo, hi)
	}
	b, err := b64.DecodeString(s)
	if err != nil {
		return nil, malformed("%s: %v", name, err)
	}
	// The decoder skips \r and \n, which would make b shorter than checked.
	if len(b) != b64.DecodedLen(len(s)) {
		return nil, malformed("%s contains a line break", name)
	}
	return b, nil
}
