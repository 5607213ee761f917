package main

func F[M ~map[string]int | ~map[int]int](m M) { delete(m, "a") }

func main() {}
