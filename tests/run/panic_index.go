package main

import "fmt"

func get(s string, i int) byte {
	return s[i]
}

func main() {
	fmt.Println("before")
	fmt.Println(get("abc", 5))
	fmt.Println("after")
}
