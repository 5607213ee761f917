package main

import "runtime"

type T struct{ n int }

func main() {
	runtime.SetFinalizer(&T{1}, func(p *int) {})
}
