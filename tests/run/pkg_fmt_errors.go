package main

import "fmt"

func main() {
	fmt.Printf("%d\n", "str")
	fmt.Printf("%s\n", 42)
	fmt.Printf("%d %d\n", 1)
	fmt.Printf("%d\n", 1, 2, "x")
	fmt.Printf("%z\n", 3)
	fmt.Printf("%!\n")
	fmt.Printf("%")
	fmt.Println()
	fmt.Printf("%[3]d\n", 1, 2)
	fmt.Printf("%.*d\n", "x", 1)
	fmt.Printf("%t\n", 1)
	fmt.Printf("%x\n", 3.5)
	fmt.Printf("%c\n", "c")
	fmt.Printf("no verbs\n", 1)
	s := fmt.Sprintf("%v %v", 1)
	fmt.Println(s, len(s))
}
