// loop: a 100-million-iteration integer loop. Measures the bare cost of a
// backward jump, a compare, an increment and a little arithmetic.
package main

import "fmt"

func main() {
	sum := 0
	for i := 0; i < 100000000; i++ {
		sum += i & 255
	}
	fmt.Println(sum)
}
