package main

func main() {
	x, y := 1i, 2i
	println(min(x, y))
}
