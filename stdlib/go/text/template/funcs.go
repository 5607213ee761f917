// The builtin functions of package template.

package template

// The builtin functions and the escapers, with Go's results and errors.

import (
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"
)

// FuncMap is the type of the map defining the mapping from names to
// functions. Each function must have either a single return value, or
// two return values of which the second has type error.
type FuncMap map[string]any

var (
	errBadComparisonType = errors.New("invalid type for comparison")
	errNoComparison      = errors.New("missing argument for comparison")
)

func (s *state) callBuiltin(name string, args []*node, argv []any) (any, error) {
	switch name {
	case "not":
		t, _ := truth(argv[0])
		return !t, nil
	case "len":
		return builtinLen(argv[0])
	case "index":
		return builtinIndex(argv[0], argv[1:])
	case "slice":
		return builtinSlice(argv[0], argv[1:])
	case "call":
		var callee string
		if len(args) > 0 {
			callee = args[0].String()
		} else if str, ok := argv[0].(string); ok {
			callee = str
		} else if argv[0] == nil {
			callee = "<invalid Value>"
		} else {
			// reflect.Value's String of a value that is not a string.
			callee = "<" + typeName(argv[0]) + " Value>"
		}
		return builtinCall(callee, argv[0], argv[1:])
	case "print":
		return fmt.Sprint(argv...), nil
	case "printf":
		return fmt.Sprintf(argv[0].(string), argv[1:]...), nil
	case "println":
		return fmt.Sprintln(argv...), nil
	case "html":
		return HTMLEscapeString(evalArgs(argv)), nil
	case "js":
		return JSEscapeString(evalArgs(argv)), nil
	case "urlquery":
		return url.QueryEscape(evalArgs(argv)), nil
	case "eq":
		return eq(argv[0], argv[1:])
	case "ne":
		t, err := eq(argv[0], argv[1:])
		return !t, err
	case "lt":
		return lt(argv[0], argv[1])
	case "le":
		return le(argv[0], argv[1])
	case "gt":
		t, err := le(argv[0], argv[1])
		if err != nil {
			return false, err
		}
		return !t, nil
	case "ge":
		t, err := lt(argv[0], argv[1])
		if err != nil {
			return false, err
		}
		return !t, nil
	}
	return nil, fmt.Errorf("unknown builtin %s", name)
}

func builtinLen(item any) (any, error) {
	if item == nil {
		// Go's length asks the type of the invalid value, and reflect
		// panics; the call reports the panic.
		return 0, errors.New("reflect: call of reflect.Value.Type on zero Value")
	}
	v, isNil := indirect(item)
	if isNil {
		return 0, errors.New("len of nil pointer")
	}
	n := length(v)
	if n < 0 {
		return 0, fmt.Errorf("len of type %s", typeName(v))
	}
	return n, nil
}

// indexArg is an index operand as an int checked against cap.
func indexArg(index any, cap int) (int, error) {
	var x int64
	k, i, u, _, _ := basic(index)
	switch k {
	case kInt:
		x = i
	case kUint:
		x = int64(u)
	case kInvalid:
		return 0, errors.New("cannot index slice/array with nil")
	default:
		return 0, fmt.Errorf("cannot index slice/array with type %s", typeName(index))
	}
	if x < 0 || x > int64(cap) {
		return 0, fmt.Errorf("index out of range: %d", x)
	}
	return int(x), nil
}

func builtinIndex(item any, indexes []any) (any, error) {
	if item == nil {
		return nil, errors.New("index of untyped nil")
	}
	for _, index := range indexes {
		var isNil bool
		if item, isNil = indirect(item); isNil {
			return nil, errors.New("index of nil pointer")
		}
		switch k := valueKind(item); k {
		case kArray, kSlice, kString:
			n := length(item)
			x, err := indexArg(index, n)
			if err != nil {
				return nil, err
			}
			if x == n {
				what := "slice"
				if k == kArray {
					what = "array"
				} else if k == kString {
					what = "string"
				}
				return nil, fmt.Errorf("reflect: %s index out of range", what)
			}
			item = indexOf(item, x)
		case kMap:
			r, code, msg := mapIndex(item, index)
			switch code {
			case 1:
				r = mapZero(item)
			case 2:
				return nil, errors.New(msg)
			}
			item = r
		default:
			return nil, fmt.Errorf("can't index item of type %s", typeName(item))
		}
	}
	return item, nil
}

