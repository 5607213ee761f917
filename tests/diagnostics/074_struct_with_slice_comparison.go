package main

import "fmt"

type bag struct{ items []string }

func main() {
	a, b := bag{}, bag{}
	fmt.Println(a == b)
}
