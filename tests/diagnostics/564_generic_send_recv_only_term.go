package main

func F[T chan int | <-chan int](c T) {
	c <- 1
}

func main() {}
