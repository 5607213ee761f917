package main

import "fmt"

func Describe[T any](v T) string {
	switch x := any(v).(type) {
	case int:
		return fmt.Sprintf("int %d", x)
	case string:
		return fmt.Sprintf("string %q", x)
	case []T:
		return "slice of T"
	case fmt.Stringer:
		return "stringer " + x.String()
	default:
		return fmt.Sprintf("other %T", x)
	}
}

type T struct{}

func (T) String() string { return "T!" }

func Convert[From, To ~int | ~float64](x From) To { return To(x) }

func IsZero[T comparable](v T) bool {
	var zero T
	return v == zero
}

func main() {
	fmt.Println(Describe(3))
	fmt.Println(Describe("hi"))
	fmt.Println(Describe(T{}))
	fmt.Println(Describe(2.5))
	fmt.Println(Convert[int, float64](7) / 2)
	fmt.Println(Convert[float64, int](7.9))
	fmt.Println(IsZero(0), IsZero(""), IsZero("x"), IsZero(struct{ a int }{}))
	var p *int
	fmt.Println(IsZero(p))
}
