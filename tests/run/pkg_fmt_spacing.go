package main

import "fmt"

type S string
type N int

func main() {
	fmt.Println(fmt.Sprint("a", "b"), fmt.Sprint(1, 2), fmt.Sprint("a", 1, "b"), fmt.Sprint(1, "a", 2))
	fmt.Println(fmt.Sprint(S("x"), S("y")), fmt.Sprint(N(1), N(2)), fmt.Sprint(1.5, true, nil))
	fmt.Println(fmt.Sprint([]int{1}, []int{2}), fmt.Sprint("x", []int{2}, 3))
	fmt.Printf("%q\n", fmt.Sprintln("a", "b", 1))
	fmt.Printf("[%5s][%-5s][%5.1s][%05s]\n", "héllo", "ñ", "日本", "ab")
	fmt.Printf("[%3c][%-3c][%03d][%+05d][%x]\n", '世', 'x', -7, 7, -255)
	fmt.Printf("[%10.3v][%-10v][%10v]\n", 3.14159, "left", []int{1, 2})
	fmt.Printf("[% x][%#x][% X]\n", "abc", "abc", []byte{1, 2})
	fmt.Printf("[%8.2e][%-12g][%G]\n", 123.456, 1e-10, 2.5e20)
}
