package main

type S[T any] T

func main() {}
