package main

func main() {
	x := 1 + 2i
	println(complex(1, x))
}
