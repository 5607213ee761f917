package main

import (
	"fmt"
	"math/rand"
)

func main() {
	for _, seed := range []int64{42, 0, 1, -7, 1 << 40, 2147483647, -9223372036854775808} {
		r := rand.New(rand.NewSource(seed))
		fmt.Println(seed, r.Int63(), r.Uint64(), r.Uint32(), r.Int31(), r.Int())
		fmt.Println(r.Intn(100), r.Intn(1<<40), r.Int63n(1000), r.Int31n(7), r.Int63n(1<<62+3))
		fmt.Println(r.Float64(), r.Float32())
		fmt.Println(r.Perm(10))
		xs := []string{"a", "b", "c", "d", "e", "f"}
		r.Shuffle(len(xs), func(i, j int) { xs[i], xs[j] = xs[j], xs[i] })
		fmt.Println(xs)
		b := make([]byte, 10)
		n, err := r.Read(b)
		fmt.Println(n, err, b)
	}
	src := rand.NewSource(99)
	s64 := src.(rand.Source64)
	fmt.Println(src.Int63(), s64.Uint64())
	src.Seed(99)
	fmt.Println(src.Int63(), s64.Uint64())
	r := rand.New(rand.NewSource(5))
	a := r.Intn(1000)
	r.Seed(5)
	fmt.Println(a == r.Intn(1000))
	sum := 0
	for i := 0; i < 100000; i++ {
		sum += r.Intn(10)
	}
	fmt.Println(sum)
}
