package main

import "fmt"

type pair struct {
	a int, b int
}

func main() {
	fmt.Println(pair{})
}
