package main

import "fmt"

type T struct{ size int }

func (t T) size() int { return 1 }

func main() {
	fmt.Println(T{})
}
