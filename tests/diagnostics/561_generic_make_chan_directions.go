package main

func F[T chan<- int | <-chan int]() {
	_ = make(T)
}

func main() {}
