package main

type Stringer interface{ String() string }

func G[T Stringer](x T) string { return x.String() }
func F[T any](x T) string      { return G(x) }

func main() {}
