package main

func F[T chan int | []int](c T) {
	<-c
}

func main() {}
