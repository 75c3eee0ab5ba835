package api

import (
	"net/netip"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/pmpath/pmpath/internal/errs"
	"github.com/pmpath/pmpath/internal/ratelimit"
)

// Limits throttle sign-in and registration per client address and per
// account, against brute force and credential stuffing (ASVS 6.3.1, OWASP
// API2/API4). They are per process: each replica keeps its own.
type Limits struct {
	ip      *ratelimit.Limiter
	account *ratelimit.Limiter
}

// NewLimits returns limits allowing ipBurst attempts per client address at
// once and then one every ipEvery, and accountBurst per e-mail then one
// every accountEvery, refilling by the clock now.
func NewLimits(ipBurst int, ipEvery time.Duration, accountBurst int, accountEvery time.Duration, now func() time.Time) *Limits {
	return &Limits{
		ip:      ratelimit.New(ratelimit.Rule{Burst: ipBurst, Every: ipEvery}, 100_000, now),
		account: ratelimit.New(ratelimit.Rule{Burst: accountBurst, Every: accountEvery}, 100_000, now),
	}
}

// DefaultLimits suit one office behind one address: 30 attempts at once
// then one every 2 s per address, 5 then one a minute per account.
func DefaultLimits(now func() time.Time) *Limits {
	return NewLimits(30, 2*time.Second, 5, time.Minute, now)
}

// clientKey groups IPv6 clients by /64, which one subscriber usually holds
// whole, so rotating addresses does not reset the limit.
func clientKey(c *gin.Context) string {
	addr, err := netip.ParseAddr(c.ClientIP())
	if err != nil {
		return "ip:" + c.ClientIP()
	}
	if addr.Is6() && !addr.Is4In6() {
		p, _ := addr.Prefix(64)
		return "ip6:" + p.String()
	}
	return "ip:" + addr.Unmap().String()
}

// allow charges one attempt to the client and, when known, the account.
func (l *Limits) allow(c *gin.Context, email string) bool {
	if l == nil {
		return true
	}
	ok, retry := l.ip.Allow(clientKey(c))
	if ok && email != "" {
		ok, retry = l.account.Allow("acct:" + strings.ToLower(strings.TrimSpace(email)))
	}
	if ok {
		return true
	}
	c.Header("Retry-After", strconv.Itoa(int(retry/time.Second)))
	writeError(c, errs.E(errs.TooManyRequests, "too many attempts; try again in %d seconds", int(retry/time.Second)))
	return false
}
