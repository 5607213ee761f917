package main

import "fmt"

func Bad(yield func(int) bool) {
	yield(1)
	yield(2)
}

func Count(n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		for i := 0; i < n; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

func safe() (r string) {
	defer func() {
		if e := recover(); e != nil {
			r = fmt.Sprint("recovered: ", e)
		}
	}()
	for i := range Count(5) {
		if i == 2 {
			panic("boom at 2")
		}
	}
	return "no panic"
}

func main() {
	fmt.Println(safe())
	for x := range Bad {
		fmt.Println("got", x)
		break
	}
	fmt.Println("unreachable")
}
