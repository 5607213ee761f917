package main

func F[M ~map[string]int | ~string](m M) { clear(m) }

func main() {}
