package main

import (
	"fmt"
	"math"
	"runtime"
	"runtime/debug"
)

type node struct {
	next *node
	buf  [16]int
}

func churn(n int) {
	var keep *node
	for i := 0; i < n; i++ {
		nd := &node{next: keep}
		if i%100 == 0 {
			keep = nd
		}
	}
	_ = keep
}

func main() {
	fmt.Println("default GOGC:", debug.SetGCPercent(50))
	fmt.Println("now:", debug.SetGCPercent(100))
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	before := m.NumGC
	old := debug.SetGCPercent(-1)
	fmt.Println("turned off, was:", old)
	churn(200000)
	runtime.ReadMemStats(&m)
	fmt.Println("cycles while off:", m.NumGC-before)
	debug.SetGCPercent(100)
	churn(200000)
	runtime.ReadMemStats(&m)
	fmt.Println("cycles after turning on > 0:", m.NumGC-before > 0)
	fmt.Println("limit:", debug.SetMemoryLimit(-1) == math.MaxInt64)
	fmt.Println("set:", debug.SetMemoryLimit(64<<20) == math.MaxInt64, debug.SetMemoryLimit(-1))
	debug.FreeOSMemory()
	fmt.Println("ok")
}
