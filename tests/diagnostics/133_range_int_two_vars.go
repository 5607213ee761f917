package main

import "fmt"

func main() {
	for i, j := range 10 {
		fmt.Println(i, j)
	}
}
