package main

import "fmt"

func main() {
	s := []int{1}
	defer len(s)
	fmt.Println(s)
}
