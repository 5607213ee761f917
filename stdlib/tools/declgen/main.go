// Command declgen writes gol's declaration files for standard packages
// (stdlib/go/<path>/<name>.go) from the Go sources of the native toolchain.
//
// It is a development aid, not part of gol: run it from this directory with
//
//	go run . ../../go            # regenerate every generated package
//	go run . ../../go fmt time   # only these
//
// For each package it type-checks Go's own source (go/build picks the files
// for this GOOS/GOARCH, go/types checks them) and prints every exported
// constant, variable, function, type and method as a bodyless Go
// declaration:
//
//   - constants carry their exact values: the source expression when it uses
//     only literals and other exported constants of the package (so
//     `Second Duration = 1000 * Millisecond` and math.Pi's full digits are
//     kept), otherwise the exact value computed by go/types (iota, constants
//     built from unexported ones);
//   - variables get their type only, except `errors.New("...")` initializers,
//     which are kept because they are what the value is;
//   - struct types keep their exported fields; unexported fields are kept with
//     their type rewritten into the subset (unexported and foreign named types
//     are replaced by their underlying type, unsafe.Pointer by uintptr, and
//     anything still inexpressible by `any`), so the struct keeps Go's
//     comparability and natives have slots to keep state in;
//   - interfaces are printed in full (embedded interfaces by name);
//   - anything gol's subset cannot express (generics, complex numbers, unsafe,
//     reflect, iter, types of packages gol does not have) is left out and
//     named in the file's doc comment.
//
// os and net are written by hand (only their common part is declared); this
// tool reads those files to know which of their names exist. runtime is
// generated from an allow-list (the part gol's runtime provides).
//
// Rejected alternative: parsing `go doc -all` output. It drops parameter
// names in places, prints no constant values for iota blocks and loses
// exact float digits; go/types has all of it.
package main

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/build"
	"go/constant"
	"go/doc"
	"go/format"
	"go/importer"
	"go/parser"
	"go/printer"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// Every package gol declares. os and net are hand-written.
var allPkgs = []string{
	"bufio", "container/heap", "container/list", "container/ring", "context",
	"errors", "flag", "fmt", "io", "math", "math/rand", "net", "os", "runtime",
	"runtime/debug", "sort", "strconv", "strings", "sync", "sync/atomic", "time",
	"unicode", "unicode/utf8",
}

var handWritten = map[string]bool{"os": true, "net": true}

// allow restricts a generated package to these top-level names.
var allow = map[string][]string{
	"runtime": {
		"GOMAXPROCS", "NumCPU", "NumGoroutine", "Gosched", "Goexit", "GC",
		"ReadMemStats", "MemStats", "Caller", "Callers", "Stack", "KeepAlive",
		"GOOS", "GOARCH", "Version", "Error", "Compiler", "LockOSThread",
		"UnlockOSThread", "NumCgoCall", "SetFinalizer", "Func", "FuncForPC",
		"Frame", "Frames", "CallersFrames", "TypeAssertionError",
		"MemProfileRate", "Breakpoint", "NumCgoCall",
	},
}

func inSet(path string) bool {
	for _, p := range allPkgs {
		if p == path {
			return true
		}
	}
	return false
}

var fset = token.NewFileSet()
var imp = importer.ForCompiler(fset, "source", nil)

// declared[path][name]: the top-level names gol declares in each package.
var declared = map[string]map[string]bool{}

type gen struct {
	pkg      *types.Package
	path     string
	info     *types.Info
	imports  map[string]bool
	skipped  map[string][]string // reason -> names
	emitted  map[string]bool
	constSrc map[*types.Const]ast.Expr
	varInit  map[*types.Var]ast.Expr
	docText  string
	docs     map[types.Object]string // first sentence of Go's doc comment
}

