package main

// runtime.GC called directly inside Go methods that natives call (String,
// Error, MarshalJSON, UnmarshalJSON, Scan, a sort.Slice less function),
// each after making garbage and look-alike objects, while what the outer
// code holds lives only in places a collection must still see: the
// operands a native is printing, a deferred closure set aside by the
// nested call, a panic value in flight, objects json.Unmarshal built but
// has not stored. Each collection really runs (NumGC moves) and every
// value comes through whole.

import (
	"encoding/json"
	"errors"
	"fmt"
	"runtime"
	"sort"
	"strings"
)

var gcs int

// churn makes garbage shaped like the values below, then collects.
func churn() {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	before := ms.NumGC
	var keep []any
	for i := 0; i < 200; i++ {
		keep = append(keep, []string{strings.Repeat("X", 3+i%11), "XXXXXXXX"}, &Word{S: "XXXXXXXX"})
	}
	keep = nil
	runtime.GC()
	runtime.ReadMemStats(&ms)
	if ms.NumGC > before {
		gcs++
	}
	_ = keep
}

type Word struct{ S string }

func (w *Word) String() string {
	churn()
	return "<" + w.S + ">"
}

type Err struct{ msg []string }

func (e Err) Error() string {
	churn()
	return strings.Join(e.msg, "/")
}

type J struct {
	A []string
	M map[string]int
}

func (j J) MarshalJSON() ([]byte, error) {
	churn()
	return json.Marshal(map[string]any{"a": j.A, "m": j.M})
}

type Slow struct{ V string }

func (s *Slow) UnmarshalJSON(b []byte) error {
	churn()
	s.V = strings.ToUpper(string(b))
	return nil
}

type Rec struct {
	Name  string
	Tags  []string
	Extra map[string][]int
	Slow  Slow
	After []string
}

type Sc struct{ got []string }

func (s *Sc) Scan(st fmt.ScanState, verb rune) error {
	churn()
	tok, err := st.Token(true, nil)
	if err != nil {
		return err
	}
	s.got = append(s.got, string(tok))
	return nil
}

func printing() {
	ws := []*Word{{S: strings.Repeat("a", 3)}, {S: strings.Repeat("b", 4)}, {S: strings.Repeat("c", 5)}}
	fmt.Println(ws[0], ws[1], ws[2], []string{"x" + ws[0].S, "y"}, map[string]*Word{"k": ws[2]})
	fmt.Printf("%v|%s|%v\n", Err{msg: []string{"p", strings.Repeat("q", 2)}}, ws[1], [2]*Word{ws[2], ws[0]})
}

func deferred() (out string) {
	parts := []string{strings.Repeat("d", 3), "e"}
	defer func() {
		out += "+" + strings.Join(parts, ",")
	}()
	parts = nil
	parts = append(parts, strings.Repeat("f", 2), "g")
	return fmt.Sprint(&Word{S: "inner"})
}

func panicking() (msg string) {
	defer func() {
		r := recover()
		var e Err
		if errors.As(r.(error), &e) {
			msg = "recovered " + e.Error()
		}
	}()
	defer func() {
		// Runs during the panic: the panic value is in flight and set
		// aside by the nested call fmt makes here.
		_ = fmt.Sprint(&Word{S: "during"})
	}()
	panic(Err{msg: []string{strings.Repeat("z", 3), "w"}})
}

func jsonRoundTrip() {
	b, err := json.Marshal([]J{{A: []string{"s", strings.Repeat("t", 2)}, M: map[string]int{"u": 1}}})
	fmt.Println(string(b), err)
	var r Rec
	in := `{"Name":"n` + strings.Repeat("m", 3) + `","Tags":["a","b"],"Extra":{"k":[1,2,3]},"Slow":"slow","After":["x","y"]}`
	err = json.Unmarshal([]byte(in), &r)
	fmt.Println(r.Name, r.Tags, r.Extra, r.Slow.V, r.After, err)
}

func scanning() {
	var a, b Sc
	var n int
	c, err := fmt.Sscan("one 2 three", &a, &n, &b)
	fmt.Println(c, err, a.got, n, b.got)
}

func sorting() {
	xs := []*Word{{S: "d"}, {S: "b"}, {S: "a"}, {S: "c"}}
	calls := 0
	sort.Slice(xs, func(i, j int) bool {
		if calls < 5 {
			churn()
		}
		calls++
		return xs[i].S < xs[j].S
	})
	fmt.Println(xs[0].S, xs[1].S, xs[2].S, xs[3].S)
}

func main() {
	for round := 0; round < 3; round++ {
		printing()
		fmt.Println(deferred())
		fmt.Println(panicking())
		jsonRoundTrip()
		scanning()
		sorting()
	}
	fmt.Println("collections ran:", gcs > 40)
}
