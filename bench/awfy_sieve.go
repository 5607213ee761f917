// awfy_sieve: "Are We Fast Yet" Sieve. The sieve of Eratosthenes over
// 5,000 booleans (not the goroutine sieve of bench/sieve): slice indexing
// in nested loops.
package main

import "fmt"

func sieve(flags []bool, size int) int {
	primeCount := 0
	for i := 2; i <= size; i++ {
		if flags[i-1] {
			primeCount++
			k := i + i
			for k <= size {
				flags[k-1] = false
				k += i
			}
		}
	}
	return primeCount
}

func benchmark() int {
	flags := make([]bool, 5000)
	for i := range flags {
		flags[i] = true
	}
	return sieve(flags, 5000)
}

func main() {
	total := 0
	for i := 0; i < 1500; i++ {
		total += benchmark()
	}
	fmt.Println("sieve", total)
}
