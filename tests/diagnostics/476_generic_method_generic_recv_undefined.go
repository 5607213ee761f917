package main

type Pair[K, V any] struct {
	k K
	v V
}

func (p Pair[K, V]) Swap() Pair[V, K] {
	return Pair[V, K]{p.v, p.key}
}

func main() {}
