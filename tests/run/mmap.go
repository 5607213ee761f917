// syscall.Mmap, Mprotect and Munmap: the slice is the mapped memory
// itself (writes through one slice of it are seen through another), its
// pages start zeroed, and the calls fail with Go's errors where Go's do.
package main

import (
	"fmt"
	"syscall"
)

func main() {
	p := syscall.Getpagesize()
	b, err := syscall.Mmap(-1, 0, 3*p, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		panic(err)
	}
	fmt.Println(len(b) == 3*p, cap(b) == 3*p, b[0], b[3*p-1])
	for i := range b {
		b[i] = byte(i % 251)
	}
	sum := 0
	for _, v := range b[p-3 : p+3] {
		sum += int(v)
	}
	fmt.Println("sum", sum)
	// Two slices of one mapping share its memory.
	x, y := b[10:20], b[15:]
	x[7] = 99
	fmt.Println(y[2], b[17])
	copy(b[2*p:], "hello, mapping")
	fmt.Println(string(b[2*p : 2*p+14]))
	b = append(b[:5], 'a', 'b')
	fmt.Println(string(b[5:7]), len(b))
	b = b[:cap(b)]
	// Read-only pages still read.
	if err := syscall.Mprotect(b[2*p:], syscall.PROT_READ); err != nil {
		panic(err)
	}
	fmt.Println(string(b[2*p : 2*p+5]))
	// Errors: an unaligned range, a length of zero, a bad descriptor.
	fmt.Println(syscall.Mprotect(b[1:p], syscall.PROT_READ))
	_, err = syscall.Mmap(-1, 0, 0, syscall.PROT_READ, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	fmt.Println(err, err == syscall.EINVAL)
	_, err = syscall.Mmap(1000, 0, p, syscall.PROT_READ, syscall.MAP_SHARED)
	fmt.Println(err, err == syscall.EBADF)
	// Munmap takes only the whole mapping, once.
	fmt.Println(syscall.Munmap(b[:p]))
	fmt.Println(syscall.Munmap(b[p:]))
	fmt.Println(syscall.Munmap(b))
	fmt.Println(syscall.Munmap(b))
	fmt.Println(syscall.Mprotect(b, syscall.PROT_READ))
	// A new mapping after the old one is gone.
	c, err := syscall.Mmap(-1, 0, 100, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	fmt.Println(len(c), cap(c), err)
	c[99] = 1
	fmt.Println(c[99])
	fmt.Println(syscall.Munmap(c))
	var e error = syscall.Errno(0x7fff)
	fmt.Println(e)
}
