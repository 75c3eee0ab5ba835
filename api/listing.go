package api

import (
	"strconv"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"github.com/pmpath/pmpath/internal/catalog"
	"github.com/pmpath/pmpath/internal/errs"
	"github.com/pmpath/pmpath/internal/listing"
)

// listFilter reads a candidate listing's query parameters. Each is checked
// against an allow-list (roles from the catalog, fixed leans and sorts,
// bounded numbers) so nothing a caller sends reaches SQL as text (OWASP
// API8, GORM's raw-SQL traps); page size is capped (API4).
func listFilter(c *gin.Context, snap *catalog.Snapshot) (listing.Filter, error) {
	f := listing.Filter{Sort: listing.ByFit, Limit: listing.DefaultLimit}
	var fields []errs.FieldError
	bad := func(name, format string, args ...any) {
		fields = append(fields, errs.Field("query."+name, format, args...))
	}
	if v, ok := c.GetQuery("role"); ok {
		if _, found := snap.Role(v); !found {
			bad("role", "must be the slug of a catalog role")
		}
		f.Role = v
	}
	if v, ok := c.GetQuery("lean"); ok {
		lean, ok := listing.ParseLean(v)
		if !ok {
			bad("lean", "must be pm, pmo or balanced")
		}
		f.Lean = lean
	}
	if v, ok := c.GetQuery("min_fit"); ok {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 || n > 100 {
			bad("min_fit", "must be an integer from %d to %d", 0, 100)
		}
		f.MinFit = n
	}
	if v, ok := c.GetQuery("q"); ok {
		if v == "" || utf8.RuneCountInString(v) > 60 {
			bad("q", "must be 1 to %d characters", 60)
		}
		f.Query = v
	}
	if v, ok := c.GetQuery("sort"); ok {
		if v != listing.ByFit && v != listing.ByDate {
			bad("sort", "must be fit or date")
		}
		f.Sort = v
	}
	if v, ok := c.GetQuery("limit"); ok {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > listing.MaxLimit {
			bad("limit", "must be an integer from %d to %d", 1, listing.MaxLimit)
		}
		f.Limit = n
	}
	if len(fields) > 0 {
		return f, errs.Fields("invalid query parameters", fields...)
	}
	if v, ok := c.GetQuery("cursor"); ok {
		cur, err := listing.DecodeCursor(v, f.Sort)
		if err != nil {
			return f, err
		}
		f.After = cur
	}
	return f, nil
}

func nextCursor(p listing.Page) *string {
	if p.Next == "" {
		return nil
	}
	return &p.Next
}
