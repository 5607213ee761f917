// The executor of package template.

package template

// The executor walks a tree with data, as Go's exec.go does, and stops
// at the first error with Go's message. Control flow, variables and the
// builtins are here; reading values goes through the natives in value.go.

import (
	"fmt"
	"io"
	"strings"
)

const maxExecDepth = 100000

// ExecError is the custom error type returned when Execute has an error
// evaluating its template. (If a write error occurs, the actual error is
// returned; it will not be of type ExecError.)
type ExecError struct {
	Name string // Name of template.
	Err  error  // Pre-formatted error.
}

func (e ExecError) Error() string {
	return e.Err.Error()
}

func (e ExecError) Unwrap() error {
	return e.Err
}

type writeError struct {
	Err error
}

type variable struct {
	name  string
	value any
}

type state struct {
	tmpl  *Template
	wr    io.Writer
	node  *node
	vars  []variable
	depth int
}

// Walk outcomes for break and continue.
const (
	walkNormal = iota
	walkBreak
	walkContinue
)

func (s *state) push(name string, value any) {
	s.vars = append(s.vars, variable{name, value})
}

func (s *state) mark() int {
	return len(s.vars)
}

func (s *state) pop(mark int) {
	s.vars = s.vars[:mark]
}

func (s *state) setVar(name string, value any) {
	for i := s.mark() - 1; i >= 0; i-- {
		if s.vars[i].name == name {
			s.vars[i].value = value
			return
		}
	}
	s.errorf("undefined variable: %s", name)
}

func (s *state) setTopVar(n int, value any) {
	s.vars[len(s.vars)-n].value = value
}

func (s *state) varValue(name string) any {
	for i := s.mark() - 1; i >= 0; i-- {
		if s.vars[i].name == name {
			return s.vars[i].value
		}
	}
	s.errorf("undefined variable: %s", name)
	return nil
}

func (s *state) at(n *node) {
	s.node = n
}

func doublePercent(str string) string {
	return strings.ReplaceAll(str, "%", "%%")
}

// errorContext is Go's Tree.ErrorContext: "name:line:col" and the node.
func errorContext(n *node) (string, string) {
	pos := n.pos
	text := n.tr.text
	if pos > len(text) {
		pos = len(text)
	}
	text = text[:pos]
	byteNum := strings.LastIndex(text, "\n")
	if byteNum == -1 {
		byteNum = pos
	} else {
		byteNum++
		byteNum = pos - byteNum
	}
	lineNum := 1 + strings.Count(text, "\n")
	return fmt.Sprintf("%s:%d:%d", n.tr.parseName, lineNum, byteNum), n.String()
}

func (s *state) errorf(format string, args ...any) {
	name := doublePercent(s.tmpl.Name())
	if s.node == nil {
		format = fmt.Sprintf("template: %s: %s", name, format)
	} else {
		location, context := errorContext(s.node)
		format = fmt.Sprintf("template: %s: executing %q at <%s>: %s", location, name, doublePercent(context), format)
	}
	panic(ExecError{Name: s.tmpl.Name(), Err: fmt.Errorf(format, args...)})
}

func errRecover(errp *error) {
	e := recover()
	if e == nil {
		return
	}
	switch err := e.(type) {
	case writeError:
		*errp = err.Err
	case ExecError:
		*errp = err
	default:
		panic(e)
	}
}

func (s *state) walk(dot any, n *node) int {
	s.at(n)
	switch n.typ {
	case nodeAction:
		val := s.evalPipeline(dot, n.pipe)
		if len(n.pipe.decl) == 0 {
			s.printValue(n, val)
		}
	case nodeBreak:
		return walkBreak
	case nodeContinue:
		return walkContinue
	case nodeComment:
	case nodeIf, nodeWith:
		return s.walkIfOrWith(n.typ, dot, n.pipe, n.list, n.elseL)
	case nodeList:
		for _, c := range n.nodes {
			if r := s.walk(dot, c); r != walkNormal {
				return r
			}
		}
	case nodeRange:
		return s.walkRange(dot, n)
	case nodeTemplate:
		s.walkTemplate(dot, n)
	case nodeText:
		if _, err := io.WriteString(s.wr, n.text); err != nil {
			panic(writeError{err})
		}
	default:
		s.errorf("unknown node: %s", n)
	}
	return walkNormal
}

