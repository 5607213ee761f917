package main

import "fmt"

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func divmod(a, b int) (int, int) {
	return a / b, a % b
}

func named(x int) (sq, cube int) {
	sq = x * x
	cube = sq * x
	return
}

func swap(a, b string) (string, string) { return b, a }

func sum(xs ...int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

func ack(m, n int) int {
	if m == 0 {
		return n + 1
	}
	if n == 0 {
		return ack(m-1, 1)
	}
	return ack(m-1, ack(m, n-1))
}

func main() {
	fmt.Println(fib(20))
	q, r := divmod(17, 5)
	fmt.Println(q, r)
	q, r = divmod(-17, 5)
	fmt.Println(q, r)
	s, c := named(3)
	fmt.Println(s, c)
	a, b := swap("x", "y")
	fmt.Println(a, b)
	fmt.Println(sum(), sum(1), sum(1, 2, 3))
	fmt.Println(ack(2, 3))
	a, b = b, a
	fmt.Println(a, b)
}
