package main

func F[T any](c T) {
	c <- 1
}

func main() {}
