package main

func F[T any](x T) { var m map[T]int; _ = m }

func main() {}
