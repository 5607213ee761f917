package main

type List[E any] []E

func (l List[E]) Map[E any](f func(E) E) {}

func main() {
}
