package main

import "fmt"

func main() {
	var v any = 1
	switch t := v.(type) {
	case int:
		fmt.Println("int")
	}
}
