package main

// An Error method that Go runs to print an unrecovered panic's value
// waits on a channel nobody sends to: all goroutines are asleep.

import "fmt"

type E struct{ ch chan string }

func (e E) Error() string { return <-e.ch }

func main() {
	fmt.Println("start")
	panic(E{make(chan string)})
}
