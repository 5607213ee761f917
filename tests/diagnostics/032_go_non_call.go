package main

import "fmt"

func main() {
	f := func() { fmt.Println("bye") }
	go f
}
