package main

// An Error method locks a mutex its caller holds.

import (
	"fmt"
	"sync"
)

type E struct{ mu *sync.Mutex }

func (e E) Error() string {
	e.mu.Lock()
	return "unreachable"
}

func main() {
	var mu sync.Mutex
	mu.Lock()
	var err error = E{&mu}
	fmt.Println("before")
	fmt.Println(err)
}
