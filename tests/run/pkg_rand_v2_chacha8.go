package main

import (
	"fmt"
	"math/rand/v2"
)

func main() {
	var seed [32]byte
	copy(seed[:], "chacha8 seed for gol's golden!!!")
	c := rand.NewChaCha8(seed)
	for i := 0; i < 5; i++ {
		fmt.Println(c.Uint64())
	}
	// Past the first rekey (128 words less the 4 held back).
	var x uint64
	for i := 0; i < 300; i++ {
		x ^= c.Uint64()
	}
	fmt.Println(x)
	r := rand.New(c)
	fmt.Println(r.IntN(100), r.Float64(), r.Perm(5), r.Int32N(7), r.Uint32())
	b := make([]byte, 11)
	n, err := c.Read(b)
	fmt.Println(n, err, b)
	st, _ := c.MarshalBinary()
	fmt.Println(len(st), string(st[:8]))
	d := rand.NewChaCha8([32]byte{})
	fmt.Println(d.UnmarshalBinary(st))
	fmt.Println(c.Uint64() == d.Uint64(), c.Uint64() == d.Uint64())
	fmt.Println(d.UnmarshalBinary([]byte("bad")))
	c.Seed([32]byte{1})
	fmt.Println(c.Uint64())
	var z [32]byte
	fmt.Println(rand.NewChaCha8(z).Uint64())
	p := rand.New(rand.NewPCG(1, 2))
	fmt.Println(p.Uint64(), p.IntN(1000), p.NormFloat64(), p.ExpFloat64())
}
