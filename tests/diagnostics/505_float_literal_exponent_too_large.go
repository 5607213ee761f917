package main

import "fmt"

func main() {
	fmt.Println(1e1000000000 > 0)
}
