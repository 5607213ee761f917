package main

func F[T chan int | chan<- int](c T) {
	for range c {
	}
}

func main() {}
