package main

import "fmt"

func conv[To, From ~int | ~float64](x From) To {
	return To(x)
}

func main() {
	fmt.Println(conv(3))
}
