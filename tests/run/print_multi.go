// print and println of a call with several results print each result.
package main

import "fmt"

func two() (int, int)                { return 1, 2 }
func three() (string, float64, bool) { return "a", 1.5, true }

func main() {
	println(two())
	print(two())
	print("\n")
	println(three())
	fmt.Println(two())
	defer println(three())
	defer print(two())
}
