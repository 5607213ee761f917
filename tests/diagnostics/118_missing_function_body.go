package main

import "fmt"

func helper() int

func main() {
	fmt.Println(helper())
}
