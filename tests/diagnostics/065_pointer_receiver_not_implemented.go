package main

import "fmt"

type Counter interface{ Inc() }

type C struct{ n int }

func (c *C) Inc() { c.n++ }

func main() {
	var c Counter = C{}
	c.Inc()
	fmt.Println("done")
}
