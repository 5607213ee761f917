// 22 bufio read file lines
package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

func main() {
	dir, err := os.MkdirTemp("", "lines")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)
	name := filepath.Join(dir, "poem.txt")
	os.WriteFile(name, []byte("roses are red\nviolets are blue\n\ngo is fun\n"), 0o644)
	f, err := os.Open(name)
	if err != nil {
		panic(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n, words := 0, 0
	for sc.Scan() {
		n++
		words += len(strings.Fields(sc.Text()))
		fmt.Printf("%2d: %s\n", n, sc.Text())
	}
	if err := sc.Err(); err != nil {
		fmt.Println(err)
	}
	fmt.Println("lines:", n, "words:", words)
}
