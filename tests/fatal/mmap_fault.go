package main

import (
	"fmt"
	"runtime/debug"
	"syscall"
)

func poke(b []byte, i int) {
	defer func() { fmt.Println("not recovered:", recover()) }()
	b[i] = 1
}

func main() {
	p := syscall.Getpagesize()
	b, err := syscall.Mmap(-1, 0, 2*p, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		panic(err)
	}
	if err := syscall.Mprotect(b[p:], syscall.PROT_READ); err != nil {
		panic(err)
	}
	// Another goroutine's setting is not this one's.
	done := make(chan bool)
	go func() {
		debug.SetPanicOnFault(true)
		done <- true
	}()
	<-done
	fmt.Println("before")
	poke(b, p+8)
	fmt.Println("unreachable")
}
