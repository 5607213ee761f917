package main

func G[T comparable](x T) {}
func F[T any](x T)        { G[T](x) }

func main() {}
