package main

func F[T int | string]() T {
	var x T = make(T)
	return x
}

func main() {}
