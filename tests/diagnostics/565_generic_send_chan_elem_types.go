package main

func F[T chan int | chan string](c T) {
	c <- 1
}

func main() {}
