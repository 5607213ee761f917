// A recovered value panicked again from the deferred call ("[recovered,
// repanicked]" since Go 1.23): the trace is the new panic's, on top of
// the frames of the first.
package main

import "fmt"

type T struct{ v []int }

func (t T) get(i int) int { return t.v[i] }

func guarded(t T) int {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println("recovered:", r)
			panic(r)
		}
	}()
	return t.get(5)
}

func main() {
	fmt.Println(guarded(T{v: []int{1, 2}}))
}
