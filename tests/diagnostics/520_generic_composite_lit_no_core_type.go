package main

func F[T ~[]int | ~[]string]() T { return T{} }

func main() {}