func builtinSlice(item any, indexes []any) (any, error) {
	if item == nil {
		return nil, errors.New("slice of untyped nil")
	}
	orig := item
	var isNil bool
	if item, isNil = indirect(item); isNil {
		return nil, errors.New("slice of nil pointer")
	}
	if len(indexes) > 3 {
		return nil, fmt.Errorf("too many slice indexes: %d", len(indexes))
	}
	var cp int
	switch valueKind(item) {
	case kString:
		if len(indexes) == 3 {
			return nil, errors.New("cannot 3-index slice a string")
		}
		cp = length(item)
	case kSlice:
		cp = capOf(item)
	case kArray:
		cp = length(item)
		if r, _ := sliceAddr(orig, 0, 0, 0, false); r == nil {
			if valueKind(orig) == kPointer {
				return nil, errors.New("gol: this array cannot be sliced in a template (its slice type is not used by the program)")
			}
			return nil, errors.New("reflect.Value.Slice: slice of unaddressable array")
		}
	default:
		return nil, fmt.Errorf("can't slice item of type %s", typeName(item))
	}
	idx := [3]int{0, length(item), 0}
	for i, index := range indexes {
		x, err := indexArg(index, cp)
		if err != nil {
			return nil, err
		}
		idx[i] = x
	}
	if idx[0] > idx[1] {
		return nil, fmt.Errorf("invalid slice index: %d > %d", idx[0], idx[1])
	}
	if len(indexes) < 3 {
		if valueKind(item) == kArray {
			r, _ := sliceAddr(orig, idx[0], idx[1], cp, false)
			return r, nil
		}
		return sliceOf(item, idx[0], idx[1], 0, false), nil
	}
	if idx[1] > idx[2] {
		return nil, fmt.Errorf("invalid slice index: %d > %d", idx[1], idx[2])
	}
	if valueKind(item) == kArray {
		r, _ := sliceAddr(orig, idx[0], idx[1], idx[2], true)
		return r, nil
	}
	return sliceOf(item, idx[0], idx[1], idx[2], true), nil
}

func builtinCall(name string, fn any, args []any) (any, error) {
	fn, _ = indirect(fn)
	if fn == nil {
		return nil, errors.New("call of nil")
	}
	if valueKind(fn) != kFunc {
		return nil, fmt.Errorf("non-function %s of type %s", name, typeName(fn))
	}
	params, _, variadic, nout, errOut, ok, out2 := funcSig(fn, "")
	if !ok {
		return nil, fmt.Errorf("gol: can't call %s: its signature is not supported in templates", name)
	}
	if nout != 1 && !(nout == 2 && errOut) {
		if nout == 2 {
			return nil, fmt.Errorf("invalid function signature for %s: second return value should be error; is %s", name, out2)
		}
		return nil, fmt.Errorf("function %s has %d return values; should be 1 or 2", name, nout)
	}
	numIn := len(params)
	if variadic {
		if len(args) < numIn-1 {
			return nil, fmt.Errorf("wrong number of args for %s: got %d want at least %d", name, len(args), numIn-1)
		}
	} else if len(args) != numIn {
		return nil, fmt.Errorf("wrong number of args for %s: got %d want %d", name, len(args), numIn)
	}
	r, err, code, msg, pval := callFunc(fn, "", args, make([]bool, len(args)), true)
	switch code {
	case 1:
		return nil, errors.New(msg)
	case 2:
		if e, ok := pval.(error); ok {
			return nil, e
		}
		return nil, fmt.Errorf("%v", pval)
	}
	return r, err
}

// Comparison kinds.
const (
	invalidKind = iota
	boolKind
	complexKind
	intKind
	floatKind
	stringKind
	uintKind
)

type basicVal struct {
	k int
	i int64
	u uint64
	f float64
	s string
}

func basicKind(v any) (basicVal, error) {
	k, i, u, f, str := basic(v)
	b := basicVal{i: i, u: u, f: f, s: str}
	switch k {
	case kBool:
		b.k = boolKind
	case kInt:
		b.k = intKind
	case kUint:
		b.k = uintKind
	case kFloat:
		b.k = floatKind
	case kString:
		b.k = stringKind
	default:
		return b, errBadComparisonType
	}
	return b, nil
}

func isNilValue(v any) bool {
	return v == nil || isNil(v)
}

