package main

type Shape interface {
	Area() float64
}

func Same[T Shape](a, b T) bool {
	return a == b
}

func main() {}
