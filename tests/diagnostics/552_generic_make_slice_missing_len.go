package main

func F[T ~[]int]() T {
	return make(T)
}

func main() {}
