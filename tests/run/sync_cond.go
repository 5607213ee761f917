package main

// sync.Cond: a bounded queue with producers and consumers waiting on
// two conditions, Broadcast waking every waiter, Signal waking one at a
// time, and a Cond over an RWMutex's read lock.

import (
	"fmt"
	"runtime"
	"sort"
	"sync"
)

// queue is a bounded FIFO guarded by mu; notEmpty and notFull are
// signalled when an item is added or removed.
type queue struct {
	mu       sync.Mutex
	notEmpty *sync.Cond
	notFull  *sync.Cond
	items    []int
	max      int
	closed   bool
}

func newQueue(max int) *queue {
	q := &queue{max: max}
	q.notEmpty = sync.NewCond(&q.mu)
	q.notFull = sync.NewCond(&q.mu)
	return q
}

func (q *queue) put(v int) {
	q.mu.Lock()
	for len(q.items) == q.max {
		q.notFull.Wait()
	}
	q.items = append(q.items, v)
	q.notEmpty.Signal()
	q.mu.Unlock()
}

func (q *queue) get() (int, bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.items) == 0 && !q.closed {
		q.notEmpty.Wait()
	}
	if len(q.items) == 0 {
		return 0, false
	}
	v := q.items[0]
	q.items = q.items[1:]
	q.notFull.Signal()
	return v, true
}

func (q *queue) close() {
	q.mu.Lock()
	q.closed = true
	q.notEmpty.Broadcast()
	q.mu.Unlock()
}

func producerConsumer() {
	q := newQueue(3)
	var prod, cons sync.WaitGroup
	sums := make([]int, 4)
	counts := make([]int, 4)
	for c := 0; c < 4; c++ {
		cons.Add(1)
		go func(c int) {
			defer cons.Done()
			for {
				v, ok := q.get()
				if !ok {
					return
				}
				sums[c] += v
				counts[c]++
				if v%7 == 0 {
					runtime.Gosched()
				}
			}
		}(c)
	}
	for p := 0; p < 3; p++ {
		prod.Add(1)
		go func(p int) {
			defer prod.Done()
			for i := 1; i <= 100; i++ {
				q.put(p*1000 + i)
			}
		}(p)
	}
	prod.Wait()
	q.close()
	cons.Wait()
	total, n := 0, 0
	for c := range sums {
		total += sums[c]
		n += counts[c]
	}
	fmt.Println("consumed", n, "items, sum", total, "left", len(q.items))
}

// broadcast: every waiter wakes, each after the flag is set.
func broadcast() {
	var mu sync.Mutex
	c := sync.NewCond(&mu)
	start := false
	waiting := 0
	var wg sync.WaitGroup
	var woke []int
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			mu.Lock()
			waiting++
			for !start {
				c.Wait()
			}
			woke = append(woke, i)
			mu.Unlock()
		}(i)
	}
	// Wait until all five are waiting (the Cond releases mu in Wait).
	for {
		mu.Lock()
		n := waiting
		mu.Unlock()
		if n == 5 {
			break
		}
		runtime.Gosched()
	}
	mu.Lock()
	start = true
	c.Broadcast()
	mu.Unlock()
	wg.Wait()
	sort.Ints(woke)
	fmt.Println("broadcast woke", woke)
}

// signal: each Signal wakes exactly one waiter; a Signal with no waiter
// is not remembered.
func signal() {
	var mu sync.Mutex
	c := sync.NewCond(&mu)
	c.Signal()
	c.Broadcast()
	tokens := 0
	waiting := 0
	done := make(chan int, 3)
	for i := 0; i < 3; i++ {
		go func(i int) {
			mu.Lock()
			waiting++
			for tokens == 0 {
				c.Wait()
			}
			tokens--
			mu.Unlock()
			done <- i
		}(i)
	}
	for {
		mu.Lock()
		n := waiting
		mu.Unlock()
		if n == 3 {
			break
		}
		runtime.Gosched()
	}
	got := 0
	for k := 0; k < 3; k++ {
		mu.Lock()
		tokens++
		c.Signal()
		mu.Unlock()
		<-done
		got++
		fmt.Println("signal", k, "released", got)
	}
}

// rlocker: a Cond whose Locker is an RWMutex's read side.
func rlocker() {
	var rw sync.RWMutex
	c := sync.NewCond(rw.RLocker())
	ready := false
	done := make(chan bool)
	go func() {
		c.L.Lock()
		for !ready {
			c.Wait()
		}
		c.L.Unlock()
		done <- true
	}()
	runtime.Gosched()
	rw.Lock()
	ready = true
	rw.Unlock()
	c.Broadcast()
	fmt.Println("rlocker waiter done:", <-done)
}

func main() {
	producerConsumer()
	broadcast()
	signal()
	rlocker()
}
