// Sent SIGQUIT once it has printed "start": every goroutine is dumped,
// each blocked in a different way (one in a read of standard input, a
// pipe kept open).
package main

import (
	"bufio"
	"fmt"
	"os"
	"sync"
	"time"
)

func recv(c chan int) {
	<-c
}

func sleeper() {
	time.Sleep(time.Hour)
}

func sel(a, b chan int) {
	select {
	case <-a:
	case <-b:
	}
}

func locker(mu *sync.Mutex) {
	mu.Lock()
}

func readLine() {
	bufio.NewReader(os.Stdin).ReadString('\n')
}

func main() {
	go readLine()
	c := make(chan int)
	go recv(c)
	go sleeper()
	go sel(c, c)
	var mu sync.Mutex
	mu.Lock()
	go locker(&mu)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { wg.Wait() }()
	time.Sleep(20 * time.Millisecond)
	fmt.Println("start")
	time.Sleep(time.Hour)
}
