// Command validate checks gol's standard package declarations
// (stdlib/go/**) with the native Go toolchain.
//
// It is a development aid, not part of gol: run it from stdlib/tools with
//
//	go run ./validate ../go
//
// The declaration files are Go except that functions and methods may lack
// bodies (their implementation is native Rust in gol's VM). This tool copies
// every package to a temporary module `golstd` (GOTMPDIR or /tmp), gives
// each bodyless function the body `{ panic("x") }`, rewrites imports of
// other gol packages to `golstd/<path>` (so the copies, not Go's real
// packages, are checked against each other), then runs `go build ./...` and
// `go vet ./...` there. Real Go then confirms that the declarations are
// well-typed, that every import is used, that there are no import cycles
// and that method signatures look like the standard ones vet knows
// (io.Reader's Read, fmt.Stringer's String, ...). It exits non-zero on any
// failure and leaves the copy in place for inspection.
//
// The rewrite works on the syntax tree (go/parser, go/printer), so comments
// and positions of the original stay readable in error messages.
package main

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/printer"
	"go/token"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
)

const module = "golstd"

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: validate STDLIB_GO_DIR")
		os.Exit(2)
	}
	root := os.Args[1]
	// The gol packages: every directory holding a .go file.
	pkgs := map[string]bool{}
	var files []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(path, ".go") {
			rel, _ := filepath.Rel(root, filepath.Dir(path))
			pkgs[filepath.ToSlash(rel)] = true
			files = append(files, path)
		}
		return nil
	})
	if err != nil {
		fail(err)
	}
	tmp := os.Getenv("GOTMPDIR")
	if tmp == "" {
		tmp = os.TempDir()
	}
	out := filepath.Join(tmp, "golstd-check")
	if err := os.RemoveAll(out); err != nil {
		fail(err)
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		fail(err)
	}
	if err := os.WriteFile(filepath.Join(out, "go.mod"), []byte("module "+module+"\n\ngo 1.27\n"), 0o644); err != nil {
		fail(err)
	}
	for _, path := range files {
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, path, nil, parser.ParseComments)
		if err != nil {
			fail(err)
		}
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			if pkgs[p] {
				if imp.Name == nil {
					// Keep the package name the code uses.
					imp.Name = ast.NewIdent(filepath.Base(p))
				}
				imp.Path.Value = strconv.Quote(module + "/" + p)
			}
		}
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if ok && fd.Body == nil {
				fd.Body = &ast.BlockStmt{List: []ast.Stmt{&ast.ExprStmt{X: &ast.CallExpr{
					Fun:  ast.NewIdent("panic"),
					Args: []ast.Expr{&ast.BasicLit{Kind: token.STRING, Value: `"x"`}},
				}}}}
			}
		}
		rel, _ := filepath.Rel(root, path)
		dst := filepath.Join(out, rel)
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			fail(err)
		}
		var buf bytes.Buffer
		if err := printer.Fprint(&buf, fset, f); err != nil {
			fail(err)
		}
		if err := os.WriteFile(dst, buf.Bytes(), 0o644); err != nil {
			fail(err)
		}
	}
	ok := run(out, "go", "build", "./...") && run(out, "go", "vet", "./...")
	if !ok {
		fmt.Fprintln(os.Stderr, "FAIL; the checked copy is in", out)
		os.Exit(1)
	}
	fmt.Printf("ok: %d packages build and vet clean\n", len(pkgs))
}

func run(dir string, name string, args ...string) bool {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Stdout = os.Stdout
	cmd.Stderr = os.Stderr
	return cmd.Run() == nil
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, err)
	os.Exit(1)
}
