// len and cap of an array or pointer-to-array operand are constants only
// when the operand holds no call or receive; otherwise it is evaluated.
package main

import "fmt"

var calls int

func arr() *[4]int { calls++; return nil }
func arrv() [5]int { calls++; return [5]int{} }

func main() {
	fmt.Println(len(arr()), cap(arr()), calls)
	c := make(chan *[3]int, 2)
	c <- nil
	c <- nil
	fmt.Println(cap(<-c), len(c))
	fmt.Println(len(arrv()), calls)
	for range arr() {
	}
	for i := range arrv() {
		_ = i
	}
	fmt.Println(calls)
	var a [7]int
	var pa *[9]int
	const k = len(a)
	const k2 = cap(pa)
	fmt.Println(k, k2, len(pa))
}
