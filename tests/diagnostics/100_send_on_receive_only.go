package main

import "fmt"

func produce(ch <-chan int) {
	ch <- 1
	fmt.Println("sent")
}

func main() {
	produce(make(chan int, 1))
}
