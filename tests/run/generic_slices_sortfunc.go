package main

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

type Employee struct {
	Name string
	Dept string
	Age  int
}

func main() {
	es := []Employee{
		{"Ann", "eng", 40}, {"Bob", "ops", 31}, {"Cid", "eng", 25},
		{"Dee", "ops", 31}, {"Eve", "eng", 31}, {"Fay", "hr", 52},
	}
	slices.SortFunc(es, func(a, b Employee) int {
		return cmp.Or(
			cmp.Compare(a.Dept, b.Dept),
			cmp.Compare(b.Age, a.Age),
			strings.Compare(a.Name, b.Name),
		)
	})
	for _, e := range es {
		fmt.Println(e.Dept, e.Age, e.Name)
	}
	i, ok := slices.BinarySearchFunc(es, "hr", func(e Employee, d string) int { return cmp.Compare(e.Dept, d) })
	fmt.Println(i, ok)
	idx := slices.IndexFunc(es, func(e Employee) bool { return e.Age < 30 })
	fmt.Println(idx, es[idx].Name)
	ages := make([]int, 0, len(es))
	for _, e := range es {
		ages = append(ages, e.Age)
	}
	slices.Sort(ages)
	fmt.Println(ages, slices.Compact(ages))
	young := slices.DeleteFunc(slices.Clone(es), func(e Employee) bool { return e.Age > 30 })
	fmt.Println(len(young), young[0].Name)
	fmt.Println(slices.ContainsFunc(es, func(e Employee) bool { return e.Dept == "hr" }))
	fl := []float64{2.5, -1, 3, 0}
	slices.SortFunc(fl, func(a, b float64) int { return cmp.Compare(b, a) })
	fmt.Println(fl, slices.Max(fl), slices.Min(fl))
}
