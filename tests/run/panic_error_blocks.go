package main

// An unrecovered panic's values print as their Error methods return, and
// Go runs those methods on the panicking goroutine before it prints: a
// method may wait (a channel another goroutine feeds, a mutex, a sleep)
// while the others run and collect, and the values it reads stay alive.

import (
	"fmt"
	"runtime"
	"strings"
	"sync"
	"time"
)

type Big struct{ parts []string }

type E struct {
	name string
	big  *Big
	ch   chan string
	mu   *sync.Mutex
}

func (e E) Error() string {
	e.mu.Lock()
	defer e.mu.Unlock()
	got := <-e.ch
	time.Sleep(time.Millisecond)
	return e.name + " " + got + " " + strings.Join(e.big.parts, ",")
}

func mk(name string, ch chan string, mu *sync.Mutex) E {
	b := &Big{}
	for i := 0; i < 4; i++ {
		b.parts = append(b.parts, strings.Repeat(name, i+1))
	}
	return E{name, b, ch, mu}
}

func main() {
	ch := make(chan string)
	mu := &sync.Mutex{}
	go func() {
		for {
			var junk [][]string
			for j := 0; j < 200; j++ {
				junk = append(junk, []string{strings.Repeat("X", j%13)})
			}
			_ = junk
			runtime.GC()
			ch <- "fed"
		}
	}()
	fmt.Println("start")
	defer func() {
		panic(mk("second", ch, mu))
	}()
	panic(mk("first", ch, mu))
}
