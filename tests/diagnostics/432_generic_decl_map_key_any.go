package main

func F[T any](m map[T]int) {
}

func main() {}
