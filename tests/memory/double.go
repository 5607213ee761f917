// Doubles a string until memory runs out. Under a memory limit the program
// must end with Go's `fatal error: runtime: out of memory` and exit status
// 2, its printed lines kept, not be killed without a word.
package main

import "fmt"

func main() {
	s := "ab"
	for i := 0; i < 64; i++ {
		s += s
		fmt.Println(i, len(s))
	}
}
