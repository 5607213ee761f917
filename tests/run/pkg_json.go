package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"strings"
	"time"
)

type Address struct {
	Street string `json:"street"`
	City   string `json:"city,omitempty"`
}

type Base struct {
	ID      int `json:"id"`
	Created string
}

type Person struct {
	Base
	Name     string            `json:"name"`
	Age      int               `json:"age,omitempty"`
	Email    string            `json:"-"`
	Tags     []string          `json:"tags"`
	Addr     *Address          `json:"address,omitempty"`
	Meta     map[string]any    `json:"meta,omitempty"`
	Score    float64           `json:"score"`
	Count    int64             `json:"count,string"`
	Raw      json.RawMessage   `json:"raw,omitempty"`
	Labels   map[string]string `json:"labels"`
	private  int
	Data     []byte
	When     time.Time `json:"when"`
	Ptr      *int
	Iface    any
	Arr      [2]bool
	Dash     int `json:"-,"`
}

type Celsius float64

func (c Celsius) MarshalJSON() ([]byte, error) {
	return []byte(fmt.Sprintf(`{"celsius": %.1f}`, float64(c))), nil
}

type Color int

func (c Color) MarshalText() ([]byte, error) {
	return []byte([]string{"red", "green"}[c]), nil
}

func (c *Color) UnmarshalText(b []byte) error {
	switch string(b) {
	case "red":
		*c = 0
	case "green":
		*c = 1
	default:
		return fmt.Errorf("bad color %q", b)
	}
	return nil
}

func main() {
	n := 7
	p := Person{
		Base:   Base{ID: 1, Created: "today"},
		Name:   "Ann <admin> & co",
		Email:  "ann@example.com",
		Tags:   []string{"a", "b"},
		Addr:   &Address{Street: "Main St"},
		Meta:   map[string]any{"z": 1, "a": []any{true, nil, 2.5}, "m": map[string]int{"k": 3}},
		Score:  1e21,
		Count:  42,
		Raw:    json.RawMessage(`{"x": [1, 2]}`),
		Data:   []byte("hello"),
		When:   time.Date(2024, 1, 2, 3, 4, 5, 600, time.UTC),
		Ptr:    &n,
		Iface:  Celsius(21.5),
		Dash:   9,
	}
	b, err := json.Marshal(p)
	fmt.Println(string(b), err)
	b, err = json.MarshalIndent(p, "", "  ")
	fmt.Println(string(b), err)
	for _, v := range []any{nil, 1, -2.5, 1e-7, 123456789.0, 1e20, float32(3.14), "x\ty\u2028", []int(nil), []int{}, map[string]int(nil), map[int]string{10: "a", 2: "b"}, Color(1), map[Color]int{1: 5, 0: 6}, [3]int{1, 2, 3}, struct{}{}, &n, true, uint8(200), []byte{}} {
		b, err := json.Marshal(v)
		fmt.Println(string(b), err)
	}
	_, err = json.Marshal(math.NaN())
	fmt.Println(err)
	_, err = json.Marshal(make(chan int))
	fmt.Println(err)
	_, err = json.Marshal(map[string]any{"f": func() {}})
	fmt.Println(err)

	var q Person
	err = json.Unmarshal(b2(), &q)
	fmt.Println(err)
	fmt.Printf("%+v\n", q.Base)
	fmt.Println(q.Name, q.Age, q.Tags, q.Addr.Street, q.Score, q.Count, string(q.Raw), q.Labels, string(q.Data), q.When, *q.Ptr, q.Iface, q.Arr)

	var anyv any
	err = json.Unmarshal([]byte(`{"b":[1,"two",true,null,{"c":3.5}],"a":-1e3}`), &anyv)
	fmt.Println(anyv, err)
	m := anyv.(map[string]any)
	fmt.Println(m["a"].(float64), len(m["b"].([]any)))

	var ints []int
	fmt.Println(json.Unmarshal([]byte(`[1, 2, 3]`), &ints), ints)
	var mm map[string]int
	fmt.Println(json.Unmarshal([]byte(`{"x": 1, "y": 2}`), &mm), mm)
	var c Color
	fmt.Println(json.Unmarshal([]byte(`"green"`), &c), c)
	fmt.Println(json.Unmarshal([]byte(`"blue"`), &c), c)
	var mc map[string]Color
	fmt.Println(json.Unmarshal([]byte(`{"k":"red"}`), &mc), mc)

	// Errors.
	var a Address
	fmt.Println(json.Unmarshal([]byte(`{"street": 5}`), &a))
	fmt.Println(json.Unmarshal([]byte(`{"street": "x",}`), &a))
	fmt.Println(json.Unmarshal([]byte(`[1,2`), &ints))
	fmt.Println(json.Unmarshal([]byte(`tru`), &anyv))
	fmt.Println(json.Unmarshal([]byte(`{"a" 1}`), &anyv))
	fmt.Println(json.Unmarshal([]byte(`1 2`), &anyv))
	fmt.Println(json.Unmarshal([]byte(`{}`), a))
	fmt.Println(json.Unmarshal([]byte(`{}`), nil))
	var np *Address
	fmt.Println(json.Unmarshal([]byte(`{}`), np))
	var i8 int8
	fmt.Println(json.Unmarshal([]byte(`300`), &i8), i8)
	fmt.Println(json.Unmarshal([]byte(`1.5`), &ints))
	var s string
	fmt.Println(json.Unmarshal([]byte(`1.5`), &s))
	err = json.Unmarshal([]byte(`{"x": "a"}`), &mm)
	fmt.Println(err)
	var se *json.SyntaxError
	_ = se
	err = json.Unmarshal([]byte(`{"x":}`), &mm)
	if e, ok := err.(*json.SyntaxError); ok {
		fmt.Println("syntax at", e.Offset, e)
	}

	enc := json.NewEncoder(os.Stdout)
	enc.Encode(map[string]any{"html": "<b>", "n": 1})
	enc.SetEscapeHTML(false)
	enc.SetIndent(">", "\t")
	enc.Encode(map[string]any{"html": "<b>", "list": []int{1, 2}})

	dec := json.NewDecoder(strings.NewReader(`{"street":"A"} {"street":"B","city":"C"}
	[1,2]`))
	for {
		var v any
		if err := dec.Decode(&v); err != nil {
			fmt.Println("decode end:", err)
			break
		}
		fmt.Println(v)
	}
	var buf bytes.Buffer
	json.Indent(&buf, []byte(`{"a":[1,{"b":2}],"c":{}}`), "", "  ")
	fmt.Println(buf.String())
	fmt.Println(json.Valid([]byte(`{"a":1}`)), json.Valid([]byte(`{a:1}`)))
}

func b2() []byte {
	return []byte(`{"id": 5, "Created": "now", "name": "Bob", "AGE": 30, "tags": ["x"], "address": {"street": "Elm"},
	"score": 2.5, "count": "17", "raw": [1, {"a": null}], "labels": {"k": "v"}, "Data": "aGVsbG8=",
	"when": "2020-05-06T07:08:09.5+02:00", "Ptr": 9, "Iface": {"x": 1}, "Arr": [true], "unknown": 1}`)
}
