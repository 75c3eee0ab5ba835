package errs

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// The messages test reads the module's source, finds every message the code
// can put in a problem document and checks the catalog translates each one
// with the same arguments. A message is a constant English format given to
// E, Wrap, Fields, Field or a Term conversion, or an Error.Msg or
// FieldError.Message literal; or a constant given to a function that passes
// one of its parameters on to those (found by following the parameter), or
// returned by a function whose result is a Term. Anything else in those
// places (text built at run time) is reported: it could not be translated.

const module = "github.com/pmpath/pmpath"

// messageSinks are the errs functions and the index of their message
// argument.
var messageSinks = map[string]int{"E": 1, "Wrap": 2, "Fields": 0, "Field": 1, "Term": 0}

type sourceFile struct {
	dir  string // relative to the module root, with slashes
	name string
	file *ast.File
	// imports maps a local package name to its directory, for packages
	// of the module.
	imports map[string]string
	errs    string // local name of this package, "" when not imported
}

// scope is the function a node is in.
type scope struct {
	id     string         // "dir:Func" or "dir:Func/closure"; "" when unnamed
	params map[string]int // parameter name → index
	method bool
}

type messageScan struct {
	fset  *token.FileSet
	files []*sourceFile
	// sinks maps a function id to the indexes of its parameters that are
	// messages (or Terms).
	sinks    map[string]map[int]bool
	changed  bool
	keys     map[string][]string // message → where it is used
	problems []string
}

// scanMessages scans the Go files under root, a tree of the module.
func scanMessages(t *testing.T, root string) *messageScan {
	t.Helper()
	s := &messageScan{fset: token.NewFileSet(), sinks: map[string]map[int]bool{}}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			// This package's own code passes formats through; its
			// catalog is what is being checked.
			if rel != "." && (strings.HasPrefix(d.Name(), ".") || d.Name() == "node_modules" || d.Name() == "testdata" ||
				rel == "frontend" || rel == "internal/errs") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(s.fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		s.files = append(s.files, newSourceFile(filepath.ToSlash(filepath.Dir(rel)), rel, f))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for name, i := range messageSinks {
		s.addSink("internal/errs:"+name, i)
	}
	s.changed = false
	for _, f := range s.files {
		s.termParams(f)
	}
	// Follow parameters until no new function passes a message on.
	for {
		s.changed = false
		s.keys = map[string][]string{}
		s.problems = nil
		for _, f := range s.files {
			s.scanFile(f)
		}
		if !s.changed {
			return s
		}
	}
}

func moduleRoot(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if b, err := os.ReadFile(filepath.Join(dir, "go.mod")); err == nil && strings.Contains(string(b), "module "+module+"\n") {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("module root not found")
		}
		dir = parent
	}
}

func newSourceFile(dir, name string, f *ast.File) *sourceFile {
	sf := &sourceFile{dir: dir, name: name, file: f, imports: map[string]string{}}
	for _, imp := range f.Imports {
		p, _ := strconv.Unquote(imp.Path.Value)
		if !strings.HasPrefix(p, module+"/") {
			continue
		}
		local := p[strings.LastIndexByte(p, '/')+1:]
		if imp.Name != nil {
			local = imp.Name.Name
		}
		sf.imports[local] = strings.TrimPrefix(p, module+"/")
		if p == module+"/internal/errs" {
			sf.errs = local
		}
	}
	return sf
}

func (s *messageScan) addSink(id string, i int) {
	if s.sinks[id] == nil {
		s.sinks[id] = map[int]bool{}
	}
	if !s.sinks[id][i] {
		s.sinks[id][i] = true
		s.changed = true
	}
}

// isErrs reports whether e is errs.<name> in f.
func (f *sourceFile) isErrs(e ast.Expr, name string) bool {
	sel, ok := e.(*ast.SelectorExpr)
	if !ok || f.errs == "" {
		return false
	}
	x, ok := sel.X.(*ast.Ident)
	return ok && x.Name == f.errs && sel.Sel.Name == name
}

// termParams makes every Term parameter of a function a sink: an untyped
// constant passed to one is converted without a visible Term(...).
func (s *messageScan) termParams(f *sourceFile) {
	for _, d := range f.file.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Recv != nil {
			continue
		}
		i := 0
		for _, p := range fd.Type.Params.List {
			n := max(len(p.Names), 1)
			if f.isErrs(p.Type, "Term") {
				for j := range n {
					s.addSink(f.dir+":"+fd.Name.Name, i+j)
				}
			}
			i += n
		}
	}
}

func (s *messageScan) scanFile(f *sourceFile) {
	for _, d := range f.file.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Body == nil {
				continue
			}
			sc := newScope(f.dir+":"+d.Name.Name, d.Type, d.Recv != nil)
			closures := closureNames(d.Body)
			if d.Type.Results != nil && len(d.Type.Results.List) == 1 && f.isErrs(d.Type.Results.List[0].Type, "Term") {
				s.termReturns(f, d.Body)
			}
			s.scanNode(f, d.Body, sc, d.Name.Name, closures)
		case *ast.GenDecl:
			s.scanNode(f, d, &scope{}, "", nil)
		}
	}
}

