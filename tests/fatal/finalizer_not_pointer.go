package main

import "runtime"

func main() {
	x := 42
	runtime.SetFinalizer(x, func(int) {})
}
