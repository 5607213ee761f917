package main

import (
	"fmt"
	"slices"
)

func work() {
	defer fmt.Println("work's own deferred call")
	for i := range slices.Values([]int{1, 2}) {
		defer func() {
			fmt.Println("deferred in body", i)
		}()
	}
	f := func() {
		var m map[string]int
		m["x"] = 1
	}
	f()
}

func main() {
	work()
}
