package main

import (
	"fmt"
	"sort"
)

type Person struct {
	Name string
	Age  int
}

type ByAge []Person

func (a ByAge) Len() int           { return len(a) }
func (a ByAge) Swap(i, j int)      { a[i], a[j] = a[j], a[i] }
func (a ByAge) Less(i, j int) bool { return a[i].Age < a[j].Age }

func main() {
	ints := []int{5, 2, 8, -1, 9, 2, 0}
	sort.Ints(ints)
	fmt.Println(ints, sort.IntsAreSorted(ints))
	strs := []string{"pear", "apple", "fig", "Banana"}
	sort.Strings(strs)
	fmt.Println(strs, sort.StringsAreSorted(strs))
	fl := []float64{3.5, -1, 2.25, 0}
	sort.Float64s(fl)
	fmt.Println(fl, sort.Float64sAreSorted(fl))

	people := []Person{{"Alice", 30}, {"Bob", 25}, {"Carol", 35}, {"Dan", 25}, {"Eve", 30}}
	sort.Sort(ByAge(people))
	fmt.Println(people)
	sort.Sort(sort.Reverse(ByAge(people)))
	fmt.Println(people)
	sort.Slice(people, func(i, j int) bool { return people[i].Name < people[j].Name })
	fmt.Println(people)
	sort.SliceStable(people, func(i, j int) bool { return people[i].Age < people[j].Age })
	fmt.Println(people)
	fmt.Println(sort.SliceIsSorted(people, func(i, j int) bool { return people[i].Age < people[j].Age }))

	big := make([]int, 200)
	for i := range big {
		big[i] = (i * 7919) % 211
	}
	sort.Slice(big, func(i, j int) bool { return big[i] < big[j] })
	fmt.Println(sort.IntsAreSorted(big), big[0], big[100], big[199])

	recs := make([]Person, 100)
	for i := range recs {
		recs[i] = Person{fmt.Sprint("p", i), (i * 37) % 10}
	}
	sort.SliceStable(recs, func(i, j int) bool { return recs[i].Age < recs[j].Age })
	fmt.Println(recs[:12])
	fmt.Println(recs[88:])
	st := make([]int, 100)
	for i := range st {
		st[i] = (i * 13) % 100
	}
	sort.Stable(sort.IntSlice(st))
	fmt.Println(sort.IsSorted(sort.IntSlice(st)), st[:10])

	a := []int{1, 3, 5, 7, 9}
	fmt.Println(sort.SearchInts(a, 5), sort.SearchInts(a, 6), sort.SearchInts(a, 100))
	fmt.Println(sort.Search(len(a), func(i int) bool { return a[i] >= 7 }))
	fmt.Println(sort.SearchStrings([]string{"a", "c", "e"}, "d"), sort.SearchFloat64s([]float64{1, 2}, 1.5))
	i, found := sort.Find(len(a), func(i int) int { return 3 - a[i] })
	fmt.Println(i, found)
	is := sort.IntSlice{3, 1, 2}
	is.Sort()
	fmt.Println(is, is.Search(2), is.Len())
	ss := sort.StringSlice{"b", "a"}
	sort.Sort(ss)
	fmt.Println(ss)
}
