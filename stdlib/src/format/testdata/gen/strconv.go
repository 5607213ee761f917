// Generates ../strconv.tsv: expected results of native Go's strconv for the
// table-driven tests in format/tests. Run: go run strconv.go > ../strconv.tsv
//
// Every line is tab-separated: a record tag, inputs, then outputs. Strings
// are hex-encoded so that any byte sequence survives; error messages are
// plain (NumError quotes its input).
package main

import (
	"encoding/hex"
	"fmt"
	"math"
	"math/rand"
	"strconv"
	"strings"
)

func hx(s string) string { return hex.EncodeToString([]byte(s)) }

func errs(err error) string {
	if err == nil {
		return ""
	}
	return err.Error() // quoted by NumError, so free of tabs and newlines
}

var r = rand.New(rand.NewSource(1))

func intValues() []int64 {
	v := []int64{0, 1, -1, 2, -2, 7, 8, 9, 10, 11, 15, 16, 17, 35, 36, 37, 99, 100, 127, -128, 128, 255, 256,
		32767, -32768, 65535, 1 << 31, -1 << 31, 1<<31 - 1, 1<<32 - 1, 1 << 32, 1000000007,
		math.MaxInt64, math.MinInt64, math.MaxInt64 - 1, math.MinInt64 + 1, 1e18, -1e18}
	for i := 0; i < 40; i++ {
		v = append(v, r.Int63()>>uint(r.Intn(63))*int64(1-2*r.Intn(2)))
	}
	return v
}

func floatValues() []float64 {
	v := []float64{0, math.Copysign(0, -1), 1, -1, 0.1, 0.2, 0.3, 1.0 / 3, 2.0 / 3, 0.5, 1.5, 2.5, 0.125, 0.375,
		1e20, 1e21, 1e22, 1e23, 123456789, 1234567890123, 1e-4, 1e-5, 1.5e-5, 0.0001234, 100000, 1e6, 999999.5,
		9.5, 99.5, 0.95, 0.05, 0.045, 5e-324, 1e-323, 2.2250738585072014e-308, 2.225073858507201e-308,
		math.MaxFloat64, math.SmallestNonzeroFloat64, math.MaxFloat32, math.SmallestNonzeroFloat32,
		1 << 53, 1<<53 + 1, 1 << 63, 1 << 64, 3.141592653589793, 2.718281828459045, 1e100, 1e-100, 1e300, 1e-300,
		12345.678, 0.000001, 1e15, 1e16, 1e17, 123e45, 7e-10, 16777216, 16777217, 3.4028235e38, 1.17549435e-38,
		math.Inf(1), math.Inf(-1), math.NaN(), 255, 4096.5, 0.1 + 0.2, 1.0000000000000002, 0.9999999999999999}
	for i := 0; i < 60; i++ {
		// random bit patterns across the whole exponent range
		b := r.Uint64()
		f := math.Float64frombits(b)
		if math.IsNaN(f) || math.IsInf(f, 0) {
			continue
		}
		v = append(v, f)
	}
	for i := 0; i < 40; i++ {
		// "nice" decimals with few digits
		m := float64(r.Intn(100000)) * math.Pow(10, float64(r.Intn(30)-15))
		v = append(v, m)
	}
	for i := 0; i < 20; i++ {
		v = append(v, float64(math.Float32frombits(r.Uint32()&0x7f7fffff)))
	}
	return v
}

