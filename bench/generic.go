// generic: a generic sort (insertion-free quicksort with a median-of-three
// pivot, over any cmp-style ordered element) and a generic map-reduce,
// instantiated for int and for a struct. Measures what generics cost:
// bench/generic_plain.gol is the same code written without them.
package main

import "fmt"

type Ordered interface {
	~int | ~int64 | ~float64 | ~string
}

func Sort[E Ordered](s []E) {
	for len(s) > 12 {
		m := len(s) / 2
		a, b, c := s[0], s[m], s[len(s)-1]
		p := b
		if (a < b) != (a < c) {
			p = a
		} else if (c < a) != (c < b) {
			p = c
		}
		i, j := 0, len(s)-1
		for i <= j {
			for s[i] < p {
				i++
			}
			for p < s[j] {
				j--
			}
			if i <= j {
				s[i], s[j] = s[j], s[i]
				i++
				j--
			}
		}
		if j+1 < len(s)-i {
			Sort(s[:j+1])
			s = s[i:]
		} else {
			Sort(s[i:])
			s = s[:j+1]
		}
	}
	for i := 1; i < len(s); i++ {
		for k := i; k > 0 && s[k] < s[k-1]; k-- {
			s[k], s[k-1] = s[k-1], s[k]
		}
	}
}

func Map[T, U any](s []T, f func(T) U) []U {
	r := make([]U, len(s))
	for i, v := range s {
		r[i] = f(v)
	}
	return r
}

func Reduce[T, A any](s []T, acc A, f func(A, T) A) A {
	for _, v := range s {
		acc = f(acc, v)
	}
	return acc
}

type Point struct{ X, Y int }

func main() {
	const n = 300000
	xs := make([]int, n)
	seed := uint32(12345)
	for i := range xs {
		seed = seed*1664525 + 1013904223
		xs[i] = int(seed >> 8)
	}
	fs := make([]float64, n)
	for i := range fs {
		seed = seed*1664525 + 1013904223
		fs[i] = float64(seed>>8) / 7.0
	}
	Sort(xs)
	Sort(fs)
	fmt.Println(xs[0], xs[n/2], xs[n-1], fs[0] < fs[n-1])
	total := 0
	for round := 0; round < 20; round++ {
		pts := Map(xs, func(x int) Point { return Point{x & 1023, x >> 20} })
		sq := Map(pts, func(p Point) int { return p.X*p.X + p.Y })
		total += Reduce(sq, 0, func(a, v int) int { return a + v%1000 })
		total += int(Reduce(fs[:1000], 0.0, func(a, v float64) float64 { return a + v/1e6 }))
	}
	fmt.Println(total)
}
