package main

func main() {
	const big = 1e300 + 1e300i
	var c complex64 = big
	println(c)
}
