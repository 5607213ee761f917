package main

import (
	"encoding/json"
	"fmt"
)

type Inner struct {
	X int `json:"x"`
}

type Outer struct {
	In   Inner            `json:"in"`
	List []Inner          `json:"list"`
	M    map[string]Inner `json:"m"`
	Arr  [2]int
	Ptr  *Inner
}

type L []int

type W struct {
	Any any `json:"any"`
}

func main() {
	var o Outer
	for _, s := range []string{`{"in": {"x": "s"}}`, `{"list": [{"x": 1}, {"x": "s"}]}`, `{"m": {"k": {"x": "s"}}}`, `{"Arr": [1, "s"]}`, `{"Ptr": {"x": true}}`, `{"in": 5}`, `{"list": {}}`, `[1]`} {
		fmt.Println(json.Unmarshal([]byte(s), &o))
	}
	var l []Inner
	fmt.Println(json.Unmarshal([]byte(`[{"x": "s"}]`), &l))
	var m map[string]Outer
	fmt.Println(json.Unmarshal([]byte(`{"a": {"in": {"x": "s"}}}`), &m))
	var mi map[string]int
	fmt.Println(json.Unmarshal([]byte(`{"a": "s"}`), &mi))
	var li []int
	fmt.Println(json.Unmarshal([]byte(`[1, "s"]`), &li))
	var an struct{ A struct{ B int } }
	fmt.Println(json.Unmarshal([]byte(`{"A": {"B": "s"}}`), &an))
	var nl L
	fmt.Println(json.Unmarshal([]byte(`[1, "x"]`), &nl))
	var po *Outer
	fmt.Println(json.Unmarshal([]byte(`{"Ptr": {"x": "x"}}`), &po))
	err := json.Unmarshal([]byte(`{"in": {"x": "x"}}`), &o)
	if ue, ok := err.(*json.UnmarshalTypeError); ok {
		fmt.Printf("%q %q %q %v\n", ue.Value, ue.Struct, ue.Field, ue.Unwrap())
	}
	// Values of interface fields need runtime types the program itself
	// never names.
	var w W
	fmt.Println(json.Unmarshal([]byte(`{"any": {"k": [1, 2.5, "s", true, null]}}`), &w), w.Any)
}
