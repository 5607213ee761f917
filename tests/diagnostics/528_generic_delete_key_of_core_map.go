package main

func F[M ~map[string]int | ~map[string]bool](m M) { delete(m, 1) }

func main() {}
