package main

import "fmt"

func main() {
	var c complex128
	var d complex64
	n, err := fmt.Sscan("(1+2i) 3.5-4e1i", &c, &d)
	fmt.Println(n, err, c, d)
	n, err = fmt.Sscanf("5-6i", "%g", &c)
	fmt.Println(n, err, c)
	n, err = fmt.Sscan("7+8", &c)
	fmt.Println(n, err)
	n, err = fmt.Sscan("(1+2i", &c)
	fmt.Println(n, err)
	n, err = fmt.Sscanf("1+1i", "%d", &c)
	fmt.Println(n, err)
	n, err = fmt.Sscan("1e400+1i", &c)
	fmt.Println(n, err)
}
