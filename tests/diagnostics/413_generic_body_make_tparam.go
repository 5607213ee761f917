package main

func F[T any]() {
	_ = make(T)
}

func main() {}
