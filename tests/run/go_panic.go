package main

import "fmt"

func boom(n int) {
	if n == 3 {
		panic(fmt.Sprintf("boom %d", n))
	}
}

func main() {
	done := make(chan bool)
	go func() {
		boom(3)
		done <- true
	}()
	<-done
	fmt.Println("unreachable")
}
