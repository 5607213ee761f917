package main

import (
	"fmt"
	"math/rand/v2"
)

func main() {
	r := rand.New(rand.NewPCG(1, 2))
	fmt.Println(r.Uint64(), r.Int64(), r.Uint32(), r.Int32(), r.Int())
	fmt.Println(r.IntN(10), r.IntN(1000), r.Int64N(1<<40), r.Uint64N(7), r.Int32N(100), r.Uint32N(3), r.UintN(17))
	fmt.Println(r.Float64(), r.Float32())
	fmt.Println(r.Perm(10))
	s := []string{"a", "b", "c", "d", "e"}
	r.Shuffle(len(s), func(i, j int) { s[i], s[j] = s[j], s[i] })
	fmt.Println(s)
	p := rand.NewPCG(42, 54)
	p.Seed(7, 8)
	fmt.Println(p.Uint64())
	n := rand.IntN(5)
	fmt.Println(n >= 0 && n < 5, rand.Float64() < 1, len(rand.Perm(4)))
	defer func() { fmt.Println(recover()) }()
	rand.IntN(0)
}
