package main

// atomic.Value: Load/Store/Swap/CompareAndSwap and Go's panics.

import (
	"fmt"
	"sync/atomic"
)

func try(name string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Printf("%s: panic %v (%T)\n", name, r, r)
		}
	}()
	f()
}

func main() {
	var v atomic.Value
	fmt.Println(v.Load())
	try("store nil", func() { v.Store(nil) })
	try("swap nil", func() { v.Swap(nil) })
	try("cas nil", func() { v.CompareAndSwap(nil, nil) })
	try("cas nil old", func() { fmt.Println(v.CompareAndSwap(1, 2)) })
	try("cas nil old nil", func() { fmt.Println(v.CompareAndSwap(nil, 2)) })
	try("cas types", func() { v.CompareAndSwap(1, "x") })
	v.Store(3)
	try("store str", func() { v.Store("x") })
	try("swap str", func() { v.Swap("x") })
	try("cas str", func() { v.CompareAndSwap(3, "x") })
	try("cas str2", func() { v.CompareAndSwap("x", "y") })
	fmt.Println(v.Swap(4), v.Load())
	fmt.Println(v.CompareAndSwap(3, 5), v.CompareAndSwap(4, 5), v.Load())
	var w atomic.Value
	w.Store([]int{1})
	try("cas uncomparable", func() { w.CompareAndSwap([]int{1}, []int{2}) })
	var e atomic.Value
	e.Store(error(nil) == nil)
	fmt.Println(e.Load())
}
