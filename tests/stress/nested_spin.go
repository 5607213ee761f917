package main

// A String method that spins until another goroutine sets a flag: at
// GOMAXPROCS=1 it ends only if the nested call is preempted like any
// other Go code, so the other goroutine gets the P.

import (
	"fmt"
	"sync/atomic"
)

var flag atomic.Int32

type Spin struct{ n int }

func (s Spin) String() string {
	k := 0
	for flag.Load() == 0 {
		k++
	}
	return fmt.Sprint("spun ", s.n, " ", k > 0 || k == 0)
}

func main() {
	go func() { flag.Store(1) }()
	fmt.Println(Spin{1})
	fmt.Println(Spin{2})
}
