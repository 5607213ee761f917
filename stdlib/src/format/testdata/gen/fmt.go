// Generates ../fmt.tsv: native Go's fmt.Sprintf/Sprint/Sprintln output for
// primitive operands. Run: go run fmt.go > ../fmt.tsv
//
// Lines: "sf" hex(output) hex(format) args... ; "sp"/"sl" hex(output) args...
// Args: b:true i:5 i8:.. i16 i32 i64 u u8 u16 u32 u64 up:(uintptr)
// f32:<bits> f64:<bits> s:<hex> by:<hex> ([]byte) nil
package main

import (
	"encoding/hex"
	"fmt"
	"math"
	"math/rand"
	"os"
	"strings"
)

var r = rand.New(rand.NewSource(2))

func enc(a any) string {
	switch v := a.(type) {
	case nil:
		return "nil"
	case bool:
		return fmt.Sprintf("b:%t", v)
	case int:
		return fmt.Sprintf("i:%d", v)
	case int8:
		return fmt.Sprintf("i8:%d", v)
	case int16:
		return fmt.Sprintf("i16:%d", v)
	case int32:
		return fmt.Sprintf("i32:%d", v)
	case int64:
		return fmt.Sprintf("i64:%d", v)
	case uint:
		return fmt.Sprintf("u:%d", v)
	case uint8:
		return fmt.Sprintf("u8:%d", v)
	case uint16:
		return fmt.Sprintf("u16:%d", v)
	case uint32:
		return fmt.Sprintf("u32:%d", v)
	case uint64:
		return fmt.Sprintf("u64:%d", v)
	case uintptr:
		return fmt.Sprintf("up:%d", v)
	case float32:
		return fmt.Sprintf("f32:%08x", math.Float32bits(v))
	case float64:
		return fmt.Sprintf("f64:%016x", math.Float64bits(v))
	case string:
		return "s:" + hex.EncodeToString([]byte(v))
	case []byte:
		if v == nil {
			return "byn"
		}
		return "by:" + hex.EncodeToString(v)
	}
	panic(fmt.Sprintf("unencodable %T", a))
}

func sf(format string, args ...any) {
	parts := []string{"sf", hex.EncodeToString([]byte(fmt.Sprintf(format, args...))), hex.EncodeToString([]byte(format))}
	for _, a := range args {
		parts = append(parts, enc(a))
	}
	fmt.Println(strings.Join(parts, "\t"))
}

func sp(ln bool, args ...any) {
	tag, out := "sp", fmt.Sprint(args...)
	if ln {
		tag, out = "sl", fmt.Sprintln(args...)
	}
	parts := []string{tag, hex.EncodeToString([]byte(out))}
	for _, a := range args {
		parts = append(parts, enc(a))
	}
	fmt.Println(strings.Join(parts, "\t"))
}

var allFlags = []string{"", "+", "-", "#", " ", "0", "+0", "-0", "#0", "# ", "+#", " 0", "-+", "#-0"}
var allWP = []string{"", "1", "5", "12", ".0", ".1", ".3", ".10", "8.3", "3.8", "20.12", "08.3", "-8"}

// cases prints every verb with each flag set (no width), and a few random
// flag/width/precision combinations.
func cases(vals []any, verbs string) {
	for _, v := range vals {
		for _, verb := range verbs {
			for _, fl := range allFlags {
				sf("%"+fl+string(verb), v)
			}
			for k := 0; k < 5; k++ {
				sf("%"+allFlags[r.Intn(len(allFlags))]+allWP[r.Intn(len(allWP))]+string(verb), v)
			}
		}
		sf("%T", v)
		sf("%10T|%-10T|%.2T", v, v, v)
		if _, isBytes := v.([]byte); !isBytes {
			sf("%p", v) // a slice's address is not reproducible
		}
	}
}