type failure struct{ reason string }

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: declgen OUTDIR [pkg ...]")
		os.Exit(2)
	}
	out := os.Args[1]
	want := os.Args[2:]
	if len(want) == 0 {
		for _, p := range allPkgs {
			if !handWritten[p] {
				want = append(want, p)
			}
		}
	}
	// Hand-written packages: read their names.
	for p := range handWritten {
		names := map[string]bool{}
		file := filepath.Join(out, p, filepath.Base(p)+".go")
		f, err := parser.ParseFile(fset, file, nil, 0)
		if err != nil {
			fmt.Fprintln(os.Stderr, "warning:", err)
		} else {
			for name := range f.Scope.Objects {
				names[name] = true
			}
		}
		declared[p] = names
	}
	// Generated packages: load all first so cross-package references know
	// what exists.
	gens := map[string]*gen{}
	for _, p := range allPkgs {
		if handWritten[p] {
			continue
		}
		g, err := load(p)
		if err != nil {
			fmt.Fprintln(os.Stderr, p+":", err)
			os.Exit(1)
		}
		gens[p] = g
		names := map[string]bool{}
		for _, name := range g.pkg.Scope().Names() {
			obj := g.pkg.Scope().Lookup(name)
			if !obj.Exported() || !g.allowed(name) {
				continue
			}
			if tn, ok := obj.(*types.TypeName); ok {
				if n, ok := tn.Type().(*types.Named); ok && n.TypeParams().Len() > 0 {
					continue
				}
			}
			names[name] = true
		}
		declared[p] = names
	}
	for _, p := range want {
		g := gens[p]
		if g == nil {
			fmt.Fprintln(os.Stderr, "not a generated package:", p)
			os.Exit(1)
		}
		src := g.render()
		formatted, err := format.Source(src)
		if err != nil {
			fmt.Fprintln(os.Stderr, p+": gofmt:", err)
			formatted = src
		}
		dir := filepath.Join(out, p)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			panic(err)
		}
		file := filepath.Join(dir, filepath.Base(p)+".go")
		if err := os.WriteFile(file, formatted, 0o644); err != nil {
			panic(err)
		}
		fmt.Println("wrote", file)
	}
}

func (g *gen) allowed(name string) bool {
	list, ok := allow[g.path]
	if !ok {
		return true
	}
	for _, n := range list {
		if n == name {
			return true
		}
	}
	return false
}

func load(path string) (*gen, error) {
	bp, err := build.Default.Import(path, "", 0)
	if err != nil {
		return nil, err
	}
	var files []*ast.File
	docText := ""
	for _, name := range bp.GoFiles {
		f, err := parser.ParseFile(fset, filepath.Join(bp.Dir, name), nil, parser.ParseComments)
		if err != nil {
			return nil, err
		}
		if f.Doc != nil && docText == "" {
			docText = f.Doc.Text()
		}
		files = append(files, f)
	}
	info := &types.Info{
		Defs:  map[*ast.Ident]types.Object{},
		Uses:  map[*ast.Ident]types.Object{},
		Types: map[ast.Expr]types.TypeAndValue{},
	}
	conf := types.Config{Importer: imp, Error: func(error) {}}
	pkg, _ := conf.Check(path, fset, files, info)
	g := &gen{
		pkg: pkg, path: path, info: info, imports: map[string]bool{},
		skipped: map[string][]string{}, emitted: map[string]bool{},
		constSrc: map[*types.Const]ast.Expr{}, varInit: map[*types.Var]ast.Expr{},
		docText: docText, docs: map[types.Object]string{},
	}
	var dp doc.Package
	synopsis := func(cg *ast.CommentGroup) string {
		if cg == nil {
			return ""
		}
		return dp.Synopsis(cg.Text())
	}
	for _, f := range files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok {
				if obj := info.Defs[fd.Name]; obj != nil {
					g.docs[obj] = synopsis(fd.Doc)
				}
				continue
			}
			gd, ok := d.(*ast.GenDecl)
			if !ok {
				continue
			}
			for _, s := range gd.Specs {
				if ts, ok := s.(*ast.TypeSpec); ok {
					cg := ts.Doc
					if cg == nil && len(gd.Specs) == 1 {
						cg = gd.Doc
					}
					if obj := info.Defs[ts.Name]; obj != nil {
						g.docs[obj] = synopsis(cg)
					}
				}
			}
			for _, s := range gd.Specs {
				vs, ok := s.(*ast.ValueSpec)
				if !ok {
					continue
				}
				for i, id := range vs.Names {
					obj := info.Defs[id]
					var e ast.Expr
					if i < len(vs.Values) && len(vs.Values) == len(vs.Names) {
						e = vs.Values[i]
					}
					switch o := obj.(type) {
					case *types.Const:
						if e != nil {
							g.constSrc[o] = e
						}
					case *types.Var:
						if e != nil {
							g.varInit[o] = e
						}
					}
				}
			}
		}
	}
	return g, nil
}

func (g *gen) skip(name, reason string) {
	g.skipped[reason] = append(g.skipped[reason], name)
}

