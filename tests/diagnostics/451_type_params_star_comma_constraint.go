package main

type C int

type A[P *C,] struct{ p P }

func main() {
	_ = A[int]{}
}
