package main

import "fmt"

type T struct{ A int }

func main() {
	var a any = struct {
		a int
		B []string
		T
	}{}
	fmt.Printf("%T\n", a)
	fmt.Printf("%T\n", []struct{}{})
	fmt.Printf("%T\n", map[string]interface{ M() }{})
	fmt.Printf("%T\n", func(int, ...string) (bool, error) { return false, nil })
	fmt.Printf("%T\n", [2]*T{})
	fmt.Printf("%T %T\n", 'x', byte(1))
	defer func() { fmt.Println(recover()) }()
	var x, y any = struct{ f []int }{}, struct{ f []int }{}
	fmt.Println(x == y)
}
