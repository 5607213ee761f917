// 01 hello world
package main

import (
	"fmt"
)

func main() {
	fmt.Println("Hello, World!")
	fmt.Printf("%s is %d years old\n", "Gopher", 15)
}
