package main

func Mk[S ~[]E, E any](n int) S { return make(S, n) }

func main() { _ = Mk[int](3) }
