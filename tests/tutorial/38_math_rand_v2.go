// 38 math rand v2
package main

import (
	"fmt"
	"math/rand/v2"
)

func main() {
	r := rand.New(rand.NewPCG(2024, 1))
	for i := 0; i < 5; i++ {
		fmt.Print(r.IntN(100), " ")
	}
	fmt.Println()
	fmt.Printf("%.4f\n", r.Float64())
	fmt.Println(r.Perm(6))
	deck := []string{"A", "K", "Q", "J", "10"}
	r.Shuffle(len(deck), func(i, j int) { deck[i], deck[j] = deck[j], deck[i] })
	fmt.Println(deck)
	n := rand.IntN(10)
	fmt.Println(n >= 0 && n < 10)
}
