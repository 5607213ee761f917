package main

import "fmt"

type C struct{ n int }

func (c *C) Inc() { c.n++ }

func main() {
	C{}.Inc()
	fmt.Println("x")
}
