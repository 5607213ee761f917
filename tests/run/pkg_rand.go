package main

import (
	"fmt"
	"math/rand"
)

func main() {
	r1 := rand.New(rand.NewSource(42))
	r2 := rand.New(rand.NewSource(42))
	same := true
	for i := 0; i < 100; i++ {
		if r1.Intn(1000) != r2.Intn(1000) {
			same = false
		}
	}
	fmt.Println("same seed, same stream:", same)
	inRange := true
	for i := 0; i < 1000; i++ {
		n := rand.Intn(10)
		f := rand.Float64()
		if n < 0 || n >= 10 || f < 0 || f >= 1 {
			inRange = false
		}
		if v := rand.Int63n(5); v < 0 || v >= 5 {
			inRange = false
		}
		if v := rand.Int31n(3); v < 0 || v >= 3 {
			inRange = false
		}
	}
	fmt.Println("in range:", inRange)
	p := rand.Perm(10)
	seen := make([]bool, 10)
	for _, v := range p {
		seen[v] = true
	}
	all := true
	for _, s := range seen {
		all = all && s
	}
	fmt.Println("perm is a permutation:", len(p) == 10 && all)
	xs := []int{1, 2, 3, 4, 5}
	rand.Shuffle(len(xs), func(i, j int) { xs[i], xs[j] = xs[j], xs[i] })
	sum := 0
	for _, x := range xs {
		sum += x
	}
	fmt.Println("shuffle keeps elements:", sum == 15)
	counts := make([]int, 4)
	for i := 0; i < 4000; i++ {
		counts[rand.Intn(4)]++
	}
	spread := true
	for _, c := range counts {
		if c < 800 || c > 1200 {
			spread = false
		}
	}
	fmt.Println("roughly uniform:", spread)
	defer func() { fmt.Println("recovered:", recover()) }()
	rand.Intn(0)
}
