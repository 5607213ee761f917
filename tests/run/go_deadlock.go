package main

import "fmt"

func worker(c chan int) {
	c <- 1
	c <- 2
}

func main() {
	c := make(chan int)
	go worker(c)
	fmt.Println(<-c)
	var d chan int
	<-d
}
