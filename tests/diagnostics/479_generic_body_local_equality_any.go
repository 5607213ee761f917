package main

func F[T any](x, y T) bool { var a, b T = x, y; return a == b }

func main() {}
