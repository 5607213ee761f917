package main

// A function named where a type belongs, in its own signature, is no
// type (not a cycle).
func f(x f) {}

func main() {}
