package main

import "fmt"

func drain(ch <-chan int) {
	close(ch)
	fmt.Println("closed")
}

func main() {
	drain(make(chan int))
}
