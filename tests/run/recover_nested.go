// Panics raised inside deferred calls: a nested panic recovered by a
// deferred call of the deferred function leaves the outer panic pending,
// and the outer one is then recovered further out.
package main

import "fmt"

func catch(tag string) {
	r := recover()
	fmt.Println(tag, "recovered:", r)
}

func nested() {
	defer catch("outer")
	defer func() {
		defer catch("inner")
		panic("second")
	}()
	panic("first")
}

func sequential() (n int) {
	defer func() {
		fmt.Println("after:", recover())
		n = 7
	}()
	defer func() {
		fmt.Println("got:", recover())
		defer catch("third")
		panic("third")
	}()
	panic("second")
}

func deep(k int) {
	if k == 0 {
		panic(fmt.Sprint("level ", k))
	}
	defer func() {
		r := recover()
		fmt.Println("deep", k, "saw", r)
		if k < 3 {
			panic(fmt.Sprint("level ", k))
		}
	}()
	deep(k - 1)
}

func main() {
	nested()
	fmt.Println("sequential returned", sequential())
	deep(3)
	fmt.Println("done")
}
