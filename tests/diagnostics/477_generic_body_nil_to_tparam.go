package main

func F[T any](x T) { var y T = nil; _ = y }

func main() {}
