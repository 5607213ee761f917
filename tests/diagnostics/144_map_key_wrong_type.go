package main

import "fmt"

func main() {
	m := map[string]int{}
	m[1] = 2
	fmt.Println(m)
}
