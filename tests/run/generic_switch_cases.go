package main

import "fmt"

type myint int

// A type parameter and the types it may stand for are different cases:
// the first that matches wins.
func kind[T any](i any) string {
	switch i.(type) {
	case T:
		return "T"
	case int:
		return "int"
	case []T:
		return "[]T"
	case []int:
		return "[]int"
	case map[string]T, struct{ a T }:
		return "composite of T"
	}
	return "other"
}

// Conversions to type parameters are no constants: no duplicate cases or
// keys, and the first equal case wins.
func which[T, U ~int](x int) string {
	switch any(x) {
	case int(0), T(0), U(0):
		return "zero"
	case T(1):
		return "T one"
	case U(1):
		return "U one"
	}
	return "other"
}

func keys[T, U comparable](a T, b U) map[any]string {
	return map[any]string{a: "T", b: "U"}
}

func main() {
	fmt.Println(kind[int](1), kind[string](1), kind[string]("s"), kind[myint](myint(2)), kind[myint](2))
	fmt.Println(kind[int]([]int{1}), kind[string]([]int{1}), kind[string]([]string{"a"}))
	fmt.Println(kind[int](map[string]int{}), kind[int](struct{ a int }{}), kind[bool](struct{ a int }{}))
	fmt.Println(which[int, myint](0), which[int, int](1), which[myint, int](1), which[int, int](2))
	m := keys(1, 1)
	fmt.Println(len(m), m[1])
	m = keys(1, myint(1))
	fmt.Println(len(m), m[1], m[myint(1)])
}
