package main

import "fmt"

func spin(n int) int {
	s := 0
	for i := 0; ; i++ {
		s += i * n
		if s == -1 {
			break
		}
	}
	return s
}

func main() {
	fmt.Println("spinning")
	fmt.Println(spin(3))
}
