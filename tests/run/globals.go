package main

import "fmt"

var a = b + 1
var b = f()
var c, d = pair()
var counter int
var greeting = "hi " + name
var name = "gol"

func f() int {
	counter++
	return 41
}

func pair() (int, string) { return 7, "seven" }

func init() {
	counter += 10
	fmt.Println("init", a, b, counter)
}

func main() {
	fmt.Println(a, b, c, d, counter, greeting)
	counter = 5
	bump()
	fmt.Println(counter)
}

func bump() { counter *= 3 }
