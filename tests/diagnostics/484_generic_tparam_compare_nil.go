package main

func F[T ~int](x T) bool { return x == nil }

func main() {}
