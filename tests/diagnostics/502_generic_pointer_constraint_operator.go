package main

type Ptr[T any] interface {
	*T
	Set(string)
}

func F[T any, P Ptr[T]](s string) T { var v T; P(&v).Set(s); return v + 1 }

func main() {}
