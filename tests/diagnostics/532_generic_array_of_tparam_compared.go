package main

func F[T any](a, b [2]T) bool { return a == b }

func main() {}
