package archtest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// The frameworks the layers keep apart: HTTP (Gin) belongs to api/ and the
// wiring in main.go, the ORM (GORM) to internal/store.
var (
	gin  = framework{name: "Gin", prefix: "github.com/gin-gonic/", home: "api/"}
	gorm = framework{name: "GORM", prefix: "gorm.io/", home: "internal/store"}
)

// infrastructure names the packages under internal/ that are not domain
// packages, relative to the module, with the frameworks each may reach; a
// package's subpackages (internal/store/storetest) share its entry. Every
// other package under internal/ is a domain package and reaches neither Gin
// nor GORM.
var infrastructure = map[string][]framework{
	"internal/store":  {gorm}, // GORM storage and migrations for both databases
	"internal/config": nil,    // PMPATH_* settings; reaches neither framework
}

// TestImportRules walks the production import graph of every package in the
// module (test files are not part of it) and fails for each package that
// reaches a framework its layer must not, naming the shortest import chain.
func TestImportRules(t *testing.T) {
	module, g := loadGraph(t)

	api := module + "/api"
	if _, ok := g[api]; !ok {
		t.Fatalf("package %s not found: the api rule would check nothing", api)
	}
	for rel := range infrastructure {
		if _, ok := g[module+"/"+rel]; !ok {
			t.Errorf("infrastructure package %s/%s no longer exists; update the infrastructure list", module, rel)
		}
	}

	var domain int
	for _, pkg := range g.sorted() {
		rel, ok := strings.CutPrefix(pkg, module+"/")
		if !ok {
			continue
		}
		var forbidden []framework
		switch {
		case rel == "api" || strings.HasPrefix(rel, "api/"):
			forbidden = []framework{gorm}
		case strings.HasPrefix(rel, "internal/"):
			allowed, infra := infrastructureOf(rel)
			if !infra {
				domain++
			}
			for _, f := range []framework{gin, gorm} {
				if !slices.Contains(allowed, f) {
					forbidden = append(forbidden, f)
				}
			}
		}
		for _, f := range forbidden {
			if chain := g.chain(pkg, f); chain != nil {
				layer, rule := ruleOf(rel, f)
				t.Error(violation(layer, rule, f, chain))
			}
		}
	}
	if domain == 0 {
		t.Fatalf("no domain package found under %s/internal: the domain rule would check nothing", module)
	}
}

// TestChainNamesShortestPath checks the checker on a made-up graph: a
// forbidden package two steps away is reported with the whole chain, the
// shorter of two routes wins, and a clean package reports nothing.
func TestChainNamesShortestPath(t *testing.T) {
	g := graph{
		"m/internal/a":     {"fmt", "m/internal/b", "m/internal/c"},
		"m/internal/b":     {"m/internal/store"},
		"m/internal/c":     {"m/internal/store"},
		"m/internal/store": {"gorm.io/gorm", "database/sql"},
		"gorm.io/gorm":     {"database/sql"},
		"m/internal/clean": {"fmt"},
	}
	chain := g.chain("m/internal/a", gorm)
	want := []string{"m/internal/a", "m/internal/b", "m/internal/store", "gorm.io/gorm"}
	if !slices.Equal(chain, want) {
		t.Errorf("chain(a, GORM) = %q, want %q", chain, want)
	}
	if chain := g.chain("m/internal/store", gorm); len(chain) != 2 {
		t.Errorf("chain(store, GORM) = %q, want the direct import", chain)
	}
	if chain := g.chain("m/internal/clean", gorm); chain != nil {
		t.Errorf("chain(clean, GORM) = %q, want none", chain)
	}
	if chain := g.chain("m/internal/a", gin); chain != nil {
		t.Errorf("chain(a, Gin) = %q, want none", chain)
	}

	msg := violation("domain package", "the rule", gorm, want)
	wantMsg := "domain package m/internal/a reaches GORM:\n\tm/internal/a\n\t-> m/internal/b\n\t-> m/internal/store\n\t-> gorm.io/gorm\nthe rule"
	if msg != wantMsg {
		t.Errorf("violation message =\n%s\nwant\n%s", msg, wantMsg)
	}
}

