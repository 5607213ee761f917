// fmt.Fscan(os.Stdin), fmt.Scan, then a bufio.Reader and a bufio.Scanner over
// os.Stdin: each reader starts where the one before stopped, as in Go.
package main

import (
	"bufio"
	"fmt"
	"os"
)

func main() {
	var n int
	fmt.Fscan(os.Stdin, &n)
	var m int
	fmt.Scan(&m)
	fmt.Println(n, m)
	in := bufio.NewReader(os.Stdin)
	var a, b int
	fmt.Fscan(in, &a, &b)
	fmt.Println(a + b)
	line, err := in.ReadString('\n')
	fmt.Printf("%q %v\n", line, err)
	sc := bufio.NewScanner(in)
	for sc.Scan() {
		fmt.Printf("line %q\n", sc.Text())
	}
}
