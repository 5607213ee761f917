package main

import "fmt"

type Number interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint | ~uint8 | ~float32 | ~float64
}

func Sum[T Number](xs []T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func Average[T Number](xs []T) float64 {
	if len(xs) == 0 {
		return 0
	}
	return float64(Sum(xs)) / float64(len(xs))
}

type Celsius float64
type Count uint8

func main() {
	fmt.Println(Sum([]int{1, 2, 3}))
	fmt.Println(Sum([]float64{1.5, 2.25}))
	fmt.Println(Sum([]Celsius{10, 20.5}))
	fmt.Println(Sum([]Count{200, 100}))
	fmt.Println(Sum([]int8{100, 100}))
	fmt.Println(Average([]int{1, 2, 3, 4}))
	fmt.Printf("%T %v\n", Sum([]Celsius{1}), Sum[Celsius](nil))
}
