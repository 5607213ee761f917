package main

func F[T any]() {
	_ = T.x
}

func main() {}
