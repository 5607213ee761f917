package main

import "fmt"

func main() {
	i := 0
	goto body
	for i < 3 {
	body:
		fmt.Println(i)
		i++
	}
}
