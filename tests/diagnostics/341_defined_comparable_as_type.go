package main

type C comparable

func f[T C](a, b T) bool { return a == b }

func main() {
	var x C
	_ = x
	println(f(1, 1))
}
