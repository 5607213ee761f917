package main

// sync.Once and sync.OnceFunc: a panicking f counts as done, concurrent
// callers wait for the first call of f to finish, OnceFunc repeats the
// panic of f on every call.

import (
	"fmt"
	"sync"
)

func main() {
	var once sync.Once
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		once.Do(func() { panic("first") })
	}()
	once.Do(func() { fmt.Println("never") })
	fmt.Println("after")
	calls := 0
	g := sync.OnceFunc(func() { calls++; fmt.Println("once func") })
	g()
	g()
	fmt.Println(calls)
	h := sync.OnceFunc(func() { calls++; panic(fmt.Sprint("boom ", calls)) })
	for i := 0; i < 3; i++ {
		func() {
			defer func() { fmt.Println("h recovered:", recover()) }()
			h()
		}()
	}
	fmt.Println(calls)
	var o2 sync.Once
	var wg sync.WaitGroup
	var mu sync.Mutex
	order := []string{}
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			o2.Do(func() {
				for k := 0; k < 3; k++ {
					mu.Lock()
					order = append(order, "init")
					mu.Unlock()
				}
			})
			mu.Lock()
			order = append(order, "after")
			mu.Unlock()
		}()
	}
	wg.Wait()
	fmt.Println(order)
}
