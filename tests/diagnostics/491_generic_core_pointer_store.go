package main

func F[P ~*int](p P) { *p = "a" }

func main() {}
