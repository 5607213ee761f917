package main

func main() {
	var c complex64 = 1
	var d complex128 = 2
	println(c + d)
}
