package main

const P = 2

type C int

type A[P *C] int

func main() {
	var a A
	_ = a
}