// typ renders t in gol's subset. exported says whether t appears in the
// exported API (where identity matters and an inexpressible type means the
// declaration is skipped) or in an unexported field (where a placeholder
// of the same shape will do).
func (g *gen) typ(t types.Type, exported bool, depth int) (string, *failure) {
	if depth > 6 {
		return "any", nil
	}
	switch t := t.(type) {
	case *types.Alias:
		if t.Obj().Name() == "any" && t.Obj().Pkg() == nil {
			return "any", nil
		}
		return g.typ(types.Unalias(t), exported, depth)
	case *types.Basic:
		switch t.Kind() {
		case types.UnsafePointer:
			if exported {
				return "", &failure{"unsafe"}
			}
			return "uintptr", nil
		case types.Complex64, types.Complex128, types.UntypedComplex:
			if exported {
				return "", &failure{"complex numbers"}
			}
			return "[2]float64", nil
		}
		return t.Name(), nil
	case *types.Named:
		obj := t.Obj()
		if obj.Pkg() == nil {
			return obj.Name(), nil // error, comparable
		}
		p := obj.Pkg().Path()
		if exported && (p == "iter" || p == "reflect") {
			return "", &failure{p}
		}
		if t.TypeArgs().Len() > 0 || t.TypeParams().Len() > 0 {
			if exported {
				return "", &failure{"generic"}
			}
			return g.placeholder(t, depth)
		}
		if obj.Exported() && declared[p][obj.Name()] {
			if p == g.path {
				return obj.Name(), nil
			}
			g.imports[p] = true
			return obj.Pkg().Name() + "." + obj.Name(), nil
		}
		if exported {
			switch {
			case p == "reflect":
				return "", &failure{"reflect"}
			case p == "iter":
				return "", &failure{"iter"}
			case p == g.path && !obj.Exported():
				// An unexported type in the API: spell out its shape.
				return g.typ(t.Underlying(), true, depth+1)
			case inSet(p):
				return "", &failure{"not declared by gol: " + p + "." + obj.Name()}
			default:
				return "", &failure{"uses package " + p}
			}
		}
		return g.placeholder(t, depth)
	case *types.Pointer:
		if !exported && g.undeclared(t.Elem()) {
			return "any", nil
		}
		s, f := g.typ(t.Elem(), exported, depth+1)
		return "*" + s, f
	case *types.Slice:
		s, f := g.typ(t.Elem(), exported, depth+1)
		return "[]" + s, f
	case *types.Array:
		s, f := g.typ(t.Elem(), exported, depth+1)
		return fmt.Sprintf("[%d]%s", t.Len(), s), f
	case *types.Map:
		k, f := g.typ(t.Key(), exported, depth+1)
		if f != nil {
			return "", f
		}
		v, f := g.typ(t.Elem(), exported, depth+1)
		return "map[" + k + "]" + v, f
	case *types.Chan:
		s, f := g.typ(t.Elem(), exported, depth+1)
		switch t.Dir() {
		case types.SendOnly:
			return "chan<- " + s, f
		case types.RecvOnly:
			return "<-chan " + s, f
		}
		if strings.HasPrefix(s, "<-") {
			s = "(" + s + ")"
		}
		return "chan " + s, f
	case *types.Signature:
		s, f := g.sig(t, exported, depth)
		return "func" + s, f
	case *types.Struct:
		return g.structType(t, exported, depth, "")
	case *types.Interface:
		return g.ifaceType(t, exported, depth)
	case *types.TypeParam:
		return "", &failure{"generic"}
	}
	return "", &failure{fmt.Sprintf("unknown type %T", t)}
}

