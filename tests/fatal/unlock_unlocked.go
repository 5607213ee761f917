package main

import (
	"fmt"
	"sync"
)

func release(mu *sync.Mutex) {
	defer func() { fmt.Println("not recovered:", recover()) }()
	mu.Unlock()
}

func main() {
	var mu sync.Mutex
	fmt.Println("before")
	release(&mu)
	fmt.Println("unreachable")
}
