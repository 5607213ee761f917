package main

func main() {
	var c complex64 = 1e40
	println(c)
}
