package main

func F[M ~map[K]V, K comparable, V any](m M) {}

func main() { F([]int{}) }
