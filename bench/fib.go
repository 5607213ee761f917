// fib: naive recursive Fibonacci. Measures call overhead: about 7 million
// calls, each with a compare, two subtractions and an addition.
package main

import "fmt"

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func main() {
	fmt.Println(fib(32))
}