func (s *state) walkIfOrWith(typ int, dot any, pipe, list, elseList *node) int {
	defer s.pop(s.mark())
	val := s.evalPipeline(dot, pipe)
	t, ok := truth(val)
	if !ok {
		s.errorf("if/with can't use %v", plain(val))
	}
	if t {
		if typ == nodeWith {
			return s.walk(val, list)
		}
		return s.walk(dot, list)
	} else if elseList != nil {
		return s.walk(dot, elseList)
	}
	return walkNormal
}

// IsTrue reports whether the value is 'true', in the sense of not the
// zero of its type, and whether the value has a meaningful truth value.
func IsTrue(val any) (truth_, ok bool) {
	return truth(val)
}

func (s *state) walkRange(dot any, r *node) int {
	s.at(r)
	defer s.pop(s.mark())
	val, _ := indirect(s.evalPipeline(dot, r.pipe))
	mark := s.mark()
	// one runs the body once; it reports whether the range must stop.
	one := func(index, elem any, hasIndex bool) bool {
		if len(r.pipe.decl) > 0 {
			if r.pipe.isAssign {
				if len(r.pipe.decl) > 1 {
					s.setVar(r.pipe.decl[0].ident[0], index)
				} else {
					s.setVar(r.pipe.decl[0].ident[0], elem)
				}
			} else {
				s.setTopVar(1, elem)
			}
		}
		if len(r.pipe.decl) > 1 {
			if r.pipe.isAssign {
				s.setVar(r.pipe.decl[1].ident[0], elem)
			} else {
				s.setTopVar(2, index)
			}
		}
		res := s.walk(elem, r.list)
		s.pop(mark)
		return res == walkBreak
	}
	switch valueKind(val) {
	case kInt, kUint:
		if len(r.pipe.decl) > 1 {
			s.errorf("can't use %v to iterate over more than one variable", plain(val))
		}
		k, i, u, _, _ := basic(val)
		var n uint64
		if k == kInt {
			if i > 0 {
				n = uint64(i)
			}
		} else {
			n = u
		}
		if n == 0 {
			break
		}
		for j := uint64(0); j < n; j++ {
			if one(nil, intAs(val, j), false) {
				break
			}
		}
		return walkNormal
	case kArray, kSlice:
		n := length(val)
		if n == 0 {
			break
		}
		for i := 0; i < n; i++ {
			if one(i, indexOf(val, i), true) {
				break
			}
		}
		return walkNormal
	case kMap:
		keys, vals := mapEntries(val)
		if len(keys) == 0 {
			break
		}
		for i := range keys {
			if one(keys[i], vals[i], true) {
				break
			}
		}
		return walkNormal
	case kChan:
		recv, ok := chanReceiver(val)
		if !ok {
			s.errorf("gol: range over a channel of type %s in a template is not supported (chan int, chan string, chan any and their receive-only forms are)", typeName(val))
		}
		if recv == nil {
			break
		}
		i := 0
		for ; ; i++ {
			elem, ok := recv()
			if !ok {
				break
			}
			if one(i, elem, true) {
				i++
				break
			}
		}
		if i == 0 {
			break
		}
		return walkNormal
	case kInvalid:
	default:
		s.errorf("range can't iterate over %v", plain(val))
	}
	if r.elseL != nil {
		return s.walk(dot, r.elseL)
	}
	return walkNormal
}

