package main

import (
	"fmt"
	"runtime"
)

type node struct {
	next *node
	data []int
}

func churn(n int) int {
	total := 0
	for i := 0; i < n; i++ {
		var head *node
		for j := 0; j < 100; j++ {
			head = &node{head, make([]int, 10)}
		}
		for p := head; p != nil; p = p.next {
			total += len(p.data)
		}
	}
	return total
}

func main() {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	fmt.Println(churn(200))
	runtime.GC()
	runtime.ReadMemStats(&after)
	fmt.Println("collected:", after.NumGC > before.NumGC)
	fmt.Println("allocated:", after.Mallocs > before.Mallocs, after.TotalAlloc > before.TotalAlloc)
	fmt.Println("freed:", after.Frees > before.Frees)
	fmt.Println("small live heap:", after.HeapAlloc < 1<<20)
	fmt.Println("sys >= heap:", after.Sys >= after.HeapInuse)
	fmt.Println("goal set:", after.NextGC > 0)
	fmt.Println("objects:", after.HeapObjects == after.Mallocs-after.Frees)
	fmt.Println("cpus:", runtime.NumCPU() >= 1)
	fmt.Println(runtime.GOOS, runtime.GOARCH)
}