func main() {
	ints := []any{0, 1, -1, 42, -42, 1234567, math.MaxInt64, math.MinInt64,
		int8(0), int8(127), int8(-128), int8(-1), int16(32767), int16(-32768), int16(1000),
		int32(0), int32('a'), int32('é'), int32('日'), int32(0x1F600), int32(0x10FFFF), int32(-1), int32(0xD800),
		int32('\n'), int32(0x7f), int32(0xad), int32(math.MaxInt32), int32(math.MinInt32),
		int64(math.MaxInt64), int64(math.MinInt64), int64(-7),
		uint(0), uint(7), uint(math.MaxUint64), uint8(0), uint8(255), uint8('A'), uint16(65535), uint32(math.MaxUint32),
		uint32(0x110000), uint64(math.MaxUint64), uint64(1 << 63), uintptr(0), uintptr(0xc000012345)}
	cases(ints, "bcdoOqxXUv")
	for _, v := range []any{42, -1, uint8(7), int32('x')} {
		cases([]any{v}, "sfetpzä")
	}

	floats := []any{0.0, math.Copysign(0, -1), 1.0, -1.0, 0.5, 2.5, 1e20, 1e21, 1e-4, 1e-5, 123456789.0, 1e6, 100000.0,
		3.141592653589793, -2.5, math.NaN(), math.Inf(1), math.Inf(-1), math.MaxFloat64, math.SmallestNonzeroFloat64,
		1e100, 0.1, 2.0 / 3, 5e-324, 1234.5678, 0.000123, 1e-7, 255.0, 12345678.0, 1e15, 123456789012345680.0,
		float32(0), float32(1), float32(0.1), float32(1.0 / 3), float32(1e20), float32(16777216), float32(3.4028235e38),
		float32(1.4e-45), float32(-2.5), float32(math.Inf(-1)), float32(math.NaN()), float32(1e-5), float32(123456.78)}
	cases(floats, "beEfFgGxXv")
	for _, v := range []any{1.5, float32(2.5)} {
		cases([]any{v}, "dsqcU")
	}

	strs := []any{"", "hello", "日本語", "\xff\xfe", "a\tb\n", "`back`", "\x00", "héllo wörld", "\u200b", "a\"b", "\u00e9\u0301",
		"Hello, 世界", "\x7f", "tab\t", strings.Repeat("ab", 20)}
	cases(strs, "sqxXv")
	cases([]any{"hi"}, "dctbU")
	bys := []any{[]byte(nil), []byte{}, []byte("hello"), []byte{0, 1, 2, 255}, []byte("日本\xff"), []byte("a`b")}
	cases(bys, "sqxXvdcob")
	bools := []any{true, false}
	cases(bools, "tvdsq")
	cases([]any{nil}, "vdsT")

	// Format-string parsing and error forms.
	fs := []struct {
		f string
		a []any
	}{
		{"%", nil}, {"%!", nil}, {"%z", []any{1}}, {"%[2]d %[1]d", []any{1, 2}}, {"%[3]d", []any{1, 2}},
		{"%[0]d", []any{1}}, {"%[-1]d", []any{1}}, {"%[x]d", []any{1}}, {"%[1]", []any{1}}, {"%[1", []any{1}},
		{"%[]d", []any{1}}, {"%[1]d %d %d", []any{1, 2}}, {"%[2]d %d", []any{1, 2, 3}},
		{"%*d", []any{5, 1}}, {"%-*d|", []any{5, 1}}, {"%*d|", []any{-5, 1}}, {"%.*d", []any{3, 1}},
		{"%.*d", []any{-3, 1}}, {"%*.*f", []any{10, 2, 3.14159}}, {"%*d", []any{"x", 1}}, {"%.*d", []any{"x", 1}},
		{"%*d", []any{uint8(4), 1}}, {"%*d", []any{int64(1e7), 1}}, {"%*d", []any{uint64(math.MaxUint64), 1}},
		{"%[2]*[1]d", []any{1, 5}}, {"%[1]*d", []any{4, 7}}, {"%[2].*[1]f|", []any{3.14159, 2}},
		{"%d %d", []any{1}}, {"%d", []any{1, 2}}, {"%d", []any{1, "a", nil, 2.5}}, {"%s", nil},
		{"%.", []any{1}}, {"%5.", []any{1}}, {"%.d", []any{0}}, {"%.f", []any{2.5}}, {"%10%", nil}, {"%-10%|", nil},
		{"%[1]5d", []any{1}}, {"%[1].2d", []any{1}}, {"%ä", []any{1}}, {"%\xff", []any{1}}, {"%v %v", []any{nil, nil}},
		{"%d%%", []any{50}}, {"100%%", nil}, {"%5", []any{1}}, {"%-", []any{1}}, {"%#", nil}, {"%+", nil},
		{"%[1]d %[1]x %[1]o", []any{63}}, {"%[1]v%[1]T", []any{"s"}}, {"%[1]*.[1]*d", []any{3, 4}},
		{"%99999999d", []any{1}}, {"%.99999999d", []any{1}},
		{"%w", []any{1}}, {"%w", []any{nil}}, {"x%wy", []any{"s"}}, {"%!d", []any{1}}, {"%[1]!", []any{1}},
		{"%-05d|%+05d|% 05d", []any{-3, 3, 3}}, {"%08.3f|%-08.3f|%+08.3f", []any{-3.14159, 3.14159, 3.14159}},
		{"%x %X %#x %#X", []any{"hi", "hi", "hi", "hi"}}, {"% x|% X|%# x|%# X", []any{"hi!", "hi!", "hi!", "hi!"}},
		{"%6.2f%%", []any{99.5}}, {"%c%c%c", []any{'a', 'b', 'c'}}, {"%q", []any{'\''}}, {"%+q %#q %#+q", []any{"é`", "é`", "é\n"}},
		{"%#U %U %#U", []any{'⌘', -1, '\n'}}, {"%.8U|%#12.6U|", []any{'x', 'y'}}, {"%10.4v|%-10.4v|", []any{"abcdefgh", "日本語日本語"}},
		{"%05s|%-05s|%05q|%05x", []any{"ab", "ab", "ab", "ab"}}, {"%05v|%05t", []any{true, false}},
		{"%e %E %.0e %#.0e %#g %#.3g %#x", []any{1e6, 1e-6, 5.0, 5.0, 1.0, 100.0, 1.0}},
		{"%#b %#o %#O %O", []any{5, 8, 8, -8}}, {"%x", []any{-255}}, {"%#x", []any{-255}}, {"%08b", []any{-5}},
		{"%.3x|%8.3x|%-8.3x|%08.3x", []any{10, 10, 10, 10}}, {"%+.3d|% .3d|%+05d|% 05d", []any{7, 7, 7, 7}},
	}
	for _, c := range fs {
		sf(c.f, c.a...)
	}

	// Random formats over a parsing-heavy alphabet with random operands.
	alphabet := "%%%%[]*.0123456789+-# vdsqxXobcUeEfFgGtTpz!"
	pool := []any{0, -7, 42, int8(-3), uint8(200), int32('é'), uint64(math.MaxUint64), 2.5, -0.001, float32(1e-3),
		1e21, math.Inf(1), math.NaN(), "", "go", "日\xff", []byte("b"), true, nil}
	for i := 0; i < 4000; i++ {
		var sb strings.Builder
		n := 1 + r.Intn(12)
		for j := 0; j < n; j++ {
			sb.WriteByte(alphabet[r.Intn(len(alphabet))])
		}
		var args []any
		for j := r.Intn(4); j > 0; j-- {
			args = append(args, pool[r.Intn(len(pool))])
		}
		hasBytes := false
		for _, a := range args {
			if _, ok := a.([]byte); ok {
				hasBytes = true
			}
		}
		if hasBytes && strings.ContainsRune(sb.String(), 'p') {
			continue // a slice's address is not reproducible
		}
		sf(sb.String(), args...)
	}

	// Sprint / Sprintln spacing rules.
	pl := [][]any{{}, {1}, {1, 2}, {"a", 1, "b"}, {1, "a", 2}, {"a", "b"}, {nil, nil}, {1.5, true}, {[]byte("x"), 1},
		{1, []byte("x")}, {"", ""}, {"", 1, ""}, {int8(-1), uint(2), float32(0.25), "s", false}, {math.NaN(), math.Inf(1)},
		{nil, "a", nil}, {1e21, 1e20, 1e-5, 123456.0, 1234567.0, 100000000.0}, {float32(1e21), float32(0.1)},
		{true, false}, {math.MinInt64, uint64(math.MaxUint64)}, {"x", true, "y"}, {true, "s", -3},
		{uint8(255), int16(-3), "z", uintptr(7)}, {"", false, ""}, {"tab\t", 0, "nl\n"}}
	for _, a := range pl {
		sp(false, a...)
		sp(true, a...)
	}
	_ = os.Stdout
}
