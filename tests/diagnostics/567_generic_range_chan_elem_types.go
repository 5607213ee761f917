package main

func F[T chan int | chan string](c T) {
	for x := range c {
		_ = x
	}
}

func main() {}
