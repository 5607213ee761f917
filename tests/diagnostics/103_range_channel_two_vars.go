package main

import "fmt"

func main() {
	ch := make(chan int)
	close(ch)
	for i, v := range ch {
		fmt.Println(i, v)
	}
}