// chanReceiver receives from the channel types a template may range
// over; recv is nil for a nil channel, ok false for other types.
func chanReceiver(v any) (recv func() (any, bool), ok bool) {
	switch c := v.(type) {
	case chan int:
		if c == nil {
			return nil, true
		}
		return func() (any, bool) { x, ok := <-c; return x, ok }, true
	case <-chan int:
		if c == nil {
			return nil, true
		}
		return func() (any, bool) { x, ok := <-c; return x, ok }, true
	case chan string:
		if c == nil {
			return nil, true
		}
		return func() (any, bool) { x, ok := <-c; return x, ok }, true
	case <-chan string:
		if c == nil {
			return nil, true
		}
		return func() (any, bool) { x, ok := <-c; return x, ok }, true
	case chan any:
		if c == nil {
			return nil, true
		}
		return func() (any, bool) { x, ok := <-c; return x, ok }, true
	case <-chan any:
		if c == nil {
			return nil, true
		}
		return func() (any, bool) { x, ok := <-c; return x, ok }, true
	}
	return nil, false
}

func (s *state) walkTemplate(dot any, t *node) {
	s.at(t)
	tmpl := s.tmpl.Lookup(t.str)
	if tmpl == nil || tmpl.tree == nil {
		s.errorf("template %q not defined", t.str)
	}
	if s.depth == maxExecDepth {
		s.errorf("exceeded maximum template depth (%v)", maxExecDepth)
	}
	dot = s.evalPipeline(dot, t.pipe)
	ns := &state{tmpl: tmpl, wr: s.wr, depth: s.depth + 1}
	ns.vars = []variable{{"$", dot}}
	ns.walk(dot, tmpl.tree.root)
}

func (s *state) evalPipeline(dot any, pipe *node) any {
	if pipe == nil {
		return nil
	}
	s.at(pipe)
	var value any
	has := false
	for _, cmd := range pipe.cmds {
		value = s.evalCommand(dot, cmd, value, has)
		has = true
	}
	for _, v := range pipe.decl {
		if pipe.isAssign {
			s.setVar(v.ident[0], value)
		} else {
			s.push(v.ident[0], value)
		}
	}
	return value
}

func (s *state) notAFunction(args []*node, hasFinal bool) {
	if len(args) > 1 || hasFinal {
		s.errorf("can't give argument to non-function %s", args[0])
	}
}

func (s *state) evalCommand(dot any, cmd *node, final any, hasFinal bool) any {
	first := cmd.args[0]
	switch first.typ {
	case nodeField:
		s.at(first)
		return s.evalFieldChain(dot, dot, first, first.ident, cmd.args, final, hasFinal)
	case nodeChain:
		return s.evalChain(dot, first, cmd.args, final, hasFinal)
	case nodeIdentifier:
		return s.evalFunction(dot, first, cmd, cmd.args, final, hasFinal)
	case nodePipe:
		s.notAFunction(cmd.args, hasFinal)
		return s.evalPipeline(dot, first)
	case nodeVariable:
		return s.evalVariable(dot, first, cmd.args, final, hasFinal)
	}
	s.at(first)
	s.notAFunction(cmd.args, hasFinal)
	switch first.typ {
	case nodeBool:
		return first.boolVal
	case nodeDot:
		return dot
	case nodeNil:
		s.errorf("nil is not a command")
	case nodeNumber:
		return s.idealConstant(first)
	case nodeString:
		return first.str
	}
	s.errorf("can't evaluate command %q", first)
	return nil
}

func isHexInt(s string) bool {
	return len(s) > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X') && !strings.ContainsAny(s, "pP")
}

func (s *state) idealConstant(c *node) any {
	s.at(c)
	switch {
	case c.isFloat && !isHexInt(c.text) && !(len(c.text) > 0 && c.text[0] == '\'') && strings.ContainsAny(c.text, ".eEpP"):
		return c.f64
	case c.isInt:
		return int(c.i64)
	case c.isUint:
		s.errorf("%s overflows int", c.text)
	}
	return nil
}

func (s *state) evalChain(dot any, chain *node, args []*node, final any, hasFinal bool) any {
	s.at(chain)
	if chain.sub.typ == nodeNil {
		s.errorf("indirection through explicit nil in %s", chain)
	}
	pipe := s.evalArgAny(dot, chain.sub)
	return s.evalFieldChain(dot, pipe, chain, chain.ident, args, final, hasFinal)
}

