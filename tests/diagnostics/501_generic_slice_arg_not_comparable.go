package main

func G[T comparable](x T) {}
func F[T any](x []T)      { G(x) }

func main() {}