func (g *gen) tuple(tp *types.Tuple, variadic, exported bool, depth int) (string, *failure) {
	var parts []string
	named := false
	for i := 0; i < tp.Len(); i++ {
		if tp.At(i).Name() != "" {
			named = true
		}
	}
	for i := 0; i < tp.Len(); i++ {
		v := tp.At(i)
		var s string
		var f *failure
		if variadic && i == tp.Len()-1 {
			s, f = g.typ(v.Type().(*types.Slice).Elem(), exported, depth+1)
			s = "..." + s
		} else {
			s, f = g.typ(v.Type(), exported, depth+1)
		}
		if f != nil {
			return "", f
		}
		if named {
			name := v.Name()
			if name == "" {
				name = "_"
			}
			s = name + " " + s
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, ", "), nil
}

func (g *gen) sig(s *types.Signature, exported bool, depth int) (string, *failure) {
	if s.TypeParams().Len() > 0 {
		return "", &failure{"generic"}
	}
	params, f := g.tuple(s.Params(), s.Variadic(), exported, depth)
	if f != nil {
		return "", f
	}
	res, f := g.tuple(s.Results(), false, exported, depth)
	if f != nil {
		return "", f
	}
	out := "(" + params + ")"
	switch {
	case s.Results().Len() == 0:
	case s.Results().Len() == 1 && s.Results().At(0).Name() == "":
		out += " " + res
	default:
		out += " (" + res + ")"
	}
	return out, nil
}

// structType renders a struct. For a named type's own struct (owner != ""),
// exported fields that cannot be expressed are dropped and recorded.
func (g *gen) structType(st *types.Struct, exported bool, depth int, owner string) (string, *failure) {
	if st.NumFields() == 0 {
		return "struct{}", nil
	}
	var b strings.Builder
	b.WriteString("struct {\n")
	for i := 0; i < st.NumFields(); i++ {
		fld := st.Field(i)
		if fld.Name() == "_" {
			continue
		}
		if fld.Exported() && exported {
			s, f := g.typ(fld.Type(), true, depth+1)
			if f != nil {
				if owner != "" {
					g.skip(owner+"."+fld.Name(), f.reason)
					continue
				}
				return "", f
			}
			if fld.Embedded() {
				fmt.Fprintf(&b, "\t%s\n", s)
			} else {
				fmt.Fprintf(&b, "\t%s %s\n", fld.Name(), s)
			}
			continue
		}
		s, _ := g.typ(fld.Type(), false, depth+1)
		name := fld.Name()
		if fld.Embedded() {
			// An unexported embedded type becomes a named field.
			name = strings.ToLower(name[:1]) + name[1:]
		}
		fmt.Fprintf(&b, "\t%s %s\n", name, s)
	}
	b.WriteString("}")
	return b.String(), nil
}

func (g *gen) ifaceType(it *types.Interface, exported bool, depth int) (string, *failure) {
	if it.NumEmbeddeds() == 0 && it.NumExplicitMethods() == 0 {
		return "any", nil
	}
	var b strings.Builder
	b.WriteString("interface {\n")
	for i := 0; i < it.NumEmbeddeds(); i++ {
		s, f := g.typ(it.EmbeddedType(i), exported, depth+1)
		if f != nil {
			if !exported {
				return "any", nil
			}
			return "", f
		}
		if _, ok := it.EmbeddedType(i).Underlying().(*types.Interface); !ok {
			return "", &failure{"generic"}
		}
		fmt.Fprintf(&b, "\t%s\n", s)
	}
	for i := 0; i < it.NumExplicitMethods(); i++ {
		m := it.ExplicitMethod(i)
		s, f := g.sig(m.Type().(*types.Signature), exported, depth+1)
		if f != nil {
			if !exported {
				return "any", nil
			}
			return "", f
		}
		fmt.Fprintf(&b, "\t%s%s\n", m.Name(), s)
	}
	b.WriteString("}")
	return b.String(), nil
}

// undeclared: a named type gol does not declare (unexported, internal,
// generic or from a package gol lacks) whose underlying type is not basic.
func (g *gen) undeclared(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return false
	}
	if _, basic := n.Underlying().(*types.Basic); basic {
		return false
	}
	obj := n.Obj()
	return n.TypeArgs().Len() > 0 || !obj.Exported() || !declared[obj.Pkg().Path()][obj.Name()]
}

// placeholder stands in for an undeclared named type in an unexported
// field: its basic underlying type, its spelled-out struct or array shape
// when it is the field's own type (so sync.Mutex keeps `state int32; sema
// uint32`), and otherwise an opaque `any` slot. Deeper expansion would copy
// the runtime's internals (abi.Type, moduledata ...) into the declarations.
func (g *gen) placeholder(n *types.Named, depth int) (string, *failure) {
	switch u := n.Underlying().(type) {
	case *types.Basic:
		return g.typ(u, false, depth+1)
	case *types.Struct, *types.Array:
		if depth <= 1 {
			return g.typ(u, false, depth+1)
		}
	}
	return "any", nil
}