func (s *state) evalVariable(dot any, v *node, args []*node, final any, hasFinal bool) any {
	s.at(v)
	value := s.varValue(v.ident[0])
	if len(v.ident) == 1 {
		s.notAFunction(args, hasFinal)
		return value
	}
	return s.evalFieldChain(dot, value, v, v.ident[1:], args, final, hasFinal)
}

func (s *state) evalFieldChain(dot, receiver any, n *node, ident []string, args []*node, final any, hasFinal bool) any {
	last := len(ident) - 1
	for i := 0; i < last; i++ {
		receiver = s.evalField(dot, ident[i], n, nil, nil, false, receiver)
	}
	return s.evalField(dot, ident[last], n, args, final, hasFinal, receiver)
}

func (s *state) evalField(dot any, fieldName string, n *node, args []*node, final any, hasFinal bool, receiver any) any {
	if receiver == nil {
		if s.tmpl.option.missingKey == mapError {
			s.errorf("nil data; no entry for key %q", fieldName)
		}
		return nil
	}
	typ := typeName(receiver)
	if hasMethod(receiver, fieldName) {
		return s.evalCall(dot, receiver, fieldName, false, n, fieldName, args, final, hasFinal)
	}
	rcv, isNil := indirect(receiver)
	if !isNil && hasMethod(rcv, fieldName) {
		return s.evalCall(dot, rcv, fieldName, false, n, fieldName, args, final, hasFinal)
	}
	if !isNil {
		// The value reached through a pointer is addressable: its pointer
		// type's methods count.
		if p := lastPointer(receiver); p != nil && hasMethod(p, fieldName) {
			return s.evalCall(dot, p, fieldName, false, n, fieldName, args, final, hasFinal)
		}
	}
	hasArgs := len(args) > 1 || hasFinal
	switch valueKind(rcv) {
	case kStruct:
		f, code, msg, addr := fieldByName(receiver, fieldName)
		switch code {
		case 0:
			if hasArgs {
				s.errorf("%s has arguments but cannot be invoked as function", fieldName)
			}
			if addr {
				return addrVal{f}
			}
			return f
		case 2:
			s.errorf("%s is an unexported field of struct type %s", fieldName, typ)
		case 3:
			s.errorf("%s", msg)
		}
	case kMap:
		r, code, msg := mapIndex(rcv, fieldName)
		if code != 2 {
			if hasArgs {
				s.errorf("%s is not a method but has arguments", fieldName)
			}
			if code == 1 {
				switch s.tmpl.option.missingKey {
				case mapZeroValue:
					r = mapZero(rcv)
				case mapError:
					s.errorf("map has no entry for key %q", fieldName)
				}
			}
			return r
		}
		_ = msg
	case kPointer:
		if elemHasField(rcv, fieldName) && isNil {
			s.errorf("nil pointer evaluating %s.%s", typ, fieldName)
		}
	}
	s.errorf("can't evaluate field %s in type %s", fieldName, typ)
	return nil
}

func (s *state) evalFunction(dot any, n *node, cmd *node, args []*node, final any, hasFinal bool) any {
	s.at(n)
	name := n.ident[0]
	if fn, ok := s.tmpl.execFuncs[name]; ok {
		return s.evalCall(dot, fn, "", false, cmd, name, args, final, hasFinal)
	}
	if _, ok := builtinSigs[name]; ok {
		return s.evalCall(dot, nil, "", true, cmd, name, args, final, hasFinal)
	}
	s.errorf("%q is not a defined function", name)
	return nil
}

// sig is a callable's parameter list as the executor checks it.
type sig struct {
	params   []string // type names
	kinds    []int
	variadic bool
}

