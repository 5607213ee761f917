package main

import (
	"errors"
	"fmt"
	"math"
)

type P struct {
	X, Y int
}

type S string

func (s S) String() string { return "S(" + string(s) + ")" }

type E struct{ msg string }

func (e *E) Error() string { return "E:" + e.msg }

type K struct {
	A string
	B int
}

func main() {
	var nilm map[string]int
	fmt.Println(nilm, len(nilm))
	fmt.Printf("%v %+v %#v\n", nilm, nilm, nilm)
	m := map[string]int{"b": 2, "a": 1, "c": 3, "": 0}
	fmt.Println(m)
	fmt.Printf("%v|%+v|%#v|%d|%x\n", m, m, m, m, m)
	im := map[int]string{10: "ten", -3: "minus", 0: "zero", 7: "seven"}
	fmt.Println(im)
	fmt.Printf("%#v %q\n", im, im)
	fm := map[float64]int{math.NaN(): 1, math.Inf(1): 2, -1.5: 3, math.Inf(-1): 4, 0: 5}
	fmt.Println(len(fm))
	fmt.Println(fm)
	fmt.Printf("%v %.2f\n", fm, fm)
	bm := map[bool]string{true: "t", false: "f"}
	fmt.Println(bm)
	fmt.Printf("%#v\n", bm)
	pm := map[P]string{{2, 1}: "c", {1, 2}: "b", {1, 1}: "a"}
	fmt.Println(pm)
	fmt.Printf("%+v\n", pm)
	fmt.Printf("%#v\n", pm)
	km := map[K][]int{{"x", 2}: {1, 2}, {"x", 1}: nil, {"a", 9}: {}}
	fmt.Printf("%v\n%+v\n%#v\n", km, km, km)
	am := map[[2]int]bool{{2, 0}: true, {1, 5}: false, {1, 3}: true}
	fmt.Println(am)
	fmt.Printf("%#v\n", am)
	nested := map[string]map[string]int{"z": {"b": 2, "a": 1}, "y": nil, "x": {}}
	fmt.Println(nested)
	fmt.Printf("%#v\n", nested)
	sm := map[S]S{"b": "2", "a": "1"}
	fmt.Println(sm)
	fmt.Printf("%v %s %#v\n", sm, sm, sm)
	em := map[string]error{"x": errors.New("boom"), "y": nil, "z": &E{"m"}}
	fmt.Println(em)
	fmt.Printf("%+v\n", em)
	ifm := map[string]any{"int": 1, "str": "s", "nil": nil, "slice": []int{1}, "map": map[int]int{2: 4, 1: 2}, "ptr": (*P)(nil)}
	fmt.Println(ifm)
	fmt.Printf("%+v\n", ifm)
	ik := map[any]int{3: 1, 1: 2, 2: 3}
	fmt.Println(ik)
	sk := map[any]int{"b": 1, "a": 2, nil: 0}
	fmt.Println(sk)
	fmt.Printf("%#v\n", sk)
	u8 := map[uint8]int8{255: -1, 0: 0, 128: -128}
	fmt.Println(u8)
	fmt.Printf("%#v\n", u8)
	rm := map[rune]string{'b': "B", 'a': "A"}
	fmt.Printf("%v %#v\n", rm, rm)
	s := fmt.Sprint(map[string]bool{"on": true, "off": false}, " ", map[int]float64{1: 0.5})
	fmt.Println(s)
	fmt.Println(fmt.Sprintf("%10v|%-20v|", map[int]int{1: 2}, map[int]int{3: 4}))
	ptrv := map[string]*P{"a": nil}
	fmt.Println(ptrv)
	type inner struct{ M map[string]int }
	fmt.Printf("%v %+v\n", inner{map[string]int{"k": 1}}, []map[int]int{{1: 1}, nil})
}
