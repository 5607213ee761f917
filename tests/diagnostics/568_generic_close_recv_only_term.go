package main

func F[T chan int | <-chan int](c T) {
	close(c)
}

func main() {}