// A builtin's parameters: "" is reflect.Value or any (takes anything).
var builtinSigs = map[string]sig{
	"and":      {[]string{"", ""}, []int{kInterface, kInterface}, true},
	"or":       {[]string{"", ""}, []int{kInterface, kInterface}, true},
	"not":      {[]string{""}, []int{kInterface}, false},
	"len":      {[]string{""}, []int{kInterface}, false},
	"index":    {[]string{"", ""}, []int{kInterface, kInterface}, true},
	"slice":    {[]string{"", ""}, []int{kInterface, kInterface}, true},
	"call":     {[]string{"", ""}, []int{kInterface, kInterface}, true},
	"print":    {[]string{""}, []int{kInterface}, true},
	"printf":   {[]string{"string", ""}, []int{kString, kInterface}, true},
	"println":  {[]string{""}, []int{kInterface}, true},
	"html":     {[]string{""}, []int{kInterface}, true},
	"js":       {[]string{""}, []int{kInterface}, true},
	"urlquery": {[]string{""}, []int{kInterface}, true},
	"eq":       {[]string{"", ""}, []int{kInterface, kInterface}, true},
	"ne":       {[]string{"", ""}, []int{kInterface, kInterface}, false},
	"lt":       {[]string{"", ""}, []int{kInterface, kInterface}, false},
	"le":       {[]string{"", ""}, []int{kInterface, kInterface}, false},
	"gt":       {[]string{"", ""}, []int{kInterface, kInterface}, false},
	"ge":       {[]string{"", ""}, []int{kInterface, kInterface}, false},
}

// evalCall calls a builtin (isBuiltin), a function value fn (method "")
// or method `method` of fn, with the command's operands after the first
// and the pipeline's final value.
func (s *state) evalCall(dot, fn any, method string, isBuiltin bool, n *node, name string, args []*node, final any, hasFinal bool) any {
	if args != nil {
		args = args[1:]
	}
	var sg sig
	if isBuiltin {
		sg = builtinSigs[name]
	} else {
		params, kinds, variadic, nout, errOut, ok, out2 := funcSig(fn, method)
		if !ok {
			s.errorf("gol: can't call %s: its signature is not supported in templates", name)
		}
		if nout != 1 && !(nout == 2 && errOut) {
			if nout == 2 {
				s.errorf("invalid function signature for %s: second return value should be error; is %s", name, out2)
			}
			s.errorf("function %s has %d return values; should be 1 or 2", name, nout)
		}
		sg = sig{params, kinds, variadic}
	}
	numIn := len(args)
	if hasFinal {
		numIn++
	}
	numFixed := len(args)
	if sg.variadic {
		numFixed = len(sg.params) - 1
		if numIn < numFixed {
			s.errorf("wrong number of args for %s: want at least %d got %d", name, len(sg.params)-1, len(args))
		}
	} else if numIn != len(sg.params) {
		s.errorf("wrong number of args for %s: want %d got %d", name, len(sg.params), numIn)
	}
	if isBuiltin && (name == "and" || name == "or") {
		var v any
		for _, a := range args {
			v = s.evalArgAny(dot, a)
			if t, _ := truth(v); t == (name == "or") {
				return v
			}
		}
		if hasFinal {
			v = final
		}
		return v
	}
	argv := make([]any, numIn)
	conv := make([]bool, numIn)
	paramAt := func(i int) int {
		if sg.variadic && i >= len(sg.params)-1 {
			return len(sg.params) - 1
		}
		return i
	}
	i := 0
	for ; i < len(args); i++ {
		k := paramAt(i)
		argv[i], conv[i] = s.evalArg(dot, sg.params[k], sg.kinds[k], args[i])
		if !isBuiltin {
			if msg := checkArg(fn, method, i, argv[i], conv[i]); msg != "" {
				s.errorf("%s", msg)
			}
		}
	}
	if hasFinal {
		k := paramAt(i)
		argv[i] = s.validate(final, sg.params[k], sg.kinds[k])
		if !isBuiltin {
			if msg := checkArg(fn, method, i, argv[i], false); msg != "" {
				s.errorf("%s", msg)
			}
		}
	}
	var r any
	var err error
	if isBuiltin {
		for j := range argv {
			// slice needs its operand's address to slice an array.
			if j > 0 || name != "slice" {
				argv[j] = plain(argv[j])
			}
		}
		r, err = s.callBuiltin(name, args, argv)
	} else {
		var code int
		var msg string
		var pval any
		r, err, code, msg, pval = callFunc(fn, method, argv, conv, false)
		switch code {
		case 1:
			s.errorf("%s", msg)
		case 2:
			if e, ok := pval.(error); ok {
				err = e
			} else {
				err = fmt.Errorf("%v", pval)
			}
		}
	}
	if err != nil {
		s.at(n)
		s.errorf("error calling %s: %w", name, err)
	}
	return r
}

