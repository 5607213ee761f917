package main

func main() {
	var i int = 2i
	println(i)
}
