package main

func F[T ~int](x T) string { return T(1.5) }

func main() {}