func newScope(id string, ft *ast.FuncType, method bool) *scope {
	sc := &scope{id: id, params: map[string]int{}, method: method}
	i := 0
	for _, p := range ft.Params.List {
		if len(p.Names) == 0 {
			i++
		}
		for _, n := range p.Names {
			sc.params[n.Name] = i
			i++
		}
	}
	return sc
}

// closureNames maps each function literal bound to a name (name := func…
// or var name = func…) to that name.
func closureNames(body *ast.BlockStmt) map[*ast.FuncLit]string {
	out := map[*ast.FuncLit]string{}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, r := range n.Rhs {
				if fl, ok := r.(*ast.FuncLit); ok && i < len(n.Lhs) {
					if id, ok := n.Lhs[i].(*ast.Ident); ok {
						out[fl] = id.Name
					}
				}
			}
		case *ast.ValueSpec:
			for i, v := range n.Values {
				if fl, ok := v.(*ast.FuncLit); ok && i < len(n.Names) {
					out[fl] = n.Names[i].Name
				}
			}
		}
		return true
	})
	return out
}

func (s *messageScan) scanNode(f *sourceFile, root ast.Node, sc *scope, decl string, closures map[*ast.FuncLit]string) {
	ast.Inspect(root, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			if n == root {
				return true
			}
			inner := newScope("", n.Type, false)
			if name, ok := closures[n]; ok {
				inner.id = f.dir + ":" + decl + "/" + name
			}
			s.scanNode(f, n.Body, inner, decl, closures)
			return false
		case *ast.CallExpr:
			id := s.callee(f, n.Fun, decl, closures)
			for i := range s.sinks[id] {
				if i < len(n.Args) {
					s.message(f, sc, n.Args[i])
				}
			}
		case *ast.CompositeLit:
			var field string
			switch {
			case f.isErrs(n.Type, "Error"):
				field = "Msg"
			case f.isErrs(n.Type, "FieldError"):
				field = "Message"
			default:
				return true
			}
			for i, el := range n.Elts {
				kv, ok := el.(*ast.KeyValueExpr)
				switch {
				case ok:
					if k, ok := kv.Key.(*ast.Ident); ok && k.Name == field {
						s.message(f, sc, kv.Value)
					}
				case field == "Message" && i == 1, field == "Msg" && i == 1:
					s.message(f, sc, el)
				}
			}
		}
		return true
	})
}

// callee names the function a call calls, when it is one the scan can
// follow: a function of the module or a named closure.
func (s *messageScan) callee(f *sourceFile, fun ast.Expr, decl string, closures map[*ast.FuncLit]string) string {
	switch fun := fun.(type) {
	case *ast.SelectorExpr:
		if x, ok := fun.X.(*ast.Ident); ok {
			if dir, ok := f.imports[x.Name]; ok {
				return dir + ":" + fun.Sel.Name
			}
		}
	case *ast.Ident:
		for _, name := range closures {
			if name == fun.Name {
				return f.dir + ":" + decl + "/" + fun.Name
			}
		}
		return f.dir + ":" + fun.Name
	}
	return ""
}

// message records the message e, or the parameter it passes on.
func (s *messageScan) message(f *sourceFile, sc *scope, e ast.Expr) {
	if k, ok := constString(e); ok {
		if k != "" {
			at := s.fset.Position(e.Pos())
			s.keys[k] = append(s.keys[k], fmt.Sprintf("%s:%d", f.name, at.Line))
		}
		return
	}
	at := s.fset.Position(e.Pos())
	if id, ok := e.(*ast.Ident); ok {
		if i, ok := sc.params[id.Name]; ok {
			switch {
			case sc.method:
				s.problems = append(s.problems, fmt.Sprintf("%s:%d: a method passes its parameter %s on as a message; use a function, which this test can follow", f.name, at.Line, id.Name))
			case sc.id == "":
				s.problems = append(s.problems, fmt.Sprintf("%s:%d: an unnamed function literal passes its parameter %s on as a message", f.name, at.Line, id.Name))
			default:
				s.addSink(sc.id, i)
			}
			return
		}
	}
	s.problems = append(s.problems, fmt.Sprintf("%s:%d: message is not a constant string, so it cannot be translated: pass the format and its arguments", f.name, at.Line))
}

// termReturns records the constants a Term function returns.
func (s *messageScan) termReturns(f *sourceFile, body *ast.BlockStmt) {
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			if len(n.Results) != 1 {
				return true
			}
			r := n.Results[0]
			if _, ok := r.(*ast.CallExpr); ok {
				return true // another Term function or a Term(...) conversion, checked where it is
			}
			s.message(f, &scope{}, r)
		}
		return true
	})
}

// constString returns the value of a string literal or a sum of them.
func constString(e ast.Expr) (string, bool) {
	switch e := e.(type) {
	case *ast.BasicLit:
		if e.Kind != token.STRING {
			return "", false
		}
		v, err := strconv.Unquote(e.Value)
		return v, err == nil
	case *ast.BinaryExpr:
		if e.Op != token.ADD {
			return "", false
		}
		x, ok1 := constString(e.X)
		y, ok2 := constString(e.Y)
		return x + y, ok1 && ok2
	case *ast.ParenExpr:
		return constString(e.X)
	}
	return "", false
}

