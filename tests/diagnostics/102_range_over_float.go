package main

import "fmt"

func main() {
	for i := range 2.5 {
		fmt.Println(i)
	}
}
