package main

func F[K comparable, V any](m map[K]V, k K) V { return m[k] + m[k] }

func main() {}
