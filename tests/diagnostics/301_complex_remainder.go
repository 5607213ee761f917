package main

func main() {
	var a complex128 = 2i
	println(a % a)
}
