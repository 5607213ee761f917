package main

func F[T any](x []T) T { return x[0] + x[1] }

func main() {}