func main() {
	ivals := intValues()
	for _, i := range ivals {
		for base := 2; base <= 36; base++ {
			if base > 3 && base != 8 && base != 10 && base != 16 && base != 36 && r.Intn(6) != 0 {
				continue
			}
			fmt.Printf("fi\t%d\t%d\t%s\n", i, base, strconv.FormatInt(i, base))
			fmt.Printf("fu\t%d\t%d\t%s\n", uint64(i), base, strconv.FormatUint(uint64(i), base))
		}
	}

	fvals := floatValues()
	fmts := []byte{'b', 'e', 'E', 'f', 'g', 'G', 'x', 'X'}
	precs := []int{0, 1, 2, 3, 4, 5, 6, 8, 10, 15, 16, 17, 20, 25, 40}
	for _, f := range fvals {
		for _, bs := range []int{64, 32} {
			for _, c := range fmts {
				fmt.Printf("ff\t%016x\t%c\t%d\t%d\t%s\n", math.Float64bits(f), c, -1, bs, strconv.FormatFloat(f, c, -1, bs))
				for k := 0; k < 3; k++ {
					p := precs[r.Intn(len(precs))]
					fmt.Printf("ff\t%016x\t%c\t%d\t%d\t%s\n", math.Float64bits(f), c, p, bs, strconv.FormatFloat(f, c, p, bs))
				}
			}
		}
	}
	// %f with large precision and large values; invalid format bytes.
	for _, f := range []float64{1e300, 5e-324, 0.1, 1.0 / 3, math.MaxFloat64} {
		for _, p := range []int{60, 120, 330} {
			fmt.Printf("ff\t%016x\t%c\t%d\t%d\t%s\n", math.Float64bits(f), 'f', p, 64, strconv.FormatFloat(f, 'f', p, 64))
			fmt.Printf("ff\t%016x\t%c\t%d\t%d\t%s\n", math.Float64bits(f), 'e', p, 64, strconv.FormatFloat(f, 'e', p, 64))
		}
		fmt.Printf("ff\t%016x\t%c\t%d\t%d\t%s\n", math.Float64bits(f), 'z', 3, 64, strconv.FormatFloat(f, 'z', 3, 64))
		fmt.Printf("ff\t%016x\t%c\t%d\t%d\t%s\n", math.Float64bits(f), 'z', -1, 64, strconv.FormatFloat(f, 'z', -1, 64))
	}
	// Shortest formatting stress: random bit patterns.
	for i := 0; i < 4000; i++ {
		f := math.Float64frombits(r.Uint64())
		fmt.Printf("ff\t%016x\t%c\t%d\t%d\t%s\n", math.Float64bits(f), 'e', -1, 64, strconv.FormatFloat(f, 'e', -1, 64))
	}
	for i := 0; i < 2000; i++ {
		f := float64(math.Float32frombits(r.Uint32()))
		fmt.Printf("ff\t%016x\t%c\t%d\t%d\t%s\n", math.Float64bits(f), 'e', -1, 32, strconv.FormatFloat(f, 'e', -1, 32))
	}
	// Fixed precision stress including exact halfway cases.
	for i := 0; i < 1500; i++ {
		var f float64
		if i%2 == 0 {
			f = math.Float64frombits(r.Uint64() & 0x7fffffffffffffff)
		} else {
			f = float64(r.Intn(1<<20)) / float64(int(1)<<uint(r.Intn(12)))
		}
		c := "efg"[r.Intn(3)]
		p := r.Intn(20)
		fmt.Printf("ff\t%016x\t%c\t%d\t%d\t%s\n", math.Float64bits(f), c, p, 64, strconv.FormatFloat(f, c, p, 64))
	}

	// ParseFloat
	pfIn := []string{"", "0", "-0", "+0", "1", "-1", "+1", "1.5", ".5", "5.", ".", "-.", "+.5e1", "1e5", "1E5", "1e+5", "1e-5",
		"1e", "1e+", "1e-", "e5", "1.5.5", "0x1p-2", "0x1P+2", "0X1.8p1", "0x1.fffffffffffffp1023", "0x1.fffffffffffff8p1023",
		"0x1p1024", "0x1p-1074", "0x1p-1075", "0x1.8p-1075", "0x1", "0x1.8", "0x.8p1", "0xp1", "0x_1p0", "0x1_0p0",
		"1_000", "1_000.5", "0_1", "0x1__0p0", "0x_p0", "1__0", "_1", "1_", "0b101", "0o17", "0x1e3", "0x1e3p0",
		"inf", "Inf", "INF", "+inf", "-Inf", "infinity", "-Infinity", "+INFINITY", "infin", "infinityx", "nan", "NaN", "NAN",
		"-nan", "+nan", "nanx", "in", "1e308", "1.7976931348623157e308", "1.7976931348623158e308", "1.7976931348623159e308",
		"1e309", "-1e309", "2e308", "1e-320", "5e-324", "2e-324", "3e-324", "2.4703282292062327e-324",
		"2.4703282292062328e-324", "1e-400", "-1e-400", "1e400000000000", "1e-400000000000", "3.4028235e38", "3.4028236e38",
		"3.40282356779733661637539395458142568448e38", "1e39", "1.4e-45", "7e-46", "1e-46",
		"123456789012345678901234567890", "0.000000000000000000000000000001", "9007199254740993", "9007199254740992.5",
		"9007199254740993.0000000000000000000001", "1.00000000000000011102230246251565404236316680908203125",
		"1.00000000000000011102230246251565404236316680908203124", "1.00000000000000011102230246251565404236316680908203126",
		"0.1", "0.2", "0.3", "  1", "1 ", "1x", "0x", "0x1p", "0x1p+", "++1", "--1", "-+1", "1e1_0", "1e_10", "0e0", "0.0e-999", "0x1.00000000000000001p0", "0x123456789abcdef01p0", "0x1.000001p0", "0x1.0000011p0", "0x1.0000008p0",
		"0x1.0000018p0", "0x1.fffffep127", "0x1.ffffffp127", "0x1.fffffe8p127", "0x1p-149", "0x1p-150", "0x1.8p-150", "0x1p-126",
		"0x0.0000000000001p-1022", "0x1.0000000000000800000001p0", "0x.1p4", "0x1P-2", "-0x1p-2", "0x1_p0", "0x_1_p0", "0x1p_0",
		"0x1p0_1", "1e0_1", "1_e1", "0x1.8p+1_0",
		"00000000000000000000001", "1.e5", ".e5", "-.e5", "0x.p1", "0x1.p1", "0x1p1.5", "Infinity", "iNfInItY", "1e-4951"}
	for i := 0; i < 300; i++ {
		// random decimal strings with many digits
		var sb strings.Builder
		if r.Intn(4) == 0 {
			sb.WriteByte('-')
		}
		nd := 1 + r.Intn(30)
		for j := 0; j < nd; j++ {
			sb.WriteByte(byte('0' + r.Intn(10)))
			if j == 0 && r.Intn(2) == 0 {
				sb.WriteByte('.')
			}
		}
		fmt.Fprintf(&sb, "e%d", r.Intn(700)-350)
		pfIn = append(pfIn, sb.String())
	}
	for i := 0; i < 100; i++ {
		// halfway points between adjacent float64s, written exactly
		f := math.Float64frombits(r.Uint64() & 0x7fefffffffffffff)
		g := math.Nextafter(f, math.Inf(1))
		pfIn = append(pfIn, strconv.FormatFloat(f, 'e', 40, 64), strconv.FormatFloat(f, 'g', -1, 32), strconv.FormatFloat((f+g)/2, 'e', 25, 64))
	}
	for i := 0; i < 200; i++ {
		// halfway points between adjacent float32s, and their neighbours
		f := math.Float32frombits(r.Uint32() & 0x7f7fffff)
		g := math.Nextafter32(f, float32(math.Inf(1)))
		mid := (float64(f) + float64(g)) / 2
		pfIn = append(pfIn, strconv.FormatFloat(mid, 'e', -1, 64), strconv.FormatFloat(math.Nextafter(mid, 0), 'e', -1, 64))
	}
	for _, s := range pfIn {
		for _, bs := range []int{64, 32} {
			f, err := strconv.ParseFloat(s, bs)
			fmt.Printf("pf\t%s\t%d\t%016x\t%s\n", hx(s), bs, math.Float64bits(f), errs(err))
		}
	}

	// ParseInt, ParseUint, Atoi
	piIn := []string{"", "0", "-0", "+0", "1", "-1", "+1", "+", "-", "12a", "a12", "0x", "0x1f", "0X1F", "-0x1f", "0b101", "0B101",
		"0o17", "0O17", "017", "08", "0_17", "0x_1f", "0x1_f", "1_000", "1__000", "_1000", "1000_", "0b", "0o", "0_", "00",
		"127", "128", "-128", "-129", "255", "256", "32767", "32768", "-32768", "-32769", "65535", "65536",
		"2147483647", "2147483648", "-2147483648", "-2147483649", "4294967295", "4294967296",
		"9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
		"18446744073709551615", "18446744073709551616", "99999999999999999999999", "-99999999999999999999999",
		"zz", "ZZ", "Zz", "z", "10", "11", "1z", "1 ", " 1", "١", "1.0", "1e3", "0xffffffffffffffff", "0x10000000000000000",
		"0b1111111111111111111111111111111111111111111111111111111111111111", "7fffffffffffffff", "8000000000000000",
		"123456789012345678", "1234567890123456789", "-123456789012345678", "0000000000000000000001", "+-1"}
	for _, s := range piIn {
		for _, base := range []int{0, 2, 8, 10, 16, 36, 1, 37, -1} {
			for _, bs := range []int{0, 8, 16, 32, 64, -1, 65} {
				if base != 0 && base != 10 && base != 16 && bs != 0 && bs != 64 && bs != 8 {
					continue
				}
				v, err := strconv.ParseInt(s, base, bs)
				fmt.Printf("pi\t%s\t%d\t%d\t%d\t%s\n", hx(s), base, bs, v, errs(err))
				u, err := strconv.ParseUint(s, base, bs)
				fmt.Printf("pu\t%s\t%d\t%d\t%d\t%s\n", hx(s), base, bs, u, errs(err))
			}
		}
		v, err := strconv.Atoi(s)
		fmt.Printf("ai\t%s\t%d\t%s\n", hx(s), v, errs(err))
	}
	for _, s := range []string{"1", "t", "T", "TRUE", "true", "True", "0", "f", "F", "FALSE", "false", "False", "", "tRUE", "yes", "2", " true"} {
		b, err := strconv.ParseBool(s)
		fmt.Printf("pb\t%s\t%t\t%s\n", hx(s), b, errs(err))
	}

	// Quoting.
	qIn := []string{"", "abc", "hello, world", "\a\b\f\n\r\t\v", "\x00\x01\x1f\x7f", "\"", "'", "`", "\\", "a\"b'c`d\\e",
		"\x80", "\xff", "a\xffb", "\xc3", "\xc3\xa9", "é", "\u00a0", "\u00ad", "\u2028", "\ufeff", "\ufffd", "\U0001F600",
		"日本語", "\u200b", "\u0300", "a\u0300", "\U000E0001", "\U0010FFFF", "\xf4\x90\x80\x80", "\xed\xa0\x80", "\u1680",
		"\u3000", "\u2000", "tab\there", "line\nbreak", "\x7f\x80\x81", "\xe2\x82", "\xf0\x9f\x98", "zero\x00byte", "\u0085", "\u009f"}
	for i := 0; i < 200; i++ {
		var sb strings.Builder
		n := 1 + r.Intn(6)
		for j := 0; j < n; j++ {
			switch r.Intn(4) {
			case 0:
				sb.WriteByte(byte(r.Intn(256)))
			case 1:
				sb.WriteRune(rune(r.Intn(0x3000)))
			case 2:
				sb.WriteRune(rune(r.Intn(0x110000)))
			default:
				sb.WriteByte(byte(0x20 + r.Intn(0x60)))
			}
		}
		qIn = append(qIn, sb.String())
	}
	for _, s := range qIn {
		fmt.Printf("q\t%s\t%s\t%s\t%s\t%t\n", hx(s), hx(strconv.Quote(s)), hx(strconv.QuoteToASCII(s)), hx(strconv.QuoteToGraphic(s)), strconv.CanBackquote(s))
	}
	rIn := []rune{0, 7, 8, 9, 10, 11, 12, 13, 27, 31, ' ', '\'', '"', '\\', 'a', '~', 0x7f, 0x80, 0x9f, 0xa0, 0xa1, 0xad, 0xff,
		0x100, 0x300, 0x378, 0x1680, 0x2000, 0x200b, 0x2028, 0x3000, 0xd800, 0xdfff, 0xfeff, 0xfffd, 0xffff, 0x10000, 0x1f600,
		0xe0001, 0x10ffff, 0x110000, -1, 0x7fffffff}
	for i := 0; i < 300; i++ {
		rIn = append(rIn, rune(r.Intn(0x110000)))
	}
	for _, c := range rIn {
		fmt.Printf("qr\t%d\t%s\t%s\t%s\t%t\t%t\n", c, hx(strconv.QuoteRune(c)), hx(strconv.QuoteRuneToASCII(c)), hx(strconv.QuoteRuneToGraphic(c)), strconv.IsPrint(c), strconv.IsGraphic(c))
	}
	// Every 251st code point through the whole range for IsPrint.
	for c := rune(0); c <= 0x10ffff; c += 251 {
		fmt.Printf("ip\t%d\t%t\t%t\n", c, strconv.IsPrint(c), strconv.IsGraphic(c))
	}

	uqIn := []string{`""`, `"abc"`, `'a'`, "`raw`", "`a\rb`", "`a\nb`", `"a\nb"`, `"\a\b\f\n\r\t\v\\\""`, `"\'"`, `'\''`, `'\"'`, `'"'`,
		`"'"`, `"\x41"`, `"\x4"`, `"\xff"`, `"\u00e9"`, `"\u00E9"`, `"\U0001F600"`, `"\U00110000"`, `"\ud800"`, `"\101"`, `"\400"`,
		`"\377"`, `"\8"`, `"\1"`, `'ab'`, `''`, `'\x80'`, `'\u00e9'`, `'é'`, "'\xff'", "\"\xff\"", `"abc`, `abc"`, `"`, `'`, "`",
		"``", `"a"b"`, `"\q"`, `"\`, `"\"`, "\"a\nb\"", `"日本"`, `'日'`, `'\U0010ffff'`, `'\377'`, `x`, ``, `"\z"`, "'\n'", `"\0"`,
		`"\000"`, `"a\\b"`, "\"a\x00b\"", "'\\'", `"\u12"`, `"\U1234567"`, "`a`b`", `"a" `}
	for _, s := range uqIn {
		u, err := strconv.Unquote(s)
		fmt.Printf("uq\t%s\t%s\t%s\n", hx(s), hx(u), errs(err))
	}
	ucIn := []string{`a`, `\n`, `\x41rest`, `\u00e9x`, `\U0001F600`, `\101`, `\'`, `\"`, `'`, `"`, `é`, "\xff", `\`, ``, `\q`, `\8`, `\400`, `\ud800`}
	for _, s := range ucIn {
		for _, q := range []byte{'"', '\'', 0} {
			v, mb, tail, err := strconv.UnquoteChar(s, q)
			fmt.Printf("uc\t%s\t%d\t%d\t%t\t%s\t%s\n", hx(s), q, v, mb, hx(tail), errs(err))
		}
	}
}
