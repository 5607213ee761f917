package main

import "fmt"

func main() {
	s := "hello
	fmt.Println(s)
}
