package main

type S struct{}

func (S) M[T interface{ ~int; m() }](t T) {}

type I int

func main() {
	var s S
	s.M(I(1))
}
