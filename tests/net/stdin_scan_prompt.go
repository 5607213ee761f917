// Prompts and reads one number per line: each answer is printed before the
// next line of input arrives (a scan reads no further than it needs).
package main

import "fmt"

func main() {
	var n, m int
	fmt.Print("n? ")
	fmt.Scan(&n)
	fmt.Println("got", n)
	fmt.Print("m? ")
	fmt.Scan(&m)
	fmt.Println("got", m)
}
