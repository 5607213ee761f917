// Generates ../values.tsv: native Go's formatting of composite values
// (structs, slices, maps, pointers, interfaces, methods). The Rust test
// (tests/printer_values.rs) builds the same values under the same names.
// Run: go run values.go > ../values.tsv
//
// Lines: name, hex(format), hex(output).
package main

import (
	"encoding/hex"
	"errors"
	"fmt"
	"math"
	"unsafe"
)

type T struct {
	A int
	B string
}

type S int

func (s S) String() string { return fmt.Sprintf("S<%d>", int(s)) }

type E struct{ msg string }

func (e E) Error() string { return "E:" + e.msg }

type P struct{ X int }

func (P) String() string { panic("boom") }

type PE struct{}

func (PE) String() string { panic(errors.New("bad")) }

type NP struct{ X int }

func (p *NP) String() string { return fmt.Sprint("NP", p.X) }

type G struct{ X int }

func (G) GoString() string { return "G!" }

type Hidden struct {
	s S
	T S
}

type Named []int
type M map[string]int
type Str string

type U struct {
	a int
	C []int
	D map[string]int
	E any
	F error
	G fmt.Stringer
	H *T
	I [2]bool
	J []byte
	K [3]byte
}

type Emb struct {
	T
	N int
}

type All struct {
	B   bool
	I8  int8
	U16 uint16
	F32 float32
	F64 float64
	S   string
	R   rune
	By  byte
}

type Both struct{ X int }

func (Both) String() string { return "str" }
func (Both) Error() string  { return "err" }

type F int

func (x F) Format(f fmt.State, verb rune) {
	w, wok := f.Width()
	p, pok := f.Precision()
	fmt.Fprintf(f, "F(%s;%d,%t;%d,%t;%t%t%t%t%t;%d)", fmt.FormatString(f, verb), w, wok, p, pok,
		f.Flag('-'), f.Flag('+'), f.Flag('#'), f.Flag(' '), f.Flag('0'), int(x))
}

type FP struct{}

func (FP) Format(f fmt.State, verb rune) {
	f.Write([]byte("partial"))
	panic("fmtpanic")
}

type FN struct{ X int }

func (p *FN) Format(f fmt.State, verb rune) { fmt.Fprintf(f, "FN%d", p.X) }

func out(name, format string, v any) {
	fmt.Printf("%s\t%s\t%s\n", name, hex.EncodeToString([]byte(format)), hex.EncodeToString([]byte(fmt.Sprintf(format, v))))
}

