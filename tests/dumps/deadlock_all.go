// Every goroutine asleep: the deadlock report, in full unless
// GOTRACEBACK=none.
package main

import "fmt"

func main() {
	c := make(chan int)
	go func() { c <- 1; c <- 2 }()
	fmt.Println(<-c)
	var never chan int
	<-never
}
