package main

func main() {
	println(1i < 2i)
}
