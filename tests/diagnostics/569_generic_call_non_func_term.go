package main

func F[T func() | chan int](c T) {
	c()
}

func main() {}
