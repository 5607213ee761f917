package main

import "fmt"

func main() {
	ok := true
	fmt.Println(ok + 1)
}
