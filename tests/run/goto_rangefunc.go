package main

import (
	"fmt"
	"maps"
	"slices"
)

func Count(n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		defer fmt.Println("  iterator cleanup", n)
		for i := 0; i < n; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

// goto forward out of a range-over-func loop.
func firstOver(limit, n int) int {
	var found int
	for v := range Count(n) {
		if v*v > limit {
			found = v
			goto done
		}
	}
	return -1
done:
	return found
}

// goto backward out of a range-over-func loop, to restart it.
func restarts() {
	round := 0
again:
	round++
	for v := range Count(5) {
		if v == round {
			fmt.Println("restart after", v)
			goto again
		}
		if round == 3 {
			break
		}
	}
	fmt.Println("rounds", round)
}

// goto within the loop body (both ends inside the body).
func inside() {
	for k, v := range slices.All([]string{"a", "bb", "ccc"}) {
		if len(v) == 2 {
			goto skip
		}
		fmt.Println("keep", k, v)
	skip:
	}
}

// goto out of a nested range-over-func loop, past both loops.
func nested() {
	for i := range Count(3) {
		for j := range Count(3) {
			if i+j == 3 {
				fmt.Println("out at", i, j)
				goto out
			}
		}
	}
out:
	fmt.Println("after nested")
}

// goto to a label in the outer loop's body from the inner loop.
func toOuterBody() {
	for i := range Count(3) {
		for j := range Count(10) {
			if j > i {
				goto next
			}
			fmt.Print(i, j, " ")
		}
	next:
		fmt.Println("| next", i)
	}
}

func main() {
	fmt.Println(firstOver(10, 10))
	fmt.Println(firstOver(1000, 3))
	restarts()
	inside()
	nested()
	toOuterBody()
	m := map[string]int{"x": 1}
	for k := range maps.Keys(m) {
		if k == "x" {
			goto end
		}
	}
	fmt.Println("not reached")
end:
	fmt.Println("end")
}
