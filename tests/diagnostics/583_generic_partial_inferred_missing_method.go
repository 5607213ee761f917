package main

func F[A any, T interface{ ~[]A; m() }](x T) {}

type I []int

func main() { F[int](I{}) }
