package main

func F[T int | []int](a, b T) T {
	return min(a, b)
}

func main() {}
