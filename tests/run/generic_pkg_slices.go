package main

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"
)

type Person struct {
	Name string
	Age  int
}

func main() {
	xs := []int{5, 2, 8, 2, 9, 1, 5, 5}
	slices.Sort(xs)
	fmt.Println(xs, slices.IsSorted(xs))
	i, found := slices.BinarySearch(xs, 8)
	fmt.Println(i, found)
	i, found = slices.BinarySearch(xs, 3)
	fmt.Println(i, found)
	fmt.Println(slices.Contains(xs, 9), slices.Index(xs, 5), slices.Index(xs, 7))
	fmt.Println(slices.Compact(xs))
	fmt.Println(slices.Max(xs), slices.Min(xs))
	ys := slices.Clone(xs)
	slices.Reverse(ys)
	fmt.Println(ys, xs[0])
	fmt.Println(slices.Equal(xs, ys), slices.Equal(xs, slices.Clone(xs)))
	zs := slices.Insert([]int{1, 2, 3}, 1, 10, 11)
	fmt.Println(zs)
	zs = slices.Delete(zs, 0, 2)
	fmt.Println(zs, len(zs))
	fmt.Println(slices.IndexFunc(zs, func(v int) bool { return v > 2 }))
	people := []Person{{"Alice", 30}, {"Bob", 25}, {"Carol", 30}, {"Dan", 25}, {"Eve", 35}}
	slices.SortStableFunc(people, func(a, b Person) int { return cmp.Compare(a.Age, b.Age) })
	fmt.Println(people)
	slices.SortFunc(people, func(a, b Person) int { return strings.Compare(b.Name, a.Name) })
	fmt.Println(people)
	j, ok := slices.BinarySearchFunc([]Person{{"a", 1}, {"b", 5}}, 5, func(p Person, t int) int { return cmp.Compare(p.Age, t) })
	fmt.Println(j, ok)
	words := []string{"banana", "apple", "Cherry"}
	slices.Sort(words)
	fmt.Println(words, slices.Compare([]int{1, 2}, []int{1, 3}))
	fmt.Println(cmp.Compare(2, 1), cmp.Less("a", "b"), cmp.Or("", "x", "y"), cmp.Or(0, 0))
	m := map[string]int{"a": 1, "b": 2}
	m2 := maps.Clone(m)
	m2["c"] = 3
	fmt.Println(len(m), len(m2), maps.Equal(m, m2))
	maps.DeleteFunc(m2, func(k string, v int) bool { return v > 1 })
	fmt.Println(m2, maps.Equal(m, m2))
	maps.Copy(m2, map[string]int{"z": 26})
	fmt.Println(m2)
	fmt.Println(slices.Concat([]int{1}, []int{2, 3}, nil, []int{4}))
	fmt.Println(slices.Repeat([]string{"ab"}, 3))
	big := make([]int, 200)
	for k := range big {
		big[k] = (k * 7919) % 211
	}
	slices.Sort(big)
	fmt.Println(big[:10], big[190:], slices.IsSorted(big))
	type kv struct{ k, v int }
	kvs := make([]kv, 100)
	for k := range kvs {
		kvs[k] = kv{(k * 31) % 7, k}
	}
	slices.SortFunc(kvs, func(a, b kv) int { return a.k - b.k })
	fmt.Println(kvs[:12])
	fmt.Println(slices.MaxFunc(people, func(a, b Person) int { return a.Age - b.Age }))
	var fl = []float64{3, 1, 2}
	slices.Sort(fl)
	fmt.Println(fl, slices.Replace([]int{0, 1, 2, 3}, 1, 3, 9))
	fmt.Println(slices.Grow([]int{1}, 10)[:1], cap(slices.Clip(make([]int, 2, 10))))
}
