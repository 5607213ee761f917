// Package template: gol's text/template. The lexer, the parser, the
// executor's control flow and the builtins are Go here; reading values
// by their types (fields, map entries, elements, methods and calls)
// is done by natives over the VM's type descriptors
// (stdlib/src/natives/template.rs, declared in value.go): gol has no
// reflect package. Parse and execution errors carry Go's text.
//
// Not here: html/template; the text/template/parse package (parse trees
// are kept inside, so there is no Tree field or AddParseTree); complex
// constants; range over iterator funcs; range over
// channels other than chan int, chan string and chan any (and their
// receive-only forms); pointer methods of array elements; functions and
// methods whose parameter or result types the natives cannot name
// unambiguously (two local types of one name). Each is a clear error.
// A nil interface held in a field or map entry reads as no value at all
// (Go keeps it as a nil interface): an error field holding nil prints
// "<no value>" where Go prints "<nil>".
package template

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
)

type missingKeyAction int

const (
	mapInvalid missingKeyAction = iota
	mapZeroValue
	mapError
)

type option struct {
	missingKey missingKeyAction
}

// common holds the information shared by related templates.
type common struct {
	tmpl       map[string]*Template
	option     option
	parseFuncs FuncMap
	execFuncs  map[string]any
}

// Template is the representation of a parsed template.
type Template struct {
	name string
	tree *tree
	*common
	leftDelim  string
	rightDelim string
}

// New allocates a new, undefined template with the given name.
func New(name string) *Template {
	t := &Template{name: name}
	t.init()
	return t
}

// Must is a helper that wraps a call to a function returning
// (*Template, error) and panics if the error is non-nil.
func Must(t *Template, err error) *Template {
	if err != nil {
		panic(err)
	}
	return t
}

// Name returns the name of the template.
func (t *Template) Name() string {
	return t.name
}

// New allocates a new, undefined template associated with the given one
// and with the same delimiters.
func (t *Template) New(name string) *Template {
	t.init()
	return &Template{name: name, common: t.common, leftDelim: t.leftDelim, rightDelim: t.rightDelim}
}

func (t *Template) init() {
	if t.common == nil {
		t.common = &common{tmpl: make(map[string]*Template), parseFuncs: make(FuncMap), execFuncs: make(map[string]any)}
	}
}

// Clone returns a duplicate of the template, including all associated
// templates.
func (t *Template) Clone() (*Template, error) {
	nt := t.copy(nil)
	nt.init()
	if t.common == nil {
		return nt, nil
	}
	for k, v := range t.tmpl {
		if k == t.name {
			nt.tmpl[t.name] = nt
			continue
		}
		tmpl := v.copy(nt.common)
		nt.tmpl[k] = tmpl
	}
	for k, v := range t.parseFuncs {
		nt.parseFuncs[k] = v
	}
	for k, v := range t.execFuncs {
		nt.execFuncs[k] = v
	}
	nt.option = t.option
	return nt, nil
}

func (t *Template) copy(c *common) *Template {
	return &Template{name: t.name, tree: t.tree, common: c, leftDelim: t.leftDelim, rightDelim: t.rightDelim}
}

// Delims sets the action delimiters to the specified strings, to be used
// in subsequent calls to Parse. An empty delimiter stands for the default.
func (t *Template) Delims(left, right string) *Template {
	t.init()
	t.leftDelim = left
	t.rightDelim = right
	return t
}

// Funcs adds the elements of the argument map to the template's function
// map. It panics if a value in the map is not a function with
// appropriate return type or if the name cannot be used syntactically
// as a function in a template.
func (t *Template) Funcs(funcMap FuncMap) *Template {
	t.init()
	for name, fn := range funcMap {
		if !goodName(name) {
			panic(fmt.Errorf("function name %q is not a valid identifier", name))
		}
		if valueKind(fn) != kFunc {
			panic("value for " + name + " not a function")
		}
		_, _, _, nout, errOut, _, out2 := funcSig(fn, "")
		if nout == 2 && !errOut {
			panic(fmt.Errorf("invalid function signature for %s: second return value should be error; is %s", name, out2))
		}
		if nout != 1 && nout != 2 {
			panic(fmt.Errorf("function %s has %d return values; should be 1 or 2", name, nout))
		}
		t.parseFuncs[name] = fn
		t.execFuncs[name] = fn
	}
	return t
}