// constExpr decides how a constant's value is written.
func (g *gen) constExpr(c *types.Const) string {
	if e, ok := g.constSrc[c]; ok && g.selfContained(e) {
		var buf bytes.Buffer
		printer.Fprint(&buf, fset, e)
		return buf.String()
	}
	v := c.Val()
	switch v.Kind() {
	case constant.String:
		return strconv.Quote(constant.StringVal(v))
	case constant.Bool:
		return v.String()
	case constant.Int:
		if b, ok := c.Type().(*types.Basic); ok && b.Kind() == types.UntypedRune {
			n, _ := constant.Int64Val(v)
			return fmt.Sprintf("'\\U%08x'", n)
		}
		return v.ExactString()
	case constant.Float:
		s := v.ExactString()
		if i := strings.Index(s, "/"); i >= 0 {
			return s[:i] + ".0/" + s[i+1:]
		}
		if !strings.ContainsAny(s, ".eE") {
			s += ".0"
		}
		return s
	}
	return v.ExactString()
}

// selfContained: the expression uses only literals and exported constants
// of this package that are themselves declared (never iota).
func (g *gen) selfContained(e ast.Expr) bool {
	ok := true
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Ident:
			obj := g.info.Uses[n]
			c, isConst := obj.(*types.Const)
			if !isConst || c.Pkg() != g.pkg || !c.Exported() || !g.allowed(c.Name()) {
				ok = false
			}
		case *ast.SelectorExpr, *ast.CallExpr:
			ok = false
		}
		return ok
	})
	return ok
}

func (g *gen) render() []byte {
	scope := g.pkg.Scope()
	var consts, vars, funcs, typs bytes.Buffer
	names := scope.Names()
	// Source order, as a reader of Go's docs expects (iota blocks in order).
	sort.SliceStable(names, func(i, j int) bool {
		return scope.Lookup(names[i]).Pos() < scope.Lookup(names[j]).Pos()
	})
	for _, name := range names {
		obj := scope.Lookup(name)
		if !obj.Exported() || !g.allowed(name) {
			continue
		}
		switch o := obj.(type) {
		case *types.Const:
			t := ""
			if b, ok := o.Type().(*types.Basic); !ok || b.Info()&types.IsUntyped == 0 {
				s, f := g.typ(o.Type(), true, 0)
				if f != nil {
					g.skip(name, f.reason)
					continue
				}
				t = " " + s
			}
			fmt.Fprintf(&consts, "\t%s%s = %s\n", name, t, g.constExpr(o))
		case *types.Var:
			if e, ok := g.varInit[o]; ok && g.isErrorsNew(e) {
				var buf bytes.Buffer
				printer.Fprint(&buf, fset, e)
				fmt.Fprintf(&vars, "\t%s = %s\n", name, buf.String())
				continue
			}
			s, f := g.typ(o.Type(), true, 0)
			if f != nil {
				g.skip(name, f.reason)
				continue
			}
			fmt.Fprintf(&vars, "\t%s %s\n", name, s)
		case *types.Func:
			s, f := g.sig(o.Type().(*types.Signature), true, 0)
			if f != nil {
				g.skip(name, f.reason)
				continue
			}
			g.comment(&funcs, o, "")
			fmt.Fprintf(&funcs, "func %s%s\n\n", name, s)
		case *types.TypeName:
			g.renderType(&typs, o)
		}
	}
	var out bytes.Buffer
	g.header(&out)
	if consts.Len() > 0 {
		fmt.Fprintf(&out, "const (\n%s)\n\n", consts.String())
	}
	if vars.Len() > 0 {
		fmt.Fprintf(&out, "var (\n%s)\n\n", vars.String())
	}
	out.Write(funcs.Bytes())
	out.Write(typs.Bytes())
	// Header was written before the imports were known: patch them in.
	text := out.String()
	var imps []string
	for p := range g.imports {
		imps = append(imps, strconv.Quote(p))
	}
	sort.Strings(imps)
	imp := ""
	if len(imps) > 0 {
		imp = "import (\n\t" + strings.Join(imps, "\n\t") + "\n)\n"
	}
	return []byte(strings.Replace(text, "@IMPORTS@\n", imp, 1))
}

func (g *gen) isErrorsNew(e ast.Expr) bool {
	call, ok := e.(*ast.CallExpr)
	if !ok || len(call.Args) != 1 {
		return false
	}
	if _, ok := call.Args[0].(*ast.BasicLit); !ok {
		return false
	}
	switch fn := call.Fun.(type) {
	case *ast.SelectorExpr:
		if x, ok := fn.X.(*ast.Ident); ok && x.Name == "errors" && fn.Sel.Name == "New" {
			g.imports["errors"] = true
			return true
		}
	case *ast.Ident:
		return g.path == "errors" && fn.Name == "New"
	}
	return false
}

