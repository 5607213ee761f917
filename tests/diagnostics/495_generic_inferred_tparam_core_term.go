package main

type Num interface{ ~int | ~float64 }

func G[T ~int](x T) T { return x }
func F[T Num](x T) T  { return G(x) }

func main() {}
