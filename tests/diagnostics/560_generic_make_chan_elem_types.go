package main

func F[T chan int | chan string]() {
	_ = make(T)
}

func main() {}
