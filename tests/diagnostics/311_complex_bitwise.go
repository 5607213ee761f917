package main

func main() {
	var c complex64 = 1
	println(c & c)
}
