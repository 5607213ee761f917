package main

func main() {
	a, b := 1+2i, 3+4i
	println(a < b)
}
