// Reads standard input with bufio.Scanner and prints each line numbered
// and upper-cased, then the count.
package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"
)

func main() {
	sc := bufio.NewScanner(os.Stdin)
	n := 0
	for sc.Scan() {
		n++
		fmt.Println(n, strings.ToUpper(sc.Text()))
	}
	fmt.Println(n, "lines", sc.Err())
}
