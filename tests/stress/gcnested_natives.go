package main

// Collections while natives wait inside the Go methods they call: each
// method asks a goroutine to collect twice and fill the freed memory with
// look-alike objects, and waits for its answer. What the native holds
// meanwhile must come through whole:
//   - json.Unmarshal: the strings, slices, maps and objects it built for
//     the fields before an UnmarshalJSON method's, not stored yet;
//   - fmt's printing and json.Marshal: the copies they made of a struct's
//     fields, of the variadic operands and of a map's entries, which the
//     method replaces (with equal copies, so Go, which reads them again,
//     prints the same) or deletes (Go prints the map's entries it copied
//     when printing began);
//   - fmt.Sscan: the operands it read from the slice it was given, which
//     the Scan method replaces with new interface values holding the same
//     pointers.

import (
	"encoding/json"
	"fmt"
	"runtime"
	"strings"
)

var (
	req  = make(chan bool)
	feed = make(chan int)
)

// wait returns once the collector has run twice meanwhile.
func wait() int {
	req <- true
	return <-feed
}

func collector(stop chan bool) {
	n := 0
	for {
		select {
		case <-req:
		case <-stop:
			return
		}
		runtime.GC()
		var keep []any
		for i := 0; i < 300; i++ {
			keep = append(keep, []string{strings.Repeat("X", 3+i%11), "XXXXXXXX"}, &Word{S: "XXXXXXXX"})
		}
		runtime.GC()
		_ = keep
		feed <- n
		n++
	}
}

// ---- json.Unmarshal ----

type Slow struct{ V string }

func (s *Slow) UnmarshalJSON(b []byte) error {
	s.V = fmt.Sprint("v", wait()*0, ":", string(b))
	return nil
}

type DInner struct {
	A []string
	M map[string]int
	S Slow
}

type DRec struct {
	Name  string
	Names []string
	Tags  map[string]string
	P     *DInner
	Any   any
	S     Slow
	Tail  []int
}

func input(i int) string {
	return fmt.Sprintf(`{"Name":"rec%d","Names":["a%d","b%d","c%d"],`+
		`"Tags":{"k%d":"v%d","w":"z"},`+
		`"P":{"A":["x%d","y"],"M":{"m%d":%d},"S":"in%d"},`+
		`"Any":{"q":[1,"two",{"three":3}]},"S":"s%d","Tail":[%d,2,3]}`,
		i, i, i, i, i, i, i, i, i, i, i, i)
}

func decode() {
	for i := 0; i < 10; i++ {
		var r DRec
		if err := json.Unmarshal([]byte(input(i)), &r); err != nil {
			fmt.Println("error", err)
			continue
		}
		runtime.GC()
		out, _ := json.Marshal(r)
		fmt.Println(string(out))
	}
	var rs []DRec
	var ms map[string]*DRec
	all := "[" + input(100) + "," + input(101) + "]"
	if err := json.Unmarshal([]byte(all), &rs); err != nil {
		fmt.Println("error", err)
	}
	obj := `{"one":` + input(200) + `,"two":` + input(201) + `}`
	if err := json.Unmarshal([]byte(obj), &ms); err != nil {
		fmt.Println("error", err)
	}
	runtime.GC()
	fmt.Println(len(rs), rs[0].Names, rs[1].Tags, rs[1].P.A, rs[1].Tail, rs[1].S)
	fmt.Println(len(ms), ms["one"].Names, ms["two"].P.M, ms["two"].Any, ms["two"].P.S)
}

// ---- fmt's printing and json.Marshal ----

type Leaf struct {
	S string
	L []string
}

type Rec struct {
	T    Trigger
	Name string
	List []string
	M    map[string][]int
	Any  any
	Arr  [2]Leaf
}

type Trigger struct {
	r   *Rec
	ops []any
	m   map[int]any
	jm  map[string]any
}

func clone(v any) any {
	switch x := v.(type) {
	case string:
		return strings.Clone(x)
	case []string:
		out := make([]string, len(x))
		for i, s := range x {
			out[i] = strings.Clone(s)
		}
		return out
	case Leaf:
		return Leaf{strings.Clone(x.S), clone(x.L).([]string)}
	case map[string][]int:
		out := map[string][]int{}
		for k, v := range x {
			out[strings.Clone(k)] = append([]int(nil), v...)
		}
		return out
	}
	return v
}

