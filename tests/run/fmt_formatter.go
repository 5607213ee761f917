// fmt.Formatter: Format(fmt.State, rune) is called for every verb but %T
// and %p, with the directive's flags, width and precision in the State,
// on value and pointer receivers, at every depth Go calls methods; what
// it writes is the operand's text, also before a panic. Beside it:
// GoString for %#v, Error before String, a panicking String, and %w.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// V reports what its State says.
type V struct{ x, y int }

func (v V) Format(f fmt.State, verb rune) {
	w, wok := f.Width()
	p, pok := f.Precision()
	fmt.Fprintf(f, "V[%c w=%d,%v p=%d,%v flags=", verb, w, wok, p, pok)
	for _, c := range "-+# 0" {
		if f.Flag(int(c)) {
			fmt.Fprintf(f, "%c", c)
		}
	}
	fmt.Fprintf(f, "](%d,%d)", v.x, v.y)
}

// P has Format on its pointer only.
type P struct{ n int }

func (p *P) Format(f fmt.State, verb rune) {
	switch verb {
	case 'x':
		io.WriteString(f, strings.Repeat("x", p.n))
	default:
		f.Write([]byte(fmt.FormatString(f, verb)))
	}
}

// Tree formats its children through Fprintf on the same State.
type Tree struct {
	L, R *Tree
	V    int
}

func (t *Tree) Format(f fmt.State, verb rune) {
	if t == nil {
		fmt.Fprint(f, "nil")
		return
	}
	fmt.Fprintf(f, "(%v %d %v)", t.L, t.V, t.R)
}

// E is an error whose Format wins over Error.
type E struct{ code int }

func (e E) Error() string { return fmt.Sprintf("E%d", e.code) }

func (e E) Format(f fmt.State, verb rune) {
	if verb == 'v' && f.Flag('+') {
		fmt.Fprintf(f, "E(code=%d)", e.code)
		return
	}
	fmt.Fprint(f, e.Error())
}

// N shows the State's type.
type N struct{ v int }

func (n N) Format(f fmt.State, verb rune) { fmt.Fprintf(f, "N%d:%T", n.v, f) }

// D echoes its directive.
type D struct{ n int }

func (d D) Format(f fmt.State, verb rune) {
	fmt.Fprintf(f, "<"+fmt.FormatString(f, verb)+">", d.n)
}

type Nilly struct{ x int }

func (p Nilly) Format(f fmt.State, verb rune) { fmt.Fprint(f, "Nilly") }

type Panicky int

func (Panicky) Format(f fmt.State, c rune) {
	f.Write([]byte("T1"))
	panic("in format")
}

type Bounds struct{}

func (Bounds) Format(f fmt.State, verb rune) {
	var a []int
	_ = a[3]
}

type G struct{ a string }

func (g G) GoString() string { return "G!" + g.a }
func (g G) String() string   { return "S:" + g.a }

type Bad struct{}

func (b *Bad) String() string { panic("boom") }

type W struct {
	V V
	P *P
}

type hidden struct{ v V }

func main() {
	v := V{1, 2}
	fmt.Printf("%v|%+v|%x|%-8.3d|% 05s|%#v\n", v, v, v, v, v, v)
	fmt.Println(v, &v)
	fmt.Print(v, "\n")
	fmt.Println(fmt.Sprint([]V{v, {3, 4}}))

	p := &P{3}
	fmt.Printf("%x %v %+#10.2q\n", p, p, p)
	fmt.Printf("%v\n", P{2})
	fmt.Printf("%v %+v\n", W{v, p}, W{v, p})
	fmt.Printf("%v\n", hidden{v})

	t := &Tree{&Tree{nil, nil, 1}, &Tree{nil, nil, 3}, 2}
	fmt.Println(t)
	fmt.Printf("%v %+v\n", *t, []*Tree{t.L, nil})

	e := E{7}
	fmt.Printf("%v %+v %s %d\n", e, e, e, e)
	w := fmt.Errorf("ctx: %w", e)
	fmt.Printf("%v|%+v\n", w, w)
	var target E
	fmt.Println(errors.As(w, &target), target.code, errors.Is(w, e))
	w2 := fmt.Errorf("two: %w, %w", errors.New("a"), e)
	fmt.Println(w2, errors.Is(w2, e))

	fmt.Println(N{1}, &N{2})
	fmt.Printf("%T %p\n", N{3}, nil)
	fmt.Printf("%-+#8.3x|%06d|%[2]*[1]d|% x\n", D{1}, D{2}, 5, D{3})

	var pn *Nilly
	fmt.Printf("[%v] [%d]\n", pn, pn)
	fmt.Println(Panicky(1), Bounds{}, "after")
	fmt.Println(map[string]N{"a": {1}, "b": {2}})
	fmt.Fprintln(os.Stdout, N{9})
	fmt.Printf("%v %s\n", struct {
		A N
		b N
	}{N{4}, N{5}}, []any{N{6}, e})

	g := G{"a"}
	fmt.Printf("%#v %v %s %#v\n", g, g, g, []G{g})
	var b *Bad
	fmt.Printf("%v|%s\n", b, &Bad{})

	var sb strings.Builder
	fmt.Fprintf(&sb, "%v", v)
	fmt.Println(sb.String())
	fmt.Println(string(fmt.Appendf(nil, "%d-%v", 1, N{1})),
		string(fmt.Append([]byte("a"), 1, 2)), string(fmt.Appendln(nil, "x")))
}
