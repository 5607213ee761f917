package main

func F[T, U any](x T) U { return U(x) }

func main() {}
