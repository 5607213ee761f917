package main

import (
	"fmt"
	"iter"
	"maps"
	"slices"
)

func Count(n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		defer fmt.Println("  count cleanup", n)
		for i := 0; i < n; i++ {
			if !yield(i) {
				fmt.Println("  count stopped at", i)
				return
			}
		}
	}
}

// Zip pulls from two sequences in step.
func Zip[A, B any](a iter.Seq[A], b iter.Seq[B]) iter.Seq2[A, B] {
	return func(yield func(A, B) bool) {
		na, sa := iter.Pull(a)
		defer sa()
		nb, sb := iter.Pull(b)
		defer sb()
		for {
			x, ok1 := na()
			y, ok2 := nb()
			if !ok1 || !ok2 {
				return
			}
			if !yield(x, y) {
				return
			}
		}
	}
}

func main() {
	next, stop := iter.Pull(Count(3))
	for {
		v, ok := next()
		if !ok {
			break
		}
		fmt.Println("got", v)
	}
	fmt.Println(next())
	stop()
	stop()

	// Stopped early: the iterator's yield returns false.
	next, stop = iter.Pull(Count(10))
	fmt.Println(next())
	fmt.Println(next())
	stop()
	fmt.Println(next())

	// Stopped before the first next: the iterator never starts.
	_, stop = iter.Pull(Count(5))
	stop()

	for a, b := range Zip(slices.Values([]string{"a", "b", "c"}), Count(2)) {
		fmt.Println("zip", a, b)
	}

	m := map[string]int{"x": 1}
	n2, s2 := iter.Pull2(maps.All(m))
	k, v, ok := n2()
	fmt.Println(k, v, ok)
	k, v, ok = n2()
	fmt.Printf("%q %d %v\n", k, v, ok)
	s2()

	// An iterator that ignores yield's false is stopped all the same.
	stubborn := func(yield func(string) bool) {
		for _, s := range []string{"p", "q", "r"} {
			fmt.Println("  stubborn yields", s, yield(s))
		}
	}
	n3, s3 := iter.Pull(iter.Seq[string](stubborn))
	fmt.Println(n3())
	s3()
	fmt.Println(n3())

	// A panic in the iterator reaches the caller of next.
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		bad := func(yield func(int) bool) {
			yield(1)
			panic("iterator failed")
		}
		n4, s4 := iter.Pull(iter.Seq[int](bad))
		defer s4()
		fmt.Println(n4())
		fmt.Println(n4())
	}()
}
