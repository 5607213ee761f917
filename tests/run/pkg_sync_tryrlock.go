package main

import (
	"fmt"
	"sync"
	"time"
)

// RWMutex.TryRLock: succeeds beside other readers, fails while a writer
// holds the lock or waits for it.
func main() {
	var rw sync.RWMutex
	fmt.Println("free:", rw.TryRLock())
	fmt.Println("second reader:", rw.TryRLock())
	fmt.Println("writer while read-locked:", rw.TryLock())
	rw.RUnlock()
	rw.RUnlock()

	rw.Lock()
	fmt.Println("while write-locked:", rw.TryRLock())
	rw.Unlock()

	// A writer waiting behind a reader blocks new readers.
	rw.RLock()
	locked := make(chan bool)
	go func() {
		rw.Lock()
		locked <- true
		rw.Unlock()
	}()
	time.Sleep(50 * time.Millisecond)
	fmt.Println("writer waiting:", rw.TryRLock())
	rw.RUnlock()
	fmt.Println("writer got it:", <-locked)
	fmt.Println("free again:", rw.TryRLock())
	rw.RUnlock()
	fmt.Println("write lock after:", rw.TryLock())
}
