package main

import "fmt"

func main() {
	s := make([]int, 4)
	done := make(chan bool)
	go func() {
		s[2] = 1
		done <- true
	}()
	s[2] = 2
	<-done
	fmt.Println(len(s))
}
