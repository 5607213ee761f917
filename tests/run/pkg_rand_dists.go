package main

import (
	"fmt"
	"math/rand"
)

func main() {
	r := rand.New(rand.NewSource(2024))
	var ns, es float64
	tails := 0
	for i := 0; i < 200000; i++ {
		n := r.NormFloat64()
		e := r.ExpFloat64()
		ns += n
		es += e
		if n > 3.442619855899 || n < -3.442619855899 || e > 7.69711747013104972 {
			tails++
		}
		if i < 8 {
			fmt.Println(n, e)
		}
	}
	fmt.Printf("%.6f %.6f %d\n", ns/200000, es/200000, tails)
	r2 := rand.New(rand.NewSource(-3))
	for i := 0; i < 5; i++ {
		fmt.Println(r2.NormFloat64()*2+10, r2.ExpFloat64()/3)
	}
}
