package main

import "fmt"

const a = 1 << 500

func main() {
	fmt.Println(a *
		a)
}
