package main

import "fmt"

func main() {
	var v any = 1
	switch v.(type) {
	case int:
		fmt.Println("int")
	case int:
		fmt.Println("int again")
	}
}
