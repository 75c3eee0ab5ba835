// Package listing holds what candidate listings share: filters, sort
// orders and keyset cursors. Keyset pagination keeps pages stable while new
// results arrive and costs the same deep in the list as on the first page.
package listing

import (
	"encoding/base64"
	"encoding/json"
	"time"

	"github.com/pmpath/pmpath/internal/construct"
	"github.com/pmpath/pmpath/internal/errs"
)

// Sort orders.
const (
	ByFit  = "fit"
	ByDate = "date"
)

// Page size limits.
const (
	DefaultLimit = 20
	MaxLimit     = 100
)

// Filter narrows and orders a candidate listing. Every field is checked
// against an allow-list before it reaches a query.
type Filter struct {
	Role   string         // recommended role slug
	Lean   construct.Lean // pm, pmo or balanced
	MinFit int            // 0..100
	Query  string         // part of the display name
	Sort   string         // ByFit or ByDate
	Limit  int
	After  *Cursor
}

// ParseLean reads a filter by lean: pm, pmo or balanced.
func ParseLean(s string) (construct.Lean, bool) {
	l := construct.Lean(s)
	return l, construct.ValidOrientation(l)
}

// Cursor is the position after the last row of a page.
type Cursor struct {
	Sort string    `json:"s"`
	Fit  int       `json:"f,omitempty"`
	At   time.Time `json:"a,omitempty"`
	ID   string    `json:"i"`
}

// Encode returns the cursor as an opaque string.
func (c Cursor) Encode() string {
	b, _ := json.Marshal(c)
	return base64.RawURLEncoding.EncodeToString(b)
}

// DecodeCursor reads a cursor made by Encode for the same sort order.
func DecodeCursor(s, sort string) (*Cursor, error) {
	bad := errs.Fields("invalid cursor", errs.Field("query.cursor", "is not a cursor from this listing; start again without it"))
	if len(s) > 512 {
		return nil, bad
	}
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return nil, bad
	}
	var c Cursor
	if json.Unmarshal(b, &c) != nil || c.Sort != sort || c.ID == "" || len(c.ID) > 64 || c.Fit < -1 || c.Fit > 100 {
		return nil, bad
	}
	return &c, nil
}

// Row is one candidate in a listing.
type Row struct {
	UserID          string
	DisplayName     string
	RecommendedRole string
	Lean            construct.Lean
	Fit             int
	SubmittedAt     time.Time
	SharedAt        *time.Time
}

// CursorAfter is the cursor that continues after row r.
func CursorAfter(r Row, sort string) Cursor {
	c := Cursor{Sort: sort, ID: r.UserID}
	if sort == ByDate {
		c.At = r.SubmittedAt
	} else {
		c.Fit = r.Fit
	}
	return c
}

// Page is one page of a listing; Next is empty on the last page.
type Page struct {
	Rows []Row
	Next string
}

// Paginate trims rows fetched with Limit+1 to a page and its cursor.
func Paginate(rows []Row, f Filter) Page {
	p := Page{Rows: rows}
	if len(rows) > f.Limit {
		p.Rows = rows[:f.Limit]
		p.Next = CursorAfter(p.Rows[len(p.Rows)-1], f.Sort).Encode()
	}
	if p.Rows == nil {
		p.Rows = []Row{}
	}
	return p
}
