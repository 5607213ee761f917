package main

import (
	"encoding/json"
	"fmt"
)

type A struct {
	X int `json:"x"`
}

type B struct {
	X int `json:"y"`
}

type user struct {
	Name string `json:"name"`
}

func main() {
	// Same fields, different tags: different types, convertible.
	a := A{1}
	b := B(a)
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	fmt.Println(string(ja), string(jb))
	// Anonymous structs keep their tags too.
	s1 := struct {
		V int `json:"v1"`
	}{2}
	s2 := struct {
		V int `json:"v2"`
	}{3}
	j1, _ := json.Marshal(s1)
	j2, _ := json.Marshal(s2)
	fmt.Println(string(j1), string(j2))
	var i1, i2 any = s1, s2
	_, ok := i1.(struct {
		V int `json:"v2"`
	})
	fmt.Println(ok, i2 != nil)
	fmt.Printf("%+v %v\n", user{"ann"}, user{"bob"})
}
