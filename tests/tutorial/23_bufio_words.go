// 23 bufio words
package main

import (
	"bufio"
	"fmt"
	"strings"
)

func main() {
	sc := bufio.NewScanner(strings.NewReader("the cat sat on the mat the end"))
	sc.Split(bufio.ScanWords)
	counts := map[string]int{}
	for sc.Scan() {
		counts[sc.Text()]++
	}
	fmt.Println(counts)
	w := bufio.NewWriter(&strings.Builder{})
	fmt.Fprintf(w, "%d words", len(counts))
	fmt.Println(w.Buffered())
}
