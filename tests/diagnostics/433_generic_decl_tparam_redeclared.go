package main

func F[T any, T any]() {
}

func main() {}
