package main

import (
	"fmt"
	"math"
	"math/rand/v2"
	"time"
)

func main() {
	r := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 2000; i++ {
		n := r.NormFloat64()
		e := r.ExpFloat64()
		if i < 40 || math.Abs(n) > 3.3 || e > 7.5 {
			fmt.Println(i, n, e)
		}
	}
	// Statistics over many draws: mean and variance near 0, 1 and 1, 1.
	var sn, sn2, se, se2 float64
	const N = 200000
	for i := 0; i < N; i++ {
		n, e := r.NormFloat64(), r.ExpFloat64()
		sn += n
		sn2 += n * n
		se += e
		se2 += e * e
	}
	fmt.Printf("%.6f %.6f %.6f %.6f\n", sn/N, sn2/N, se/N, se2/N-(se/N)*(se/N))

	// Zipf.
	z := rand.NewZipf(rand.New(rand.NewPCG(7, 8)), 1.5, 2, 100)
	for i := 0; i < 30; i++ {
		fmt.Print(z.Uint64(), " ")
	}
	fmt.Println()
	z2 := rand.NewZipf(rand.New(rand.NewPCG(9, 9)), 3, 1, 5)
	counts := make([]int, 6)
	for i := 0; i < 10000; i++ {
		counts[z2.Uint64()]++
	}
	fmt.Println(counts)
	fmt.Println(rand.NewZipf(r, 1, 2, 10) == nil, rand.NewZipf(r, 2, 0.5, 10) == nil)
	z3 := rand.NewZipf(rand.New(rand.NewPCG(3, 4)), 1.1, 1, 0)
	fmt.Println(z3.Uint64(), z3.Uint64())

	// PCG's state round trip.
	p := rand.NewPCG(5, 6)
	p.Uint64()
	b, err := p.MarshalBinary()
	fmt.Println(b, err)
	q := rand.NewPCG(0, 0)
	fmt.Println(q.UnmarshalBinary(b), p.Uint64() == q.Uint64())
	fmt.Println(q.UnmarshalBinary(b[:19]), q.UnmarshalBinary(append([]byte("pcG:"), b[4:]...)))
	b2, _ := p.AppendBinary([]byte{1})
	fmt.Println(len(b2), b2[:5])

	// Top-level functions: values in range.
	ok := true
	for i := 0; i < 1000; i++ {
		d := rand.N(5 * time.Second)
		if d < 0 || d >= 5*time.Second {
			ok = false
		}
		if rand.N(int8(3)) > 2 || rand.ExpFloat64() < 0 || math.IsNaN(rand.NormFloat64()) {
			ok = false
		}
	}
	fmt.Println(ok)

	defer func() { fmt.Println(recover()) }()
	var nz *rand.Zipf
	nz.Uint64()
}