func (g *gen) renderType(out *bytes.Buffer, tn *types.TypeName) {
	name := tn.Name()
	if tn.IsAlias() {
		s, f := g.typ(tn.Type(), true, 0)
		if f != nil {
			g.skip(name, f.reason)
			return
		}
		fmt.Fprintf(out, "type %s = %s\n\n", name, s)
		return
	}
	n := tn.Type().(*types.Named)
	if n.TypeParams().Len() > 0 {
		g.skip(name, "generic")
		return
	}
	var body string
	var f *failure
	switch u := n.Underlying().(type) {
	case *types.Struct:
		body, f = g.structType(u, true, 0, name)
	default:
		body, f = g.typ(u, true, 0)
	}
	if f != nil {
		g.skip(name, f.reason)
		return
	}
	g.comment(out, tn, "")
	fmt.Fprintf(out, "type %s %s\n\n", name, body)
	for i := 0; i < n.NumMethods(); i++ {
		m := n.Method(i)
		if !m.Exported() {
			continue
		}
		sig := m.Type().(*types.Signature)
		s, f := g.sig(sig, true, 0)
		if f != nil {
			g.skip(name+"."+m.Name(), f.reason)
			continue
		}
		recv := sig.Recv()
		rt := name
		if _, ok := recv.Type().(*types.Pointer); ok {
			rt = "*" + name
		}
		rn := recv.Name()
		if rn == "" || rn == "_" {
			rn = strings.ToLower(name[:1])
		}
		g.comment(out, m, "")
		fmt.Fprintf(out, "func (%s %s) %s%s\n\n", rn, rt, m.Name(), s)
	}
	// Methods promoted through an embedded field this file turned into a
	// named one would be lost: report them so they get declared.
	ms := types.NewMethodSet(types.NewPointer(n))
	for i := 0; i < ms.Len(); i++ {
		sel := ms.At(i)
		if len(sel.Index()) > 1 && sel.Obj().Exported() {
			st, ok := n.Underlying().(*types.Struct)
			if ok {
				fld := st.Field(sel.Index()[0])
				if !fld.Exported() {
					fmt.Fprintf(os.Stderr, "%s: %s.%s promoted through unexported %s\n", g.path, name, sel.Obj().Name(), fld.Name())
				}
			}
		}
	}
}

// comment would document obj. gol's declaration files carry no prose
// taken from Go's sources: they hold the API (names, types, values) only,
// and Go's own documentation is where a reader looks up what a name does.
func (g *gen) comment(out *bytes.Buffer, obj types.Object, indent string) {
	_, _, _ = out, obj, indent
}

func (g *gen) header(out *bytes.Buffer) {
	fmt.Fprintf(out, "// Package %s: ", g.path)
	out.WriteString("gol's declaration of this package for the type checker: functions\n")
	out.WriteString("// without bodies are implemented natively by the VM. Generated by\n")
	out.WriteString("// stdlib/tools/declgen from Go's own source.\n")
	if _, ok := allow[g.path]; ok {
		out.WriteString("//\n// Only the part of this package that gol provides is declared; the rest\n")
		out.WriteString("// of Go's exported API is absent.\n")
	}
	if len(g.skipped) > 0 {
		out.WriteString("//\n// Not declared (outside gol's subset):\n")
		var reasons []string
		for r := range g.skipped {
			reasons = append(reasons, r)
		}
		sort.Strings(reasons)
		for _, r := range reasons {
			names := g.skipped[r]
			sort.Strings(names)
			fmt.Fprintf(out, "//   - %s: %s\n", r, wrapComment(strings.Join(names, ", "), "//     "))
		}
	}
	fmt.Fprintf(out, "package %s\n\n@IMPORTS@\n", g.pkg.Name())
}

func wrapComment(s, indent string) string {
	words := strings.Fields(s)
	var b strings.Builder
	col := len(indent)
	for i, w := range words {
		if i > 0 {
			if col+1+len(w) > 76 {
				b.WriteString("\n" + indent)
				col = len(indent)
			} else {
				b.WriteString(" ")
				col++
			}
		}
		b.WriteString(w)
		col += len(w)
	}
	return b.String()
}
