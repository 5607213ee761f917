package main

import (
	"fmt"
	"slices"
	"sort"
)

type byLen []string

func (b byLen) Len() int           { return len(b) }
func (b byLen) Less(i, j int) bool { return len(b[i]) < len(b[j]) }
func (b byLen) Swap(i, j int)      { b[i], b[j] = b[j], b[i] }

func main() {
	words := []string{"pear", "fig", "banana", "kiwi", "apple", "plum", "date", "lime"}
	a := slices.Clone(words)
	sort.Sort(byLen(a))
	b := slices.Clone(words)
	slices.SortFunc(b, func(x, y string) int { return len(x) - len(y) })
	fmt.Println(a)
	fmt.Println(b)
	c := slices.Clone(words)
	sort.SliceStable(c, func(i, j int) bool { return len(c[i]) < len(c[j]) })
	d := slices.Clone(words)
	slices.SortStableFunc(d, func(x, y string) int { return len(x) - len(y) })
	fmt.Println(c)
	fmt.Println(d, slices.Equal(c, d))
	nums := make([]int, 60)
	for i := range nums {
		nums[i] = (i * 37) % 17
	}
	e := slices.Clone(nums)
	sort.Ints(e)
	f := slices.Clone(nums)
	slices.Sort(f)
	fmt.Println(slices.Equal(e, f), f[:10])
}
