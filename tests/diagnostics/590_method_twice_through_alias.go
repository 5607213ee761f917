package main

type T struct{}

// A receiver named through an alias is its defined type: A's m is T's.
type A = T

func (T) m() {}
func (A) m() {}

func main() {
	T{}.m()
}
