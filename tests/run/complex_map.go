package main

import (
	"fmt"
	"math"
	"sort"
)

type key struct {
	z   complex64
	tag string
}

func main() {
	nan := math.NaN()
	m := map[complex128]int{}
	m[complex(nan, 0)] = 1
	m[complex(nan, 0)] = 2
	m[complex(0, nan)] = 3
	m[0] = 4
	m[complex(math.Copysign(0, -1), 0)] = 5 // the same key as 0
	m[1i] = 6
	fmt.Println(len(m), m[0], m[1i])
	_, ok := m[complex(nan, 0)]
	fmt.Println("nan found:", ok)
	delete(m, complex(nan, 0))
	fmt.Println(len(m))
	sum := 0
	for k, v := range m {
		if k != k {
			sum += v
		}
	}
	fmt.Println("nan values:", sum)
	vals := []int{}
	for _, v := range m {
		vals = append(vals, v)
	}
	sort.Ints(vals)
	fmt.Println(vals)
	clear(m)
	fmt.Println(len(m))

	s := map[key][]complex128{}
	s[key{1 + 1i, "a"}] = append(s[key{1 + 1i, "a"}], 1)
	s[key{1 + 1i, "a"}] = append(s[key{1 + 1i, "a"}], 2)
	s[key{1 - 1i, "a"}] = nil
	fmt.Println(len(s), s[key{1 + 1i, "a"}], s)

	iface := map[any]string{1i: "c128", complex64(1i): "c64", 1: "int"}
	fmt.Println(len(iface), iface[1i], iface[complex64(1i)], iface[any(1i)])
	arr := map[[2]complex64]bool{{1, 2}: true}
	fmt.Println(arr[[2]complex64{1, 2}], arr[[2]complex64{2, 1}])
	big := make(map[complex128]int)
	for i := 0; i < 1000; i++ {
		big[complex(float64(i%100), float64(i/100))] += i
	}
	fmt.Println(len(big), big[complex(5, 3)])
}