func eq(arg1 any, arg2 []any) (bool, error) {
	if len(arg2) == 0 {
		return false, errNoComparison
	}
	b1, _ := basicKind(arg1)
	for _, arg := range arg2 {
		b2, _ := basicKind(arg)
		t := false
		if b1.k != b2.k {
			switch {
			case b1.k == intKind && b2.k == uintKind:
				t = b1.i >= 0 && uint64(b1.i) == b2.u
			case b1.k == uintKind && b2.k == intKind:
				t = b2.i >= 0 && b1.u == uint64(b2.i)
			default:
				if arg1 != nil && arg != nil {
					return false, fmt.Errorf("incompatible types for comparison: %s and %s", typeName(arg1), typeName(arg))
				}
			}
		} else {
			switch b1.k {
			case boolKind, intKind:
				t = b1.i == b2.i
			case floatKind:
				t = b1.f == b2.f
			case stringKind:
				t = b1.s == b2.s
			case uintKind:
				t = b1.u == b2.u
			default:
				if arg1 != nil && arg != nil && typeName(arg1) != typeName(arg) {
					return false, fmt.Errorf("non-comparable types %v: %s, %s: %v", arg1, typeName(arg1), typeName(arg), arg)
				}
				if isNilValue(arg1) || isNilValue(arg) {
					t = isNilValue(arg) == isNilValue(arg1)
				} else {
					e, ok := sameRef(arg1, arg)
					if !ok {
						return false, fmt.Errorf("non-comparable type %s: %v", arg, typeName(arg))
					}
					t = e
				}
			}
		}
		if t {
			return true, nil
		}
	}
	return false, nil
}

func lt(arg1, arg2 any) (bool, error) {
	b1, err := basicKind(arg1)
	if err != nil {
		return false, err
	}
	b2, err := basicKind(arg2)
	if err != nil {
		return false, err
	}
	t := false
	if b1.k != b2.k {
		switch {
		case b1.k == intKind && b2.k == uintKind:
			t = b1.i < 0 || uint64(b1.i) < b2.u
		case b1.k == uintKind && b2.k == intKind:
			t = b2.i >= 0 && b1.u < uint64(b2.i)
		default:
			return false, fmt.Errorf("incompatible types for comparison: %s and %s", typeName(arg1), typeName(arg2))
		}
	} else {
		switch b1.k {
		case boolKind, complexKind:
			return false, errBadComparisonType
		case floatKind:
			t = b1.f < b2.f
		case intKind:
			t = b1.i < b2.i
		case stringKind:
			t = b1.s < b2.s
		case uintKind:
			t = b1.u < b2.u
		}
	}
	return t, nil
}

func le(arg1, arg2 any) (bool, error) {
	t, err := lt(arg1, arg2)
	if t || err != nil {
		return t, err
	}
	return eq(arg1, []any{arg2})
}

// evalArgs formats the arguments of html, js and urlquery.
func evalArgs(args []any) string {
	if len(args) == 1 {
		if s, ok := args[0].(string); ok {
			return s
		}
	}
	for i, a := range args {
		if a == nil {
			args[i] = "<no value>"
		} else if p, ok := printable(a); ok {
			args[i] = p
		}
	}
	return fmt.Sprint(args...)
}

// HTMLEscape writes to w the escaped HTML equivalent of the plain text data b.
func HTMLEscape(w io.Writer, b []byte) {
	w.Write([]byte(HTMLEscapeString(string(b))))
}

// HTMLEscapeString returns the escaped HTML equivalent of the plain text data s.
func HTMLEscapeString(s string) string {
	if !strings.ContainsAny(s, "'\"&<>\000") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '"':
			b.WriteString("&#34;")
		case '\'':
			b.WriteString("&#39;")
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case 0:
			b.WriteString("\uFFFD")
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// HTMLEscaper returns the escaped HTML equivalent of the textual
// representation of its arguments.
func HTMLEscaper(args ...any) string {
	return HTMLEscapeString(evalArgs(args))
}

// JSEscape writes to w the escaped JavaScript equivalent of the plain text data b.
func JSEscape(w io.Writer, b []byte) {
	w.Write([]byte(JSEscapeString(string(b))))
}

const hexDigits = "0123456789ABCDEF"

// JSEscapeString returns the escaped JavaScript equivalent of the plain text data s.
func JSEscapeString(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch c {
			case '\\':
				b.WriteString(`\\`)
			case '\'':
				b.WriteString(`\'`)
			case '"':
				b.WriteString(`\"`)
			case '<':
				b.WriteString(`\u003C`)
			case '>':
				b.WriteString(`\u003E`)
			case '&':
				b.WriteString(`\u0026`)
			case '=':
				b.WriteString(`\u003D`)
			default:
				if c < ' ' {
					b.WriteString(`\u00`)
					b.WriteByte(hexDigits[c>>4])
					b.WriteByte(hexDigits[c&0xF])
				} else {
					b.WriteByte(c)
				}
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsPrint(r) {
			b.WriteString(s[i : i+size])
		} else {
			fmt.Fprintf(&b, "\\u%04X", r)
		}
		i += size
	}
	return b.String()
}

// JSEscaper returns the escaped JavaScript equivalent of the textual
// representation of its arguments.
func JSEscaper(args ...any) string {
	return JSEscapeString(evalArgs(args))
}

// URLQueryEscaper returns the escaped value of the textual
// representation of its arguments in a form suitable for embedding in a
// URL query.
func URLQueryEscaper(args ...any) string {
	return url.QueryEscape(evalArgs(args))
}
