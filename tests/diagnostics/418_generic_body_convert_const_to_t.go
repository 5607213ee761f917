package main

func F[T any]() {
	_ = T(1)
}

func main() {}
