package main

import (
	"fmt"
	"sort"
)

type item struct{ key, id int }

type byKey []item

func (s byKey) Len() int           { return len(s) }
func (s byKey) Less(i, j int) bool { return s[i].key < s[j].key }
func (s byKey) Swap(i, j int)      { s[i], s[j] = s[j], s[i] }

var seed uint32 = 12345

func next() int {
	seed = seed*1103515245 + 12345
	return int(seed >> 8)
}

func makeItems(n, pattern, mod int) []item {
	xs := make([]item, n)
	for i := range xs {
		var k int
		switch pattern {
		case 0:
			k = next() % mod
		case 1:
			k = i / 3
		case 2:
			k = (n - i) / 2
		case 3:
			k = 7
		case 4:
			k = i % mod
		case 5:
			if i < n/2 {
				k = i
			} else {
				k = n - i
			}
		}
		xs[i] = item{k, i}
	}
	return xs
}

// digest folds the order of ids into one number, so equal-key order shows.
func digest(xs []item) int {
	h := 0
	for _, x := range xs {
		h = (h*31 + x.id) % 1000000007
	}
	return h
}

func main() {
	for _, n := range []int{5, 12, 13, 20, 49, 50, 51, 64, 100, 257, 600} {
		for pattern := 0; pattern < 6; pattern++ {
			for _, mod := range []int{3, 17} {
				a := makeItems(n, pattern, mod)
				b := append([]item(nil), a...)
				sort.Slice(a, func(i, j int) bool { return a[i].key < a[j].key })
				sort.Sort(byKey(b))
				fmt.Printf("n=%d p=%d m=%d slice=%d sort=%d sorted=%v\n", n, pattern, mod, digest(a), digest(b),
					sort.SliceIsSorted(a, func(i, j int) bool { return a[i].key < a[j].key }))
			}
		}
	}
	small := makeItems(30, 0, 4)
	sort.Slice(small, func(i, j int) bool { return small[i].key < small[j].key })
	fmt.Println(small)
}
