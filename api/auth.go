package api

import (
	"slices"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/pmpath/pmpath/internal/account"
	"github.com/pmpath/pmpath/internal/errs"
	"github.com/pmpath/pmpath/internal/token"
)

const ctxPrincipal = "pmpath.principal"

// authenticate reads an optional bearer token. No Authorization header
// means an anonymous caller; a header with a bad, expired or revoked token
// is refused outright, never downgraded to anonymous.
func authenticate(signer *token.Signer, accounts *account.Service) gin.HandlerFunc {
	return func(c *gin.Context) {
		h := c.GetHeader("Authorization")
		if h == "" {
			c.Next()
			return
		}
		scheme, raw, ok := strings.Cut(h, " ")
		if !ok || !strings.EqualFold(scheme, "Bearer") || raw == "" {
			c.Header("WWW-Authenticate", `Bearer realm="pmpath"`)
			writeError(c, errs.E(errs.Unauthenticated, "send the access token as Authorization: Bearer <token>"))
			return
		}
		claims, err := signer.Verify(strings.TrimSpace(raw))
		if err != nil {
			c.Header("WWW-Authenticate", `Bearer realm="pmpath", error="invalid_token"`)
			writeError(c, errs.Wrap(errs.Unauthenticated, err, "the access token is not valid or has expired"))
			return
		}
		p, err := accounts.Authenticate(c.Request.Context(), claims.Subject, claims.Session)
		if err != nil {
			c.Header("WWW-Authenticate", `Bearer realm="pmpath", error="invalid_token"`)
			writeError(c, err)
			return
		}
		c.Set(ctxPrincipal, p)
		c.Next()
	}
}

// principal returns the signed-in caller, or nil.
func principal(c *gin.Context) *account.Principal {
	if v, ok := c.Get(ctxPrincipal); ok {
		return v.(*account.Principal)
	}
	return nil
}

// requireRole lets through only signed-in callers with one of roles: no
// sign-in is 401, the wrong role 403.
func requireRole(roles ...account.Role) gin.HandlerFunc {
	return func(c *gin.Context) {
		p := principal(c)
		if p == nil {
			c.Header("WWW-Authenticate", `Bearer realm="pmpath"`)
			writeError(c, errs.E(errs.Unauthenticated, "sign in first"))
			return
		}
		if !slices.Contains(roles, p.Role) {
			if len(roles) == 1 {
				writeError(c, errs.E(errs.Forbidden, "this needs the %s role", roleName(roles[0])))
			} else {
				writeError(c, errs.E(errs.Forbidden, "this needs one of the roles %s", joinRoles(roles)))
			}
			return
		}
		c.Next()
	}
}

// roleName names a role in a message, translated with it.
func roleName(r account.Role) errs.Term {
	switch r {
	case account.Candidate:
		return "candidate"
	case account.Advisor:
		return "advisor"
	case account.Recruiter:
		return "recruiter"
	case account.Admin:
		return "admin"
	}
	return "unknown"
}

func joinRoles(roles []account.Role) string {
	s := make([]string, len(roles))
	for i, r := range roles {
		s[i] = string(r)
	}
	return strings.Join(s, ", ")
}
