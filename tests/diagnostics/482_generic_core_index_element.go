package main

func F[T ~[]E, E any](x T) int { return x[0] }

func main() {}
