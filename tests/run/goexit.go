package main

import (
	"fmt"
	"runtime"
	"sync"
)

func worker(id int, wg *sync.WaitGroup, out chan<- string) {
	defer wg.Done()
	defer func() {
		// recover returns nil during Goexit and does not stop it.
		out <- fmt.Sprint("worker ", id, " deferred, recover() = ", recover())
	}()
	if id%2 == 0 {
		runtime.Goexit()
	}
	out <- fmt.Sprint("worker ", id, " returned normally")
}

func nested() {
	defer fmt.Println("nested: deferred call runs")
	runtime.Goexit()
	fmt.Println("not reached")
}

func main() {
	var wg sync.WaitGroup
	out := make(chan string, 10)
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go worker(i, &wg, out)
		wg.Wait()
		fmt.Println(<-out)
		if i%2 == 1 {
			fmt.Println(<-out)
		}
	}
	done := make(chan bool)
	go func() {
		defer close(done)
		nested()
		fmt.Println("not reached either")
	}()
	<-done
	// The goroutine that closed done may still be finishing its exit
	// (as in Go, at GOMAXPROCS > 1): give it a bounded number of turns.
	for i := 0; i < 1000 && runtime.NumGoroutine() > 1; i++ {
		runtime.Gosched()
	}
	fmt.Println("goroutines left:", runtime.NumGoroutine())
}