// verbs lists the formatting directives of a format as "argument:verb",
// sorted, so that a translation that reorders arguments with explicit
// indexes (%[2]s) still matches.
func verbs(format string) ([]string, error) {
	var out []string
	arg := 1
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		i++
		if i < len(format) && format[i] == '%' {
			continue
		}
		for i < len(format) && strings.IndexByte("+-# 0", format[i]) >= 0 {
			i++
		}
		if i < len(format) && format[i] == '[' {
			end := strings.IndexByte(format[i:], ']')
			if end < 0 {
				return nil, errors.New("unclosed argument index")
			}
			n, err := strconv.Atoi(format[i+1 : i+end])
			if err != nil || n < 1 {
				return nil, fmt.Errorf("bad argument index %q", format[i:i+end+1])
			}
			arg = n
			i += end + 1
		}
		for i < len(format) && (format[i] >= '0' && format[i] <= '9' || format[i] == '.') {
			i++
		}
		if i >= len(format) {
			return nil, errors.New("format ends in the middle of a directive")
		}
		verb, size := utf8.DecodeRuneInString(format[i:])
		if !strings.ContainsRune("vTtbcdoOqxXUeEfFgGsp", verb) {
			return nil, fmt.Errorf("unknown verb %%%c", verb)
		}
		i += size - 1
		out = append(out, fmt.Sprintf("%d:%c", arg, verb))
		arg++
	}
	slices.Sort(out)
	return out, nil
}

func TestEveryMessageIsTranslated(t *testing.T) {
	s := scanMessages(t, moduleRoot(t))
	for _, p := range s.problems {
		t.Error(p)
	}
	if len(s.keys) < 50 {
		t.Fatalf("found only %d messages: the scan is broken", len(s.keys))
	}
	ja := japanese()
	for k, where := range s.keys {
		if _, ok := ja[k]; !ok {
			t.Errorf("%s: no Japanese for %q", where[0], k)
		}
	}
	for k := range ja {
		if _, ok := s.keys[k]; !ok {
			t.Errorf("Japanese for %q, which no code uses", k)
		}
	}
}

func TestTranslationsKeepTheArguments(t *testing.T) {
	for en, ja := range japanese() {
		want, err := verbs(en)
		if err != nil {
			t.Errorf("%q: %v", en, err)
			continue
		}
		got, err := verbs(ja)
		if err != nil {
			t.Errorf("%q: Japanese %q: %v", en, ja, err)
			continue
		}
		if !slices.Equal(got, want) {
			t.Errorf("%q has %v, Japanese %q has %v", en, want, ja, got)
		}
		if !strings.ContainsFunc(ja, func(r rune) bool { return r > unicode.MaxASCII }) {
			t.Errorf("Japanese for %q is %q: not Japanese", en, ja)
		}
		if strings.Contains(ja, "${") {
			t.Errorf("Japanese for %q holds ${, which the catalog reads as a variable", en)
		}
	}
}

func TestVerbs(t *testing.T) {
	tests := []struct {
		format string
		want   []string
		bad    bool
	}{
		{"plain", nil, false},
		{"100%% sure", nil, false},
		{"%s version %d", []string{"1:s", "2:d"}, false},
		{"第%[2]d版の%[1]s", []string{"1:s", "2:d"}, false},
		{"%q is %-5.2f", []string{"1:q", "2:f"}, false},
		{"at %", nil, true},
		{"%[x]s", nil, true},
		{"%y", nil, true},
	}
	for _, tt := range tests {
		got, err := verbs(tt.format)
		if (err != nil) != tt.bad || !slices.Equal(got, tt.want) {
			t.Errorf("verbs(%q) = %v, %v; want %v, error %v", tt.format, got, err, tt.want, tt.bad)
		}
	}
}

// TestScanMessages runs the scan on a small tree with every kind of
// message, and three it must refuse, so a scan that misses messages cannot
// pass the test above by finding nothing wrong.
func TestScanMessages(t *testing.T) {
	s := scanMessages(t, filepath.Join("testdata", "scan"))
	var got []string
	for k := range s.keys {
		got = append(got, k)
	}
	slices.Sort(got)
	want := []string{"direct %d", "forwarded %s", "from closure", "literal message", "literal msg", "passed term", "term other", "term zero", "twice forwarded"}
	if !slices.Equal(got, want) {
		t.Errorf("messages = %q\nwant %q", got, want)
	}
	var lines []string
	for _, p := range s.problems {
		lines = append(lines, p[:strings.Index(p, ": ")])
	}
	slices.Sort(lines)
	if want := []string{"bad/bad.go:11", "bad/bad.go:47", "bad/bad.go:51"}; !slices.Equal(lines, want) {
		t.Errorf("problems at %q, want %q:\n%s", lines, want, strings.Join(s.problems, "\n"))
	}
}
