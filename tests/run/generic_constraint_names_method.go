package main

import "fmt"

type T[U interface{ M() T[U] }] int

type X int

func (X) M() T[X] { return 0 }

func main() {
	var t T[X] = 3
	fmt.Println(t, X(1).M())
}
