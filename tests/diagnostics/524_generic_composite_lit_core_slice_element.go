package main

func F[T ~[]int]() T { return T{"a"} }

func main() {}
