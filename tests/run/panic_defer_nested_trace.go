// A panic inside a deferred call that a panic runs: Go prints both
// values and the stack of the second panic, which runs on top of the
// frames of the first (the deferred call is shown as called by panic).
package main

import (
	"errors"
	"fmt"
)

type stage struct{ name string }

func (s *stage) run(n int) int {
	if n == 0 {
		var xs []int
		return xs[n+2]
	}
	return s.run(n-1) + 1
}

func cleanup(s *stage) {
	fmt.Println("cleanup of", s.name)
	panic(errors.New("cleanup failed"))
}

func work() int {
	s := &stage{name: "first"}
	defer cleanup(s)
	return s.run(2)
}

func main() {
	fmt.Println("start")
	fmt.Println(work())
}
