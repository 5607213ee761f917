package main

// `a, b ...int` gives `...` to a parameter that is not the last one.
func f(a, b ...int) {}

func main() {
	f(1, 2)
}