// replace replaces what the native copied before calling the method.
func (t Trigger) replace() {
	if r := t.r; r != nil {
		r.Name = clone(r.Name).(string)
		r.List = clone(r.List).([]string)
		r.M = clone(r.M).(map[string][]int)
		r.Any = clone(r.Any)
		r.Arr = [2]Leaf{clone(r.Arr[0]).(Leaf), clone(r.Arr[1]).(Leaf)}
	}
	for i := 1; i < len(t.ops); i++ {
		t.ops[i] = clone(t.ops[i])
	}
	for k := range t.m {
		if k != 0 {
			delete(t.m, k)
		}
	}
	for k, v := range t.jm {
		t.jm[k] = clone(v)
	}
	wait()
}

func (t Trigger) String() string {
	t.replace()
	return "T"
}

func (t Trigger) MarshalJSON() ([]byte, error) {
	t.replace()
	return []byte(`"T"`), nil
}

func rec(i int) *Rec {
	r := &Rec{
		Name: fmt.Sprint("name", i),
		List: []string{fmt.Sprint("a", i), fmt.Sprint("b", i)},
		M:    map[string][]int{fmt.Sprint("k", i): {i, i + 1}, "z": {0}},
		Any:  Leaf{fmt.Sprint("leaf", i), []string{fmt.Sprint("l", i)}},
		Arr:  [2]Leaf{{fmt.Sprint("x", i), []string{"p"}}, {"y", []string{fmt.Sprint("q", i)}}},
	}
	r.T = Trigger{r: r}
	return r
}

func print() {
	for i := 0; i < 10; i++ {
		fmt.Println(fmt.Sprint(rec(i)))
		fmt.Println(fmt.Sprintf("%v|%+v", *rec(i), rec(i)))
		ops := []any{nil, fmt.Sprint("op", i), []string{fmt.Sprint("s", i), "t"}, Leaf{fmt.Sprint("f", i), []string{"g"}}}
		ops[0] = Trigger{ops: ops}
		fmt.Print(fmt.Sprintln(ops...))
		m := map[int]any{1: fmt.Sprint("one", i), 2: []string{fmt.Sprint("two", i)}, 3: Leaf{fmt.Sprint("three", i), []string{"3"}}}
		m[0] = Trigger{m: m}
		fmt.Println(fmt.Sprintf("%v %d", m, len(m)))
	}
}

func encode() {
	for i := 0; i < 10; i++ {
		b, err := json.Marshal(rec(i))
		fmt.Println(string(b), err)
		m := map[string]any{"b": fmt.Sprint("one", i), "c": []string{fmt.Sprint("two", i)}, "d": Leaf{fmt.Sprint("three", i), []string{"3"}}}
		m["a"] = Trigger{jm: m}
		b, err = json.Marshal(m)
		fmt.Println(string(b), err, len(m))
	}
}

// ---- fmt.Sscan ----

type Word struct {
	S   string
	ops []any
}

func (w *Word) Scan(st fmt.ScanState, verb rune) error {
	tok, err := st.Token(true, nil)
	if err != nil {
		return err
	}
	w.S = strings.ToUpper(string(tok))
	for i, o := range w.ops {
		switch p := o.(type) {
		case *Word:
			w.ops[i] = any(p)
		case *int:
			w.ops[i] = any(p)
		case *string:
			w.ops[i] = any(p)
		}
	}
	if w.ops != nil {
		wait()
	}
	return nil
}

func scan() {
	for i := 0; i < 10; i++ {
		var a, c Word
		var n int
		var s string
		ops := []any{&a, &n, &c, &s}
		a.ops = ops
		in := fmt.Sprintf("alpha%d %d gamma%d delta%d", i, i*7, i, i)
		k, err := fmt.Sscan(in, ops...)
		fmt.Println(k, err, a.S, n, c.S, s)
		var x, y Word
		x.ops = []any{&x, &y}
		k, err = fmt.Sscanf(fmt.Sprint("[eps", i, " zeta]"), "[%v %v]", x.ops...)
		fmt.Println(k, err, x.S, y.S)
	}
}

func main() {
	stop := make(chan bool)
	go collector(stop)
	decode()
	print()
	encode()
	scan()
	close(stop)
}
