package main

func F[T any]() { var y T; y = 1; _ = y }

func main() {}
