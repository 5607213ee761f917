package main

func F[T any]() { var m map[struct{ x T }]int; _ = m }

func main() {}
