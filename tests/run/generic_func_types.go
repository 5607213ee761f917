package main

import "fmt"

type Pred[T any] func(T) bool

func (p Pred[T]) And(q Pred[T]) Pred[T] { return func(x T) bool { return p(x) && q(x) } }
func (p Pred[T]) Not() Pred[T]          { return func(x T) bool { return !p(x) } }

func Compose[A, B, C any](f func(A) B, g func(B) C) func(A) C {
	return func(a A) C { return g(f(a)) }
}

func Curry[A, B, C any](f func(A, B) C) func(A) func(B) C {
	return func(a A) func(B) C { return func(b B) C { return f(a, b) } }
}

func main() {
	even := Pred[int](func(x int) bool { return x%2 == 0 })
	pos := Pred[int](func(x int) bool { return x > 0 })
	both := even.And(pos)
	fmt.Println(both(4), both(-4), both(3), even.Not()(3))
	lenStr := Compose(func(s string) int { return len(s) }, func(n int) string { return fmt.Sprint(n, "chars") })
	fmt.Println(lenStr("hello"))
	add := Curry(func(a, b int) int { return a + b })
	fmt.Println(add(3)(4))
	join := Curry(func(a string, b []int) string { return fmt.Sprint(a, b) })
	fmt.Println(join("x")([]int{1}))
}
