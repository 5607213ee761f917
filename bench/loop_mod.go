// loop_mod: the loop benchmark with a constant modulus in its body, a
// 100-million-iteration integer loop summing i*i%7. Measures a multiply
// and a remainder by a constant beside the loop's own cost.
package main

import "fmt"

func main() {
	sum := 0
	for i := 0; i < 100000000; i++ {
		sum += i * i % 7
	}
	fmt.Println(sum)
}
