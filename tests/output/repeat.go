package main

import (
	"fmt"
	"strings"
)

// A 1 GiB string: the process should need about that much, not twice.
func main() {
	s := strings.Repeat("ab", 1<<29)
	fmt.Println(len(s), s[len(s)-2:])
}
