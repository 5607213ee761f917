package main

func F[T ~[]int | ~map[int]int]() {
	_ = make(T, 3)
}

func main() {}
