package main

import "fmt"

func main() {
	retry := 0
again:
	retry++
	f := func() {
		if retry < 3 {
			goto again
		}
	}
	f()
	if retry < 2 {
		goto again
	}
	fmt.Println(retry)
}