type framework struct {
	name   string
	prefix string // import path prefix of every package of the framework
	home   string // where code that needs it belongs
}

func (f framework) owns(pkg string) bool { return strings.HasPrefix(pkg, f.prefix) }

// infrastructureOf reports whether the module-relative package rel is an
// infrastructure package and, if so, the frameworks it may reach.
func infrastructureOf(rel string) ([]framework, bool) {
	for root, allowed := range infrastructure {
		if rel == root || strings.HasPrefix(rel, root+"/") {
			return allowed, true
		}
	}
	return nil, false
}

// ruleOf names the layer of the module-relative package rel and states the
// rule it breaks by reaching f.
func ruleOf(rel string, f framework) (layer, rule string) {
	if rel == "api" || strings.HasPrefix(rel, "api/") {
		return "api package", "api/ reaches no GORM package: handlers call services, and only internal/store talks to the database"
	}
	if _, infra := infrastructureOf(rel); infra {
		return "infrastructure package", "an infrastructure package reaches only the frameworks its entry in the infrastructure list names"
	}
	return "domain package", "domain packages under internal/ reach neither Gin nor GORM: move the code that needs " + f.name +
		" to " + f.home + ", or declare the interface the domain needs where it is used"
}

func violation(layer, rule string, f framework, chain []string) string {
	return fmt.Sprintf("%s %s reaches %s:\n\t%s\n%s",
		layer, chain[0], f.name, strings.Join(chain, "\n\t-> "), rule)
}

// graph maps an import path to the packages its non-test files import.
type graph map[string][]string

func (g graph) sorted() []string {
	pkgs := make([]string, 0, len(g))
	for p := range g {
		pkgs = append(pkgs, p)
	}
	slices.Sort(pkgs)
	return pkgs
}

// chain returns the shortest import chain from pkg to a package of f,
// both ends included, or nil when pkg does not reach f.
func (g graph) chain(pkg string, f framework) []string {
	prev := map[string]string{pkg: ""}
	queue := []string{pkg}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		if f.owns(p) {
			var chain []string
			for ; p != ""; p = prev[p] {
				chain = append(chain, p)
			}
			slices.Reverse(chain)
			return chain
		}
		for _, imp := range g[p] {
			if _, seen := prev[imp]; !seen {
				prev[imp] = p
				queue = append(queue, imp)
			}
		}
	}
	return nil
}

// loadGraph lists every package of the module and everything they import
// with `go list -deps`, and returns the module path and the import graph.
func loadGraph(t *testing.T) (string, graph) {
	t.Helper()
	modfile := goCmd(t, "env", "GOMOD")
	module := goCmd(t, "list", "-m")
	root := filepath.Dir(strings.TrimSpace(string(modfile)))

	cmd := exec.Command("go", "list", "-e", "-deps", "-json=ImportPath,Imports,Error", "./...")
	cmd.Dir = root
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list -deps ./...: %v\n%s", err, stderr.Bytes())
	}

	g := graph{}
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var p struct {
			ImportPath string
			Imports    []string
			Error      *struct{ Err string }
		}
		if err := dec.Decode(&p); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			t.Fatalf("decoding go list output: %v", err)
		}
		if p.Error != nil {
			t.Fatalf("go list: package %s: %s (the import graph would be incomplete)", p.ImportPath, p.Error.Err)
		}
		g[p.ImportPath] = p.Imports
	}
	return strings.TrimSpace(string(module)), g
}

func goCmd(t *testing.T, args ...string) []byte {
	t.Helper()
	out, err := exec.Command("go", args...).Output()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, ee.Stderr)
		}
		t.Fatalf("go %s: %v", strings.Join(args, " "), err)
	}
	return out
}