func goodName(name string) bool {
	if name == "" {
		return false
	}
	for i, r := range name {
		switch {
		case r == '_':
		case i == 0 && !isLetter(r):
			return false
		case !isLetter(r) && !(r >= '0' && r <= '9'):
			return false
		}
	}
	return true
}

func isLetter(r rune) bool {
	return r == '_' || isAlphaNumeric(r) && !(r >= '0' && r <= '9')
}

// Lookup returns the template with the given name that is associated
// with t. It returns nil if there is no such template or the template
// has no definition.
func (t *Template) Lookup(name string) *Template {
	if t.common == nil {
		return nil
	}
	return t.tmpl[name]
}

// Templates returns a slice of defined templates associated with t.
func (t *Template) Templates() []*Template {
	if t.common == nil {
		return nil
	}
	m := make([]*Template, 0, len(t.tmpl))
	for _, v := range t.tmpl {
		m = append(m, v)
	}
	return m
}

// DefinedTemplates returns a string listing the defined templates,
// prefixed by the string "; defined templates are: ". If there are
// none, it returns the empty string.
func (t *Template) DefinedTemplates() string {
	if t.common == nil {
		return ""
	}
	var b strings.Builder
	for name, tmpl := range t.tmpl {
		if tmpl.tree == nil || tmpl.tree.root == nil {
			continue
		}
		if b.Len() == 0 {
			b.WriteString("; defined templates are: ")
		} else {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%q", name)
	}
	return b.String()
}

// Option sets options for the template: "missingkey=default" or
// "missingkey=invalid", "missingkey=zero", "missingkey=error".
func (t *Template) Option(opt ...string) *Template {
	t.init()
	for _, s := range opt {
		t.setOption(s)
	}
	return t
}

func (t *Template) setOption(opt string) {
	if opt == "" {
		panic("empty option string")
	}
	if key, value, ok := strings.Cut(opt, "="); ok && key == "missingkey" {
		switch value {
		case "invalid", "default":
			t.option.missingKey = mapInvalid
			return
		case "zero":
			t.option.missingKey = mapZeroValue
			return
		case "error":
			t.option.missingKey = mapError
			return
		}
	}
	panic("unrecognized option: " + opt)
}

// Parse parses text as a template body for t. Named template
// definitions ({{define ...}} or {{block ...}} statements) in text
// define additional templates associated with t.
func (t *Template) Parse(text string) (*Template, error) {
	t.init()
	trees := make(map[string]*tree)
	builtins := make(map[string]any)
	for name := range builtinSigs {
		builtins[name] = true
	}
	if err := parseText(t.name, text, t.leftDelim, t.rightDelim, trees, false, t.parseFuncs, builtins); err != nil {
		return nil, err
	}
	for name, tr := range trees {
		nt := t
		if name != t.name {
			nt = t.New(name)
		}
		if t.associate(nt, tr) || nt.tree == nil {
			nt.tree = tr
		}
	}
	return t, nil
}

func (t *Template) associate(nt *Template, tr *tree) bool {
	if old := t.tmpl[nt.name]; old != nil && isEmptyTree(tr.root) && old.tree != nil {
		return false
	}
	t.tmpl[nt.name] = nt
	return true
}

// ParseFiles parses the named files and associates the resulting
// templates with t.
func (t *Template) ParseFiles(filenames ...string) (*Template, error) {
	t.init()
	return parseFiles(t, readFileOS, filenames...)
}

// ParseFiles creates a new Template and parses the template definitions
// from the named files.
func ParseFiles(filenames ...string) (*Template, error) {
	return parseFiles(nil, readFileOS, filenames...)
}

// readFileOS reads a named file of the host: the template's name is its
// base name.
func readFileOS(file string) (name string, b []byte, err error) {
	name = filepath.Base(file)
	b, err = os.ReadFile(file)
	return
}

// readFileFS reads files of fsys (slash-separated names).
func readFileFS(fsys fs.FS) func(string) (string, []byte, error) {
	return func(file string) (name string, b []byte, err error) {
		name = path.Base(file)
		b, err = fs.ReadFile(fsys, file)
		return
	}
}

// ParseFS is ParseGlob over the file system fsys, for each of the
// patterns (fs.Glob's syntax) in turn.
func ParseFS(fsys fs.FS, patterns ...string) (*Template, error) {
	return parseFS(nil, fsys, patterns)
}

// ParseFS is ParseGlob over the file system fsys, associating the
// templates with t.
func (t *Template) ParseFS(fsys fs.FS, patterns ...string) (*Template, error) {
	t.init()
	return parseFS(t, fsys, patterns)
}

func parseFS(t *Template, fsys fs.FS, patterns []string) (*Template, error) {
	var filenames []string
	for _, pattern := range patterns {
		list, err := fs.Glob(fsys, pattern)
		if err != nil {
			return nil, err
		}
		if len(list) == 0 {
			return nil, fmt.Errorf("template: pattern matches no files: %#q", pattern)
		}
		filenames = append(filenames, list...)
	}
	return parseFiles(t, readFileFS(fsys), filenames...)
}

func parseFiles(t *Template, readFile func(string) (string, []byte, error), filenames ...string) (*Template, error) {
	if len(filenames) == 0 {
		return nil, fmt.Errorf("template: no files named in call to ParseFiles")
	}
	for _, filename := range filenames {
		name, b, err := readFile(filename)
		if err != nil {
			return nil, err
		}
		var tmpl *Template
		if t == nil {
			t = New(name)
		}
		if name == t.Name() {
			tmpl = t
		} else {
			tmpl = t.New(name)
		}
		if _, err := tmpl.Parse(string(b)); err != nil {
			return nil, err
		}
	}
	return t, nil
}

// ParseGlob creates a new Template and parses the template definitions
// from the files identified by the pattern.
func ParseGlob(pattern string) (*Template, error) {
	return parseGlob(nil, pattern)
}

// ParseGlob parses the template definitions in the files identified by
// the pattern and associates the resulting templates with t.
func (t *Template) ParseGlob(pattern string) (*Template, error) {
	t.init()
	return parseGlob(t, pattern)
}

func parseGlob(t *Template, pattern string) (*Template, error) {
	filenames, err := filepath.Glob(pattern)
	if err != nil {
		return nil, err
	}
	if len(filenames) == 0 {
		return nil, fmt.Errorf("template: pattern matches no files: %#q", pattern)
	}
	return parseFiles(t, readFileOS, filenames...)
}

// Execute applies a parsed template to the specified data object,
// writing the output to wr.
func (t *Template) Execute(wr io.Writer, data any) (err error) {
	defer errRecover(&err)
	s := &state{tmpl: t, wr: wr, vars: []variable{{"$", data}}}
	if t.tree == nil || t.tree.root == nil {
		s.errorf("%q is an incomplete or empty template", t.Name())
	}
	s.walk(data, t.tree.root)
	return nil
}

// ExecuteTemplate applies the template associated with t that has the
// given name to the specified data object and writes the output to wr.
func (t *Template) ExecuteTemplate(wr io.Writer, name string, data any) error {
	tmpl := t.Lookup(name)
	if tmpl == nil {
		return fmt.Errorf("template: no template %q associated with template %q", name, t.name)
	}
	return tmpl.Execute(wr, data)
}
