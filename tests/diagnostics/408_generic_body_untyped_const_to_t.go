package main

func F[T any]() {
	var _ T = 0
}

func main() {}
