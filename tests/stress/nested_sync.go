package main

// Blocking operations inside methods that fmt calls: a WaitGroup.Wait,
// time.Sleep, a select with a timer, a send on a full channel, a
// sync.Cond wait, all while other goroutines run.

import (
	"errors"
	"fmt"
	"sync"
	"time"
)

type Waiter struct{ n int }

func (w Waiter) String() string {
	var wg sync.WaitGroup
	sum := make([]int, w.n)
	for i := 0; i < w.n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			time.Sleep(time.Millisecond)
			sum[i] = i * i
		}()
	}
	wg.Wait()
	t := 0
	for _, v := range sum {
		t += v
	}
	return fmt.Sprint("waited ", t)
}

type Sleeper int

func (s Sleeper) String() string {
	time.Sleep(time.Duration(s) * time.Millisecond)
	return fmt.Sprint("slept ", int(s))
}

type Selector struct{ c chan int }

func (s Selector) String() string {
	select {
	case v := <-s.c:
		return fmt.Sprint("got ", v)
	case <-time.After(5 * time.Second):
		return "timeout"
	}
}

type Full struct{ c chan int }

func (f Full) Error() string {
	f.c <- 2 // the buffer is full: waits for the reader
	return "sent"
}

type Conder struct {
	mu    *sync.Mutex
	cond  *sync.Cond
	ready *bool
}

func (c Conder) String() string {
	c.mu.Lock()
	for !*c.ready {
		c.cond.Wait()
	}
	c.mu.Unlock()
	return "signalled"
}

func main() {
	fmt.Println(Waiter{10})
	fmt.Println(Sleeper(3), Sleeper(1))
	c := make(chan int)
	go func() {
		time.Sleep(2 * time.Millisecond)
		c <- 7
	}()
	fmt.Println(Selector{c})

	full := make(chan int, 1)
	full <- 1
	got := make(chan []int)
	go func() {
		time.Sleep(2 * time.Millisecond)
		got <- []int{<-full, <-full}
	}()
	var err error = Full{full}
	fmt.Println(err, errors.Is(err, err))
	fmt.Println(<-got)

	var mu sync.Mutex
	ready := false
	cond := sync.NewCond(&mu)
	go func() {
		time.Sleep(2 * time.Millisecond)
		mu.Lock()
		ready = true
		mu.Unlock()
		cond.Broadcast()
	}()
	fmt.Println(Conder{&mu, cond, &ready})

	// Many goroutines formatting blocking values at once.
	var wg sync.WaitGroup
	res := make([]string, 20)
	for i := range res {
		wg.Add(1)
		go func() {
			defer wg.Done()
			res[i] = fmt.Sprint(Sleeper(i % 3))
		}()
	}
	wg.Wait()
	fmt.Println(res)
}
