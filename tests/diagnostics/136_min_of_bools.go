package main

import "fmt"

func main() {
	fmt.Println(min(true, false))
}