// validate checks a computed value against a parameter of type typ
// (kind k; "" takes anything). The natives check assignability when
// they call; here only what Go reports before the call.
func (s *state) validate(v any, typ string, k int) any {
	if typ == "" {
		return v
	}
	if v == nil {
		switch k {
		case kChan, kFunc, kInterface, kMap, kPointer, kSlice:
			return nil
		}
		s.errorf("invalid value; expected %s", typ)
	}
	if k == kString && typ == "string" {
		if _, ok := v.(string); !ok {
			if r, isNil := indirect(v); valueKind(v) == kPointer && typeName(v) == "*string" {
				if isNil {
					s.errorf("dereference of nil pointer of type %s", typ)
				}
				if str, ok := r.(string); ok {
					return str
				}
			}
			s.errorf("wrong type for value; expected %s; got %s", typ, typeName(v))
		}
	}
	return v
}

// evalArgAny evaluates an operand for a parameter that takes anything.
func (s *state) evalArgAny(dot any, n *node) any {
	v, _ := s.evalArg(dot, "", kInterface, n)
	return v
}

// evalArg evaluates operand n for a parameter of type typ and kind k;
// conv says the value is a constant the call may convert.
func (s *state) evalArg(dot any, typ string, k int, n *node) (any, bool) {
	s.at(n)
	switch n.typ {
	case nodeDot:
		return s.validate(dot, typ, k), false
	case nodeNil:
		switch k {
		case kChan, kFunc, kInterface, kMap, kPointer, kSlice:
			return nil, false
		}
		s.errorf("cannot assign nil to %s", typ)
	case nodeField:
		return s.validate(s.evalFieldChain(dot, dot, n, n.ident, []*node{n}, nil, false), typ, k), false
	case nodeVariable:
		return s.validate(s.evalVariable(dot, n, nil, nil, false), typ, k), false
	case nodePipe:
		return s.validate(s.evalPipeline(dot, n), typ, k), false
	case nodeIdentifier:
		return s.validate(s.evalFunction(dot, n, n, nil, nil, false), typ, k), false
	case nodeChain:
		return s.validate(s.evalChain(dot, n, nil, nil, false), typ, k), false
	}
	switch k {
	case kBool:
		if n.typ == nodeBool {
			return n.boolVal, true
		}
		s.errorf("expected bool; found %s", n)
	case kFloat:
		if n.typ == nodeNumber && n.isFloat {
			return n.f64, true
		}
		s.errorf("expected float; found %s", n)
	case kInt:
		if n.typ == nodeNumber && n.isInt {
			return n.i64, true
		}
		s.errorf("expected integer; found %s", n)
	case kUint:
		if n.typ == nodeNumber && n.isUint {
			return n.u64, true
		}
		s.errorf("expected unsigned integer; found %s", n)
	case kString:
		if n.typ == nodeString {
			return n.str, true
		}
		s.errorf("expected string; found %s", n)
	case kInterface:
		if typ == "" || typ == "interface {}" || typ == "any" {
			switch n.typ {
			case nodeBool:
				return n.boolVal, false
			case nodeNumber:
				return s.idealConstant(n), false
			case nodeString:
				return n.str, false
			}
			s.errorf("can't handle assignment of %s to empty interface argument", n)
		}
	}
	s.errorf("can't handle %s for arg of type %s", n, typ)
	return nil, false
}

func (s *state) printValue(n *node, v any) {
	s.at(n)
	if v == nil {
		if _, err := io.WriteString(s.wr, "<no value>"); err != nil {
			panic(writeError{err})
		}
		return
	}
	p, ok := printable(v)
	if !ok {
		s.errorf("can't print %s of type %s", n, typeName(v))
	}
	if _, err := fmt.Fprint(s.wr, p); err != nil {
		panic(writeError{err})
	}
}
