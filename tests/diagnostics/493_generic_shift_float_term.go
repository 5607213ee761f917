package main

func F[T ~float64](x T) { _ = x << 1 }

func main() {}
