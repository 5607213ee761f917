package main

// `~` applies to a type that is its own underlying type only.
type MyInt int

func F[T ~MyInt](x T) T { return x }

func main() {}
