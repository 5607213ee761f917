// Faults on mapped memory recovered as panics (debug.SetPanicOnFault):
// reads and writes of a PROT_NONE hole and of read-only pages, at the
// edges of the pages, through slices of the mapping, by indexing, copy,
// append, clear, string conversion and array copies of several sizes;
// the setting is per goroutine.
package main

import (
	"fmt"
	"runtime/debug"
	"syscall"
)

func try(name string, f func()) {
	defer func() {
		r := recover()
		if e, ok := r.(error); ok {
			fmt.Println(name+":", e)
		} else if r != nil {
			fmt.Println(name+": not an error:", r)
		}
	}()
	f()
	fmt.Println(name + ": no fault")
}

func main() {
	fmt.Println(debug.SetPanicOnFault(true))
	p := syscall.Getpagesize()
	b, err := syscall.Mmap(-1, 0, 4*p, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		panic(err)
	}
	// rw | none | read-only | rw
	if err := syscall.Mprotect(b[p:2*p], syscall.PROT_NONE); err != nil {
		panic(err)
	}
	if err := syscall.Mprotect(b[2*p:3*p], syscall.PROT_READ); err != nil {
		panic(err)
	}
	try("read last byte before the hole", func() { fmt.Println(b[p-1]) })
	try("read first byte of the hole", func() { fmt.Println(b[p]) })
	try("read last byte of the hole", func() { fmt.Println(b[2*p-1]) })
	try("write in the hole", func() { b[p+100] = 1 })
	try("read the read-only page", func() { fmt.Println(b[2*p], b[3*p-1]) })
	try("write the read-only page", func() { b[3*p-1] = 1 })
	try("write after it", func() { b[3*p] = 5; fmt.Println(b[3*p]) })
	hole := b[p : 2*p]
	try("index a slice of the hole", func() { fmt.Println(hole[len(hole)/2]) })
	edge := b[p-2 : p+2]
	try("edge[1]", func() { fmt.Println(edge[1]) })
	try("edge[2]", func() { fmt.Println(edge[2]) })
	try("range over the edge", func() {
		n := 0
		for range edge {
			n++
		}
		fmt.Println(n)
	})
	try("sum across the edge", func() {
		s := 0
		for _, v := range edge {
			s += int(v)
		}
		fmt.Println(s)
	})
	try("copy into the hole", func() { copy(b[p-4:], "12345678") })
	try("copy out of the hole", func() { copy(make([]byte, 8), b[p-4:]) })
	try("copy before the hole", func() { fmt.Println(copy(b[p-4:p], "12345678")) })
	try("append into the read-only page", func() { _ = append(b[2*p:2*p], 1) })
	try("clear the hole", func() { clear(b[p : p+1]) })
	try("string of the edge", func() { fmt.Printf("%q\n", string(edge)) })
	try("string before the edge", func() { fmt.Println(string(b[p-2:p]) == "\x00\x00") })
	try("2-byte array", func() { fmt.Println(*(*[2]byte)(b[p-1:])) })
	try("4-byte array", func() { fmt.Println(*(*[4]byte)(b[p-2:])) })
	try("8-byte array", func() { fmt.Println(*(*[8]byte)(b[p-8:])) })
	try("8-byte array store", func() { *(*[8]byte)(b[3*p-4:]) = [8]byte{1} })
	try("16-byte array store", func() { *(*[16]byte)(b[3*p:]) = [16]byte{1}; fmt.Println(b[3*p]) })
	try("pointer to a byte", func() { q := &b[p]; fmt.Println(*q) })
	try("byte pointer store", func() { q := &b[2*p+1]; *q = 3 })
	// Other goroutines start without the setting.
	done := make(chan bool)
	go func() {
		fmt.Println("new goroutine:", debug.SetPanicOnFault(true))
		try("in a goroutine", func() { fmt.Println(b[p+1]) })
		done <- true
	}()
	<-done
	// Unmapped memory faults too.
	if err := syscall.Mprotect(b[p:2*p], syscall.PROT_READ|syscall.PROT_WRITE); err != nil {
		panic(err)
	}
	b[p] = 42
	fmt.Println("hole readable again:", b[p])
	if err := syscall.Munmap(b); err != nil {
		panic(err)
	}
	try("read after Munmap", func() { fmt.Println(b[0]) })
	try("write after Munmap", func() { b[3*p] = 0 })
	fmt.Println(debug.SetPanicOnFault(false))
}
