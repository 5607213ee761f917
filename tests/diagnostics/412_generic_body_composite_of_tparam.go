package main

func F[T any]() {
	_ = T{}
}

func main() {}
