package main

// A WaitGroup nobody counts down: the deadlock dump shows main waiting
// as `[sync.WaitGroup.Wait]` under runtime_SemacquireWaitGroup.

import (
	"sync"
)

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	wg.Wait()
}
