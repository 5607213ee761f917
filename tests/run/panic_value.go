package main

import "fmt"

func check(n int) {
	if n > 2 {
		panic(fmt.Sprintf("n too big: %d", n))
	}
}

func main() {
	for i := 0; i < 5; i++ {
		fmt.Println("check", i)
		check(i)
	}
}
