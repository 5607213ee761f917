// 21 sort interface
package main

import (
	"fmt"
	"sort"
)

type byLength []string

func (s byLength) Len() int           { return len(s) }
func (s byLength) Swap(i, j int)      { s[i], s[j] = s[j], s[i] }
func (s byLength) Less(i, j int) bool { return len(s[i]) < len(s[j]) }

func main() {
	fruits := []string{"peach", "banana", "kiwi", "fig", "apple"}
	sort.Sort(byLength(fruits))
	fmt.Println(fruits)
	sort.Sort(sort.Reverse(sort.StringSlice(fruits)))
	fmt.Println(fruits)
	nums := []int{5, 2, 8, 1, 9}
	sort.Ints(nums)
	i := sort.SearchInts(nums, 8)
	fmt.Println(nums, i, sort.IntsAreSorted(nums))
}
