package main

import "runtime"

type T struct{ n int }

func main() {
	t := &T{1}
	runtime.SetFinalizer(t, func(*T) {})
	runtime.SetFinalizer(t, func(*T) {})
}
