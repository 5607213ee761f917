package main

func F[T interface{ ~int; String() string }]() {}

func main() { F[float64]() }
