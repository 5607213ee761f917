package main

import "fmt"

type T struct{ a int }

func main() {
	t := T{}
	fmt.Println(t == nil)
}
