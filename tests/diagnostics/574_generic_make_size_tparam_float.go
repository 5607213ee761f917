package main

func f[T ~[]int, N interface{ ~int | ~float64 }](n N) T { return make(T, n) }

func main() {}
