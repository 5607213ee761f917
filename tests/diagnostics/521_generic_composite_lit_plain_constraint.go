package main

func F[T int]() T { return T{} }

func main() {}
