package main

func F[T ~int, U ~int](a T, b U) T {
	return max(a, b)
}

func main() {}
