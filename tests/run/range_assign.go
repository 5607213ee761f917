package main

import "fmt"

func main() {
	var k, v any
	for k, v = range map[string]int{"a": 1} {
	}
	fmt.Println(k, v)
	for k, v = range []string{"x", "y"} {
	}
	fmt.Println(k, v)
	for k = range 3 {
	}
	fmt.Println(k)
}
