package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

type P struct {
	Name string `json:"name"`
	Age  int    `json:"age"`
}

func main() {
	const in = `[{"name": "Ann", "age": 30}, {"name": "Bob", "age": 4}]`
	dec := json.NewDecoder(strings.NewReader(in))
	t, err := dec.Token()
	fmt.Printf("%T %v %v\n", t, t, err)
	for dec.More() {
		var p P
		if err := dec.Decode(&p); err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(p, dec.InputOffset())
	}
	t, err = dec.Token()
	fmt.Printf("%T %v %v\n", t, t, err)
	t, err = dec.Token()
	fmt.Println(t, err, err == io.EOF)

	dec = json.NewDecoder(strings.NewReader(`{"a": [1, "x", true, null, {"b": 2.5}], "c": {}}`))
	for {
		t, err := dec.Token()
		if err != nil {
			fmt.Println("end:", err)
			break
		}
		fmt.Printf("%T: %v more=%v\n", t, t, dec.More())
	}
	dec = json.NewDecoder(strings.NewReader(`{"n": 1, "big": 12345678901234567890, "f": 1.5}`))
	dec.UseNumber()
	var m map[string]any
	fmt.Println(dec.Decode(&m))
	for _, k := range []string{"n", "big", "f"} {
		fmt.Printf("%T %v\n", m[k], m[k])
	}
	n := m["big"].(json.Number)
	_, err = n.Int64()
	fmt.Println(err)
	dec = json.NewDecoder(strings.NewReader(`{"name": "x", "agee": 3}`))
	dec.DisallowUnknownFields()
	var p P
	fmt.Println(dec.Decode(&p), p)
	dec = json.NewDecoder(strings.NewReader(`{"name": 5, "zzz": 3}`))
	dec.DisallowUnknownFields()
	fmt.Println(dec.Decode(&p))
	dec = json.NewDecoder(strings.NewReader(`[1 2]`))
	fmt.Println(dec.Token())
	fmt.Println(dec.Token())
	fmt.Println(dec.Token())
	dec = json.NewDecoder(strings.NewReader(`{"a" 1}`))
	fmt.Println(dec.Token())
	fmt.Println(dec.Token())
	fmt.Println(dec.Token())
	dec = json.NewDecoder(strings.NewReader("1 2 3\n[4]"))
	for {
		var v any
		err := dec.Decode(&v)
		if err != nil {
			fmt.Println(err)
			break
		}
		fmt.Println(v, dec.InputOffset())
	}
	dec = json.NewDecoder(strings.NewReader(`{"a": 1`))
	var v any
	fmt.Println(dec.Decode(&v))
	type N struct {
		X json.Number
		Y json.Number `json:",omitempty"`
	}
	var nn N
	fmt.Println(json.Unmarshal([]byte(`{"X": "12", "Y": 3e5}`), &nn), nn)
	fmt.Println(json.Unmarshal([]byte(`{"X": "abc"}`), &nn), nn)
	b, err := json.Marshal(N{X: "1.5"})
	fmt.Println(string(b), err)
	b, err = json.Marshal(N{})
	fmt.Println(string(b), err)
	_, err = json.Marshal(N{X: "bad"})
	fmt.Println(err)
	fmt.Println(json.Delim('{'), json.Delim(']').String())
	var ute *json.UnmarshalTypeError
	err = json.Unmarshal([]byte(`{"age": "x"}`), &p)
	fmt.Println(err, ute == nil)
}
