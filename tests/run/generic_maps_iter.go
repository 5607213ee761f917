package main

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

func main() {
	ages := map[string]int{"bob": 31, "ann": 40, "cid": 25}
	names := slices.Collect(maps.Keys(ages))
	slices.Sort(names)
	fmt.Println(names)
	for _, k := range slices.Sorted(maps.Keys(ages)) {
		fmt.Print(k, "=", ages[k], " ")
	}
	fmt.Println()
	sum := 0
	for v := range maps.Values(ages) {
		sum += v
	}
	fmt.Println(sum)
	up := map[string]int{}
	for k, v := range maps.All(ages) {
		up[strings.ToUpper(k)] = v + 1
	}
	fmt.Println(up)
	c := maps.Clone(up)
	maps.DeleteFunc(c, func(k string, v int) bool { return v < 30 })
	fmt.Println(c, maps.EqualFunc(c, up, func(a, b int) bool { return a == b }))
	dst := map[string]int{"z": 0}
	maps.Insert(dst, maps.All(c))
	fmt.Println(dst)
}
