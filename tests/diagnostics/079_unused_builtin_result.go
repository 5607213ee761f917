package main

import "fmt"

func main() {
	s := []int{1, 2}
	len(s)
	fmt.Println(s)
}
