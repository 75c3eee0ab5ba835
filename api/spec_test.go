package api_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/gin-gonic/gin"

	"github.com/pmpath/pmpath/internal/store"
	"github.com/pmpath/pmpath/internal/store/storetest"
)

var ginParam = regexp.MustCompile(`:([A-Za-z_]+)`)

// TestRoutesAreDocumented fails when the router serves a route that
// openapi.yaml does not list; TestMain fails on the reverse.
func TestRoutesAreDocumented(t *testing.T) {
	specRouter(t)
	s := newTestServer(t, storetest.Open(t, store.SQLite))
	engine, ok := s.Config.Handler.(*gin.Engine)
	if !ok {
		t.Fatalf("router is %T, want *gin.Engine", s.Config.Handler)
	}
	for _, r := range engine.Routes() {
		path := ginParam.ReplaceAllString(r.Path, "{$1}")
		item := spec.doc.Paths.Find(path)
		if item == nil || item.GetOperation(strings.ToUpper(r.Method)) == nil {
			t.Errorf("%s %s is served but not in openapi.yaml", r.Method, path)
		}
	}
}
