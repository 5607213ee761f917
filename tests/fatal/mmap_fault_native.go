package main

import (
	"fmt"
	"runtime/debug"
	"syscall"
)

func main() {
	p := syscall.Getpagesize()
	b, err := syscall.Mmap(-1, 0, 2*p, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		panic(err)
	}
	if err := syscall.Mprotect(b[p:], syscall.PROT_NONE); err != nil {
		panic(err)
	}
	debug.SetPanicOnFault(true)
	defer func() { fmt.Println("not recovered:", recover()) }()
	fmt.Println("before")
	// fmt reads the bytes in a native, which takes the real fault.
	fmt.Println(b[p-2 : p+2])
}