func main() {
	vals := []struct {
		name string
		v    any
	}{
		{"t", T{1, "x"}},
		{"ptr_t", &T{2, "y"}},
		{"slice_int", []int{1, -2, 3}},
		{"nil_slice", []int(nil)},
		{"empty_slice", []int{}},
		{"arr", [3]int{7, 8, 9}},
		{"slice_str", []string{"a", "b c", ""}},
		{"map_si", map[string]int{"b": 2, "a": 1, "c": 3}},
		{"map_is", map[int]string{3: "c", -1: "m", 10: "t"}},
		{"map_nil", map[string]int(nil)},
		{"map_f", map[float64]int{math.NaN(): 1, 2.5: 2, math.Inf(-1): 3, 0: 4}},
		{"map_b", map[bool]int{true: 1, false: 0}},
		{"map_any", map[any]int{"b": 1, 2: 2, "a": 3, 1: 4}},
		{"map_st", map[T]bool{{2, "a"}: true, {1, "b"}: false, {1, "a"}: true}},
		{"map_arr", map[[2]int]string{{2, 1}: "x", {1, 2}: "y"}},
		{"s", S(5)},
		{"slice_s", []S{1, 2}},
		{"map_s", map[S]S{2: 3, 1: 4}},
		{"e", E{"oops"}},
		{"p", P{1}},
		{"pe", PE{}},
		{"slice_p", []P{{1}}},
		{"np_nil", (*NP)(nil)},
		{"np", &NP{4}},
		{"g", G{1}},
		{"slice_g", []G{{1}, {2}}},
		{"hidden", Hidden{1, 2}},
		{"named", Named{4, 5}},
		{"m", M{"z": 26}},
		{"str", Str("hey")},
		{"u", U{a: 1, C: []int{1}, D: map[string]int{"k": 1}, E: 2.5, F: E{"f"}, G: S(3), I: [2]bool{true, false}, J: []byte("hi"), K: [3]byte{1, 2, 3}}},
		{"u_zero", U{}},
		{"emb", Emb{T{1, "e"}, 2}},
		{"all", All{true, -8, 16, 0.25, 1e21, "s", 'r', 'b'}},
		{"slice_any", []any{1, "a", nil, 2.5, []int{1}, T{}}},
		{"ptr_slice", &[]int{1, 2}},
		{"ptr_map", &map[string]int{"a": 1}},
		{"ptr_arr", &[2]string{"x", "y"}},
		{"nested", [][]string{{"a"}, {}, nil}},
		{"map_slice", map[string][]int{"x": {1, 2}, "y": nil}},
		{"both", Both{1}},
		{"err", errors.New("plain error")},
		{"slice_bytes_named", []byte("AB")},
		{"arr_bytes", [3]byte{'a', 'b', 'c'}},
		{"struct_bytes", struct{ B []byte }{[]byte("hi")}},
		{"anon", struct {
			X int
			y string
		}{1, "z"}},
		{"nil_ptr_t", (*T)(nil)},
		{"slice_ptr_nil", []*T{nil}},
		{"slice_err", []error{E{"a"}, nil}},
		{"map_str_any", map[string]any{"n": nil, "i": 1, "s": S(2)}},
		{"floats", []float64{1e21, 1e20, 0.000001, 1e-7, math.Inf(1), math.NaN(), -0.0}},
		{"f32s", []float32{0.1, 1e21, 16777216}},
		{"runes", []rune("héllo")},
		{"uints", []uint{0, 1, math.MaxUint64}},
		{"f", F(3)},
		{"slice_f", []F{1, 2}},
		{"fp", FP{}},
		{"fn_nil", (*FN)(nil)},
		{"struct_f", struct {
			A F
			b F
		}{1, 2}},
	}
	formats := []string{"%v", "%+v", "%#v", "%T", "%d", "%s", "%x", "%q", "%5v", "%-8v|", "%08.3v", "%X", "%o", "%c", "%t", "%e", "%.1f", "%p"}
	// Pointers at a fixed fake address, never dereferenced: only forms
	// that print the address are used.
	fake := (*int)(unsafe.Pointer(uintptr(0xc000010018)))
	ptrFormats := []string{"%v", "%p", "%#p", "%#v", "%d", "%x", "%X", "%o", "%b", "%s", "%20p|", "%-20p|", "%+v", "%T", "%#x", "%q"}
	for _, pc := range []struct {
		name string
		v    any
	}{
		{"fake_ptr", fake},
		{"struct_ptr", struct{ P *int }{fake}},
		{"slice_ptrs", []*int{fake, nil}},
		{"nil_chan", (chan int)(nil)},
		{"nil_func", (func(int) string)(nil)},
		{"nil_int_ptr", (*int)(nil)},
		{"map_ptr_key", map[*int]int{fake: 1, nil: 0}},
	} {
		for _, f := range ptrFormats {
			_, isSlice := pc.v.([]*int)
			_, isMap := pc.v.(map[*int]int)
			if (isSlice || isMap) && (f[len(f)-1] == 'p' || f[len(f)-2] == 'p') {
				continue // the address of a slice or map is not reproducible
			}
			out(pc.name, f, pc.v)
		}
	}
	for _, f := range []string{"%-+# 010.3v", "%+#v", "% 0x", "%08.3d|%-8s|", "%.0q", "%5.v"} {
		out("f7", f, F(7))
		out("slice_f", f, []F{1, 2})
	}
	for _, c := range vals {
		for _, f := range formats {
			if f == "%p" {
				continue
			}
			out(c.name, f, c.v)
		}
	}
}
