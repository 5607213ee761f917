package main

import "fmt"

func (n int) Double() int { return 2 * n }

func main() {
	fmt.Println(3)
}
