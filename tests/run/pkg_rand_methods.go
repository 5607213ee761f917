package main

import (
	"fmt"
	"math/rand"
)

func main() {
	r := rand.New(rand.NewSource(7))
	a := []int64{}
	for i := 0; i < 5; i++ {
		a = append(a, r.Int63())
	}
	r.Seed(7)
	same := true
	for i := 0; i < 5; i++ {
		if r.Int63() != a[i] {
			same = false
		}
	}
	fmt.Println("reseed repeats:", same)
	ok := true
	for i := 0; i < 500; i++ {
		if v := r.Int31(); v < 0 {
			ok = false
		}
		if v := r.Int(); v < 0 {
			ok = false
		}
		if f := r.Float32(); f < 0 || f >= 1 {
			ok = false
		}
		if v := r.Intn(7); v < 0 || v > 6 {
			ok = false
		}
		_ = r.Uint32()
		_ = r.Uint64()
	}
	fmt.Println("ranges ok:", ok)
	b := make([]byte, 10)
	n, err := r.Read(b)
	fmt.Println(n, err)
	p := r.Perm(5)
	sum := 0
	for _, v := range p {
		sum += v
	}
	fmt.Println(len(p), sum)
	mean := 0.0
	for i := 0; i < 2000; i++ {
		mean += r.NormFloat64()
	}
	mean /= 2000
	fmt.Println("normal mean near 0:", mean > -0.2 && mean < 0.2)
	e := 0.0
	for i := 0; i < 2000; i++ {
		e += r.ExpFloat64()
	}
	fmt.Println("exp mean near 1:", e/2000 > 0.8 && e/2000 < 1.2)
	defer func() { fmt.Println("recovered:", recover()) }()
	r.Int63n(-1)
}
