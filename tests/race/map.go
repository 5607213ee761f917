package main

import "fmt"

func main() {
	m := map[string]int{}
	done := make(chan bool)
	go func() {
		m["a"] = 1
		done <- true
	}()
	fmt.Println(m["b"])
	<-done
}
