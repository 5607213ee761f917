// Every native of the standard packages called with arguments of each
// declared parameter type, so that each native's reads of its arguments
// meet its declaration (a native reading a parameter as another kind is
// a fatal error in gol): strings, strconv, math, unicode, unicode/utf8,
// sort, fmt, runtime, sync, sync/atomic, time, math/rand, errors.
package main

import (
	"errors"
	"fmt"
	"math"
	"math/rand"
	"os"
	"runtime"
	"runtime/debug"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode"
	"unicode/utf8"
)

type myErr struct{ s string }

func (e *myErr) Error() string { return e.s }

// pf prints floats to 10 significant digits (the platform's libm and
// Go's math may differ in the last bit).
func pf(vs ...float64) {
	for _, v := range vs {
		fmt.Printf("%.10g ", v)
	}
	fmt.Println()
}

func main() {
	s := "Hello, Wörld, hello"
	fmt.Println(strings.Clone(s), strings.Compare(s, "b"), strings.Contains(s, "llo"), strings.ContainsAny(s, "xyzö"))
	fmt.Println(strings.ContainsRune(s, 'ö'), strings.Count(s, "l"), strings.HasPrefix(s, "He"), strings.HasSuffix(s, "lo"))
	fmt.Println(strings.Index(s, "o"), strings.LastIndex(s, "o"), strings.IndexByte(s, 'W'), strings.LastIndexByte(s, 'l'))
	fmt.Println(strings.IndexRune(s, 'ö'), strings.IndexAny(s, ",!"), strings.LastIndexAny(s, ",!"))
	fmt.Printf("%q %q %q %q\n", strings.Split(s, ", "), strings.SplitAfter(s, ", "), strings.SplitN(s, "l", 3), strings.SplitAfterN(s, "l", 2))
	fmt.Printf("%q %q %q\n", strings.Fields(" a b  c "), strings.Join([]string{"x", "y", "z"}, "-"), strings.Repeat("ab", 3))
	fmt.Println(strings.Replace(s, "l", "L", 2), strings.ReplaceAll(s, "l", "L"))
	fmt.Println(strings.ToUpper(s), strings.ToTitle(s), strings.ToLower(s), strings.Title("go gopher"))
	fmt.Printf("%q\n", strings.ToValidUTF8("a\xffb", "?"))
	fmt.Printf("%q %q %q %q\n", strings.Trim("xxhixx", "x"), strings.TrimLeft("xxhixx", "x"), strings.TrimRight("xxhixx", "x"), strings.TrimSpace("  hi \n"))
	fmt.Println(strings.TrimPrefix(s, "Hello"), strings.TrimSuffix(s, "hello"), strings.EqualFold("Go", "GO"))
	b, a, f := strings.Cut(s, ", ")
	fmt.Println(b, a, f)
	a2, f2 := strings.CutPrefix(s, "Hello")
	b3, f3 := strings.CutSuffix(s, "hello")
	fmt.Println(a2, f2, b3, f3)
	var sb strings.Builder
	sb.WriteString("built ")
	sb.WriteByte('!')
	fmt.Println(sb.String(), sb.Len())

	bv, err := strconv.ParseBool("true")
	fmt.Println(bv, err)
	fv, err := strconv.ParseFloat("2.5e3", 64)
	fmt.Println(fv, err)
	uv, err := strconv.ParseUint("ff", 16, 64)
	fmt.Println(uv, err)
	iv, err := strconv.ParseInt("-0x1f", 0, 32)
	fmt.Println(iv, err)
	av, err := strconv.Atoi("12x")
	fmt.Println(av, err)
	q, err := strconv.Unquote(`"a\tb"`)
	fmt.Printf("%q %v\n", q, err)
	r, mb, tail, err := strconv.UnquoteChar(`\u00e9rest`, '"')
	fmt.Println(r, mb, tail, err)
	qp, err := strconv.QuotedPrefix(`"abc"def`)
	fmt.Println(qp, err)
	fmt.Println(strconv.FormatBool(false), strconv.FormatFloat(3.25, 'e', 3, 64), strconv.FormatFloat(1.5, 'f', -1, 32))
	fmt.Println(strconv.FormatUint(255, 2), strconv.FormatInt(-255, 16), strconv.Itoa(-42))
	fmt.Println(strconv.Quote("é\x01"), strconv.QuoteToASCII("é"), strconv.QuoteToGraphic("\u00a0"))
	fmt.Println(strconv.QuoteRune('é'), strconv.QuoteRuneToASCII('é'), strconv.QuoteRuneToGraphic('\t'))
	fmt.Println(strconv.CanBackquote("a`b"), strconv.IsPrint('\u00ad'), strconv.IsGraphic(' '))

	x, y := 0.75, -2.5
	pf(math.Abs(y), math.Acosh(2), math.Asin(x), math.Acos(x), math.Asinh(x), math.Atan(x), math.Atan2(x, y), math.Atanh(0.5))
	fmt.Println(math.Inf(1), math.Inf(-1), math.NaN() != math.NaN(), math.IsNaN(math.NaN()), math.IsInf(math.Inf(-1), -1), math.IsInf(y, 0))
	fmt.Println(math.Cbrt(27), math.Copysign(3, y), math.Dim(5, 3), math.Max(x, y), math.Min(x, y))
	pf(math.Erf(x), math.Erfc(x), math.Erfinv(0.5), math.Erfcinv(0.5))
	pf(math.Exp(1), math.Exp2(10), math.Expm1(1e-5), math.Floor(y), math.Ceil(y), math.Trunc(y), math.Round(y), math.RoundToEven(y))
	fr, ex := math.Frexp(8)
	fmt.Println(math.FMA(2, 3, 4), fr, ex, math.Gamma(5), math.Hypot(3, 4))
	pf(math.J0(1), math.Y0(1), math.J1(1), math.Y1(1), math.Jn(2, 1.5), math.Yn(2, 1.5))
	lg, sign := math.Lgamma(-0.5)
	pf(math.Ldexp(0.5, 4), lg, float64(sign), math.Log(10), math.Log10(1000), math.Log2(8), math.Log1p(1e-9))
	ip, fp := math.Modf(-3.25)
	fmt.Println(math.Logb(8), math.Ilogb(8), math.Mod(7, 3), ip, fp)
	fmt.Println(math.Nextafter32(1, 2), math.Nextafter(1, 2), math.Pow(2, 10), math.Pow10(3), math.Remainder(7, 4), math.Signbit(-0.0*y))
	sn, cs := math.Sincos(x)
	pf(math.Cos(x), math.Sin(x), sn, cs, math.Sinh(x), math.Cosh(x), math.Sqrt(2), math.Tan(x), math.Tanh(x))
	fmt.Println(math.Float32bits(1.5), math.Float32frombits(0x40490fdb), math.Float64bits(-2), math.Float64frombits(0x4009_21fb_5444_2d18))

	fmt.Println(unicode.IsDigit('7'), unicode.IsGraphic('é'), unicode.IsPrint('\t'), unicode.IsControl('\n'), unicode.IsLetter('ß'), unicode.IsMark('\u0301'))
	fmt.Println(unicode.IsNumber('Ⅷ'), unicode.IsPunct('!'), unicode.IsSpace('\u2003'), unicode.IsSymbol('+'), unicode.IsUpper('Ä'), unicode.IsLower('ä'), unicode.IsTitle('ǅ'))
	fmt.Println(unicode.To(unicode.UpperCase, 'q'), unicode.ToUpper('é'), unicode.ToLower('É'), unicode.ToTitle('ǆ'), unicode.SimpleFold('K'))

	p := []byte("héllo")
	fmt.Println(utf8.FullRune(p[:2]), utf8.FullRuneInString("é"))
	r1, w1 := utf8.DecodeRune(p[1:])
	r2, w2 := utf8.DecodeRuneInString("€x")
	r3, w3 := utf8.DecodeLastRune(p)
	r4, w4 := utf8.DecodeLastRuneInString("x€")
	fmt.Println(r1, w1, r2, w2, r3, w3, r4, w4, utf8.RuneLen('€'))
	buf := make([]byte, 4)
	n := utf8.EncodeRune(buf, '€')
	fmt.Println(n, buf[:n], utf8.AppendRune([]byte("a"), 'é'), utf8.RuneCount(p), utf8.RuneCountInString("€€"))
	fmt.Println(utf8.RuneStart(p[2]), utf8.Valid(p), utf8.ValidString("a\xffb"), utf8.ValidRune(0xD800))

	ints := []int{3, 1, 2}
	floats := []float64{2.5, math.NaN(), -1}
	strs := []string{"b", "c", "a"}
	sort.Ints(ints)
	sort.Float64s(floats)
	sort.Strings(strs)
	people := []string{"bob", "al", "christine"}
	sort.Slice(people, func(i, j int) bool { return len(people[i]) < len(people[j]) })
	fmt.Println(ints, floats, strs, people)

	var i1, i2 int
	var w string
	cnt, err := fmt.Sscan("4 5 word", &i1, &i2, &w)
	fmt.Println(cnt, err, i1, i2, w)
	cnt, err = fmt.Sscanf("7-x", "%d-%s", &i1, &w)
	fmt.Println(cnt, err, i1, w)
	fmt.Print(fmt.Sprint("a", 1, 2.5, true), " ", fmt.Sprintln("b", []int{1}))
	e1 := fmt.Errorf("wrap: %w", &myErr{"inner"})
	var me *myErr
	fmt.Println(e1, errors.Unwrap(e1), errors.Is(e1, e1), errors.As(e1, &me), me.s)

	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Println(ms.NumGC > 0, runtime.NumCPU() > 0, runtime.NumGoroutine(), runtime.GOMAXPROCS(0) > 0)
	old := debug.SetGCPercent(150)
	fmt.Println(old, debug.SetGCPercent(old), debug.SetMemoryLimit(-1) > 0)
	runtime.KeepAlive(ms)
	runtime.Gosched()

	var mu sync.Mutex
	var rw sync.RWMutex
	var wg sync.WaitGroup
	mu.Lock()
	fmt.Println(mu.TryLock())
	mu.Unlock()
	rw.RLock()
	rw.RUnlock()
	rw.Lock()
	fmt.Println(rw.TryLock())
	rw.Unlock()
	cond := sync.NewCond(&mu)
	total := int64(0)
	var u32 uint32
	var i32 int32
	var ab atomic.Bool
	var av2 atomic.Value
	for k := 0; k < 4; k++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			atomic.AddInt64(&total, 2)
			atomic.AddUint32(&u32, 1)
			atomic.CompareAndSwapInt32(&i32, 0, 9)
			mu.Lock()
			cond.Broadcast()
			mu.Unlock()
		}()
	}
	wg.Wait()
	ab.Store(true)
	av2.Store("v")
	fmt.Println(atomic.LoadInt64(&total), atomic.LoadUint32(&u32), atomic.SwapInt32(&i32, 1), i32, ab.Load(), ab.Swap(false), ab.CompareAndSwap(false, true), av2.Load())
	fmt.Println(av2.Swap("w"), av2.CompareAndSwap("w", "z"), av2.Load(), atomic.OrUint32(&u32, 16), atomic.AndInt32(&i32, 3), u32, i32)

	t0 := time.Now()
	time.Sleep(time.Millisecond)
	tm := time.NewTimer(time.Hour)
	fmt.Println(tm.Stop(), tm.Reset(time.Millisecond), time.Since(t0) > 0)
	<-tm.C
	d := time.Unix(1709209800, 5)
	fmt.Println(d.Unix(), d.Nanosecond(), d.Add(90*time.Minute).Sub(d), d.Truncate(time.Hour).Unix())

	rng := rand.New(rand.NewSource(7))
	fmt.Println(rng.Intn(100), rng.Int63(), rng.NormFloat64() != 0, rng.ExpFloat64() > 0)
	fmt.Println(rand.Intn(1) == 0)

	if _, err := os.ReadFile("/nonexistent/file"); err != nil {
		fmt.Println("readfile:", err)
	}
	fmt.Println(os.Getenv("GOL_UNSET_VARIABLE_FOR_TEST") == "")
	os.Exit(3)
}
