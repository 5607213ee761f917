package main

type I interface{ M() }
type C[T I] struct{ v T }

func F[T any]() { var c C[T]; _ = c }

func main() {}
