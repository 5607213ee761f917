package main

type Shape interface {
	Area() float64
}

func Describe[T Shape](s T) float64 {
	s.Perimeter()
	return s.Area()
}

func main() {}
