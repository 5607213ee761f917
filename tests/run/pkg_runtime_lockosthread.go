package main

import (
	"fmt"
	"os"
	"runtime"
	"sync"
	"syscall"
)

// LockOSThread and UnlockOSThread, nested and in goroutines, change
// nothing a program observes; syscall.Getpagesize agrees with os's.
func main() {
	runtime.LockOSThread()
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	var wg sync.WaitGroup
	results := make([]int, 4)
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			runtime.LockOSThread()
			defer runtime.UnlockOSThread()
			s := 0
			for k := 0; k <= i*10; k++ {
				s += k
			}
			results[i] = s
		}()
	}
	wg.Wait()
	runtime.UnlockOSThread()
	runtime.UnlockOSThread() // more unlocks than locks: a no-op, as in Go
	fmt.Println(results)

	p := syscall.Getpagesize()
	fmt.Println(p == os.Getpagesize(), p > 0, p&(p-1) == 0)
	root := os.Getenv("GOROOT")
	fmt.Println(root == "" || runtime.GOROOT() == root)
}
