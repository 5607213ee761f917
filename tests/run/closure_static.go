package main

import (
	"fmt"
	"runtime"
	"strings"
)

func main() {
	var ms1, ms2 runtime.MemStats
	var fs []func() int
	runtime.ReadMemStats(&ms1)
	for i := 0; i < 1000; i++ {
		f := func() int { return 7 }
		g := strings.ToUpper
		_ = g
		if i%100 == 0 {
			fs = append(fs, f)
		}
	}
	runtime.ReadMemStats(&ms2)
	fmt.Println(len(fs), fs[3](), ms2.Mallocs-ms1.Mallocs < 50)
}
