package main

import "fmt"

type Inner struct {
	A int
	b string
}

type Base struct{ ID int }

type Derived struct {
	Base
	Name  string
	Inner Inner
	List  []Inner
	Err   error
	Any   any
	F     float64
}

type Empty struct{}

func main() {
	d := Derived{Base{7}, "d", Inner{1, "x"}, []Inner{{2, "y"}}, nil, 3, 1.5}
	fmt.Println(d)
	fmt.Printf("%v\n%+v\n%#v\n", d, d, d)
	fmt.Printf("%v %+v %#v\n", Empty{}, Empty{}, Empty{})
	fmt.Printf("%v %+v\n", &d.Inner, &d.Base)
	fmt.Printf("%v %d %s\n", Inner{5, "z"}, Inner{5, "z"}, Inner{5, "z"})
	fmt.Printf("%v\n", []any{Inner{1, "a"}, Empty{}, nil, 2.5, "s", []int(nil)})
	fmt.Printf("%#v\n", []any{1, "a", nil})
	fmt.Printf("%#v %#v\n", []string(nil), []int{})
	var e error
	var ip *Inner
	fmt.Printf("%v %+v %#v %T %T\n", e, ip, ip, e, ip)
	type local struct{ X, Y int }
	fmt.Printf("%v %+v %T\n", local{1, 2}, local{3, 4}, local{})
	fmt.Printf("%v\n", struct {
		A int
		B string
	}{1, "anon"})
}
