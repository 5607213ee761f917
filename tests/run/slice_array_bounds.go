// Slicing an array (or a pointer to one) past its end reports the bound as
// its length, a slice as its capacity, as Go's boundsError does.
package main

func try(f func()) {
	defer func() { println(recover().(error).Error()) }()
	f()
}

func main() {
	var a [3]int
	p := &a
	s := a[:]
	i := 5
	try(func() { _ = a[:i] })
	try(func() { _ = p[:i] })
	try(func() { _ = a[:1:i] })
	try(func() { _ = p[:1:i] })
	try(func() { _ = s[:i] })
	try(func() { _ = s[:1:i] })
	try(func() { _ = a[i:] })
	j := 2
	try(func() { _ = a[j:1:i] })
	try(func() { _ = a[j:1] })
}
