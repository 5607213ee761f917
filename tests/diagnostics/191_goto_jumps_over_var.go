package main

import "fmt"

func main() {
	goto end
	{
		inner := 1
		fmt.Println(inner)
	}
	var (
		a = 1
		b = 2
	)
	fmt.Println(a, b)
end:
}
